from enum import StrEnum

class OrderCreatePaymentMethod(StrEnum):
    BANK_TRANSFER = "bank_transfer"
    CARD = "card"

    def __str__(self) -> str:
        return str(self.value)
