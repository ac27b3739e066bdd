from enum import StrEnum

class BillingJobsRunName(StrEnum):
    COMMISSION_STATEMENTS = "commission-statements"
    DUNNING = "dunning"
    MONTHLY_STATEMENTS = "monthly-statements"
    PREPAY_EXPIRY = "prepay-expiry"
    WAAS_INVOICING = "waas-invoicing"

    def __str__(self) -> str:
        return str(self.value)
