"""CAPAIAN over 100 000 rows: one array call versus 100 000 single calls (Python side only).

Single calls are timed twice: as Excel makes them (xlwings hands every argument over as a 1x1
range, because the UDFs declare ndim=2) and as Python code calls them (plain scalars). Array
calls are timed with one polaritas for all rows and with a polaritas column beside the data.
In Excel each single-cell call also pays a COM round trip (about 4-13 ms, xlwings issue 1976),
and xlwings converts every cell in both paths, so neither figure is an Excel recalculation time.
Run: python bench/udf_bench.py
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a checkout

from lkjip_xl.udf.functions import CAPAIAN

ROWS = 100_000


def _data(rows: int) -> tuple[list[list[object]], list[list[object]], list[list[object]]]:
    rng = random.Random(2022)
    target: list[list[object]] = []
    realisasi: list[list[object]] = []
    polaritas = [[rng.choice(["naik", "naik", "naik", "turun"])] for _ in range(rows)]
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
    return target, realisasi, polaritas


def _best(fn, repeat: int = 3) -> float:  # type: ignore[no-untyped-def]
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    target, realisasi, polaritas = _data(ROWS)
    flat_t = [row[0] for row in target]
    flat_r = [row[0] for row in realisasi]
    pairs = list(zip(flat_t, flat_r, strict=True))

    array = _best(lambda: CAPAIAN(target, realisasi))
    array_pol = _best(lambda: CAPAIAN(target, realisasi, polaritas))
    excel = _best(lambda: [CAPAIAN([[t]], [[r]]) for t, r in pairs])
    excel_pol = _best(
        lambda: [CAPAIAN([[t]], [[r]], p) for (t, r), p in zip(pairs, polaritas, strict=True)]
    )
    python = _best(lambda: [CAPAIAN(t, r) for t, r in pairs])

    us = 1e6 / ROWS
    print(f"rows: {ROWS} (90% numbers, 5% empty, 5% N/A)")
    print(f"array call, one polaritas:            {array * us:7.3f} us/row")
    print(f"array call, polaritas column:         {array_pol * us:7.3f} us/row")
    print(f"single calls as Excel makes them:     {excel * us:7.3f} us/row (1x1 ranges)")
    print(f"  the same with a polaritas cell:     {excel_pol * us:7.3f} us/row")
    print(f"single calls from Python (scalars):   {python * us:7.3f} us/row")
    print(f"ratio Excel single / array:           {excel / array:7.1f}x")
    print(f"  with polaritas:                     {excel_pol / array_pol:7.1f}x")
    print(f"ratio Python single / array:          {python / array:7.1f}x")


if __name__ == "__main__":
    main()
