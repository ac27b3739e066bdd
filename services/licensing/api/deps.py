"""Dependencies shared by licensing's routers."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from libs.internal_client import InternalClient, internal_client
from services.licensing.config import LicensingConfig, licensing_config

Onboarding = Annotated[InternalClient, Depends(internal_client("onboarding"))]
Ordering = Annotated[InternalClient, Depends(internal_client("ordering"))]
Config = Annotated[LicensingConfig, Depends(licensing_config)]
