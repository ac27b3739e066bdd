"""Interleaved A/B: what a change costs per order, measured against another commit in one stack.

Runs an hour apart are not comparable on this host (its speed drifts up to twofold: bench/README.md),
so a change is measured with both versions in the same stack, alternately: the services named run
the other commit's code (a `git worktree` of it), then this checkout's, then the other's again…;
before each round they are restarted on that code, then `ORDERS` orders are placed through the
gateway by `CLIENTS` clients and every process's CPU is read from `/proc` over the load and a
settle period (extended until billing has invoiced every order). The gateway's code is the same in
both, so its CPU per order is the round's yardstick: a change that only moved the host moves the
gateway too.

    python -m bench.ab HEAD~3                         # ordering and billing from HEAD~3, 4 rounds
    python -m bench.ab HEAD~3 --services billing --rounds 6 --orders 600

Both commits must share the database schema (the stack is migrated by this checkout).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import httpx

from bench import cpu
from bench.orders import order_body, orders_not_invoiced, suite_processes
from libs.testing.api import Api
from tools.devstack.stack import ROOT, Stack, StackConfig

GIT = shutil.which("git") or "git"


async def place(gateway: str, auth: dict[str, str], body: bytes, orders: int, clients: int) -> float:
    """`orders` orders by `clients` concurrent clients; the seconds it took."""
    left = orders
    started = time.perf_counter()

    async def client() -> None:
        nonlocal left
        async with httpx.AsyncClient(base_url=gateway, timeout=60) as http:
            while left > 0:
                left -= 1
                answer = await http.post("/v1/orders", content=body, headers=auth)
                if answer.status_code != 201:
                    raise RuntimeError(f"order refused: {answer.status_code} {answer.text}")

    await asyncio.gather(*(client() for _ in range(clients)))
    return time.perf_counter() - started


def round_figures(stack: Stack, args: argparse.Namespace, auth: dict[str, str], body: bytes) -> dict:
    asyncio.run(place(stack.gateway_url, auth, body, 20, 4))  # warm: connections, caches, JIT-free paths
    time.sleep(args.settle)
    pids = suite_processes(stack)
    before = cpu.snapshot(pids)
    seconds = asyncio.run(place(stack.gateway_url, auth, body, args.orders, args.clients))
    time.sleep(args.settle)
    # the window must cover the events the orders caused: wait for billing to have invoiced them all
    deadline = time.monotonic() + 60
    while asyncio.run(orders_not_invoiced(stack)) and time.monotonic() < deadline:
        time.sleep(0.5)
    spent = cpu.delta_ms(before, cpu.snapshot(pids))
    per_order = {name: ms / args.orders for name, ms in spent.items()}
    return {"orders_per_s": args.orders / seconds, "per_order_ms": per_order}


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("other", help="the commit to compare this checkout with")
    parser.add_argument("--services", default="ordering,billing")
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--orders", type=int, default=480)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--settle", type=float, default=6.0)
    args = parser.parse_args()
    services = args.services.split(",")
    with tempfile.TemporaryDirectory(prefix="channelhub-ab-") as tmp:
        other = Path(tmp) / "other"
        worktree = [GIT, "worktree", "add", "--detach", str(other), args.other]
        subprocess.run(worktree, cwd=ROOT, check=True)  # noqa: S603 - git, with the commit asked for
        config = StackConfig.for_tests(Path(tmp) / "stack")
        config.extra_env["LOG_LEVEL"] = "WARNING"
        stack = Stack(config)
        rows = []
        try:
            stack.start()
            with httpx.Client(base_url=stack.gateway_url, timeout=30) as http:
                api = Api(http, admin_key=config.admin_key)
                reseller = api.onboard_reseller(country="NL")
                skus = [api.create_sku()["sku"] for _ in range(5)]
                api.check_reseller_may_order(reseller)
                body = json.dumps(order_body(api, reseller, skus)).encode()
            auth = {"Authorization": f"Bearer {reseller.key}", "Content-Type": "application/json"}
            for n in range(args.rounds):
                label, root = ("other", other) if n % 2 == 0 else ("this", ROOT)
                for service in services:
                    stack.stop_process(service)
                    stack.start_service(service, root=root)
                stack.wait_ready(services)
                rows.append((label, round_figures(stack, args, auth, body)))
        finally:
            stack.stop()
            remove = [GIT, "worktree", "remove", "--force", str(other)]
            subprocess.run(remove, cwd=ROOT, check=False)  # noqa: S603
    report(args, rows)


def report(args: argparse.Namespace, rows: list[tuple[str, dict]]) -> None:
    names = sorted(rows[0][1]["per_order_ms"], key=lambda k: -rows[0][1]["per_order_ms"][k])
    print(f"\n{args.orders} orders by {args.clients} clients per round, {args.settle:.0f} s settle; "
          f"CPU ms per order (other = {args.other})")  # fmt: skip
    print(
        f"{'round':8} {'orders/s':>9} "
        + " ".join(f"{n[:10]:>10}" for n in names)
        + f" {'total':>8} {'÷ gateway':>10}"
    )
    for label, r in rows:
        ms = r["per_order_ms"]
        gateway = ms.get("gateway") or 1
        ratios = ", ".join(f"{n} {ms[n] / gateway:.2f}" for n in args.services.split(","))
        print(
            f"{label:8} {r['orders_per_s']:>9.1f} "
            + " ".join(f"{ms[n]:>10.2f}" for n in names)
            + f" {sum(ms.values()):>8.2f}   {ratios}"
        )


if __name__ == "__main__":
    main()
