"""Start one process: `python -m tools.serve ordering --port 8102` (a registered service) or
`python -m tools.serve gateway --port 8000`.

`--workers N` (default `CHANNELHUB_WORKERS`, else 1) runs N uvicorn worker processes on the one
port. Each worker is a whole service process — API, relay (one leader across them, by advisory
lock), consumers (one group, the partitions shared), jobs (one leader) — as replicas are. Their
metrics are merged: the workers write them to a shared directory (`PROMETHEUS_MULTIPROC_DIR`)
and `/metrics` answers the sum, whichever worker is asked.
"""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile

import uvicorn
from fastapi import FastAPI

WORKERS_ENV = "CHANNELHUB_WORKERS"
# the pid a supervisor started, reported by /healthz from every worker (tools.devstack checks it)
SUPERVISOR_PID_ENV = "CHANNELHUB_SUPERVISOR_PID"  # read by libs.http.supervisor_pid


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("service")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--workers", type=int, default=int(os.environ.get(WORKERS_ENV) or 1))
    args = parser.parse_args()
    os.environ["CHANNELHUB_SERVICE"] = args.service
    os.environ[SUPERVISOR_PID_ENV] = str(os.getpid())
    options = {
        "host": args.host,
        "port": args.port,
        "log_level": "warning",
        "access_log": False,
        "lifespan": "on",
        "timeout_graceful_shutdown": 5,
        # the gateway decides the client's address from CHANNELHUB_TRUSTED_PROXIES itself
        # (services.gateway.addresses); uvicorn must not rewrite it from X-Forwarded-For first
        "proxy_headers": False,
    }
    if args.workers <= 1:
        uvicorn.run(create_app(args.service), **options)
        return
    metrics_dir = tempfile.mkdtemp(prefix=f"channelhub-metrics-{args.service}-")
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = metrics_dir  # before any worker imports prometheus_client
    try:
        uvicorn.run("tools.serve:app_from_env", factory=True, workers=args.workers, **options)
    finally:
        shutil.rmtree(metrics_dir, ignore_errors=True)


def app_from_env() -> FastAPI:
    """The app of one worker (uvicorn's factory in a worker process)."""
    return create_app(os.environ["CHANNELHUB_SERVICE"])


def create_app(name: str) -> FastAPI:
    if name == "gateway":
        from services.gateway.app import create_app as create_gateway

        return create_gateway()
    from libs.service import create_service_app
    from services.registry import spec_of

    return create_service_app(spec_of(name))


if __name__ == "__main__":
    main()
