from enum import StrEnum

class SkuForCustomerBillingPlan(StrEnum):
    MONTHLY = "monthly"
    PERPETUAL = "perpetual"
    YEARLY = "yearly"

    def __str__(self) -> str:
        return str(self.value)
