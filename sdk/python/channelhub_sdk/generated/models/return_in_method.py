from enum import StrEnum

class ReturnInMethod(StrEnum):
    PICKUP = "pickup"
    SELF = "self"

    def __str__(self) -> str:
        return str(self.value)
