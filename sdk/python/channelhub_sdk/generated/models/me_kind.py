from enum import StrEnum

class MeKind(StrEnum):
    CUSTOMER = "customer"
    RESELLER = "reseller"
    STAFF = "staff"
    SYSTEM = "system"

    def __str__(self) -> str:
        return str(self.value)
