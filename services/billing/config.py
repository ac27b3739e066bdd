"""Billing's settings: the vendor's bank details printed on every invoice, and dunning's numbers."""

from __future__ import annotations

from pydantic import Field, field_validator
from stdnum import bic, iban

from libs.settings import ServiceSettings, settings_of


class BillingConfig(ServiceSettings):
    vendor_name: str = Field("ChannelHub Software B.V.", alias="CHANNELHUB_VENDOR_NAME")
    vendor_address: str = Field("Stationsplein 1, 1012 AB Amsterdam, NL", alias="CHANNELHUB_VENDOR_ADDRESS")
    vendor_vat_id: str = Field("NL004495445B01", alias="CHANNELHUB_VENDOR_VAT_ID")
    # R-BI-10: the seller's legal registration id (BT-30) on e-invoices and its ISO 6523 scheme
    # (0106: Dutch Chamber of Commerce, KvK); documents without VAT ids (category O) identify by it
    vendor_company_id: str = Field("34567890", alias="CHANNELHUB_VENDOR_COMPANY_ID")
    vendor_company_id_scheme: str = Field("0106", alias="CHANNELHUB_VENDOR_COMPANY_ID_SCHEME")
    # the vendor's contact e-mail on e-invoices (BT-43)
    vendor_email: str = Field("billing@channelhub.example", alias="CHANNELHUB_VENDOR_EMAIL")
    # R-BI-1: where partners transfer to; validated (mod 97) so no invoice prints a mistyped IBAN
    vendor_iban: str = Field("NL91ABNA0417164300", alias="CHANNELHUB_VENDOR_IBAN")
    vendor_bic: str = Field("ABNANL2A", alias="CHANNELHUB_VENDOR_BIC")
    # CAMT.053 uploads larger than this are refused before parsing (a statement of a day is small)
    statement_max_bytes: int = Field(5_000_000, ge=1_000, alias="CHANNELHUB_BANK_STATEMENT_MAX_BYTES")

    # accounts whose statements may be uploaded besides the vendor's IBAN (comma-separated IBANs)
    vendor_other_accounts: str = Field("", alias="CHANNELHUB_VENDOR_OTHER_ACCOUNTS")
    # R-BI-4: dunning applies to what is owed; prepay invoices delivered nothing and expire instead
    dun_prepay_invoices: bool = Field(False, alias="CHANNELHUB_DUN_PREPAY_INVOICES")
    # an unpaid prepay order is credited and cancelled this many days after its invoice (R-BI-8)
    prepay_expiry_days: int = Field(30, ge=1, le=365, alias="CHANNELHUB_PREPAY_EXPIRY_DAYS")

    @field_validator("vendor_iban")
    @classmethod
    def _iban(cls, value: str) -> str:
        return iban.validate(value)

    @field_validator("vendor_other_accounts")
    @classmethod
    def _accounts(cls, value: str) -> str:
        return ",".join(iban.validate(v) for v in value.split(",") if v.strip())

    @property
    def own_accounts(self) -> frozenset[str]:
        """The IBANs whose bank statements are the vendor's (an upload of another is refused)."""
        others = [v for v in self.vendor_other_accounts.split(",") if v]
        return frozenset([iban.compact(self.vendor_iban), *(iban.compact(v) for v in others)])

    @field_validator("vendor_bic")
    @classmethod
    def _bic(cls, value: str) -> str:
        return bic.validate(value)


billing_config = settings_of(BillingConfig)
