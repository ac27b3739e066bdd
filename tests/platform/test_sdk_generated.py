"""The SDK's generated client (`sdk/python/channelhub_sdk/generated`) is exactly what the pinned
generator makes of the committed `openapi/gateway.json`: nobody edited it by hand, and nobody
changed the contract without `make openapi`."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
COMMITTED = ROOT / "sdk" / "python" / "channelhub_sdk" / "generated"


def files(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and "__pycache__" not in p.parts
    }


def test_the_committed_sdk_client_is_generated_from_the_committed_openapi(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("sdk_generate", ROOT / "sdk" / "python" / "generate.py")
    assert spec is not None and spec.loader is not None
    generate = importlib.util.module_from_spec(spec)
    sys.modules["sdk_generate"] = generate
    spec.loader.exec_module(generate)
    generate.generate(tmp_path / "generated")

    fresh, committed = files(tmp_path / "generated"), files(COMMITTED)
    assert len(fresh) > 100  # every operation and model, not an empty folder
    assert sorted(fresh) == sorted(committed), "run `make openapi`"
    changed = [name for name in fresh if fresh[name] != committed[name]]
    assert not changed, f"differs from the generator's output (run `make openapi`): {changed[:5]}"
