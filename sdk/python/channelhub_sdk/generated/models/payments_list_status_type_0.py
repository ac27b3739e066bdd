from enum import StrEnum

class PaymentsListStatusType0(StrEnum):
    MATCHED = "matched"
    PARTIAL = "partial"
    REVERSED = "reversed"
    UNMATCHED = "unmatched"

    def __str__(self) -> str:
        return str(self.value)
