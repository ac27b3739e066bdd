"""Pure domain logic of the onboarding service: no I/O, no database, no FastAPI.

- `validation`      — input validators for reseller applications and customers (R-ON-4/5, R-CU-1/2).
- `standing`        — a reseller's standing and payment requirement (R-ON-3, R-ON-6, R-BI-4).
- `transfer_tokens` — customer transfer (purchase authorisation) tokens (R-CU-5).
- `applications`    — the reseller application state machine (R-ON-1/2).
- `statuses`        — onboarding's own closed sets (tax profile changes, API keys, customer users).
"""
