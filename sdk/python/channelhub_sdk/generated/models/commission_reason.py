from enum import StrEnum

class CommissionReason(StrEnum):
    NEW = "new"
    RENEWAL = "renewal"

    def __str__(self) -> str:
        return str(self.value)
