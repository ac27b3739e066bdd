from enum import StrEnum

class Standing(StrEnum):
    ESTABLISHED = "established"
    NEW = "new"
    PREPAY_REQUIRED = "prepay_required"

    def __str__(self) -> str:
        return str(self.value)
