"""The supervisor's policy (tools/devstack/supervisor.py) on units that only pretend to run, with a
clock the test moves: restart with doubling backoff, a start again from the first backoff after a
stable run, give up after N crashes in a row with the last log lines, held units left alone."""

from __future__ import annotations

from pathlib import Path

from tools.devstack.supervisor import Supervisor


class FakeUnit:
    def __init__(self, name: str, log: Path) -> None:
        self.name = name
        self.alive = True
        self.starts = 0
        self.stops = 0
        self.log_path = log
        self.fail_to_start = False

    def running(self) -> bool:
        return self.alive

    def start(self) -> None:
        self.starts += 1
        if self.fail_to_start:
            raise RuntimeError("port in use")
        self.alive = True

    def stop(self) -> None:
        self.stops += 1
        self.alive = False

    def pid(self) -> int | None:
        return 1 if self.alive else None


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def supervised(tmp_path: Path, **options: float) -> tuple[Supervisor, FakeUnit, Clock, list[str]]:
    unit = FakeUnit("ordering", tmp_path / "ordering.log")
    clock, console = Clock(), list[str]()
    sup = Supervisor([unit], clock=clock, console=console.append, **options)  # type: ignore[arg-type]
    return sup, unit, clock, console


def test_a_dead_process_is_restarted_after_its_backoff_and_says_so(tmp_path: Path) -> None:
    sup, unit, clock, console = supervised(tmp_path, backoff_base=0.5)
    clock.now += 60
    unit.alive = False
    sup.check()
    assert unit.starts == 0  # the backoff has not passed
    clock.now += 0.5
    sup.check()
    assert unit.starts == 1 and unit.alive
    assert len(console) == 1 and "ordering" in console[0] and "restarting" in console[0]
    assert "[supervisor" in unit.log_path.read_text() and "attempt 1/5" in unit.log_path.read_text()


def test_crashes_in_a_row_double_the_backoff_and_a_stable_run_resets_it(tmp_path: Path) -> None:
    sup, unit, clock, _ = supervised(tmp_path, backoff_base=1, stable_seconds=30)
    waits: list[float] = []
    for _ in range(4):
        unit.alive = False
        sup.check()
        start = clock.now
        while unit.starts < len(waits) + 1:
            clock.now += 0.25
            sup.check()
        waits.append(clock.now - start)
        clock.now += 1  # crashes again soon after its start
    assert waits == [1, 2, 4, 8]
    clock.now += 31  # a run longer than stable_seconds
    unit.alive = False
    sup.check()
    clock.now += 1
    sup.check()
    assert unit.starts == 5


def test_a_process_that_keeps_crashing_is_given_up_with_its_last_log_lines(tmp_path: Path) -> None:
    sup, unit, clock, console = supervised(tmp_path, backoff_base=0.1, max_restarts=3)
    unit.log_path.write_text("".join(f"line {n}\n" for n in range(100)) + "Traceback: boom\n")
    for _ in range(10):
        unit.alive = False
        for _ in range(20):
            clock.now += 1
            sup.check()
    assert unit.starts == 3
    assert sup.given_up("ordering")
    assert "given up" in console[-2] and "Traceback: boom" in console[-1] and "line 10\n" not in console[-1]


def test_a_start_that_fails_counts_as_a_crash(tmp_path: Path) -> None:
    sup, unit, clock, console = supervised(tmp_path, backoff_base=0.1, max_restarts=2)
    unit.fail_to_start = True
    unit.alive = False
    for _ in range(20):
        clock.now += 1
        sup.check()
    assert unit.starts == 2 and sup.given_up("ordering")
    assert any("failed to start" in line for line in console)


def test_a_held_unit_stays_down_until_released(tmp_path: Path) -> None:
    sup, unit, clock, _ = supervised(tmp_path, backoff_base=0.1)
    sup.hold("ordering")
    assert unit.stops == 1
    for _ in range(10):
        clock.now += 1
        sup.check()
    assert unit.starts == 0
    sup.release("ordering")
    assert unit.starts == 1 and unit.alive
    assert sup.restarts("ordering") == 0  # a release is a start on purpose, not a crash
