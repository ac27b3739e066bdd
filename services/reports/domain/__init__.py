"""Reports' pure rules: ageing buckets, periods, CSV (R-PL-3)."""
