"""How UDF arguments become cells and results go back: ranges, broadcasting, errors.

xlwings hands every argument over as a 2-D list (ndim=2); Python callers may hand over NumPy
arrays, pandas objects or their scalars (pd.NA) instead, and `plain` turns those into the same
lists and values. This module turns ranges into flat columns, broadcasts them, applies a
per-cell function, and shapes the result again. The rules (the contract of every UDF) are in
the lkjip_xl.udf.functions docstring. No xlwings import: the function module is the only place
that knows xlwings.
"""

from __future__ import annotations

import gc
import math
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import numpy as np

from lkjip_xl.core.values import InvalidValue, is_blank, parse_text

ERROR_PREFIX = "#NILAI: "
RANGE_TYPES = (list, tuple)
_ONLY_LIST = {list}  # exact type: a grid of rows as xlwings hands it over
_TRUE = frozenset({"ya", "y", "benar", "true", "1", "rupiah", "iya"})
_FALSE = frozenset({"tidak", "t", "salah", "false", "0", "bukan", ""})

Cell = Callable[..., Any]
Columnar = Callable[[list[list[Any]], list[int], Cell], np.ndarray | None]
# A columnar call has a fixed NumPy cost of about 30 us. Measured break-even against the
# per-element path: about 300 cells with the cheap per-element check for plain numbers, and
# under 16 without it (each cell then goes through the core's parsers).
COLUMNAR_MIN_WITH_FAST = 512
COLUMNAR_MIN = 16


class ShapeError(Exception):
    """Ranges that cannot be broadcast together; shown in the cell, never raised to Excel."""


def error(message: str) -> str:
    """The text a cell shows for invalid input: Excel has no way to raise a custom error."""
    return ERROR_PREFIX + message


