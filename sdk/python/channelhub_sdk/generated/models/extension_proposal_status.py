from enum import StrEnum

class ExtensionProposalStatus(StrEnum):
    ACCEPTED = "accepted"
    PROPOSED = "proposed"

    def __str__(self) -> str:
        return str(self.value)
