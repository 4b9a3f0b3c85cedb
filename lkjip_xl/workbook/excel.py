"""What Excel does with the values the calculated columns read, re-enacted for cached values.

Only the handful of behaviours the workbook's own formulas rely on: ``x&""`` turning a cell into
text, TRIM/SUBSTITUTE/EXACT matching, "=" against "" (true for an empty cell), INDEX of an
empty cell giving 0, and calling a UDF as xlwings does (every argument a 2-D list, ndim=2).
UDF calls are counted by name: the count of one full recalculation.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence
from typing import Any

_SPACES = re.compile(" +")


def cell(value: Any) -> Any:
    """A typed value as the cell holds it: numbers as floats, "" and None as an empty cell."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()  # the builder writes dates as ISO text
    return value


def text(value: Any) -> str:
    """Excel's ``value&""`` for the values these formulas meet (codes, years, labels)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, (int, float)):
        number = float(value)
        return str(int(number)) if number.is_integer() else repr(number)
    return str(value)


def norm(value: Any) -> str:
    """``TRIM(SUBSTITUTE(value&"",CHAR(160)," "))``: how codes and years are compared."""
    return _SPACES.sub(" ", text(value).replace("\xa0", " ")).strip(" ")


def empty(value: Any) -> bool:
    """Excel's ``value=""``: true for an empty cell and for a formula's empty text."""
    return value is None or value == ""


def position(keys: Sequence[Any], wanted: str) -> int:
    """``SUMPRODUCT(MAX(EXACT(keys,wanted)*(ROW(keys)-ROW(header))))``: the 1-based position of
    the LAST row whose key equals `wanted` (case counts), 0 when none does."""
    found = 0
    for i, key in enumerate(keys, start=1):
        if key == wanted:
            found = i
    return found


def index(column: Sequence[Any], pos: int) -> Any:
    """``INDEX(range, pos)`` inside a formula: the value, None for an empty cell."""
    return column[pos - 1] if 0 < pos <= len(column) else None


def returned(value: Any) -> Any:
    """A formula's result when it returns a cell reference: an empty cell gives 0."""
    return 0.0 if value is None else value


class Calls:
    """Calls the real UDFs as xlwings would and counts them."""

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()

    def __call__(self, name: str, *args: Any) -> Any:
        from lkjip_xl.udf import functions

        self.counts[name] += 1
        shaped = [[[v] for v in a] if isinstance(a, list) else [[a]] for a in args]
        result = getattr(functions, name)(*shaped)
        return "" if result is None else result
