"""Long columns of cell values sorted into kinds with C-level passes, for array UDF calls.

One array call over 100 000 cells must not make 100 000 Python calls before it can divide, so
the kinds Excel hands over most (floats, empty cells, "N/A") are found with map(type),
list.count and NumPy conversions. Any other value (text numbers, labels, booleans, dates,
infinities) is left `other`, for the per-value parsers in core.values, which stay the one
definition of what a cell means. Tests check both paths agree value by value.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from lkjip_xl.core.values import NA

_NONE = type(None)
_NUMBER_TYPES = (float, int)  # exact types: bool is a subclass of int and must stay `other`


@dataclass(frozen=True)
class Column:
    """Boolean masks over a column; a value is in at most one of plain, blank, not_available."""

    numbers: np.ndarray  # float64: the value where `plain`, NaN elsewhere
    plain: np.ndarray  # a finite float or int
    blank: np.ndarray  # None or float NaN (see values.is_blank)
    not_available: np.ndarray  # exactly "N/A"

    @property
    def other(self) -> np.ndarray:
        """Values that need the per-value parsers."""
        return ~(self.plain | self.blank | self.not_available)


def read_column(values: list[Any]) -> Column:
    """Sort a flat list of cell values into kinds; see the module docstring."""
    types = list(map(type, values))  # each pass over 100 000 objects costs: keep them few
    kinds = set(types)
    if kinds <= {float, int, _NONE, str}:
        try:
            if str not in kinds:
                return _finish(np.array(values, dtype=float), np.zeros(len(values), dtype=bool))
            cells = np.array(values, dtype=object)
            not_available = cells == NA
            if np.count_nonzero(not_available) == types.count(str):  # every text is "N/A"
                cells[not_available] = None
                return _finish(cells.astype(float), not_available)  # None becomes NaN
        except OverflowError:  # an int beyond float range: let the parser say so
            pass
    return _mixed(values)


def _finish(numbers: np.ndarray, not_available: np.ndarray) -> Column:
    plain = np.isfinite(numbers)
    blank = np.isnan(numbers) & ~not_available
    numbers[~plain] = np.nan  # infinities are `other`, not numbers
    return Column(numbers, plain, blank, not_available)


def _mixed(values: list[Any]) -> Column:
    """The rare column holding other kinds too: one Python pass."""
    numbers = np.full(len(values), np.nan)
    not_available = np.zeros(len(values), dtype=bool)
    other = np.zeros(len(values), dtype=bool)
    for i, value in enumerate(values):
        kind = type(value)
        if kind in _NUMBER_TYPES:
            try:
                numbers[i] = float(value)
            except OverflowError:
                other[i] = True
        elif kind is str and value == NA:
            not_available[i] = True
        elif value is not None:
            other[i] = True
    column = _finish(numbers, not_available)
    column.blank[other] = False
    return column
