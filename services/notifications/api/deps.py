"""Dependencies shared by notifications' routers."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from services.notifications.config import NotificationsConfig, notifications_config

Config = Annotated[NotificationsConfig, Depends(notifications_config)]
