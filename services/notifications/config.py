"""Notifications' settings: webhook retries and safety, SMTP, mail links."""

from __future__ import annotations

from functools import lru_cache

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

# Standard Webhooks style retries: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h, 20 h, 24 h — about
# 3 days and 4 hours in all before a delivery is given up (each delay jittered, domain.retry)
DEFAULT_RETRY_SCHEDULE = "5,300,1800,7200,18000,36000,50400,72000,86400"


class NotificationsConfig(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    # development only (`make run`, the tests): webhooks may target http and loopback addresses,
    # and staff may read the captured outbound mail
    dev_mode: bool = Field(False, alias="CHANNELHUB_DEV_MODE")
    retry_schedule: str = Field(DEFAULT_RETRY_SCHEDULE, alias="CHANNELHUB_WEBHOOK_RETRY_SCHEDULE")
    delivery_timeout_seconds: float = Field(10.0, gt=0, le=60, alias="CHANNELHUB_WEBHOOK_TIMEOUT")
    delivery_poll_seconds: float = Field(0.5, gt=0, le=60, alias="CHANNELHUB_WEBHOOK_POLL_SECONDS")
    rotation_overlap_hours: int = Field(
        24, ge=0, le=24 * 30, alias="CHANNELHUB_WEBHOOK_ROTATION_OVERLAP_HOURS"
    )
    smtp_url: str = Field("", alias="SMTP_URL")  # smtp://host:port (none: mails wait, unsent)
    mail_from: str = Field("ChannelHub <noreply@channelhub.example>", alias="CHANNELHUB_MAIL_FROM")
    mail_capture_dir: str = Field("", alias="CHANNELHUB_MAIL_CAPTURE_DIR")  # the dev SMTP server's folder
    public_base_url: str = Field("http://127.0.0.1:8000", alias="CHANNELHUB_PUBLIC_BASE_URL")

    @field_validator("retry_schedule")
    @classmethod
    def _schedule(cls, value: str) -> str:
        delays = [float(x) for x in value.split(",") if x.strip()]
        if not delays or any(d <= 0 for d in delays):
            raise ValueError("a comma-separated list of positive seconds")
        return value

    def retry_delays(self) -> list[float]:
        return [float(x) for x in self.retry_schedule.split(",") if x.strip()]


@lru_cache(maxsize=1)
def notifications_config() -> NotificationsConfig:
    return NotificationsConfig()
