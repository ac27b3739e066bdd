from enum import StrEnum

class SkuCreateBillingPlan(StrEnum):
    MONTHLY = "monthly"
    PERPETUAL = "perpetual"
    YEARLY = "yearly"

    def __str__(self) -> str:
        return str(self.value)
