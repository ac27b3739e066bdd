from enum import StrEnum

class CustomersListKindType0(StrEnum):
    DOMAIN = "domain"
    TEAM = "team"

    def __str__(self) -> str:
        return str(self.value)
