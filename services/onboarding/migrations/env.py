from libs.migrations import run_migrations
from services.onboarding.models import Base

run_migrations(Base.metadata)
