"""The embedded SMTP server of `make run` and the tests (aiosmtpd): a real SMTP endpoint that keeps
every message it receives as an `.eml` file, stamped with when it arrived, so staff (development
only: `GET /v1/outbound-mail`) and tests read back exactly what went over the wire."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from email.utils import format_datetime
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller


class _Keep:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    async def handle_DATA(self, _server: Any, _session: Any, envelope: Any) -> str:
        now = datetime.now(UTC)
        # aiosmtpd's hook name; the stamp says when it arrived and to whom the envelope was addressed
        recipients = ", ".join(envelope.rcpt_tos)
        stamp = f"X-Captured-At: {format_datetime(now)}\r\nX-Envelope-To: {recipients}\r\n".encode()
        name = f"{now:%Y%m%dT%H%M%S%f}-{uuid.uuid4().hex[:8]}.eml"
        (self.folder / name).write_bytes(stamp + envelope.original_content)
        return "250 Message accepted for delivery"


class CaptureSmtp:
    def __init__(self, folder: Path, port: int) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.folder = folder
        self.port = port
        self._controller = Controller(_Keep(folder), hostname="127.0.0.1", port=port)

    @property
    def url(self) -> str:
        return f"smtp://127.0.0.1:{self.port}"

    def start(self) -> None:
        self._controller.start()

    def stop(self) -> None:
        self._controller.stop()
