"""Notifications' settings: webhook retries and safety, SMTP, mail links."""

from __future__ import annotations

from pydantic import Field, field_validator

from libs.settings import ServiceSettings, settings_of

# Standard Webhooks style retries: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h, 20 h, 24 h — about
# 3 days and 4 hours in all before a delivery is given up (each delay jittered, domain.retry)
DEFAULT_RETRY_SCHEDULE = "5,300,1800,7200,18000,36000,50400,72000,86400"


class NotificationsConfig(ServiceSettings):
    # development only (`make run`, the tests): webhooks may target http and loopback addresses,
    # and staff may read the captured outbound mail
    dev_mode: bool = Field(False, alias="CHANNELHUB_DEV_MODE")
    retry_schedule: str = Field(DEFAULT_RETRY_SCHEDULE, alias="CHANNELHUB_WEBHOOK_RETRY_SCHEDULE")
    delivery_timeout_seconds: float = Field(10.0, gt=0, le=60, alias="CHANNELHUB_WEBHOOK_TIMEOUT")
    delivery_poll_seconds: float = Field(0.5, gt=0, le=60, alias="CHANNELHUB_WEBHOOK_POLL_SECONDS")
    # one partner's receiver never stalls another's (R-PL-5): a total deadline per attempt
    # (`delivery_timeout_seconds`: DNS + connect + send + read), at most this much of an answer read,
    # at most this many attempts in flight per process (one per endpoint)
    response_cap_bytes: int = Field(4096, ge=256, le=65536, alias="CHANNELHUB_WEBHOOK_RESPONSE_CAP_BYTES")
    max_in_flight: int = Field(32, ge=1, le=1000, alias="CHANNELHUB_WEBHOOK_MAX_IN_FLIGHT")
    # an endpoint whose attempts time out waits base * 2^(n-1) seconds (at most max) before the next
    timeout_backoff_seconds: float = Field(5.0, gt=0, alias="CHANNELHUB_WEBHOOK_TIMEOUT_BACKOFF")
    timeout_backoff_max_seconds: float = Field(600.0, gt=0, alias="CHANNELHUB_WEBHOOK_TIMEOUT_BACKOFF_MAX")
    # per reseller: endpoints; per replay: the range, the deliveries it queues, the backlog it may add to
    max_endpoints_per_reseller: int = Field(10, ge=1, alias="CHANNELHUB_WEBHOOK_MAX_ENDPOINTS")
    replay_max_days: int = Field(31, ge=1, alias="CHANNELHUB_WEBHOOK_REPLAY_MAX_DAYS")
    replay_max_deliveries: int = Field(1000, ge=1, alias="CHANNELHUB_WEBHOOK_REPLAY_MAX_DELIVERIES")
    replay_max_pending: int = Field(2000, ge=1, alias="CHANNELHUB_WEBHOOK_REPLAY_MAX_PENDING")
    # AES-GCM keys for webhook secrets at rest, "kid:base64(32 bytes)" comma-separated: the first
    # encrypts, every one decrypts (rotation: put a new key first, keep the old until re-encrypted).
    # Development without keys uses a fixed development key; production refuses to start without.
    secret_keys: str = Field("", alias="CHANNELHUB_WEBHOOK_SECRET_KEYS")
    rotation_overlap_hours: int = Field(
        24, ge=0, le=24 * 30, alias="CHANNELHUB_WEBHOOK_ROTATION_OVERLAP_HOURS"
    )
    smtp_url: str = Field("", alias="SMTP_URL")  # smtp://host:port (none: mails wait, unsent)
    mail_from: str = Field("ChannelHub <noreply@channelhub.example>", alias="CHANNELHUB_MAIL_FROM")
    mail_capture_dir: str = Field("", alias="CHANNELHUB_MAIL_CAPTURE_DIR")  # the dev SMTP server's folder
    public_base_url: str = Field("http://127.0.0.1:8000", alias="CHANNELHUB_PUBLIC_BASE_URL")

    def refuse_unsafe_start(self) -> None:
        """Outside development webhook secrets are encrypted with explicit keys, never the dev key."""
        if not self.secret_keys.strip() and not self.dev_mode:
            raise RuntimeError("CHANNELHUB_WEBHOOK_SECRET_KEYS is required outside development")

    @field_validator("retry_schedule")
    @classmethod
    def _schedule(cls, value: str) -> str:
        delays = [float(x) for x in value.split(",") if x.strip()]
        if not delays or any(d <= 0 for d in delays):
            raise ValueError("a comma-separated list of positive seconds")
        return value

    def retry_delays(self) -> list[float]:
        return [float(x) for x in self.retry_schedule.split(",") if x.strip()]


notifications_config = settings_of(NotificationsConfig)
