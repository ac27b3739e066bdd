from enum import IntEnum

class SubscriptionCreateTermMonths(IntEnum):
    VALUE_1 = 1
    VALUE_12 = 12

    def __str__(self) -> str:
        return str(self.value)
