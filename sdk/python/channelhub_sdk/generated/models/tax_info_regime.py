from enum import StrEnum

class TaxInfoRegime(StrEnum):
    EU_REVERSE_CHARGE = "eu_reverse_charge"
    EU_VAT = "eu_vat"
    NONE = "none"
    US_SALES_TAX = "us_sales_tax"

    def __str__(self) -> str:
        return str(self.value)
