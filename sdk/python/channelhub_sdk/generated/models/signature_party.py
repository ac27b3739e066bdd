from enum import StrEnum

class SignatureParty(StrEnum):
    CUSTOMER = "customer"
    DISTRIBUTOR = "distributor"

    def __str__(self) -> str:
        return str(self.value)
