from enum import StrEnum

class MoneyInType3Currency(StrEnum):
    CLF = "CLF"
    UYW = "UYW"

    def __str__(self) -> str:
        return str(self.value)
