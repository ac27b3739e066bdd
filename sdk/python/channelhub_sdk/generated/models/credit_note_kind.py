from enum import StrEnum

class CreditNoteKind(StrEnum):
    CANCELLATION = "cancellation"
    CORRECTION = "correction"
    EXPIRY = "expiry"
    HANDOVER = "handover"

    def __str__(self) -> str:
        return str(self.value)
