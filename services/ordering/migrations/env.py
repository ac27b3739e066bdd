from libs.migrations import run_migrations
from services.ordering.models import Base

run_migrations(Base.metadata)
