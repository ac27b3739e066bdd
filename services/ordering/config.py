"""Ordering's program settings: defaults of a configurable program, not constants in code."""

from __future__ import annotations

from functools import lru_cache

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class OrderingConfig(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    # R-OR-10: how long a free trial subscription runs unless converted
    trial_days: int = Field(30, ge=1, le=366, alias="CHANNELHUB_TRIAL_DAYS")


@lru_cache(maxsize=1)
def ordering_config() -> OrderingConfig:
    return OrderingConfig()
