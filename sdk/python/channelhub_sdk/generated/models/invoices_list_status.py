from enum import StrEnum

class InvoicesListStatus(StrEnum):
    CANCELLED = "cancelled"
    CREDITED = "credited"
    OPEN = "open"
    OVERDUE = "overdue"
    PAID = "paid"
    PARTIALLY_PAID = "partially_paid"

    def __str__(self) -> str:
        return str(self.value)
