from enum import StrEnum

class AgingRowGroup(StrEnum):
    PARTNER = "partner"
    WAAS = "waas"

    def __str__(self) -> str:
        return str(self.value)
