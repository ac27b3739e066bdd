"""Dependencies shared by leasing's routers."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from libs.internal_client import InternalClient, internal_client
from services.leasing.config import LeasingConfig, leasing_config

Onboarding = Annotated[InternalClient, Depends(internal_client("onboarding"))]
Config = Annotated[LeasingConfig, Depends(leasing_config)]
