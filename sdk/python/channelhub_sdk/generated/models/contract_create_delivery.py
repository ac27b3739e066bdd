from enum import StrEnum

class ContractCreateDelivery(StrEnum):
    CUSTOMER = "customer"
    PARTNER = "partner"

    def __str__(self) -> str:
        return str(self.value)
