from enum import StrEnum

class InvoiceKind(StrEnum):
    ORDER = "order"
    SUBSCRIPTION = "subscription"
    WAAS = "waas"

    def __str__(self) -> str:
        return str(self.value)
