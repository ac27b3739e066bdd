from enum import StrEnum

class Edition(StrEnum):
    COMMERCIAL = "commercial"
    LEGACY_FREE = "legacy_free"
    NON_PROFIT = "non_profit"

    def __str__(self) -> str:
        return str(self.value)
