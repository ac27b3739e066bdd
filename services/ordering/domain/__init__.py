"""Pure domain logic of the ordering service: tax, pricing, proration (no I/O)."""
