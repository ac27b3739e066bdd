"""Billing's pure rules, unit-tested without a database:

- `references`  — invoice numbers and ISO 11649 RF structured payment references (R-BI-1);
- `interest`    — simple late-payment interest, actual/365, day by day (R-BI-4);
- `dunning`     — when an invoice is overdue and which reminder level it reached (R-BI-4);
- `matching`    — what a payment does to an invoice: paid, partial, overpaid (R-BI-1);
- `camt`        — reading the credit entries of an ISO 20022 CAMT.053 bank statement (R-BI-1);
- `einvoice`    — EN 16931 e-invoices: Peppol BIS Billing 3.0 UBL and Factur-X CII (R-BI-10);
- `statuses`    — billing's own closed sets (tax regimes, payment sources and statuses, reversals).
"""