def _cell_value(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        value = float(value)
    if isinstance(value, float) and not math.isfinite(value):
        return error("hasil bukan angka terhingga")
    return value


_MISSING_TYPES = frozenset({"NAType", "NaTType"})  # pandas' missing-value markers
_PLAIN_TYPES = frozenset({list, tuple, str, float, int, bool, type(None), Decimal})


def plain(value: Any) -> Any:
    """An argument as xlwings would hand it over: array-likes (NumPy arrays, pandas Series,
    DataFrame, Index) become nested lists, NumPy scalars Python scalars, pd.NA / NaT None.

    Lists and plain scalars come back untouched (no pass over a long range); cells inside a
    list that are NumPy scalars or pd.NA are read by core.values like their plain forms.
    """
    kind = type(value)
    if kind in _PLAIN_TYPES:
        return value
    if kind.__name__ in _MISSING_TYPES:
        return None
    if hasattr(value, "columns") and callable(getattr(value, "to_numpy", None)):
        return value.to_numpy(dtype=object).tolist()  # a DataFrame: its rows, not its labels
    tolist = getattr(value, "tolist", None)
    if callable(tolist) and not isinstance(value, (str, bytes)):
        try:
            return tolist()
        except Exception:  # an object with an unrelated tolist(): leave it to the parsers
            return value
    return value


def guard(fn: Cell, *args: Any) -> Any:
    """fn(*args) as a cell value: InvalidValue and any other exception become error text."""
    try:
        return _cell_value(fn(*args))
    except InvalidValue as exc:
        return error(exc.message)
    except Exception:  # a cell must never show a Python traceback
        return error("tidak dapat dihitung")


def to_grid(value: Any) -> tuple[list[list[Any]], list[Any] | None]:
    """A range as rectangular rows (a 1-D list is a column), plus its values in row order when
    they come at no extra cost (a one-column range)."""
    if not value:
        return [], None
    if isinstance(value, list) and (
        type(value[0]) is list if len(value) == 1 else set(map(type, value)) == _ONLY_LIST
    ):  # set(map(type, ...)) runs in C: a Python check per row cost as much as CAPAIAN itself
        rows = value  # what xlwings hands over with ndim=2: no copy
        if len(rows[0]) == 1:
            try:  # unpacking checks that every row holds one cell, in the same pass
                return rows, [v for (v,) in rows]
            except ValueError:
                raise ShapeError("rentang tidak persegi") from None
    else:
        value = [plain(row) for row in value]  # rows given as NumPy arrays or Series
        nested = [isinstance(row, RANGE_TYPES) for row in value]
        if not any(nested):
            return [[v] for v in value], list(value)
        if not all(nested):
            raise ShapeError("rentang tidak persegi")
        rows = [list(row) for row in value]
    if len(set(map(len, rows))) != 1:
        raise ShapeError("rentang tidak persegi")
    return rows, None


def _size(sizes: list[int]) -> int:
    wanted = {s for s in sizes if s != 1}
    if len(wanted) > 1:
        raise ShapeError("ukuran rentang tidak cocok")
    return wanted.pop() if wanted else 1


def _flat(grid: tuple[list[list[Any]], list[Any] | None], rows: int, cols: int) -> list[Any]:
    """The range's values in row order, broadcast to rows x cols."""
    cells, flat = grid
    if len(cells) == rows and len(cells[0]) == cols:
        return flat if flat is not None else [v for row in cells for v in row]
    r_step, c_step = len(cells) > 1, len(cells[0]) > 1
    return [cells[i * r_step][j * c_step] for i in range(rows) for j in range(cols)]


def vectorise(
    general: Cell,
    args: tuple[Any, ...],
    n_data: int,
    fast: Callable[[Cell, list[int]], Cell] | None = None,
    columnar: Columnar | None = None,
) -> Any:
    """Apply `general` per element with broadcasting (rules: lkjip_xl.udf.functions docstring).

    `fast`, if given, wraps the guarded general path with a cheap check for plain numbers.
    `columnar`, if given, computes long calls (see COLUMNAR_MIN) a whole column at a time; it
    gets the flat argument columns and the per-element cell for the rows it leaves.
    """
    args = tuple(map(plain, args))
    ranges = [i for i, a in enumerate(args) if isinstance(a, RANGE_TYPES)]
    blank_positions = [i for i in ranges if i < n_data] or list(range(n_data))

    def slow(*elements: Any) -> Any:
        if all(is_blank(elements[i]) for i in blank_positions):
            return ""
        return guard(general, *elements)

    cell = fast(slow, blank_positions) if fast is not None else slow
    if not ranges:
        return cell(*args)
    try:
        grids = {i: to_grid(args[i]) for i in ranges}
        if any(not cells for cells, _ in grids.values()):
            return []
        rows = _size([len(cells) for cells, _ in grids.values()])
        cols = _size([len(cells[0]) for cells, _ in grids.values()])
    except ShapeError as exc:
        return error(str(exc))
    if cols == 0:
        return [[] for _ in range(rows)]
    count = rows * cols
    # The result is one small list per row and creates no cycles: pausing the cyclic GC keeps
    # it from rescanning the caller's big input lists on every generation-0 collection, which
    # otherwise costs more than the computation itself.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        columns = [
            _flat(grids[i], rows, cols) if i in grids else [a] * count for i, a in enumerate(args)
        ]
        if columnar is not None and count >= (COLUMNAR_MIN_WITH_FAST if fast else COLUMNAR_MIN):
            result = columnar(columns, blank_positions, cell)
            if result is not None:
                return result.reshape(rows, cols).tolist()
        flat = list(map(cell, *columns))
        if count == 1:
            return flat[0]
        if cols == 1:
            return [[v] for v in flat]
        return [flat[k * cols : (k + 1) * cols] for k in range(rows)]
    finally:
        if was_enabled:
            gc.enable()


def option(value: Any) -> Any:
    """An option argument: a 1x1 range (xlwings ndim=2) becomes its value.

    At most two levels are unwrapped (a range is 2-D), so a list that contains itself ends
    as a list (an invalid option) instead of looping forever.
    """
    value = plain(value)
    for _ in range(2):
        if not (isinstance(value, RANGE_TYPES) and len(value) == 1):
            break
        inner = plain(value[0])
        if isinstance(inner, RANGE_TYPES) and len(inner) != 1:
            return value
        value = inner
    return value


def flag(value: Any) -> bool:
    """A yes/no option as staff write it (BENAR, ya, 1, ...); anything else is invalid."""
    value = option(value)
    if value is None or isinstance(value, bool):
        return bool(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value != 0
    text = (parse_text(value) or "").casefold()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise InvalidValue(f"pilihan ya/tidak tidak dikenal: '{text[:40]}'")
