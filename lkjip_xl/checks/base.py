"""Helpers shared by the checks: typed rows with their cells, locations, number display."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from lkjip_xl import schema
from lkjip_xl.core.findings import Finding, kesalahan, peringatan
from lkjip_xl.core.numbers import format_angka, format_persen
from lkjip_xl.core.rules import round_half_up, round_percent
from lkjip_xl.core.values import NA, InvalidValue, is_not_available, parse_fraction
from lkjip_xl.readers.cells import MISSING, CellReader
from lkjip_xl.readers.tables import Row, TableData, Workbook

#: A row whose label says it is a total ("Jumlah", "TOTAL", "Sub Total").
#: (Linear: no two adjacent optional whitespace runs, which cost seconds on a long cell.)
TOTAL_LABEL = re.compile(r"^\s*(jumlah|total|sub(?:\s*-)?\s*total|grand\s+total)\b", re.IGNORECASE)


@dataclass
class Baris:
    """One non-empty row of a table: raw row, typed values (None when unusable) and the table."""

    data: TableData
    row: Row
    nilai: dict[str, Any]

    def __getitem__(self, column: str) -> Any:
        return self.nilai.get(column)

    def where(self, column: str) -> dict[str, str | None]:
        return {
            "sheet": self.data.sheet,
            "cell": self.row.cell(column) or None,
            "table": self.data.name,
            "column": column,
        }

    def ref(self, column: str) -> str:
        return self.data.ref_of(self.row, column) or f"{self.data.name}[{column}]"


def complete(book: Workbook, table: schema.Table) -> TableData | None:
    """The table when it exists with every required schema column (layout findings cover the
    rest; optional columns an older workbook lacks read as empty)."""
    data = book.tables.get(table.name)
    if data is None or any(c not in data.columns for c in table.required_column_names):
        return None
    return data


def rows(book: Workbook, table: schema.Table) -> Iterator[Baris]:
    """Typed non-empty rows; reader findings are dropped (build_model reports them already)."""
    data = complete(book, table)
    if data is None:
        return
    reader = CellReader(data, [])
    for row in data.rows:
        if (
            all(
                str(row.get(c) if row.get(c) is not None else "").strip() == ""
                for c in table.column_names
            )
            and not row.formulas
        ):
            continue
        values: dict[str, Any] = {}
        for col in table.columns:
            if col.name not in data.columns:
                values[col.name] = None
                continue
            kind = col.kind if col.kind is not schema.Kind.FORMULA else schema.Kind.VALUE
            value = reader.read(row, col.name, kind, False)
            values[col.name] = None if value is MISSING else value
        yield Baris(data, row, values)


def is_total_row(baris: Baris, label_columns: tuple[str, ...]) -> bool:
    return any(isinstance(baris[c], str) and TOTAL_LABEL.match(baris[c]) for c in label_columns)


def err(baris: Baris, column: str, message: str, saran: str, kode: str) -> Finding:
    return kesalahan(message, saran=saran, kode=kode, **baris.where(column))


def warn(baris: Baris, column: str, message: str, saran: str, kode: str) -> Finding:
    return peringatan(message, saran=saran, kode=kode, **baris.where(column))


def split_ref(ref: str) -> dict[str, str | None]:
    """ "'Sheet'!C7" -> sheet and cell keywords for a Finding."""
    if not ref or "!" not in ref:
        return {"sheet": None, "cell": None}
    sheet, _, cell = ref.rpartition("!")
    return {"sheet": sheet.strip("'"), "cell": cell or None}


def persen(value: Any) -> str:
    """A fraction as the report shows it ("107,69%"), labels and N/A as they are."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        try:
            return format_persen(value)
        except (InvalidValue, ArithmeticError):
            return str(value)
    return NA if is_not_available(value) else str(value)


def angka(value: Any) -> str:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        try:
            return format_angka(value)
        except (InvalidValue, ArithmeticError):
            return str(value)
    return str(value)


def same_percent(typed: Any, computed: Any) -> bool:
    """True when a typed percentage shows the same as the computed one (2 decimals, half-up).

    A typed fraction (0.7142) or text ("71,42%") against the computed fraction; "N/A" matches
    only "N/A" (or an empty/"-" cell). A label ("B") against a number never matches.
    """
    if is_not_available(computed):
        return is_not_available(typed)
    if is_not_available(typed):
        return False
    try:
        t = parse_fraction(typed)
        c = parse_fraction(computed)
        if t is None or c is None:
            return False
        return round_percent(t) == round_percent(c)
    except (InvalidValue, ArithmeticError):
        return False


def same_number(typed: Any, computed: Any, decimals: int = 2) -> bool:
    """True when two numbers (or labels) agree at `decimals` places, half-up."""
    if is_not_available(computed):
        return is_not_available(typed)
    if is_not_available(typed):
        return False
    if isinstance(typed, str) or isinstance(computed, str):
        try:
            t, c = parse_fraction(typed), parse_fraction(computed)
        except InvalidValue:
            return (
                " ".join(str(typed).split()).casefold()
                == " ".join(str(computed).split()).casefold()
            )
    else:
        t, c = typed, computed
    try:
        return round_half_up(t, decimals) == round_half_up(c, decimals)  # type: ignore[arg-type]
    except (InvalidValue, ArithmeticError):
        return False
