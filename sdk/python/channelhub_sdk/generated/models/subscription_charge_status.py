from enum import StrEnum

class SubscriptionChargeStatus(StrEnum):
    PENDING_PAYMENT = "pending_payment"
    RELEASED = "released"

    def __str__(self) -> str:
        return str(self.value)
