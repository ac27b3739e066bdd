"""Ordering's tax decision (R-OR-5, R-ON-4, R-ON-5) is the shared pure rule in `libs.tax`
(billing's WaaS invoices use the same one); re-exported here for ordering's use cases."""

from libs.tax import (
    REVERSE_CHARGE_NOTE,
    ExemptionCertificate,
    TaxDecision,
    TaxProfile,
    TaxRegime,
    UnknownTaxJurisdiction,
    decide_tax,
)

__all__ = [
    "REVERSE_CHARGE_NOTE",
    "ExemptionCertificate",
    "TaxDecision",
    "TaxProfile",
    "TaxRegime",
    "UnknownTaxJurisdiction",
    "decide_tax",
]
