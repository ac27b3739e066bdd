"""Start one service process: `python -m libs.serve ordering --port 8102`."""

from __future__ import annotations

import argparse
import importlib
import os

import uvicorn


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("service")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()
    os.environ["CHANNELHUB_SERVICE"] = args.service
    module = importlib.import_module(f"services.{args.service}.app")
    uvicorn.run(
        module.create_app(),
        host=args.host,
        port=args.port,
        log_level="warning",
        access_log=False,
        lifespan="on",
        timeout_graceful_shutdown=5,
    )


if __name__ == "__main__":
    main()
