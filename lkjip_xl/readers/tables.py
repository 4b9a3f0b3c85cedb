"""Raw table data as read from a workbook (or the YAML example), before it becomes the model.

Every source (openpyxl file, open workbook via xlwings, YAML text) produces the same shape, so
one converter (`readers.to_model`) and one checker serve them all.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Row:
    values: dict[str, object]  # column name -> raw cell value
    cells: dict[str, str] = field(default_factory=dict)  # column name -> A1 cell, e.g. "C7"
    formulas: dict[str, str] = field(default_factory=dict)  # column -> formula text, if any

    def get(self, column: str) -> object:
        return self.values.get(column)

    def cell(self, column: str) -> str | None:
        return self.cells.get(column)


@dataclass
class TableData:
    name: str
    sheet: str
    columns: list[str]  # header names as found in the workbook
    rows: list[Row] = field(default_factory=list)
    ref: str = ""  # the table's range, e.g. "A3:H12"

    def ref_of(self, row: Row, column: str) -> str:
        """ "'Sheet'!C7" for a cell of this table (empty when the source has no cells)."""
        cell = row.cell(column)
        return f"'{self.sheet}'!{cell}" if cell else ""


@dataclass
class Workbook:
    """What a reader found: the tables by name, plus the sheet names (for the checker)."""

    tables: dict[str, TableData]
    sheets: list[str] = field(default_factory=list)
    hidden_sheets: list[str] = field(default_factory=list)
    source: str = ""
    merged: dict[str, list[str]] = field(default_factory=dict)  # sheet -> ["A1:B2", ...]
