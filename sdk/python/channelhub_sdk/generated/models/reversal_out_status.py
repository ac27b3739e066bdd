from enum import StrEnum

class ReversalOutStatus(StrEnum):
    APPLIED = "applied"
    UNMATCHED = "unmatched"

    def __str__(self) -> str:
        return str(self.value)
