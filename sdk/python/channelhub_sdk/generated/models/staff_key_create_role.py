from enum import StrEnum

class StaffKeyCreateRole(StrEnum):
    ADMIN = "admin"
    BILLING = "billing"
    CREDIT_OFFICER = "credit_officer"

    def __str__(self) -> str:
        return str(self.value)
