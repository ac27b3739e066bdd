from libs.migrations import run_migrations
from services.licensing.models import Base

run_migrations(Base.metadata)
