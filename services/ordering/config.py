"""Ordering's program settings: defaults of a configurable program, not constants in code."""

from __future__ import annotations

from pydantic import Field

from libs.settings import ServiceSettings, settings_of


class OrderingConfig(ServiceSettings):
    # R-OR-10: how long a free trial subscription runs unless converted
    trial_days: int = Field(30, ge=1, le=366, alias="CHANNELHUB_TRIAL_DAYS")


ordering_config = settings_of(OrderingConfig)
