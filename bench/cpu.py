"""CPU time per process of the suite, read from `/proc/<pid>/stat` (Linux).

A process's figure is its own user + system time, plus that of its children it has reaped
(`cutime`, `cstime`), plus, recursively, that of its live children: PostgreSQL's backends (forked by
the postmaster, some exiting during a run) and uvicorn's workers are charged to the server they
belong to. Two snapshots, taken before the load and after it plus a settle period, give the CPU
each process spent on the load and on the events it caused.
"""

from __future__ import annotations

import os
from collections import defaultdict
from pathlib import Path

TICKS = os.sysconf("SC_CLK_TCK")


def _stat(pid: int) -> tuple[int, float] | None:
    """(parent pid, own + reaped children's CPU seconds) or None when the process is gone."""
    try:
        raw = Path(f"/proc/{pid}/stat").read_text()
    except (FileNotFoundError, ProcessLookupError, PermissionError):
        return None
    # the command name (field 2) is in parentheses and may contain spaces: split after it
    fields = raw[raw.rindex(")") + 2 :].split()
    ppid = int(fields[1])
    utime, stime, cutime, cstime = (int(x) for x in fields[11:15])
    return ppid, (utime + stime + cutime + cstime) / TICKS


def _table() -> tuple[dict[int, float], dict[int, list[int]]]:
    cpu: dict[int, float] = {}
    children: dict[int, list[int]] = defaultdict(list)
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        found = _stat(int(entry))
        if found is None:
            continue
        ppid, seconds = found
        cpu[int(entry)] = seconds
        children[ppid].append(int(entry))
    return cpu, children


def snapshot(pids: dict[str, int]) -> dict[str, float]:
    """CPU seconds so far of each named process and its live descendants."""
    cpu, children = _table()
    out: dict[str, float] = {}
    for name, root in pids.items():
        total, todo, seen = 0.0, [root], set()
        while todo:
            pid = todo.pop()
            if pid in seen or pid not in cpu:
                continue
            seen.add(pid)
            total += cpu[pid]
            todo.extend(children.get(pid, []))
        out[name] = total
    return out


def delta_ms(before: dict[str, float], after: dict[str, float]) -> dict[str, float]:
    return {name: (after[name] - before.get(name, 0.0)) * 1000 for name in after}


def postmaster_pid(data_dir: Path) -> int | None:
    """The embedded PostgreSQL's server process (first line of postmaster.pid)."""
    try:
        return int((data_dir / "postmaster.pid").read_text().splitlines()[0])
    except (FileNotFoundError, IndexError, ValueError):
        return None
