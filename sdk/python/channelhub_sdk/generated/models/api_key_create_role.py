from enum import StrEnum

class ApiKeyCreateRole(StrEnum):
    RESELLER_ADMIN = "reseller_admin"
    RESELLER_USER = "reseller_user"

    def __str__(self) -> str:
        return str(self.value)
