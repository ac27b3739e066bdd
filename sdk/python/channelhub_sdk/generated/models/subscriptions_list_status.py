from enum import StrEnum

class SubscriptionsListStatus(StrEnum):
    ACTIVE = "active"
    CANCELLED = "cancelled"
    EXPIRED = "expired"
    PENDING_PAYMENT = "pending_payment"
    TRIAL = "trial"

    def __str__(self) -> str:
        return str(self.value)
