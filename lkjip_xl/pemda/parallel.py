"""Read many OPD workbooks: in worker processes when it pays, else one after the other.

openpyxl parsing is pure Python holding the GIL, so threads do not overlap the work (measured
in bench/pemda_bench.py); processes do, at the price of starting interpreters and pickling the
(slimmed) models back. `auto` picks processes for more than `MIN_FOR_PROCESSES` workbooks on a
machine with more than one core, serial otherwise. Inside Excel (the button) callers pass
"serial": a child process of the xlwings COM server is not something to rely on. If worker
processes cannot start, the reading falls back to serial.

Measured (bench/pemda_bench.py, 45 workbooks, 2 cores already loaded by other work): serial
30 s, threads 25-27 s (noise: the GIL serialises the parsing), processes 26-34 s: processes only
pay on cores that are free, which a staff PC usually has.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pickle import PicklingError

from lkjip_xl.pemda.opd import OPDLoad, load_opd

MIN_FOR_PROCESSES = 4
MODES = ("auto", "serial", "threads", "processes")

Job = tuple[str, str]  # (path, berkas as shown)


def workers() -> int:
    return max(1, min(os.cpu_count() or 1, 8))


def choose(mode: str, count: int) -> str:
    if mode not in MODES:
        raise ValueError(f"unknown mode {mode!r}")
    if mode != "auto":
        return mode
    return "processes" if count >= MIN_FOR_PROCESSES and workers() > 1 else "serial"


def _run(job: Job) -> OPDLoad:
    return load_opd(*job)


def load_many(
    jobs: Sequence[Job], mode: str = "auto", progress: Callable[[str], None] = lambda s: None
) -> list[OPDLoad]:
    """OPDLoad per job, in the order given."""
    mode = choose(mode, len(jobs))
    if mode == "serial" or len(jobs) <= 1:
        out = []
        for i, job in enumerate(jobs, 1):
            progress(f"Membaca buku kerja OPD {i}/{len(jobs)}: {job[1]}")
            out.append(_run(job))
        return out
    progress(f"Membaca {len(jobs)} buku kerja OPD ({workers()} proses)")
    pool: Executor
    if mode == "threads":
        pool = ThreadPoolExecutor(max_workers=workers())
    else:
        pool = ProcessPoolExecutor(max_workers=workers())
    try:
        with pool:
            return list(pool.map(_run, jobs, chunksize=1))
    except (BrokenProcessPool, OSError, PicklingError):
        # A host that cannot start worker processes (an embedded or frozen interpreter, a
        # locked-down PC): the same work, one workbook after the other.
        return load_many(jobs, "serial", progress)
