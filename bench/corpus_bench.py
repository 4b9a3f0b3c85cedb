"""Cost of `lkjip-xl periksa` on every file of the bad-input corpus (issue 12: < 5 s, < 500 MB).

    python bench/corpus_bench.py [NAME ...]

Each file is checked in its own process; CPU time (user + system) and peak resident memory come
from wait4, wall time from the clock (wall time includes Python's start-up and grows on a
loaded machine; CPU time is what the goal is asserted on in tests/test_bad_inputs.py). Prints
one line per file, slowest first, then the slowest case.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "bad_inputs"
SKIP = {"expected.yaml", "__pycache__", "make_corpus.py", "corpus_tools.py", "corpus_hostile.py"}


def measure(path: Path) -> tuple[int, float, float, float]:
    """(exit code, CPU seconds, wall seconds, peak MB) of one `periksa`."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "utf-8"}
    with tempfile.TemporaryFile() as sink:
        start = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, "-m", "lkjip_xl", "periksa", str(path)],
            stdout=sink,
            stderr=sink,
            env=env,
        )
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
    rss_mb = usage.ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)
    return os.waitstatus_to_exitcode(status), usage.ru_utime + usage.ru_stime, wall, rss_mb


def main(names: list[str]) -> None:
    files = sorted(p for p in CORPUS.iterdir() if p.name not in SKIP)
    if names:
        files = [p for p in files if p.name in names]
    rows = []
    for path in files:
        code, cpu, wall, rss = measure(path)
        rows.append((cpu, wall, rss, code, path.name))
    rows.sort(reverse=True)
    print(f"{'CPU s':>6} {'wall s':>7} {'peak MB':>8} {'exit':>4}  file")
    for cpu, wall, rss, code, name in rows:
        print(f"{cpu:6.2f} {wall:7.2f} {rss:8.0f} {code:4d}  {name}")
    cpu, wall, rss, _, name = rows[0]
    most = max(rows, key=lambda r: r[2])
    print(
        f"\n{len(rows)} files; slowest: {name} {cpu:.2f} s CPU ({wall:.2f} s wall), "
        f"{rss:.0f} MB; most memory: {most[4]} {most[2]:.0f} MB"
    )


if __name__ == "__main__":
    main(sys.argv[1:])
