"""Regenerate the typed client `channelhub_sdk/generated/` from `openapi/gateway.json` (`make openapi`).

    python sdk/python/generate.py [--output DIR]

Runs the pinned openapi-python-client (dev dependencies) with `openapi-python-client.yaml`; the
output is never edited by hand. `tests/platform/test_sdk_generated.py` regenerates into a temporary
folder and fails when the committed package differs.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCHEMA = HERE.parent.parent / "openapi" / "gateway.json"
CONFIG = HERE / "openapi-python-client.yaml"
PACKAGE = HERE / "channelhub_sdk" / "generated"


def generate(output: Path = PACKAGE) -> None:
    if output.exists():
        shutil.rmtree(output)
    generator = Path(sys.executable).with_name("openapi-python-client")
    subprocess.run(
        [
            str(generator),
            "generate",
            "--path",
            str(SCHEMA),
            "--meta",
            "none",
            "--output-path",
            str(output),
            "--config",
            str(CONFIG),
            "--fail-on-warning",
        ],
        check=True,
        stdout=subprocess.DEVNULL,
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--output", type=Path, default=PACKAGE)
    generate(parser.parse_args().output)
