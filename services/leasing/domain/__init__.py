"""Leasing's pure rules (R-WA-1…11), unit-tested without a database:

- `contracts` — the contract's states and moves, terms, monthly total, commission, extension limits,
  the early-termination fee, the end date.
"""
