from enum import StrEnum

class CustomerKind(StrEnum):
    DOMAIN = "domain"
    TEAM = "team"

    def __str__(self) -> str:
        return str(self.value)
