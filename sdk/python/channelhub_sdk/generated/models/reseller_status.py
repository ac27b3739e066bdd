from enum import StrEnum

class ResellerStatus(StrEnum):
    ACTIVE = "active"
    PENDING_POLICY = "pending_policy"
    SUSPENDED = "suspended"

    def __str__(self) -> str:
        return str(self.value)
