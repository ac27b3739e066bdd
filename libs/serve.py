"""Start one process: `python -m libs.serve ordering --port 8102` (a registered service) or
`python -m libs.serve gateway --port 8000`."""

from __future__ import annotations

import argparse
import os

import uvicorn
from fastapi import FastAPI


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("service")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()
    os.environ["CHANNELHUB_SERVICE"] = args.service
    uvicorn.run(
        create_app(args.service),
        host=args.host,
        port=args.port,
        log_level="warning",
        access_log=False,
        lifespan="on",
        timeout_graceful_shutdown=5,
    )


def create_app(name: str) -> FastAPI:
    if name == "gateway":
        from services.gateway.app import create_app as create_gateway

        return create_gateway()
    from libs.service import create_service_app
    from services.registry import spec_of

    return create_service_app(spec_of(name))


if __name__ == "__main__":
    main()
