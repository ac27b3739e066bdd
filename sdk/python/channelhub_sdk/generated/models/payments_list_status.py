from enum import StrEnum

class PaymentsListStatus(StrEnum):
    MATCHED = "matched"
    PARTIAL = "partial"
    REVERSED = "reversed"
    UNMATCHED = "unmatched"

    def __str__(self) -> str:
        return str(self.value)
