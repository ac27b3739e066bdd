from enum import IntEnum

class ContractCreateTermMonths(IntEnum):
    VALUE_12 = 12
    VALUE_24 = 24
    VALUE_36 = 36

    def __str__(self) -> str:
        return str(self.value)
