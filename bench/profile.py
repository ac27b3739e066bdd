"""py-spy profiles of the suite's processes while the benchmark drives them, and their top frames.

`BENCH_PROFILE=<dir> make bench` records every service (and the gateway) with `py-spy record -f raw`
during the order scenario and its settle period; `python -m bench.profile <dir>/<name>.txt` prints
the top frames, inclusive and self, as percentages of the non-idle samples (the summaries in
bench/README.md).
"""

from __future__ import annotations

import asyncio
import re
import shutil
import sys
from collections import Counter
from pathlib import Path

PY_SPY = shutil.which("py-spy") or str(Path(sys.executable).parent / "py-spy")


async def record(pids: dict[str, int], seconds: float, folder: Path) -> list[asyncio.subprocess.Process]:
    """Start one `py-spy record` per process (nonblocking: the target is never paused). `--gil`:
    only the thread holding the GIL is sampled — without it a thread waiting to take the GIL back
    after a socket call (the API's loop while the consumer thread runs) showed as busy in `write`
    or asyncpg's execute, a fifth of some profiles."""
    procs = []
    for name, pid in pids.items():
        procs.append(
            await asyncio.create_subprocess_exec(
                PY_SPY, "record", "-p", str(pid), "-r", "100", "-d", str(round(seconds)), "-f", "raw",
                "--nonblocking", "--gil", "-o", str(folder / f"{name}.txt"),
                stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.DEVNULL,
            )
        )  # fmt: skip
    return procs


_LINE = re.compile(r":\d+\)")
# waiting, not working: py-spy's --nonblocking mode cannot always tell an idle thread
_IDLE_LEAVES = ("EpollSelector.select", "Runner.run", "select (selectors.py)")
# the frames every sample has (loops, threads, the server's entry point): not worth listing
_PLUMBING = re.compile(
    r"\((asyncio|threading|selectors|<frozen runpy>|uvicorn|libs/serve|starlette|fastapi|middleware"
    r"|telemetry)[/.)]|^_?run"
)


def _frame(raw: str) -> str:
    """`fn (path/to/file.py:123)` → `fn (to/file.py)`: the function, not the line."""
    raw = _LINE.sub(")", raw)
    name, _, where = raw.partition(" (")
    parts = where.rstrip(")").split("/")
    return f"{name} ({'/'.join(parts[-2:])})"


def summary(path: Path, top: int = 15) -> str:
    inclusive: Counter[str] = Counter()
    own: Counter[str] = Counter()
    total = 0
    for line in path.read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        if not stack or not count.isdigit():
            continue
        n = int(count)
        frames = [_frame(f) for f in stack.split(";") if f and not f.startswith("process ")]
        frames = [f for f in frames if not f.startswith("thread ")]
        if not frames or frames[-1].startswith(_IDLE_LEAVES):
            continue
        total += n
        for f in set(frames):
            if not _PLUMBING.search(f):
                inclusive[f] += n
        own[frames[-1]] += n
    if not total:
        return f"{path.stem}: no samples"
    # a reader of `| head` may close the pipe early
    out = [f"{path.stem}: {total} non-idle samples", "inclusive"]
    out += [f"{100 * n / total:5.1f}% {f}" for f, n in inclusive.most_common(top)]
    out += ["self"]
    out += [f"{100 * n / total:5.1f}% {f}" for f, n in own.most_common(top)]
    return "\n".join(out)


if __name__ == "__main__":
    for arg in sys.argv[1:]:
        print(summary(Path(arg)))
        print()
