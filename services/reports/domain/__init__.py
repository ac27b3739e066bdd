"""Reports' pure rules: ageing buckets, periods, CSV (R-PL-3), sell-out per manufacturer (R-WA-9)."""
