"""Notifications' pure rules, unit-tested without a database or network:

- `retry`    — when a failed delivery is tried again (backoff with jitter, Retry-After) and when given up;
- `targets`  — which webhook URLs and addresses are allowed (https, public addresses: no SSRF);
- `payloads` — what a subscriber receives of a platform event (its own tenant's, never secrets).
"""
