"""Settings read from the environment (and `.env`), one object per process.

Each service process reads the same variables; what differs per service is
its name (`CHANNELHUB_SERVICE`) and the database URL it connects with (its own
role, its own schema).
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Generic, TypeVar

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

S = TypeVar("S", bound="ServiceSettings")


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    # which service this process is (empty for tools that are not a service)
    service: str = Field("", alias="CHANNELHUB_SERVICE")
    # the service's own connection: its role, its schema
    service_database_url: str = Field("", alias="CHANNELHUB_SERVICE_DATABASE_URL")
    kafka_bootstrap_servers: str = Field("127.0.0.1:9092", alias="KAFKA_BOOTSTRAP_SERVERS")
    # the gateway signs internal tokens with the private key; services verify with the public key
    internal_private_key: str = Field("", alias="CHANNELHUB_INTERNAL_PRIVATE_KEY")
    internal_public_key: str = Field("", alias="CHANNELHUB_INTERNAL_PUBLIC_KEY")
    internal_token_ttl_seconds: int = Field(60, alias="CHANNELHUB_INTERNAL_TOKEN_TTL")
    # service → service calls (libs.internal_client): each service signs with a key pair of its own
    # (never the gateway's), and knows every service's public key — JSON {"billing": "<PEM>", …} —
    # so a token is checked against the key of the service it names: no service can mint a token
    # as another, nor a partner identity
    service_token_private_key: str = Field("", alias="CHANNELHUB_SERVICE_TOKEN_PRIVATE_KEY")
    service_token_public_keys: str = Field("{}", alias="CHANNELHUB_SERVICE_TOKEN_PUBLIC_KEYS")
    internal_call_timeout_seconds: float = Field(3.0, alias="CHANNELHUB_INTERNAL_CALL_TIMEOUT")
    admin_key: str = Field("", alias="CHANNELHUB_ADMIN_KEY")
    # the vendor's own country decides EU VAT vs reverse charge (R-OR-5)
    vendor_country: str = Field("NL", alias="CHANNELHUB_VENDOR_COUNTRY")
    log_level: str = Field("INFO", alias="LOG_LEVEL")
    log_json: bool = Field(True, alias="LOG_JSON")
    outbox_retention_days: int = Field(7, alias="OUTBOX_RETENTION_DAYS")
    # a row the broker refuses this many times is parked (with the later rows of its aggregate)
    outbox_max_attempts: int = Field(10, alias="OUTBOX_MAX_ATTEMPTS")
    # the inbox must outlive every way an event can come again (the topic's retention, an operator
    # re-publishing the outbox's retention window), or a late redelivery would be applied twice
    inbox_retention_days: int = Field(30, alias="INBOX_RETENTION_DAYS")
    failed_events_retention_days: int = Field(30, alias="FAILED_EVENTS_RETENTION_DAYS")
    idempotency_ttl_hours: int = Field(24, alias="IDEMPOTENCY_TTL_HOURS")
    consumer_max_attempts: int = Field(5, alias="CONSUMER_MAX_ATTEMPTS")
    consumer_backoff_base_seconds: float = Field(0.2, alias="CONSUMER_BACKOFF_BASE_SECONDS")
    # how often the job scheduler looks for due jobs (libs.jobs)
    job_tick_seconds: float = Field(30.0, alias="CHANNELHUB_JOB_TICK_SECONDS")
    # where each service listens, as "name=url,name=url": the gateway routes to them, services
    # call each other's /internal endpoints
    service_urls: str = Field("", alias="CHANNELHUB_SERVICE_URLS")
    upstream_timeout_seconds: float = Field(10.0, alias="CHANNELHUB_UPSTREAM_TIMEOUT")
    # gateway rate limits (token buckets, per minute): anonymous calls and failed API-key lookups per
    # client address (the lookup limit is checked before onboarding is asked), and calls per API key
    public_rate_limit_per_minute: int = Field(30, alias="CHANNELHUB_PUBLIC_RATE_LIMIT")
    failed_auth_rate_limit_per_minute: int = Field(10, alias="CHANNELHUB_FAILED_AUTH_RATE_LIMIT")
    key_rate_limit_per_minute: int = Field(1200, alias="CHANNELHUB_KEY_RATE_LIMIT")
    api_key_cache_seconds: float = Field(15.0, alias="CHANNELHUB_API_KEY_CACHE_SECONDS")
    # the proxies (CIDRs) whose X-Forwarded-For the gateway believes (services.gateway.addresses);
    # empty: none, the socket's peer is the client
    trusted_proxies: str = Field("", alias="CHANNELHUB_TRUSTED_PROXIES")
    # where operators' probes and scrapers connect from, directly (no forwarding headers): they get
    # the gateway's /readyz and /metrics without a key; everyone else needs a staff key
    probe_networks: str = Field("127.0.0.0/8,::1/128", alias="CHANNELHUB_PROBE_NETWORKS")

    @property
    def service_public_keys(self) -> dict[str, str]:
        """Whose public key is whose: {service: PEM} (a malformed setting is no key at all)."""
        try:
            keys = json.loads(self.service_token_public_keys or "{}")
        except json.JSONDecodeError:
            return {}
        return {str(k): str(v) for k, v in keys.items()} if isinstance(keys, dict) else {}

    def service_url_map(self) -> dict[str, str]:
        pairs = [p.split("=", 1) for p in self.service_urls.split(",") if "=" in p]
        return {name.strip(): url.strip().rstrip("/") for name, url in pairs}


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()


class ServiceSettings(BaseSettings):
    """A service's own settings beyond `Settings` (read from the environment and `.env` the same way).

    Subclass it in `services/<name>/config.py`, declare the fields, and load it with `settings_of`:

        class BillingConfig(ServiceSettings):
            prepay_expiry_days: int = Field(30, alias="CHANNELHUB_PREPAY_EXPIRY_DAYS")

        billing_config = settings_of(BillingConfig)
        Config = Annotated[BillingConfig, Depends(billing_config)]  # in api/deps.py, for routes

    `ServiceSpec(settings=billing_config)` loads it when the process starts, so a bad variable fails
    the start, not the first request; `check` and `refuse_unsafe_start` run then too.
    """

    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    def check(self) -> None:
        """What the fields' validators cannot see alone (e.g. a key list parsed as a whole); raise."""

    def refuse_unsafe_start(self) -> None:
        """Refuse a production start on development defaults (e.g. no explicit keys); raise."""


class SettingsLoader(Generic[S]):
    """One loaded, checked instance of a service's settings per process (the FastAPI dependency,
    the jobs and the handlers all call it); `cache_clear` for tests that change the environment."""

    def __init__(self, cls: type[S]) -> None:
        self.cls = cls
        self._loaded: S | None = None

    def __call__(self) -> S:
        if self._loaded is None:
            loaded = self.cls()
            loaded.check()
            self._loaded = loaded
        return self._loaded

    def cache_clear(self) -> None:
        self._loaded = None


def settings_of(cls: type[S]) -> SettingsLoader[S]:
    return SettingsLoader(cls)
