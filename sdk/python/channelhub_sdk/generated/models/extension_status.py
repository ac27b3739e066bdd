from enum import StrEnum

class ExtensionStatus(StrEnum):
    ACCEPTED = "accepted"
    PROPOSED = "proposed"

    def __str__(self) -> str:
        return str(self.value)
