"""Leasing's pure rules (R-WA-1…11), unit-tested without a database:

- `contracts` — the contract's states and moves, terms, monthly total, commission (and the pro-rata
  renewal commission of an extension), extension limits, the end date, the end customer's VAT id;
- `schedule`  — the one instalment schedule billing invoices, and the early-termination split
  (instalments invoiced + fee = the total cost, R-WA-6).
"""
