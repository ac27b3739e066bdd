"""`make chaos`: faults under load, counted (R-PL-4, issue 24).

Starts a stack of its own under the supervisor of `make run` (tools/devstack/supervisor.py), drives
a steady load through the gateway — prepay orders (most of them paid, so they are released and
licensed), on-account orders of established resellers, seat subscriptions, WaaS contracts from draft
to active, webhook deliveries to a local receiver that sometimes answers 500 or hangs — and meanwhile,
on a schedule: `kill -9` of every service in turn and of the gateway, a PostgreSQL restart, the broker
stopped for tens of seconds (the embedded broker loses everything; its restart refills it from the
outboxes), and one service process paused with SIGSTOP (its consumer leaves the group, then comes back).

Then it waits for the platform to settle and reconciles across the services' databases:
every order answered 201 has exactly one invoice; every paid prepay and every on-account order has
exactly its license; every invoice reached reports once; every subscribed event reached the receiver
at least once and no `webhook-id` came with two different payloads; no outbox row left unpublished or
parked; no dead-lettered event; clients saw only documented answers (2xx, 4xx, 503 with Retry-After,
504), never a 500. One table on the console, JSON and the table in bench/results/.

    CHAOS_SECONDS=240 python -m bench.chaos          (make chaos; CHAOS_SECONDS=60 for a short run)
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import os
import random
import signal
import statistics
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal
from functools import partial
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import asyncpg
import httpx

from tools.devstack.stack import SERVICES, Stack, StackConfig
from tools.devstack.supervisor import Supervisor

RESULTS = Path(__file__).resolve().parent / "results"
WEBHOOK_TYPES = ["ordering.order.placed.v1", "ordering.order.released.v1"]
PAUSED_SERVICE = "reports"  # a consumer-only service: its process is SIGSTOPped (partitioned)
DOCUMENTED_5XX = {503, 504}  # 503 carries Retry-After; 504 is the gateway's upstream timeout


def log(line: str) -> None:
    print(f"[chaos {time.strftime('%H:%M:%S')}] {line}", flush=True)


# -- the webhook receiver that sometimes misbehaves ----------------------------------------------


@dataclass
class Receiver:
    url: str = ""
    bodies: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # webhook-id → sha256s
    subjects: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # type → subjects
    answers: Counter[int] = field(default_factory=Counter)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def start(self, rng: random.Random) -> ThreadingHTTPServer:
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("content-length", "0"))
                body = self.rfile.read(length)
                if len(body) < length:  # the sender died mid-request: no delivery (a receiver
                    return  # verifying the signature would refuse the truncated body too)
                roll = rng.random()
                if roll < 0.03:  # hangs past the sender's timeout: counts as a failure, retried
                    time.sleep(12)
                status = 500 if roll < 0.15 else 200
                with receiver.lock:
                    receiver.answers[status] += 1
                    if status == 200:
                        receiver.bodies[self.headers["webhook-id"]].add(hashlib.sha256(body).hexdigest())
                        event = json.loads(body)
                        receiver.subjects[event["type"]].add(str(event["data"].get("order_id")))
                try:
                    self.send_response(status)
                    self.end_headers()
                    self.wfile.write(b"ok" if status == 200 else b"try later")
                except OSError:  # the sender gave up waiting (the hang above)
                    pass

            def log_message(self, *_args: object) -> None:
                pass

        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        server.daemon_threads = True
        self.url = f"http://127.0.0.1:{server.server_address[1]}/hooks"
        threading.Thread(target=server.serve_forever, daemon=True).start()
        return server


# -- the clients -------------------------------------------------------------------------------


@dataclass
class Answers:
    """Every answer a client saw, by status; 5xx other than the documented ones are the defects."""

    statuses: Counter[str] = field(default_factory=Counter)
    undocumented: list[dict[str, Any]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, method: str, path: str, response: httpx.Response | None, error: str = "") -> None:
        with self.lock:
            if response is None:
                self.statuses[f"no answer ({error})"] += 1
                return
            status = response.status_code
            self.statuses[str(status)] += 1
            bad = status >= 500 and status not in DOCUMENTED_5XX
            bad = bad or (status == 503 and "retry-after" not in response.headers)
            if bad and len(self.undocumented) < 50:
                self.undocumented.append(
                    {
                        "at": _now(),
                        "method": method,
                        "path": path,
                        "status": status,
                        "body": response.text[:300],
                    }
                )
            elif bad:
                self.undocumented.append({"status": status})


def _now() -> str:
    return datetime.now(UTC).strftime("%H:%M:%S")


class Client:
    """One partner or staff key. Writes carry an Idempotency-Key and are retried on 503/504 or no
    answer (as a partner's client would), honouring Retry-After."""

    def __init__(self, base: str, key: str, answers: Answers) -> None:
        self.http = httpx.Client(base_url=base, timeout=15, headers={"Authorization": f"Bearer {key}"})
        self.answers = answers

    def call(self, method: str, path: str, *, tries: int = 8, **kwargs: Any) -> httpx.Response | None:
        headers = dict(kwargs.pop("headers", {}) or {})
        if method != "GET":
            headers.setdefault("Idempotency-Key", str(uuid.uuid4()))
        template = _template(path)
        for attempt in range(tries):
            try:
                response = self.http.request(method, path, headers=headers, **kwargs)
            except httpx.HTTPError as exc:
                self.answers.record(method, template, None, type(exc).__name__)
                time.sleep(min(0.5 * 2**attempt, 5))
                continue
            self.answers.record(method, template, response)
            if response.status_code in (503, 504) or (response.status_code == 429):
                time.sleep(min(float(response.headers.get("retry-after", "1") or 1), 5))
                continue
            return response
        return None


def _template(path: str) -> str:
    return "/".join("{id}" if len(part) >= 32 or part.isdigit() else part for part in path.split("/"))


# -- the platform's state, straight from the services' databases --------------------------------


class Audit:
    def __init__(self, admin_url: str) -> None:
        self.url = admin_url

    def rows(self, sql: str, *args: Any) -> list[asyncpg.Record]:
        async def go() -> list[asyncpg.Record]:
            conn = await asyncpg.connect(self.url, timeout=10)
            try:
                return list(await conn.fetch(sql, *args))
            finally:
                await conn.close()

        return asyncio.run(go())

    def value(self, sql: str, *args: Any) -> Any:
        return self.rows(sql, *args)[0][0]

    def count_in_each(self, table: str, where: str) -> dict[str, int]:
        """Rows of `table` matching `where` in each service's schema (our own names, never input)."""
        sql = "SELECT count(*) FROM {}.{} WHERE {}"
        return {s: int(self.value(sql.format(s, table, where))) for s in SERVICES}

    def unpublished(self) -> int:
        return sum(self.count_in_each("outbox", "published_at IS NULL").values())

    def invoiced(self, order_ids: list[str]) -> int:
        return int(
            self.value(
                "SELECT count(DISTINCT order_id) FROM billing.invoices WHERE order_id = ANY($1::uuid[])",
                order_ids,
            )
        )


# -- the load --------------------------------------------------------------------------------


@dataclass
class Ledger:
    """What the clients were told: the ids of everything answered 201."""

    prepay: list[str] = field(default_factory=list)
    paid: set[str] = field(default_factory=set)
    on_account: list[str] = field(default_factory=list)
    subscriptions: list[str] = field(default_factory=list)
    contracts: list[str] = field(default_factory=list)
    contracts_active: list[str] = field(default_factory=list)
    to_pay: list[tuple[str, Client, float]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    requests: Counter[str] = field(default_factory=Counter)

    @property
    def orders(self) -> list[str]:
        return [*self.prepay, *self.on_account]


@dataclass
class Partner:
    reseller_id: str
    client: Client
    customer_id: str
    established: bool
    payments: int = 0  # prepay orders paid (three make a reseller established, R-ON-3)


class Load:
    def __init__(self, stack: Stack, receiver: Receiver, answers: Answers, rng: random.Random) -> None:
        self.stack, self.receiver, self.answers, self.rng = stack, receiver, answers, rng
        self.admin = Client(stack.gateway_url, stack.config.admin_key, answers)
        self.ledger = Ledger()
        self.partners: list[Partner] = []
        self.sku = self.seat_sku = self.bundle = ""
        self.credit_officer: Client | None = None
        self.settle_deadline = float("inf")  # the payer's last chance, once the load has stopped

    # set-up, before any fault -------------------------------------------------------------

    def must(self, response: httpx.Response | None, status: int = 201) -> dict[str, Any]:
        if response is None or response.status_code != status:
            raise RuntimeError(
                f"set-up failed: {response and response.status_code} {response and response.text}"
            )
        return dict(response.json())

    def setup(self, new: int = 3, established: int = 2) -> None:
        a = self.admin
        self.sku = self.must(a.call("POST", "/v1/skus", json=_sku("perpetual", "149.00")))["sku"]
        self.seat_sku = self.must(
            a.call("POST", "/v1/skus", json={**_sku("yearly", "120.00"), "seat_based": True})
        )["sku"]
        self.bundle = self.must(a.call("POST", "/v1/waas/bundles", json=_bundle()))["code"]
        key = self.must(a.call("POST", "/v1/staff-keys", json={"role": "credit_officer", "name": "chaos"}))[
            "key"
        ]
        self.credit_officer = Client(self.stack.gateway_url, key, self.answers)
        for n in range(new + established):
            self.partners.append(self.onboard(established=n >= new))
        for partner in self.partners:
            if partner.established:
                self.establish(partner)
        log(f"set-up done: {new} new resellers (prepay), {established} established (on account)")

    def onboard(self, *, established: bool) -> Partner:
        a = self.admin
        app = self.must(a.call("POST", "/v1/reseller-applications", json=_application()))
        approved = self.must(
            a.call(
                "POST",
                f"/v1/reseller-applications/{app['id']}/approve",
                json={"credit_limit": "100000000.00"},
            ),
            200,
        )
        client = Client(self.stack.gateway_url, approved["api_key"], self.answers)
        rid = approved["reseller_id"]
        version = self.must(client.call("GET", "/v1/reseller-policy"), 200)["version"]
        self.must(
            client.call(
                "POST",
                f"/v1/resellers/{rid}/policy-acceptance",
                json={"version": version, "accepted_by": "Chaos Monkey"},
            ),
            200,
        )
        domain = f"chaos-{uuid.uuid4().hex[:10]}.example.com"
        customer = self.must(
            client.call(
                "POST", "/v1/customers", json={"kind": "domain", "name": "Chaos GmbH", "domain": domain}
            )
        )["id"]
        ckey = self.must(client.call("POST", f"/v1/customers/{customer}/api-keys", json={"name": "portal"}))[
            "key"
        ]
        customer_client = Client(self.stack.gateway_url, ckey, self.answers)
        self.must(
            customer_client.call(
                "POST", f"/v1/customers/{customer}/terms-acceptance", json={"accepted_by": "Eva"}
            ),
            200,
        )
        self.must(
            client.call(
                "POST", "/v1/webhook-endpoints", json={"url": self.receiver.url, "event_types": WEBHOOK_TYPES}
            )
        )
        return Partner(rid, client, customer, established)

    def establish(self, partner: Partner) -> None:
        """R-ON-3: three paid orders make a reseller established (it then orders on account)."""
        for _ in range(3):
            order = self.must(partner.client.call("POST", "/v1/orders", json=self.order_body(partner)))
            self.ledger.prepay.append(order["id"])
            invoice = _wait(partial(self.invoice_of, partner.client, order["id"]), 60, "invoice")
            if self.pay(invoice) != "paid":
                raise RuntimeError(f"set-up: the payment of {order['id']} failed")
            self.ledger.paid.add(order["id"])

        def standing() -> bool:
            r = partner.client.call("GET", "/v1/orders/eligibility")
            return r is not None and r.status_code == 200 and r.json().get("standing") == "established"

        _wait(standing, 90, "the reseller established")

    def order_body(self, partner: Partner) -> dict[str, Any]:
        return {
            "customer_id": partner.customer_id,
            "currency": "EUR",
            "payment_method": "bank_transfer",
            "lines": [{"sku": self.sku, "quantity": self.rng.randint(1, 3)}],
        }

    def invoice_of(self, client: Client, order_id: str) -> dict[str, Any] | None:
        r = client.call("GET", "/v1/invoices", params={"order_id": order_id}, tries=1)
        if r is None or r.status_code != 200 or not r.json()["data"]:
            return None
        return dict(r.json()["data"][0])

    def pay(self, invoice: dict[str, Any]) -> str | None:
        """ "paid" (now or before), "refused" (a 4xx), or None (no answer: try again later)."""
        if invoice["status"] == "paid" or Decimal(invoice["amount_due"]["amount"]) == 0:
            return "paid"
        body = {
            "reference": invoice["payment_reference"],
            "amount": {"amount": invoice["amount_due"]["amount"], "currency": invoice["total"]["currency"]},
            "received_on": date.today().isoformat(),
        }
        r = self.admin.call("POST", "/v1/payments", json=body)
        if r is None:
            return None
        return "paid" if r.status_code == 201 else "refused" if r.status_code < 500 else None

    # steady load, while the faults happen ------------------------------------------------

    def run(self, stop: threading.Event, rate: float) -> list[threading.Thread]:
        actions: list[tuple[float, Callable[[], None]]] = [
            (4, self.prepay_order),
            (4, self.on_account_order),
            (1.5, self.subscription),
            (0.5, self.contract),
        ]
        total = sum(w for w, _ in actions)
        threads = []
        for n in range(3):  # three partners' clients at rate/3 each, plus one payer (staff)

            def loop(n: int = n) -> None:
                rng = random.Random(n)
                while not stop.is_set():
                    started = time.monotonic()
                    roll, acc = rng.random() * total, 0.0
                    for weight, action in actions:
                        acc += weight
                        if roll < acc:
                            try:
                                action()
                            except Exception as exc:  # a bug in the driver, not in the platform
                                log(f"driver error in {action.__name__}: {exc!r}")
                            break
                    stop.wait(max(0.0, 3 / rate - (time.monotonic() - started)))

            threads.append(threading.Thread(target=loop, daemon=True, name=f"load-{n}"))
        threads.append(threading.Thread(target=self.payer, args=(stop,), daemon=True, name="payer"))
        for t in threads:
            t.start()
        return threads

    def _partner(self, established: bool) -> Partner:
        with self.ledger.lock:
            return self.rng.choice([p for p in self.partners if p.established == established])

    def prepay_order(self) -> None:
        """A new reseller's order (prepay). At most two of a reseller's orders are paid — a third
        would make it established (R-ON-3) — then a new reseller takes its place."""
        with self.ledger.lock:
            fresh = [p for p in self.partners if not p.established and p.payments < 2]
        if not fresh:
            try:
                partner = self.onboard(established=False)
            except Exception as exc:  # a fault in progress: order unpaid from an existing one
                log(f"onboarding a new reseller failed ({exc!r}); this order stays unpaid")
                partner = self._partner(False)
            else:
                with self.ledger.lock:
                    self.partners.append(partner)
        else:
            partner = self.rng.choice(fresh)
        r = partner.client.call("POST", "/v1/orders", json=self.order_body(partner))
        if r is None or r.status_code != 201:
            return
        body = r.json()
        with self.ledger.lock:
            if body["payment_requirement"] != "prepay":  # (never: the driver's own check)
                log(f"a new reseller's order was {body['payment_requirement']}")
                self.ledger.on_account.append(body["id"])
                return
            self.ledger.prepay.append(body["id"])
            if partner.payments < 2 and self.rng.random() < 0.8:  # the rest stay unpaid (unlicensed)
                partner.payments += 1
                self.ledger.to_pay.append((body["id"], partner.client, time.monotonic()))

    def on_account_order(self) -> None:
        partner = self._partner(True)
        r = partner.client.call("POST", "/v1/orders", json=self.order_body(partner))
        if r is not None and r.status_code == 201:
            body = r.json()
            with self.ledger.lock:
                (
                    self.ledger.on_account
                    if body["payment_requirement"] == "on_account"
                    else self.ledger.prepay
                ).append(body["id"])

    def subscription(self) -> None:
        partner = self._partner(True)
        body = {"customer_id": partner.customer_id, "sku": self.seat_sku, "seats": self.rng.randint(1, 3)}
        r = partner.client.call("POST", "/v1/subscriptions", json={**body, "term_months": 12})
        if r is not None and r.status_code == 201:
            with self.ledger.lock:
                self.ledger.subscriptions.append(r.json()["id"])

    def contract(self) -> None:
        partner = self._partner(True)
        c = partner.client
        body = {
            "customer_id": partner.customer_id,
            "bundle": self.bundle,
            "term_months": 36,
            "delivery": "customer",
        }
        r = c.call("POST", "/v1/waas/contracts", json=body)
        if r is None or r.status_code != 201:
            return
        cid = r.json()["id"]
        with self.ledger.lock:
            self.ledger.contracts.append(cid)
        path = f"/v1/waas/contracts/{cid}"
        assert self.credit_officer is not None
        steps: list[tuple[Client, str, dict[str, Any] | None]] = [
            (c, f"{path}/submit", None),
            (self.credit_officer, f"{path}/credit-check", {"decision": "approved", "reason": "chaos"}),
            (self.admin, f"{path}/signatures", {"party": "distributor", "signed_by": "ALSO"}),
            (c, f"{path}/signatures", {"party": "customer", "signed_by": "Eva"}),
        ]
        for client, step, json_body in steps:
            r = client.call("POST", step, json=json_body)
            if r is None or r.status_code != 200:
                return
        with self.ledger.lock:
            self.ledger.contracts_active.append(cid)

    def payer(self, stop: threading.Event) -> None:
        """Staff record the transfer of a prepay order once its invoice is there (a payment whose
        answer was lost shows as an invoice already paid: not paid twice)."""
        while not stop.is_set() or (self.ledger.to_pay and time.monotonic() < self.settle_deadline):
            with self.ledger.lock:
                due = self.ledger.to_pay[:]
                self.ledger.to_pay.clear()
            for order_id, client, since in due:
                invoice = self.invoice_of(client, order_id)
                outcome = None if invoice is None else self.pay(invoice)
                if outcome == "paid":
                    with self.ledger.lock:
                        self.ledger.paid.add(order_id)
                elif outcome == "refused":
                    log(f"payment for {order_id} refused; the order stays unpaid")
                elif time.monotonic() - since < 600:
                    with self.ledger.lock:
                        self.ledger.to_pay.append((order_id, client, since))
            stop.wait(1)


def _sku(plan: str, price: str) -> dict[str, Any]:
    return {
        "sku": f"CHAOS-{uuid.uuid4().hex[:10]}",
        "product": "total-docs",
        "name": "Chaos licence",
        "billing_plan": plan,
        "prices": [{"amount": price, "currency": "EUR"}],
    }


def _bundle() -> dict[str, Any]:
    eur = lambda a: {"amount": a, "currency": "EUR"}  # noqa: E731
    return {
        "code": f"WAAS-{uuid.uuid4().hex[:8]}",
        "name": "Laptop Essentials",
        "manufacturer": "Lenovo",
        "hardware_model": "ThinkPad T14",
        "monthly_price": eur("59.00"),
        "commission": eur("100.00"),
        "warranty_years": 3,
        "max_warranty_extension_years": 2,
        "options": [],
    }


def _application() -> dict[str, Any]:
    return {
        "company_name": f"Chaos {uuid.uuid4().hex[:8]} B.V.",
        "contact_email": "sales@chaos-reseller.nl",
        "country": "NL",
        "business_type": "reseller",
        "description": "We resell IT products to SMEs.",
    }


def _wait(check: Callable[[], Any], timeout: float, what: str) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if result := check():
            return result
        time.sleep(0.3)
    raise RuntimeError(f"timed out waiting for {what}")


# -- the faults ---------------------------------------------------------------------------------


RECOVERY_WAIT_S = 150  # the longest the next fault waits for the previous one's recovery


@dataclass
class Fault:
    name: str
    at: float  # seconds into the load
    started: str = ""
    downtime_s: float = 0.0
    # from the fault's lifting (the kill itself; the server started again; SIGCONT):
    resumed_s: float | None = None  # an order placed then is invoiced and licensed (events flow)
    cleared_s: float | None = None  # every order answered so far invoiced, every outbox empty


class Chaos:
    def __init__(
        self, stack: Stack, supervisor: Supervisor, load: Load, audit: Audit, seconds: float
    ) -> None:
        self.stack, self.supervisor, self.load, self.audit = stack, supervisor, load, audit
        services = ["ordering", "billing", "licensing", "notifications", "reports", "onboarding", "leasing"]
        kills = [*(f"kill -9 {s}" for s in services), "kill -9 gateway"]
        others = ["restart postgres", "stop broker 30 s", f"SIGSTOP {PAUSED_SERVICE} 30 s"]
        names = [*kills[:3], others[0], *kills[3:6], others[1], *kills[6:], others[2]]
        span = seconds * 0.8
        self.faults = [Fault(name, at=seconds * 0.05 + span * i / len(names)) for i, name in enumerate(names)]
        self.measurers: list[threading.Thread] = []

    def run(self, stop: threading.Event, t0: float) -> None:
        for fault in self.faults:
            if stop.wait(max(0.0, t0 + fault.at - time.monotonic())):
                return
            if self.measurers:
                # each fault hits a recovered platform, so the recovery measured is its own, not
                # the sum of overlapping ones (the load keeps flowing meanwhile)
                self.measurers[-1].join(RECOVERY_WAIT_S)
            fault.started = _now()
            log(f"fault: {fault.name}")
            began = time.monotonic()
            lifted = began
            try:
                lifted = self.inject(fault.name)
            except Exception as exc:
                log(f"could not inject {fault.name}: {exc!r}")
            fault.downtime_s = round(time.monotonic() - began, 1)
            m = threading.Thread(target=self.measure, args=(fault, lifted), daemon=True)
            m.start()
            self.measurers.append(m)

    def inject(self, name: str) -> float:
        """Inject the fault; return when it was lifted (a killed process: at once — restarting it
        is the supervisor's part of the recovery; a stopped server: when it is started again)."""
        if name.startswith("kill -9 "):
            target = name.removeprefix("kill -9 ")
            old = self.stack.processes[target].pid
            os.kill(old, signal.SIGKILL)
            lifted = time.monotonic()
            _wait(lambda: self.serving(target, old), 300, f"{target} back")
            return lifted
        if name == "restart postgres":
            self.supervisor.hold("postgres")  # pg_ctl stop -m fast: every connection dropped
            time.sleep(3)
            self.supervisor.release("postgres")
        elif name.startswith("stop broker"):
            self.supervisor.hold("broker")
            time.sleep(30)
            self.supervisor.release("broker")  # topics recreated, the outboxes re-published
        elif name.startswith("SIGSTOP"):
            pid = self.stack.processes[PAUSED_SERVICE].pid
            os.kill(pid, signal.SIGSTOP)
            time.sleep(30)
            os.kill(pid, signal.SIGCONT)
        return time.monotonic()

    def serving(self, name: str, not_pid: int) -> bool:
        base = f"http://127.0.0.1:{self.stack.port_of(name)}"
        try:
            pid = httpx.get(f"{base}/healthz", timeout=2).json().get("pid")
            return pid not in (None, not_pid) and httpx.get(f"{base}/readyz", timeout=2).status_code == 200
        except (httpx.HTTPError, ValueError):
            return False

    def measure(self, fault: Fault, over: float) -> None:
        """From the fault's end: the first on-account order placed after it gets its invoice and its
        license (events flow again); then every order answered so far is invoiced and no outbox
        holds an unpublished row (the backlog is cleared)."""
        partner = self.load._partner(True)
        try:
            probe = _wait(
                lambda: self._place(partner),
                120,
                "a probe order",
            )
            _wait(lambda: self._licensed(probe), 180, "the probe's license")
            fault.resumed_s = round(time.monotonic() - over, 1)
            with self.load.ledger.lock:
                orders = self.load.ledger.orders[:]
            _wait(
                lambda: self.audit.invoiced(orders) == len(set(orders)) and self.audit.unpublished() == 0,
                240,
                "backlog",
            )
            fault.cleared_s = round(time.monotonic() - over, 1)
        except Exception as exc:
            log(f"recovery after {fault.name} not measured: {exc!r}")

    def _place(self, partner: Partner) -> str | None:
        r = partner.client.call("POST", "/v1/orders", json=self.load.order_body(partner), tries=1)
        if r is None or r.status_code != 201:
            return None
        with self.load.ledger.lock:
            self.load.ledger.on_account.append(r.json()["id"])
        return str(r.json()["id"])

    def _licensed(self, order_id: str) -> bool:
        try:
            return bool(
                self.audit.value(
                    "SELECT count(*) FROM licensing.licenses WHERE order_id = $1", uuid.UUID(order_id)
                )
            )
        except Exception:
            return False


# -- reconciliation ----------------------------------------------------------------------------


def reconcile(audit: Audit, ledger: Ledger, receiver: Receiver, answers: Answers) -> dict[str, Any]:
    orders = ledger.orders
    invoices = {
        str(r["order_id"]): r["n"]
        for r in audit.rows(
            "SELECT order_id, count(*) AS n FROM billing.invoices"
            " WHERE order_id = ANY($1::uuid[]) GROUP BY order_id",
            orders,
        )
    }
    licenses = {
        str(r["order_id"]): r["n"]
        for r in audit.rows(
            "SELECT order_id, count(*) AS n FROM licensing.licenses"
            " WHERE order_id = ANY($1::uuid[]) GROUP BY order_id",
            orders,
        )
    }
    should_license = set(ledger.on_account) | (set(ledger.prepay) & ledger.paid)
    invoice_ids = [
        str(r["id"])
        for r in audit.rows("SELECT id FROM billing.invoices WHERE order_id = ANY($1::uuid[])", orders)
    ]
    in_reports = {
        str(r["invoice_id"]): r["n"]
        for r in audit.rows(
            "SELECT invoice_id, count(*) AS n FROM reports.receivable_movements "
            "WHERE kind = 'issued' AND invoice_id = ANY($1::uuid[]) GROUP BY invoice_id",
            invoice_ids,
        )
    }
    receivables = {
        str(r["invoice_id"])
        for r in audit.rows(
            "SELECT invoice_id FROM reports.receivables WHERE invoice_id = ANY($1::uuid[])", invoice_ids
        )
    }
    subs = {
        str(r["id"])
        for r in audit.rows(
            "SELECT id FROM ordering.subscriptions WHERE id = ANY($1::uuid[])", ledger.subscriptions
        )
    }
    contracts = {
        str(r["id"])
        for r in audit.rows("SELECT id FROM leasing.contracts WHERE id = ANY($1::uuid[])", ledger.contracts)
    }
    released = {
        str(r["id"])
        for r in audit.rows(
            "SELECT id FROM ordering.orders"
            " WHERE id = ANY($1::uuid[]) AND status IN ('released', 'fulfilled')",
            orders,
        )
    }
    placed_seen = receiver.subjects["ordering.order.placed.v1"]
    released_seen = receiver.subjects["ordering.order.released.v1"]
    unpublished = audit.count_in_each("outbox", "published_at IS NULL")
    parked = audit.count_in_each("outbox", "parked_at IS NOT NULL")
    failed = {
        s: [
            {"event_type": r["event_type"], "error": r["error"][:300]}
            for r in audit.rows(f"SELECT event_type, error FROM {s}.failed_events WHERE status = 'failed'")  # noqa: S608
        ]
        for s in SERVICES
    }
    lost = {
        "orders without an invoice": sorted(set(orders) - set(invoices)),
        "licensable orders without a license": sorted(should_license - set(licenses)),
        "invoices missing from reports": sorted(set(invoice_ids) - receivables),
        "subscriptions answered 201, not stored": sorted(set(ledger.subscriptions) - subs),
        "contracts answered 201, not stored": sorted(set(ledger.contracts) - contracts),
        "placed events not delivered to the receiver": sorted(set(orders) - placed_seen),
        "released events not delivered to the receiver": sorted(released - released_seen),
    }
    duplicated = {
        "orders with two invoices": sorted(o for o, n in invoices.items() if n > 1),
        "orders with more than one license": sorted(o for o, n in licenses.items() if n > 1),
        "unpaid prepay orders licensed": sorted(set(licenses) - should_license),
        "invoices issued twice in reports": sorted(i for i, n in in_reports.items() if n > 1),
        "webhook-ids delivered with two payloads": sorted(
            k for k, v in receiver.bodies.items() if len(v) > 1
        ),
    }
    undelivered = sorted((set(orders) - placed_seen) | (released - released_seen))
    explanations = {
        # where the platform stands on each webhook the receiver did not get (for the report)
        "undelivered_webhooks": [
            {k: str(v) for k, v in dict(r).items()}
            for r in audit.rows(
                "SELECT d.subject, d.event_type, d.status, d.attempts, d.next_attempt_at, d.in_flight_until,"
                " d.last_status_code, e.status AS endpoint, e.paused_until, e.consecutive_timeouts,"
                " e.disabled_reason FROM notifications.deliveries d"
                " JOIN notifications.webhook_endpoints e ON e.id = d.endpoint_id"
                " WHERE d.subject = ANY($1::text[]) ORDER BY d.subject, d.event_time",
                undelivered[:50],
            )
        ],
        "orders_without_a_delivery_row": sorted(
            set(undelivered)
            - {
                str(r["subject"])
                for r in audit.rows(
                    "SELECT subject FROM notifications.deliveries WHERE subject = ANY($1::text[])",
                    undelivered,
                )
            }
        ),
    }
    return {
        "explanations": explanations,
        "orders_201": len(orders),
        "prepay": len(ledger.prepay),
        "prepay_paid": len(set(ledger.prepay) & ledger.paid),
        "on_account": len(ledger.on_account),
        "subscriptions_201": len(ledger.subscriptions),
        "contracts_201": len(ledger.contracts),
        "contracts_active": len(ledger.contracts_active),
        "webhook_deliveries_200": sum(len(v) for v in receiver.bodies.values()),
        "receiver_answers": dict(receiver.answers),
        "lost": lost,
        "duplicated": duplicated,
        "unpublished_outbox_rows": unpublished,
        "parked_outbox_rows": parked,
        "failed_events": failed,
        "client_statuses": dict(answers.statuses),
        "undocumented_answers": answers.undocumented,
    }


def table(result: dict[str, Any], faults: list[Fault]) -> str:
    r = result["reconciliation"]
    lost = sum(len(v) for v in r["lost"].values())
    dup = sum(len(v) for v in r["duplicated"].values())
    five = sum(n for s, n in r["client_statuses"].items() if s.isdigit() and int(s) >= 500)
    undocumented = len(r["undocumented_answers"])
    failed = sum(len(v) for v in r["failed_events"].values())
    unpublished = sum(r["unpublished_outbox_rows"].values())
    lines = [
        f"chaos run {result['started']} — {result['seconds']:.0f} s of load, {result['requests']} requests",
        f"  orders 201: {r['orders_201']} (prepay {r['prepay']}, paid {r['prepay_paid']},"
        f" on account {r['on_account']}), subscriptions {r['subscriptions_201']},"
        f" WaaS contracts {r['contracts_201']} ({r['contracts_active']} active),"
        f" webhooks delivered {r['webhook_deliveries_200']}",
        f"  answers: {', '.join(f'{k}: {v}' for k, v in sorted(r['client_statuses'].items()))}",
        "",
        f"  {'fault':<26}{'at':<10}{'down s':>8}{'resumed s':>11}{'cleared s':>11}",
    ]
    for f in faults:
        resumed = "—" if f.resumed_s is None else f"{f.resumed_s:g}"
        cleared = "—" if f.cleared_s is None else f"{f.cleared_s:g}"
        lines.append(f"  {f.name:<26}{f.started:<10}{f.downtime_s:>8g}{resumed:>11}{cleared:>11}")
    lines += [
        "",
        f"  lost: {lost}   duplicated effects: {dup}   5xx seen: {five} (undocumented: {undocumented})"
        f"   dead-lettered: {failed}   unpublished outbox rows: {unpublished}",
        f"  settled in {result['settle_s']} s after the load",
    ]
    for kind in ("lost", "duplicated"):
        for what, ids in r[kind].items():
            if ids:
                lines.append(f"    {kind}: {what}: {len(ids)} (e.g. {ids[:3]})")
    return "\n".join(lines)


# -- main ----------------------------------------------------------------------------------


def main() -> int:
    seconds = float(os.environ.get("CHAOS_SECONDS", "240"))
    rate = float(os.environ.get("CHAOS_RATE", "4"))  # write calls a second, all clients together
    rng = random.Random(int(os.environ.get("CHAOS_SEED", "24")))
    started = datetime.now(UTC).strftime("%Y-%m-%dT%H-%M-%SZ")
    answers, receiver = Answers(), Receiver()
    server = receiver.start(rng)
    with tempfile.TemporaryDirectory(prefix="channelhub-chaos-") as tmp:
        config = StackConfig.for_tests(Path(tmp))
        config.extra_env |= {
            # a partner's receiver is given minutes, not fractions of a second, across the outages
            "CHANNELHUB_WEBHOOK_RETRY_SCHEDULE": "1,2,5,10,20,30,60,60",
            "CONSUMER_MAX_ATTEMPTS": "5",
        }
        config.ready_timeout = 600  # the machine may be shared: starting can be slow
        stack = Stack(config)
        log("starting the stack …")
        stack.start()
        supervisor = Supervisor.for_stack(stack, backoff_base=0.5, max_restarts=10, console=lambda s: log(s))
        sup_stop = threading.Event()
        sup_thread = threading.Thread(target=supervisor.run, args=(sup_stop,), daemon=True)
        sup_thread.start()
        audit = Audit(stack.admin_url)
        try:
            load = Load(stack, receiver, answers, rng)
            load.setup()
            chaos = Chaos(stack, supervisor, load, audit, seconds)
            stop = threading.Event()
            t0 = time.monotonic()
            log(f"load for {seconds:.0f} s at ~{rate:g} writes/s; {len(chaos.faults)} faults on a schedule")
            threads = load.run(stop, rate)
            fault_thread = threading.Thread(target=chaos.run, args=(stop, t0), daemon=True)
            fault_thread.start()
            time.sleep(max(0.0, t0 + seconds - time.monotonic()))
            fault_thread.join()  # the last fault finishes (it may run past the load's end)
            stop.set()
            settle_from = time.monotonic()
            load.settle_deadline = settle_from + 300
            for t in threads:
                t.join(max(0.1, settle_from + 360 - time.monotonic()))
            log("load stopped; waiting for the platform to settle …")
            joins_end = time.monotonic() + 300
            for m in chaos.measurers:
                m.join(max(0.1, joins_end - time.monotonic()))
            settle_s = _settle(audit, load.ledger, receiver)
            reconciliation = reconcile(audit, load.ledger, receiver, answers)
        finally:
            sup_stop.set()
            sup_thread.join(30)
            restarts = {u.name: supervisor.restarts(u.name) for u in supervisor.units}
            stack.stop()
            server.shutdown()
    result = {
        "started": started,
        "seconds": seconds,
        "rate_writes_per_s": rate,
        "requests": sum(answers.statuses.values()),
        "settle_s": settle_s,
        "faults": [f.__dict__ for f in chaos.faults],
        "supervisor_restarts": restarts,
        "recovery": {
            "resumed_s_max": max(
                (f.resumed_s for f in chaos.faults if f.resumed_s is not None), default=None
            ),
            "resumed_s_median": _median([f.resumed_s for f in chaos.faults]),
            "cleared_s_max": max(
                (f.cleared_s for f in chaos.faults if f.cleared_s is not None), default=None
            ),
        },
        "reconciliation": reconciliation,
    }
    text = table(result, chaos.faults)
    print("\n" + text, flush=True)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"chaos-{started}.json").write_text(json.dumps(result, indent=2, default=str) + "\n")
    (RESULTS / f"chaos-{started}.txt").write_text(text + "\n")
    log(f"written to bench/results/chaos-{started}.json and .txt")
    r = reconciliation
    clean = (
        not any(r["lost"].values())
        and not any(r["duplicated"].values())
        and not r["undocumented_answers"]
        and not any(r["failed_events"].values())
        and not any(r["unpublished_outbox_rows"].values())
    )
    return 0 if clean else 1


def _median(values: list[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return round(statistics.median(present), 1) if present else None


def _settle(audit: Audit, ledger: Ledger, receiver: Receiver, timeout: float = 300) -> float:
    """Until every order is invoiced, every licensable one licensed, every placed event delivered
    and every outbox empty (or the timeout: what is missing then is reported as lost)."""
    began = time.monotonic()
    while time.monotonic() - began < timeout:
        try:
            orders = ledger.orders
            should = list(set(ledger.on_account) | (set(ledger.prepay) & ledger.paid))
            licensed = audit.value(
                "SELECT count(DISTINCT order_id) FROM licensing.licenses WHERE order_id = ANY($1::uuid[])",
                should,
            )
            # every webhook delivery done (a delivery waiting on its retry schedule is not lost yet)
            pending = audit.value("SELECT count(*) FROM notifications.deliveries WHERE status = 'pending'")
            with receiver.lock:
                delivered = len(set(orders) & receiver.subjects["ordering.order.placed.v1"])
            if (
                audit.invoiced(orders) == len(set(orders))
                and licensed == len(should)
                and delivered == len(set(orders))
                and pending == 0
                and audit.unpublished() == 0
            ):
                break
        except Exception as exc:
            log(f"settling: {exc!r}")
        time.sleep(2)
    return round(time.monotonic() - began, 1)


if __name__ == "__main__":
    sys.exit(main())
