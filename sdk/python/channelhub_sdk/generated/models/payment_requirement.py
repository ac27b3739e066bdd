from enum import StrEnum

class PaymentRequirement(StrEnum):
    ON_ACCOUNT = "on_account"
    PREPAY = "prepay"

    def __str__(self) -> str:
        return str(self.value)
