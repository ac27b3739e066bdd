from enum import StrEnum

class BusinessType(StrEnum):
    CONSULTANCY = "consultancy"
    OTHER = "other"
    RESELLER = "reseller"

    def __str__(self) -> str:
        return str(self.value)
