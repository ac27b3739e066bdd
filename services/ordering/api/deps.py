"""Dependencies shared by ordering's routers."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from libs.internal_client import InternalClient, internal_client

# onboarding's internal endpoints: the owner's snapshot when a read model lags (usecases.readmodels)
Onboarding = Annotated[InternalClient, Depends(internal_client("onboarding"))]
