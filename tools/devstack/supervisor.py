"""`make run` as a process manager: every process of the stack is watched and restarted when it dies.

A unit is one thing the stack runs — a service, the gateway, the embedded PostgreSQL, the embedded
broker. When one is found dead (and the supervisor did not stop it), it is restarted after a
backoff that doubles with each crash in a row (`backoff_base`, … up to `backoff_max`); a line goes
to its own log and one to the console. A crash "in a row" is one within `stable_seconds` of the
last start: a unit that ran longer than that starts again from the first backoff. After
`max_restarts` crashes in a row the supervisor gives up on it and prints its last log lines;
everything else keeps running.

The broker's restart is the stack's own (`Stack.start_broker`): topics recreated and the outboxes'
retention window re-published, since the embedded broker keeps nothing across a restart.

Faults are injected on purpose through the same object (`hold` / `release`): a held unit is not
restarted until released, e.g. the broker stopped for thirty seconds by `make chaos`.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from tools.devstack.stack import SERVICES, Stack


class Unit(Protocol):
    """Something the supervisor keeps running."""

    name: str

    def running(self) -> bool: ...

    def start(self) -> None: ...

    def stop(self) -> None: ...

    def pid(self) -> int | None: ...

    @property
    def log_path(self) -> Path: ...


def log_tail(path: Path, lines: int = 20) -> str:
    return "\n".join(path.read_text(errors="replace").splitlines()[-lines:]) if path.exists() else ""


def pid_alive(pid: int | None) -> bool:
    if pid is None:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, another user's (the embedded PostgreSQL runs as its own user)
        return True
    try:  # a zombie is dead for us (a child not yet reaped)
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return True


class ServiceUnit:
    """A service process (API, relay, consumers, jobs, workers) or the gateway."""

    def __init__(self, stack: Stack, name: str) -> None:
        self.stack, self.name = stack, name

    def running(self) -> bool:
        proc = self.stack.processes.get(self.name)
        return proc is not None and proc.poll() is None

    def start(self) -> None:
        if self.name == "gateway":
            self.stack.start_gateway()
        else:
            self.stack.start_service(self.name)

    def stop(self) -> None:
        self.stack.stop_process(self.name)

    def pid(self) -> int | None:
        proc = self.stack.processes.get(self.name)
        return proc.pid if proc is not None else None

    @property
    def log_path(self) -> Path:
        return self.stack.logs_dir / f"{self.name}.log"


class PostgresUnit:
    """The embedded PostgreSQL: alive while the postmaster of its data directory is."""

    name = "postgres"

    def __init__(self, stack: Stack) -> None:
        assert stack.postgres is not None
        self.stack, self.server = stack, stack.postgres

    def pid(self) -> int | None:
        try:
            return int((self.server.data_dir / "postmaster.pid").read_text().split()[0])
        except (OSError, ValueError, IndexError):
            return None

    def running(self) -> bool:
        return pid_alive(self.pid())

    def start(self) -> None:
        self.server.start()  # clears a stale postmaster.pid itself

    def stop(self) -> None:
        self.server.stop()

    @property
    def log_path(self) -> Path:
        return self.server.data_dir / "server.log"


class BrokerUnit:
    """The embedded broker; a restart recreates the topics and refills them from the outboxes."""

    name = "broker"

    def __init__(self, stack: Stack) -> None:
        assert stack.broker is not None
        self.stack = stack

    def pid(self) -> int | None:
        broker = self.stack.broker
        return broker.process.pid if broker is not None and broker.process is not None else None

    def running(self) -> bool:
        broker = self.stack.broker
        return broker is not None and broker.process is not None and broker.process.poll() is None

    def start(self) -> None:
        self.stack.start_broker(refill=True)

    def stop(self) -> None:
        self.stack.stop_broker()

    @property
    def log_path(self) -> Path:
        return self.stack.logs_dir / "broker.log"


@dataclass
class _State:
    started_at: float
    crashes: int = 0  # crashes in a row
    restart_at: float | None = None  # a restart is due (the unit is dead and not held)
    exit_note: str = ""
    given_up: bool = False
    held: bool = False
    restarts: int = 0  # in all


@dataclass
class Supervisor:
    units: list[Unit]
    max_restarts: int = 5
    backoff_base: float = 0.5
    backoff_max: float = 30.0
    stable_seconds: float = 30.0
    interval: float = 0.2
    console: Callable[[str], None] = field(default=lambda line: print(line, flush=True))
    clock: Callable[[], float] = time.monotonic
    _states: dict[str, _State] = field(default_factory=dict, init=False)
    _lock: threading.RLock = field(default_factory=threading.RLock, init=False)

    def __post_init__(self) -> None:
        now = self.clock()
        self._states = {unit.name: _State(started_at=now) for unit in self.units}

    @classmethod
    def for_stack(cls, stack: Stack, **options: float | int | Callable[..., object]) -> Supervisor:
        units: list[Unit] = []
        if stack.postgres is not None:
            units.append(PostgresUnit(stack))
        if stack.broker is not None:
            units.append(BrokerUnit(stack))
        units += [ServiceUnit(stack, name) for name in [*SERVICES, "gateway"] if name in stack.processes]
        return cls(units, **options)  # type: ignore[arg-type]

    def unit(self, name: str) -> Unit:
        return next(u for u in self.units if u.name == name)

    def backoff(self, crashes: int) -> float:
        return float(min(self.backoff_base * 2 ** (crashes - 1), self.backoff_max))

    def restarts(self, name: str) -> int:
        return self._states[name].restarts

    def given_up(self, name: str) -> bool:
        return self._states[name].given_up

    # -- faults on purpose ------------------------------------------------------

    def hold(self, name: str, *, stop: bool = True) -> None:
        """Keep `name` down (stopped now unless `stop=False`) until `release`."""
        with self._lock:
            self._states[name].held = True
            if stop:
                self.unit(name).stop()

    def release(self, name: str) -> None:
        """Start a held unit again now (it counts as a start, not a crash)."""
        with self._lock:
            state = self._states[name]
            state.held, state.restart_at = False, None
            unit = self.unit(name)
            if not unit.running():
                self._note(unit, f"{name} released; starting it again")
                unit.start()
                state.started_at = self.clock()

    # -- the loop -----------------------------------------------------------

    def check(self) -> None:
        """One round: notice the dead, restart those whose backoff has passed."""
        with self._lock:
            for unit in self.units:
                state = self._states[unit.name]
                if state.held or state.given_up or unit.running():
                    continue
                now = self.clock()
                if state.restart_at is None:  # just found dead
                    state.crashes = 1 if now - state.started_at >= self.stable_seconds else state.crashes + 1
                    state.exit_note = _exit_note(unit)
                    if state.crashes > self.max_restarts:
                        state.given_up = True
                        tail = log_tail(unit.log_path)
                        self._note(
                            unit,
                            f"{unit.name} {state.exit_note} {self.max_restarts} times in a row; given up",
                        )
                        self.console(f"  last lines of {unit.log_path}:\n{tail}")
                        continue
                    state.restart_at = now + self.backoff(state.crashes)
                if now >= state.restart_at:
                    state.restart_at = None
                    delay = self.backoff(state.crashes)
                    self._note(
                        unit,
                        f"{unit.name} {state.exit_note}; restarting it "
                        f"(attempt {state.crashes}/{self.max_restarts}, after {delay:g} s)",
                    )
                    try:
                        unit.start()
                    except Exception as exc:  # a start that fails is a crash like any other
                        self._note(unit, f"{unit.name} failed to start: {exc!r}")
                    state.started_at = self.clock()
                    state.restarts += 1

    def run(self, stop: threading.Event) -> None:
        while not stop.is_set():
            self.check()
            stop.wait(self.interval)

    def _note(self, unit: Unit, line: str) -> None:
        """One line on the console and the same line in the unit's own log."""
        self.console(line)
        try:
            with unit.log_path.open("a") as log:
                log.write(f"[supervisor {time.strftime('%H:%M:%S')}] {line}\n")
        except OSError:
            pass


def _exit_note(unit: Unit) -> str:
    if isinstance(unit, ServiceUnit):
        proc = unit.stack.processes.get(unit.name)
        code = proc.returncode if proc is not None else None
        if code is not None and code < 0:
            try:
                return f"was killed ({signal.Signals(-code).name})"
            except ValueError:
                return f"was killed (signal {-code})"
        return f"exited ({code})"
    return "stopped"
