"""CAPAIAN over 100 000 rows: one array call versus 100 000 single calls (Python side only).

In Excel each single-cell call also pays a COM round trip (about 4-13 ms, xlwings issue 1976),
so the real-world gap is far larger than the pure-Python ratio printed here.
Run: python bench/udf_bench.py
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a checkout

from lkjip_xl.udfs import CAPAIAN

ROWS = 100_000


def _data(rows: int) -> tuple[list[list[object]], list[list[object]]]:
    rng = random.Random(2022)
    target: list[list[object]] = []
    realisasi: list[list[object]] = []
    for _ in range(rows):
        kind = rng.random()
        t = round(rng.uniform(50, 100), 2)
        if kind < 0.90:
            r: object = round(rng.uniform(0, 120), 2)
        elif kind < 0.95:
            r = None
        else:
            r = "N/A"
        target.append([t])
        realisasi.append([r])
    return target, realisasi


def _best(fn, repeat: int = 3) -> float:  # type: ignore[no-untyped-def]
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    target, realisasi = _data(ROWS)
    flat_t = [row[0] for row in target]
    flat_r = [row[0] for row in realisasi]

    array = _best(lambda: CAPAIAN(target, realisasi))
    single = _best(lambda: [CAPAIAN(t, r) for t, r in zip(flat_t, flat_r, strict=True)])
    wrapped = _best(lambda: [CAPAIAN([[t]], [[r]]) for t, r in zip(flat_t, flat_r, strict=True)])

    us = 1e6 / ROWS
    print(f"rows: {ROWS}")
    print(f"array call (1 x {ROWS} x 1):        {array * us:7.3f} us/row")
    print(f"single calls, scalars:            {single * us:7.3f} us/row")
    print(f"single calls, 1x1 as ndim=2 gives: {wrapped * us:7.3f} us/row")
    print(f"ratio single/array (scalars):     {single / array:7.1f}x")
    print(f"ratio single/array (1x1 ranges):  {wrapped / array:7.1f}x")


if __name__ == "__main__":
    main()
