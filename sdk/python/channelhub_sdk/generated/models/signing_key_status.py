from enum import StrEnum

class SigningKeyStatus(StrEnum):
    ACTIVE = "active"
    RETIRED = "retired"
    REVOKED = "revoked"

    def __str__(self) -> str:
        return str(self.value)
