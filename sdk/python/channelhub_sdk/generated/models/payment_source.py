from enum import StrEnum

class PaymentSource(StrEnum):
    BANK_STATEMENT = "bank_statement"
    MANUAL = "manual"

    def __str__(self) -> str:
        return str(self.value)
