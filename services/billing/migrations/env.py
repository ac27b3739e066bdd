from libs.migrations import run_migrations
from services.billing.models import Base

run_migrations(Base.metadata)
