"""Raw table data as read from a workbook (or the YAML example), before it becomes the model.

Every source (openpyxl file, open workbook via xlwings, YAML text) produces the same shape, so
one converter (`readers.to_model`) and one checker serve them all. Fields added later all have
defaults, so a source that does not know them (YAML, xlwings) still builds the same objects.
"""

from __future__ import annotations

from dataclasses import dataclass, field


class _NotCached:
    """Marker in `Row.cached`: the cell holds a formula but the file stores no result for it
    (openpyxl and some scripts save formulas that way; Excel always stores one)."""

    _instance: _NotCached | None = None

    def __new__(cls) -> _NotCached:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "NOT_CACHED"

    def __bool__(self) -> bool:
        return False

    def __deepcopy__(self, memo: dict) -> _NotCached:  # type: ignore[type-arg]
        return self


NOT_CACHED = _NotCached()


@dataclass
class Row:
    values: dict[str, object]  # column name -> raw cell value (a formula cell: its stored result)
    cells: dict[str, str] = field(default_factory=dict)  # column name -> A1 cell, e.g. "C7"
    formulas: dict[str, str] = field(default_factory=dict)  # column -> formula text, if any
    # Formula cells only: column -> the result the file stores (what Excel shows), or NOT_CACHED
    # when none was stored. Empty for sources that only see computed values (xlwings, YAML).
    cached: dict[str, object] = field(default_factory=dict)
    hidden: bool = False  # the row is hidden (by hand or by a filter) in the workbook

    def get(self, column: str) -> object:
        return self.values.get(column)

    def cell(self, column: str) -> str | None:
        return self.cells.get(column)


@dataclass
class TableData:
    name: str
    sheet: str
    columns: list[str]  # header names as found in the workbook (duplicates kept, in order)
    rows: list[Row] = field(default_factory=list)  # rows holding data (empty rows left out)
    ref: str = ""  # the table's range, e.g. "A3:H12"
    filtered: bool = False  # the table's AutoFilter has an active filter
    # Non-empty cells that belong to no table, directly below this table or right of it
    # (within OUTSIDE_REACH rows/columns): "C41" -> value. Capped by the reader.
    outside: dict[str, object] = field(default_factory=dict)
    outside_count: int = 0  # how many there are in all (outside may hold fewer)
    # Data cells under an empty header cell (the reader cannot name their column): A1 refs.
    unnamed: list[str] = field(default_factory=list)
    hidden_columns: list[str] = field(default_factory=list)  # header names of hidden columns
    header_cells: list[str] = field(default_factory=list)  # A1 cell of each of `columns`

    def ref_of(self, row: Row, column: str) -> str:
        """ "'Sheet'!C7" for a cell of this table (empty when the source has no cells)."""
        cell = row.cell(column)
        return f"'{self.sheet}'!{cell}" if cell else ""


#: How far below / right of a table a typed cell still counts as "meant for the table".
OUTSIDE_REACH = 50


@dataclass
class Workbook:
    """What a reader found: the tables by name, plus the sheet names (for the checker)."""

    tables: dict[str, TableData]
    sheets: list[str] = field(default_factory=list)
    hidden_sheets: list[str] = field(default_factory=list)
    source: str = ""
    merged: dict[str, list[str]] = field(default_factory=dict)  # sheet -> ["A1:B2", ...]
    # Tables not chosen for `tables`: a second table of the same name, or a layout table found
    # on another sheet than its own (the checks report them).
    extra_tables: list[TableData] = field(default_factory=list)
    # Pairs of tables on one sheet that share cells (the file reader finds them; Excel itself
    # never lets tables overlap, so other sources leave this empty).
    overlaps: list[tuple[TableData, TableData]] = field(default_factory=list)
