"""CAPAIAN's two shortcuts over long ranges; both must give what core.rules.capaian gives.

- a per-element check that sends plain floats straight to rules.rasio (short calls);
- a columnar path that sorts whole columns with NumPy (core.columns, core.capaian_array) and
  leaves only the odd rows to the per-element path (long calls, and calls with a polaritas
  column, which the per-element check cannot take).
Rows with a Batas Atas are rentang rows: both shortcuts leave them to the per-element path.
tests/test_udfs.py and tests/test_properties.py compare both, cell by cell, with single calls.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import numpy as np

from lkjip_xl.core.capaian_array import capaian_columns
from lkjip_xl.core.columns import read_column
from lkjip_xl.core.rules import NAIK, TURUN, normalise_polaritas, rasio
from lkjip_xl.core.values import NA, InvalidValue
from lkjip_xl.udf.cells import RANGE_TYPES, Cell, option

_INF = math.inf
_NUM = frozenset({float, int})  # exact types: bool must not take the fast path


def fast_cell(polaritas: Any) -> Callable[[Cell, list[int]], Cell] | None:
    """Cheap per-element path for a scalar polaritas: plain floats with a positive target,
    and realisasi None / "N/A" facing a numeric target (the usual empty or pending rows).

    Must agree with core.rules.capaian; tests/test_udfs.py checks both paths give the same.
    """
    polaritas = option(polaritas)  # one cell as a 1x1 range counts as one polaritas
    if isinstance(polaritas, RANGE_TYPES):
        return None
    try:
        pol = normalise_polaritas(polaritas)
    except InvalidValue:
        return None
    if pol not in (NAIK, TURUN):
        return None

    def wrap(slow: Cell, blank_positions: list[int]) -> Cell:
        # realisasi None with a numeric target: "" only if target is not part of the blank rule
        none_result = NA if 0 in blank_positions else ""

        def cell(
            t: Any,
            r: Any,
            p: Any,
            b: Any = None,
            *extra: Any,  # a scale name per row: only labels need it
            _num: Any = _NUM,
            _inf: float = _INF,
            _float: Any = float,
        ) -> Any:
            if type(t) in _num and b is None:
                # floats only: int / int is exact division in Python (and can overflow), while
                # the core converts both to float first
                if type(r) is _float and type(t) is _float and 0 < t < _inf and -_inf < r < _inf:
                    value = rasio(t, r, pol)
                    if -_inf < value < _inf:  # 1e300 / 1e-300 overflows: the slow path says so
                        return value
                if t == t:  # a real number, so the target is not blank
                    if r is None:
                        return none_result
                    if type(r) is str and r == NA:  # pd.NA == "N/A" has no truth value
                        return NA
            return slow(t, r, p, b, *extra)

        return cell

    return wrap


_NAIK_ROW, _TURUN_ROW, _OTHER_ROW = 0, 1, 2


def _polaritas_code(value: Any) -> int:
    try:
        pol = normalise_polaritas(value)
    except InvalidValue:
        return _OTHER_ROW
    return {NAIK: _NAIK_ROW, TURUN: _TURUN_ROW}.get(pol, _OTHER_ROW)


def _polaritas_rows(column: list[Any]) -> tuple[np.ndarray | bool, np.ndarray | bool] | None:
    """(turun, other) per row; scalars when the whole column has one polaritas."""
    first = column[0]
    if column.count(first) == len(column):  # one polaritas for all rows, the usual case
        code = _polaritas_code(first)
        return code == _TURUN_ROW, code == _OTHER_ROW
    try:
        codes = {value: _polaritas_code(value) for value in set(column)}
    except TypeError:  # an unhashable value: leave the call to the per-element path
        return None
    rows = np.fromiter(map(codes.__getitem__, column), dtype=np.int8, count=len(column))
    return rows == _TURUN_ROW, rows == _OTHER_ROW


def capaian_columnar(
    columns: list[list[Any]], blank_positions: list[int], cell: Cell
) -> np.ndarray | None:
    """CAPAIAN over long columns: NumPy for plain numbers, `cell` for the remaining rows."""
    targets, realisasi, polaritas, batas_atas, *extra = columns  # extra: a skala column
    rows = _polaritas_rows(polaritas)
    if rows is None:
        return None
    turun, other_polaritas = rows
    if batas_atas.count(None) != len(batas_atas):  # rentang rows: the per-element path
        other_polaritas = other_polaritas | np.fromiter(
            (b is not None for b in batas_atas), dtype=bool, count=len(batas_atas)
        )
    data = (read_column(targets), read_column(realisasi))
    result = capaian_columns(data[0], data[1], turun)
    out = result.values.astype(object)
    out[result.not_available] = NA
    blank = np.logical_and.reduce([data[i].blank for i in blank_positions])
    out[blank] = ""
    # a value the columns could not classify may still be blank text ("  ") or "#N/A", so its
    # row goes through `cell` and the blank rule there
    rest = (result.rest | data[0].other | data[1].other | other_polaritas) & ~blank
    for i in np.flatnonzero(rest).tolist():
        out[i] = cell(targets[i], realisasi[i], polaritas[i], batas_atas[i], *(c[i] for c in extra))
    return out
