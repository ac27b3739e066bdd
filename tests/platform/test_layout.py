"""The house shape of every registered service, read from the source (AST, no imports executed).

- the skeleton is there (CONTRIBUTING.md "One shape per service");
- no service imports another one (only `services.registry` knows them all);
- `domain/` is pure: it imports no I/O, no models and no use cases;
- `api/` is HTTP only: it neither queries the database nor touches the models itself;
- `libs/` is the kernel: it imports no service and none of the command-line tools (`tools/`).
- the edge owns the transaction: neither `api/` nor `usecases/` commits (libs.edge does);
- events go through the unit of work (`uow.emit`), never `OUTBOX.emit` / `record_event` in a service;
- a use case that takes the unit of work reads its clock (`uow.clock`), never a second `clock` beside it;
- time comes from the injected clock: no `datetime.now`, `date.today`, `time.time()` … outside
  `libs/clock.py` (and the tooling allowed below, each with its reason).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from services.registry import SERVICE_NAMES

REPO = Path(__file__).resolve().parents[2]
SERVICES_DIR = REPO / "services"
SKELETON = [
    "app.py",
    "api/__init__.py",
    "usecases/__init__.py",
    "domain/__init__.py",
    "models.py",
    "schemas.py",
    "errors.py",
    "handlers.py",
    "migrations/env.py",
    "tests/unit",
]
IO_MODULES = ("sqlalchemy", "asyncpg", "httpx", "aiokafka", "fastapi", "libs.db", "libs.outbox")


def imports_of(path: Path, root: Path = SERVICES_DIR.parent) -> set[str]:
    """Every module a file imports, absolute (`from . import x` is resolved against its package,
    the file's folders below `root`)."""
    tree = ast.parse(path.read_text(), filename=str(path))
    package = ".".join(path.relative_to(root).with_suffix("").parts[:-1])
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parent, base] if base else parent)
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


def sources(service: str, sub: str = "") -> list[Path]:
    root = SERVICES_DIR / service / sub
    return sorted(p for p in root.rglob("*.py") if "migrations" not in p.relative_to(SERVICES_DIR).parts)


WALL_CLOCK_READS = {
    "datetime.now",
    "datetime.utcnow",
    "datetime.today",
    "date.today",
    "time.time",
    "datetime.datetime.now",
    "datetime.datetime.utcnow",
    "datetime.date.today",
}
# Wall-clock reads allowed outside libs/clock.py, each with its reason (paths below the repo).
WALL_CLOCK_ALLOWED = {
    "libs/clock.py": "the clock itself (SystemClock, wall_now for operational timestamps)",
    "tools/devstack/": "the developer's local stack (mail capture stamps, demo data, log retention)",
    "sdk/python/channelhub_sdk/licenses.py": "a partner's command line: 'today' is the partner's machine's day",
    "sdk/python/channelhub_sdk/webhooks.py": "runs in the partner's receiver: its tolerance is against its own clock",
}


def calls(path: Path) -> list[tuple[int, str, ast.Call]]:
    """Every call in a file: (line, the called expression as written, the node)."""
    tree = ast.parse(path.read_text(), filename=str(path))
    return [(n.lineno, ast.unparse(n.func), n) for n in ast.walk(tree) if isinstance(n, ast.Call)]


def commits_in(path: Path) -> list[str]:
    return [f"{path}:{line}: {name}()" for line, name, _ in calls(path) if name.endswith(".commit")]


def wall_clock_reads_in(path: Path) -> list[str]:
    return [f"{path}:{line}: {name}()" for line, name, _ in calls(path) if name in WALL_CLOCK_READS]


def direct_emits_in(path: Path) -> list[str]:
    """Events written around the unit of work: `OUTBOX.emit(...)`, `record_event(...)`."""
    return [
        f"{path}:{line}: {name}()"
        for line, name, _ in calls(path)
        if name.split(".")[-1] == "record_event"
        or (name.endswith(".emit") and name.split(".")[-2] == "OUTBOX")
    ]


def _annotated(arg: ast.arg, name: str) -> bool:
    """`arg` is annotated `name` (`Clock`, `libs.clock.Clock`, `"Clock"`, `Clock | None`)."""
    if arg.annotation is None:
        return False
    text = ast.unparse(arg.annotation).strip("'\"")
    return any(part.strip().split(".")[-1] == name for part in text.split("|"))


