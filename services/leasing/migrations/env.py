from libs.migrations import run_migrations
from services.leasing.models import Base

run_migrations(Base.metadata)
