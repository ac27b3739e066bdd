"""Development and test infrastructure: real PostgreSQL and a real Kafka-protocol broker
from PyPI wheels, per-service schemas and roles, migrations, and the service processes.
`make run` and the test suite both go through `Stack`, so what tests start is what people run."""
