from enum import StrEnum

class ApiKeyRole(StrEnum):
    ADMIN = "admin"
    BILLING = "billing"
    CREDIT_OFFICER = "credit_officer"
    CUSTOMER_ADMIN = "customer_admin"
    RESELLER_ADMIN = "reseller_admin"
    RESELLER_USER = "reseller_user"

    def __str__(self) -> str:
        return str(self.value)
