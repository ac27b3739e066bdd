from enum import StrEnum

class MoneyInType2Currency(StrEnum):
    BHD = "BHD"
    JOD = "JOD"
    KWD = "KWD"
    LYD = "LYD"
    OMR = "OMR"
    TND = "TND"

    def __str__(self) -> str:
        return str(self.value)
