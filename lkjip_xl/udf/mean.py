"""RATA_CAPAIAN's rows: the whole range, or the rows whose criteria cells match (AVERAGEIFS).

A criterion given as a range of several cells asks for one mean per cell (one call for every
sasaran of a workbook instead of one call each): the result is a column, "" where the
criterion cell is empty.

Matching follows the report model, not Excel's criteria syntax: text is compared exactly after
spaces are tidied (core.values.parse_text), so "S1" matches "S1 " but not "s1", and 2022
matches "2022"; wildcards and operators ("*", ">5") have no special meaning. The mean itself is
core.rules.rata_rata, the one the report uses for a sasaran's capaian.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from lkjip_xl.core.rules import rata_rata
from lkjip_xl.core.values import InvalidValue, is_blank, parse_text
from lkjip_xl.udf.cells import RANGE_TYPES, ShapeError, guard, option, plain, to_grid

Criterion = tuple[Any, Any]  # (range to match, the value it must hold)


def _cells(value: Any) -> list[Any]:
    """A range's values in row order (a single value is a 1x1 range)."""
    value = plain(value)
    if not isinstance(value, RANGE_TYPES):
        return [value]
    try:
        rows, flat = to_grid(value)
    except ShapeError as exc:
        raise InvalidValue(str(exc)) from None
    return flat if flat is not None else [v for row in rows for v in row]


def _key(value: Any) -> str | None:
    try:
        return parse_text(plain(value))
    except Exception:  # an odd object: it matches nothing
        return None


def rata_capaian(rentang: Any, criteria: Iterable[Criterion] = ()) -> Any:
    """Mean capaian of `rentang` over the rows every given (range, value) criterion keeps."""
    values = _cells(rentang)
    columns: list[list[str | None]] = []
    wanted: list[list[Any]] = []
    for cells, value in criteria:
        if is_blank(option(cells)) and is_blank(option(value)):
            continue
        column = _cells(cells)
        if len(column) != len(values):
            raise InvalidValue("ukuran rentang kriteria tidak sama dengan rentang capaian")
        columns.append([_key(c) for c in column])
        value = plain(option(value))
        wanted.append(_cells(value) if isinstance(value, RANGE_TYPES) else [value])
    sizes = {len(w) for w in wanted if len(w) != 1}
    if len(sizes) > 1:
        raise InvalidValue("ukuran rentang kriteria tidak cocok")
    groups: dict[tuple, list[Any]] = {}
    for i, value in enumerate(values):
        groups.setdefault(tuple(c[i] for c in columns), []).append(value)
    if not sizes:  # one mean
        keys = tuple(_key(w[0]) for w in wanted)
        return rata_rata(groups.get(keys, []) if None not in keys else [])
    out = []
    for j in range(sizes.pop()):
        keys = tuple(_key(w[j] if len(w) > 1 else w[0]) for w in wanted)
        out.append(["" if None in keys else guard(rata_rata, groups.get(keys, []))])
    return out
