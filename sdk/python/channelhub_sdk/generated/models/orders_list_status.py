from enum import StrEnum

class OrdersListStatus(StrEnum):
    CANCELLED = "cancelled"
    FULFILLED = "fulfilled"
    HANDED_OVER = "handed_over"
    PLACED = "placed"
    RELEASED = "released"

    def __str__(self) -> str:
        return str(self.value)
