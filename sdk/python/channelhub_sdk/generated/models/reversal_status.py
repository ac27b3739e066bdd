from enum import StrEnum

class ReversalStatus(StrEnum):
    APPLIED = "applied"
    UNMATCHED = "unmatched"

    def __str__(self) -> str:
        return str(self.value)
