from enum import StrEnum

class ResellerApplicationsListStatus(StrEnum):
    APPROVED = "approved"
    REJECTED = "rejected"
    SUBMITTED = "submitted"

    def __str__(self) -> str:
        return str(self.value)
