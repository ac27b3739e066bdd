"""Leasing's program settings: the preselected manufacturers and the price of a secure pick-up."""

from __future__ import annotations

from decimal import Decimal

from pydantic import Field

from libs.settings import ServiceSettings, settings_of


class LeasingConfig(ServiceSettings):
    # R-WA-1: WaaS hardware comes from these manufacturers only (comma-separated)
    manufacturers: str = Field("Dell,HP,Lenovo,Microsoft,Apple", alias="CHANNELHUB_WAAS_MANUFACTURERS")
    # R-WA-8: the secure pick-up at the end of a contract, per contract, in the contract's currency
    pickup_fee: Decimal = Field(Decimal("49.00"), ge=0, alias="CHANNELHUB_WAAS_PICKUP_FEE")

    def manufacturer_list(self) -> list[str]:
        return [m.strip() for m in self.manufacturers.split(",") if m.strip()]


leasing_config = settings_of(LeasingConfig)
