from enum import StrEnum

class ApplicationCreateBusinessType(StrEnum):
    CONSULTANCY = "consultancy"
    OTHER = "other"
    RESELLER = "reseller"

    def __str__(self) -> str:
        return str(self.value)
