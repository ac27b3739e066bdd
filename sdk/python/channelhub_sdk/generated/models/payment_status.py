from enum import StrEnum

class PaymentStatus(StrEnum):
    MATCHED = "matched"
    PARTIAL = "partial"
    REVERSED = "reversed"
    UNMATCHED = "unmatched"

    def __str__(self) -> str:
        return str(self.value)