def uow_and_clock_parameters_in(path: Path) -> list[str]:
    """Functions taking the unit of work and a clock beside it (by name, `uow`/`clock`, or by
    annotation, `UnitOfWork`/`Clock`): the unit of work carries the service's clock (`uow.clock`)."""
    tree = ast.parse(path.read_text(), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            a = node.args
            params = [*a.posonlyargs, *a.args, *a.kwonlyargs]
            uow = [p.arg for p in params if p.arg == "uow" or _annotated(p, "UnitOfWork")]
            clock = [p.arg for p in params if p.arg == "clock" or _annotated(p, "Clock")]
            if uow and clock:
                found.append(f"{path}:{node.lineno}: {node.name}({uow[0]}, {clock[0]})")
    return found


def runtime_sources(root: Path) -> list[Path]:
    """The code that runs in a service process: libs/ and services/, without tests and migrations."""
    return sorted(
        p
        for top in ("libs", "services")
        for p in (root / top).rglob("*.py")
        if not {"tests", "testing", "migrations"} & set(p.relative_to(root).parts)
    )


def _within(module: str, prefixes: tuple[str, ...]) -> bool:
    return any(module == p or module.startswith(p + ".") for p in prefixes)


@pytest.mark.parametrize("service", SERVICE_NAMES)
def test_the_service_has_the_house_skeleton(service: str) -> None:
    missing = [part for part in SKELETON if not (SERVICES_DIR / service / part).exists()]
    assert missing == [], f"services/{service} lacks {missing} (see CONTRIBUTING.md)"


@pytest.mark.parametrize("service", [*SERVICE_NAMES, "gateway"])
def test_no_service_imports_another(service: str) -> None:
    # the gateway's OpenAPI build (openapi_merge) reads the registry by design; services never do
    known = [*SERVICE_NAMES, "gateway"] + (["registry"] if service != "gateway" else [])
    others = tuple(f"services.{s}" for s in known if s != service)
    offending = {
        f"{path.relative_to(SERVICES_DIR)}: {module}"
        for path in sources(service)
        for module in imports_of(path)
        if _within(module, others)
    }
    assert offending == set(), "services talk through events and internal APIs, never imports"


@pytest.mark.parametrize("service", SERVICE_NAMES)
def test_domain_is_pure(service: str) -> None:
    forbidden = (*IO_MODULES, f"services.{service}.models", f"services.{service}.usecases")
    offending = {
        f"{path.relative_to(SERVICES_DIR)}: {module}"
        for path in sources(service, "domain")
        for module in imports_of(path)
        if _within(module, forbidden)
    }
    assert offending == set(), "domain/ is pure logic: move I/O into usecases/"


@pytest.mark.parametrize("service", SERVICE_NAMES)
def test_api_does_not_query_the_database(service: str) -> None:
    forbidden = ("sqlalchemy", "asyncpg", f"services.{service}.models")
    offending = {
        f"{path.relative_to(SERVICES_DIR)}: {module}"
        for path in sources(service, "api")
        for module in imports_of(path)
        if _within(module, forbidden)
    }
    assert offending == set(), "routes call use cases; queries and models stay in usecases/"


LIBS_DIR = SERVICES_DIR.parent / "libs"


def kernel_imports_of_the_outside(root: Path) -> set[str]:
    """`file: module` for every import of a service or a tool from a file under `root`/libs."""
    return {
        f"{path.relative_to(root)}: {module}"
        for path in sorted((root / "libs").rglob("*.py"))
        for module in imports_of(path, root=root)
        if _within(module, ("services", "tools"))
    }


def test_the_kernel_imports_no_service_and_no_tool() -> None:
    offending = kernel_imports_of_the_outside(LIBS_DIR.parent)
    assert offending == set(), (
        "libs/ is shared mechanics: services and tools/ import it, never the other way round "
        "(an entry point that reads the registry belongs in tools/)"
    )


def test_the_kernel_check_sees_a_violation(tmp_path: Path) -> None:
    probe = tmp_path / "libs" / "testing" / "probe.py"
    probe.parent.mkdir(parents=True)
    probe.write_text("from services.registry import SERVICE_NAMES\nfrom tools.devstack import stack\n")
    (tmp_path / "libs" / "clean.py").write_text("from libs.money import Money\n")
    assert kernel_imports_of_the_outside(tmp_path) == {
        "libs/testing/probe.py: services.registry",
        "libs/testing/probe.py: services.registry.SERVICE_NAMES",
        "libs/testing/probe.py: tools.devstack",
        "libs/testing/probe.py: tools.devstack.stack",
    }


@pytest.mark.parametrize("service", SERVICE_NAMES)
def test_routes_and_use_cases_never_commit(service: str) -> None:
    """The edge commits the request's unit of work (libs.edge `UoW`, `@idempotent`), never a route
    or a use case; consumers and jobs are committed by the kernel (libs.consumer, libs.jobs)."""
    offending = [c for sub in ("api", "usecases") for path in sources(service, sub) for c in commits_in(path)]
    assert offending == [], "routes and use cases never commit: the edge does (CONTRIBUTING.md)"


@pytest.mark.parametrize("service", SERVICE_NAMES)
def test_events_are_emitted_through_the_unit_of_work(service: str) -> None:
    offending = [e for path in sources(service) for e in direct_emits_in(path)]
    assert offending == [], (
        "emit with `await uow.emit(event, reseller_id=...)`: stamped by the injected clock"
    )


@pytest.mark.parametrize("service", SERVICE_NAMES)
def test_use_cases_take_the_clock_from_the_unit_of_work(service: str) -> None:
    """One port: a use case given `uow` reads `uow.clock` (the service's injected clock). A second
    clock beside it could differ from the one that stamps the events it emits; a job's other day is
    its `as_of`, a date, never another clock."""
    offending = [f for path in sources(service, "usecases") for f in uow_and_clock_parameters_in(path)]
    assert offending == [], "take `uow` and read `uow.clock`, not a `clock` parameter beside it"


def test_no_wall_clock_reads_outside_libs_clock() -> None:
    offending = [
        read
        for path in runtime_sources(REPO)
        if not any(str(path.relative_to(REPO)).startswith(allowed) for allowed in WALL_CLOCK_ALLOWED)
        for read in wall_clock_reads_in(path)
    ]
    assert offending == [], (
        "time comes from the injected clock (uow.clock, CurrentClock) or libs.clock.wall_now"
    )


def test_the_checks_see_a_violation(tmp_path: Path) -> None:
    """The AST reader resolves relative imports, so `from ..models import X` cannot slip through."""
    module = SERVICES_DIR / "ordering" / "api" / "catalog.py"
    assert "services.ordering.usecases.catalog" in imports_of(module)
    # the probe lives in the test's own folder, laid out like a service (never in the real tree)
    fake = tmp_path / "services" / "ordering" / "domain" / "_probe_for_layout_test.py"
    fake.parent.mkdir(parents=True)
    fake.write_text("from ..models import Order\nimport sqlalchemy as sa\n")
    assert {"services.ordering.models", "services.ordering.models.Order", "sqlalchemy"} <= imports_of(
        fake, root=tmp_path
    )


@pytest.mark.parametrize("service", SERVICE_NAMES)
def test_tenant_scope_is_declared_not_written(service: str) -> None:
    """Rows are scoped by the model's `__tenant__` (`libs.tenancy.visible`), never by a hand-written
    filter helper: one forgotten `_visible` was how one reseller could read another's rows."""
    offenders = []
    for path in sources(service, "usecases") + sources(service, "api"):
        text = path.read_text()
        for marker in ("def _visible(", "scope_to_tenant(", "def scoped("):
            if marker in text:
                offenders.append(f"{path.relative_to(SERVICES_DIR.parent)}: {marker}")
    assert not offenders, offenders


def test_the_edge_checks_see_their_violations(tmp_path: Path) -> None:
    """Each guard above finds the idiom it forbids, in a probe written to the test's own folder."""
    probe = tmp_path / "libs" / "probe.py"
    probe.parent.mkdir(parents=True)
    probe.write_text(
        "import time\n"
        "from datetime import UTC, date, datetime\n"
        "async def f(uow, session, e):\n"
        "    await uow.commit()\n"
        "    await OUTBOX.emit(session, e)\n"
        "    await record_event(session, None, e, service='x')\n"
        "    await uow.emit(e)\n"
        "    return datetime.now(UTC), date.today(), time.time(), uow.clock.now()\n"
    )
    assert [c.rsplit(": ", 1)[1] for c in commits_in(probe)] == ["uow.commit()"]
    assert sorted(e.rsplit(": ", 1)[1] for e in direct_emits_in(probe)) == ["OUTBOX.emit()", "record_event()"]
    assert sorted(r.rsplit(": ", 1)[1] for r in wall_clock_reads_in(probe)) == [
        "date.today()",
        "datetime.now()",
        "time.time()",
    ]
    assert runtime_sources(tmp_path) == [probe]
    use_cases = tmp_path / "services" / "probe" / "usecases" / "probe.py"
    use_cases.parent.mkdir(parents=True)
    use_cases.write_text(
        "from libs.clock import Clock\n"
        "from libs.db import UnitOfWork\n"
        "async def by_name(uow, x, clock): ...\n"
        "async def by_type(work: UnitOfWork, at: 'Clock | None'): ...\n"
        "async def read(session, clock: Clock, today): ...\n"
        "async def fine(uow: UnitOfWork, as_of): return uow.clock.now()\n"
    )
    assert [f.rsplit(": ", 1)[1] for f in uow_and_clock_parameters_in(use_cases)] == [
        "by_name(uow, clock)",
        "by_type(work, at)",
    ]
