"""The gateway's own response models."""

from __future__ import annotations

import uuid
from typing import Literal

from pydantic import BaseModel


class Me(BaseModel):
    kind: Literal["staff", "reseller", "customer", "system"]
    roles: list[str]
    reseller_id: uuid.UUID | None = None
    customer_id: uuid.UUID | None = None
