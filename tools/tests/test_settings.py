"""libs.settings: a service's settings declared once, loaded and checked once per process."""

from __future__ import annotations

import pytest
from pydantic import Field, ValidationError

from libs.settings import ServiceSettings, settings_of


class ExampleConfig(ServiceSettings):
    days: int = Field(30, ge=1, alias="CHANNELHUB_EXAMPLE_DAYS")
    keys: str = Field("", alias="CHANNELHUB_EXAMPLE_KEYS")

    def check(self) -> None:
        if self.keys == "broken":
            raise ValueError("CHANNELHUB_EXAMPLE_KEYS is malformed")


def test_one_instance_per_process_until_cleared(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CHANNELHUB_EXAMPLE_DAYS", "7")
    load = settings_of(ExampleConfig)
    first = load()
    assert first.days == 7 and load() is first
    monkeypatch.setenv("CHANNELHUB_EXAMPLE_DAYS", "9")
    assert load().days == 7  # cached: the process reads its environment once
    load.cache_clear()
    assert load().days == 9


def test_a_bad_variable_or_a_failed_check_fails_the_load(monkeypatch: pytest.MonkeyPatch) -> None:
    load = settings_of(ExampleConfig)
    monkeypatch.setenv("CHANNELHUB_EXAMPLE_DAYS", "0")
    with pytest.raises(ValidationError):
        load()
    monkeypatch.setenv("CHANNELHUB_EXAMPLE_DAYS", "3")
    monkeypatch.setenv("CHANNELHUB_EXAMPLE_KEYS", "broken")
    with pytest.raises(ValueError, match="malformed"):
        load()
    monkeypatch.setenv("CHANNELHUB_EXAMPLE_KEYS", "")
    assert load().days == 3  # nothing half-loaded was kept


def test_every_service_config_is_loaded_through_the_helper() -> None:
    from services.registry import all_specs

    loaders = [spec.settings for spec in all_specs() if spec.settings is not None]
    assert len(loaders) >= 5
    for loader in loaders:
        assert isinstance(loader(), ServiceSettings)
        assert loader() is loader()
