"""Licensing's pure rules, unit-tested without a database:

- `seats`    — usable seats and whether another may be assigned (R-LI-4);
- `licenses` — what a license file says (its payload), temporary validity (R-LI-2/3);
- `tokens`   — single-use invitation tokens, kept only as digests (R-LI-4).
"""
