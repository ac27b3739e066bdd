"""GET /v1/outbound-mail is a page like every list (issue 25): newest first, a cursor of the
`libs.pagination` shape, every schema-valid cursor a position."""

from __future__ import annotations

from email.message import EmailMessage
from pathlib import Path

import pytest

from libs.pagination import InvalidCursor, PageQuery
from services.notifications.config import NotificationsConfig
from services.notifications.usecases.mail import captured_page


def _capture(folder: Path, stamp: str, suffix: str, to: str) -> str:
    message = EmailMessage()
    message["To"], message["Subject"] = to, f"mail {stamp}"
    message.set_content("hello")
    (folder / f"{stamp}-{suffix}.eml").write_bytes(message.as_bytes())
    return f"{stamp}-{suffix}"


@pytest.fixture
def config(tmp_path: Path) -> NotificationsConfig:
    return NotificationsConfig.model_validate(
        {"CHANNELHUB_DEV_MODE": True, "CHANNELHUB_MAIL_CAPTURE_DIR": str(tmp_path)}
    )


def test_captured_mail_is_paged_newest_first_and_filtered_by_address(
    config: NotificationsConfig, tmp_path: Path
) -> None:
    ids = [
        _capture(tmp_path, f"20261203T1000{second:02d}000000", f"{second:08x}", to)
        for second, to in enumerate(["a@x.example", "B@x.example", "a@x.example", "a@x.example"])
    ]
    (tmp_path / "not-from-the-capture-server.eml").write_bytes(b"To: a@x.example\r\n\r\n")
    newest_first = ids[::-1]

    seen: list[str] = []
    cursor = None
    while True:
        paths, cursor = captured_page(config, PageQuery(limit=1, cursor=cursor), None)
        seen += [p.stem for p in paths]
        if cursor is None:
            break
    assert seen == newest_first

    to_a, cursor = captured_page(config, PageQuery(limit=2, cursor=None), "A@x.example")
    assert [p.stem for p in to_a] == [ids[3], ids[2]] and cursor is not None
    rest, cursor = captured_page(config, PageQuery(limit=2, cursor=cursor), "a@x.example")
    assert [p.stem for p in rest] == [ids[0]] and cursor is None
    assert [p.stem for p in captured_page(config, PageQuery(50, None), "b@x.example")[0]] == [ids[1]]


def test_any_cursor_of_the_documented_shape_is_a_position_and_others_are_refused(
    config: NotificationsConfig, tmp_path: Path
) -> None:
    _capture(tmp_path, "20261203T100000000000", "0000000a", "a@x.example")
    assert captured_page(config, PageQuery(50, "0-" + "f" * 32), None) == ([], None)
    far_future = "9" * 16 + "-" + "0" * 32
    assert len(captured_page(config, PageQuery(50, far_future), None)[0]) == 1
    for cursor in ("", "abc", "1-xyz"):
        with pytest.raises(InvalidCursor):
            captured_page(config, PageQuery(50, cursor), None)
