from enum import StrEnum

class ChargeStatus(StrEnum):
    PENDING_PAYMENT = "pending_payment"
    RELEASED = "released"

    def __str__(self) -> str:
        return str(self.value)
