"""Read many OPD workbooks: in worker processes when it pays, else one after the other.

openpyxl parsing is pure Python holding the GIL, so threads do not overlap the work; processes
do, at the price of starting interpreters and pickling the (slimmed) models back, and only on a
core that is free. `auto` therefore takes processes for `MIN_FOR_PROCESSES` workbooks or more
when at least one and a half cores are idle (the load average where the OS reports one; Windows
does not, and counts every core as idle), serial otherwise. Inside Excel (the button) callers
pass "serial": a child process of the xlwings COM server is not something to rely on. If worker
processes cannot start, the reading falls back to serial.

Measured (bench/pemda_bench.py, 45 workbooks, 2 cores shared with other work): load 2,4: serial
14,3 s, processes 17,3 s, threads 22,9 s; load 4,5-5,5: serial 26-34 s, processes 26-34 s,
threads 25-27 s. Processes only pay on idle cores, which a staff PC usually has.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pickle import PicklingError

from lkjip_xl.core.findings import kesalahan
from lkjip_xl.pemda.opd import OPDLoad, load_opd

MIN_FOR_PROCESSES = 4
MODES = ("auto", "serial", "threads", "processes")

Job = tuple[str, str]  # (path, berkas as shown)


def workers() -> int:
    return max(1, min(os.cpu_count() or 1, 8))


def idle_cores() -> float:
    """Cores not busy with other work (all of them where no load average is reported)."""
    cores = os.cpu_count() or 1
    try:
        return cores - os.getloadavg()[0]
    except (AttributeError, OSError):  # Windows
        return float(cores)


def choose(mode: str, count: int) -> str:
    if mode not in MODES:
        raise ValueError(f"unknown mode {mode!r}")
    if mode != "auto":
        return mode
    worth = count >= MIN_FOR_PROCESSES and workers() > 1 and idle_cores() >= 1.5
    return "processes" if worth else "serial"


def _run(job: Job) -> OPDLoad:
    """One OPD workbook; a failure nobody foresaw leaves this OPD out with a finding instead of
    stopping the whole Pemda run (and every other OPD's work)."""
    try:
        return load_opd(*job)
    except Exception:
        return OPDLoad(
            None,
            [
                kesalahan(
                    f"Buku kerja OPD {job[1]} tidak dapat dibaca karena kesalahan internal "
                    "lkjip-xl; OPD ini tidak dimasukkan ke rekap.",
                    kode="opd-gagal-dibaca",
                    saran="Buka dan simpan ulang buku kerja itu di Excel, lalu jalankan "
                    "'lkjip-xl periksa' padanya; bila tetap gagal, laporkan ke pengembang.",
                )
            ],
        )


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
