from enum import StrEnum

class InvoiceTaxRegime(StrEnum):
    EU_REVERSE_CHARGE = "eu_reverse_charge"
    EU_VAT = "eu_vat"
    NONE = "none"
    US_SALES_TAX = "us_sales_tax"
    WAAS_END_CUSTOMER = "waas_end_customer"

    def __str__(self) -> str:
        return str(self.value)
