from enum import StrEnum

class CommissionOutReason(StrEnum):
    NEW = "new"
    RENEWAL = "renewal"

    def __str__(self) -> str:
        return str(self.value)
