from enum import StrEnum

class CustomersListKind(StrEnum):
    DOMAIN = "domain"
    TEAM = "team"

    def __str__(self) -> str:
        return str(self.value)
