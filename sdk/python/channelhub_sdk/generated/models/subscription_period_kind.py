from enum import StrEnum

class SubscriptionPeriodKind(StrEnum):
    CONVERSION = "conversion"
    INITIAL = "initial"
    RENEWAL = "renewal"
    TRIAL = "trial"

    def __str__(self) -> str:
        return str(self.value)
