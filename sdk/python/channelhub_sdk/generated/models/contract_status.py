from enum import StrEnum

class ContractStatus(StrEnum):
    ACTIVE = "active"
    AWAITING_SIGNATURES = "awaiting_signatures"
    CREDIT_APPROVED = "credit_approved"
    CREDIT_CHECK_PENDING = "credit_check_pending"
    CREDIT_REJECTED = "credit_rejected"
    DRAFT = "draft"
    ENDED = "ended"
    RETURNED = "returned"
    TERMINATED = "terminated"

    def __str__(self) -> str:
        return str(self.value)
