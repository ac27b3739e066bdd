from enum import StrEnum

class UndoneReason(StrEnum):
    CREDIT_NOTE = "credit_note"
    REVERSAL = "reversal"

    def __str__(self) -> str:
        return str(self.value)
