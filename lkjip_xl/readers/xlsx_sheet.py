"""Stream one worksheet's XML and keep only the cells in and around given boxes.

A cell keeps its value as the reader hands it on (number, text, bool, datetime, "#DIV/0!"),
and for a formula cell also the formula text and whether the file stored a result. Rows marked
hidden, columns marked hidden, merged ranges and the sheet's table parts are collected on the
way. Cost is proportional to the cells that hold data (see xlsx_package.FilteredStream).
"""

from __future__ import annotations

import bisect
import contextlib
from dataclasses import dataclass, field
from typing import Any

from lkjip_xl.readers.tables import NOT_CACHED
from lkjip_xl.readers.xlsx_package import Package, element_text
from lkjip_xl.readers.xlsx_stream import (
    MAX_MERGED,
    NS_MAIN,
    NS_REL,
    parse_events,
    release_parsed,
    unescape,
)

_ROW = f"{{{NS_MAIN}}}row"
_C = f"{{{NS_MAIN}}}c"
_V = f"{{{NS_MAIN}}}v"
_F = f"{{{NS_MAIN}}}f"
_IS = f"{{{NS_MAIN}}}is"
_T = f"{{{NS_MAIN}}}t"
_R = f"{{{NS_MAIN}}}r"
_MERGE = f"{{{NS_MAIN}}}mergeCell"
_TABLE_PART = f"{{{NS_MAIN}}}tablePart"
_COL = f"{{{NS_MAIN}}}col"
_RID = f"{{{NS_REL}}}id"
_TRUE = ("1", "true")

Box = tuple[int, int, int, int]  # min_col, min_row, max_col, max_row (1-based, inclusive)


def _letters(col: int) -> str:
    letters = ""
    while col:
        col, rem = divmod(col - 1, 26)
        letters = chr(65 + rem) + letters
    return letters or "A"


#: Column letters of the first 1 024 columns -> number (the cells' r= are read per cell).
_COLUMNS = {_letters(i): i for i in range(1, 1025)}


@dataclass
class Cell:
    value: Any  # what the cell shows: typed value, or a formula's stored result
    formula: str | None = None  # "=SUM(A1:A3)" for a formula cell
    cached: Any = None  # formula cells: the stored result, or NOT_CACHED


@dataclass
class SheetCells:
    cells: dict[int, dict[int, Cell]] = field(default_factory=dict)  # row -> column -> cell
    hidden_rows: set[int] = field(default_factory=set)
    hidden_cols: list[tuple[int, int]] = field(default_factory=list)  # (min, max) ranges
    merged: list[str] = field(default_factory=list)
    table_rids: list[str] = field(default_factory=list)

    def col_hidden(self, col: int) -> bool:
        return any(lo <= col <= hi for lo, hi in self.hidden_cols)


@dataclass
class Context:
    """What every sheet of one package shares."""

    strings: list[str]
    date_styles: set[int]
    duration_styles: set[int]
    date1904: bool


def _column_number(ref: str | None) -> tuple[int, int] | None:
    """ "AB12" -> (28, 12); None when malformed."""
    if not ref:
        return None
    i = 0
    col = 0
    while i < len(ref) and "A" <= ref[i] <= "Z":
        col = col * 26 + ord(ref[i]) - 64
        i += 1
    digits = ref[i:]
    if not 0 < i <= 3 or not digits.isdigit() or not digits.isascii():
        return None
    return col, int(digits)


def _number(text: str) -> Any:
    try:
        if "." in text or "e" in text or "E" in text:
            return float(text)
        return int(text)
    except ValueError:
        try:
            return float(text)  # "inf", "nan", " 1": the cell reader judges them
        except ValueError:
            return text


def _typed(kind: str, raw: str | None, style: int, ctx: Context) -> Any:
    """A stored value (<v>) as a Python value, by the cell's t= and its number format."""
    if raw is None:
        return None
    if kind == "s":
        try:
            index = int(raw)
        except ValueError:
            return None
        return ctx.strings[index] if 0 <= index < len(ctx.strings) else None
    if kind in ("str", "inlineStr"):
        return unescape(raw)
    if kind == "b":
        return raw.strip() in _TRUE
    if kind == "e":
        return raw
    if kind == "d":
        from openpyxl.utils.datetime import from_ISO8601

        try:
            return from_ISO8601(raw)
        except (ValueError, TypeError):
            return raw
    number = _number(raw)
    if style in ctx.date_styles and isinstance(number, (int, float)):
        from openpyxl.utils.datetime import MAC_EPOCH, WINDOWS_EPOCH, from_excel

        try:
            return from_excel(
                number,
                MAC_EPOCH if ctx.date1904 else WINDOWS_EPOCH,
                timedelta=style in ctx.duration_styles,
            )
        except (OverflowError, ValueError, TypeError):
            return "#VALUE!"
    return number


class _Formulas:
    """Shared formulas: only the first cell of a group carries the text; the others get it
    moved to their own position (openpyxl's Translator, as openpyxl itself does)."""

    def __init__(self) -> None:
        self.groups: dict[str, Any] = {}

    def text(self, f, coordinate: str) -> str:  # type: ignore[no-untyped-def]
        text = "=" + (f.text or "")
        if f.get("t") != "shared":
            return text
        index = f.get("si") or ""
        if f.text:
            from openpyxl.formula.translate import Translator

            self.groups[index] = Translator(text, coordinate)
            return text
        master = self.groups.get(index)
        if master is None:
            return text
        try:
            return master.translate_formula(coordinate)
        except Exception:  # a malformed shared formula: keep what is there
            return text


def read_sheet(pkg: Package, part: str, boxes: list[Box], ctx: Context) -> SheetCells:
    """Cells of `part` inside `boxes` (plus their merged ranges, hidden rows and columns).

    Cells are read as their end tags arrive and released at once (a row of a million cells costs
    what its filled cells in the boxes cost); a row is numbered by its r= or, without one, as
    the row after the previous one.
    """
    out = SheetCells()
    walk = _Walk(boxes, ctx, pkg, out)
    tags = (_C, _ROW, _MERGE, _TABLE_PART, _COL)
    for count, (_, el) in enumerate(parse_events(pkg.open(part, sheet=True), tags)):
        tag = el.tag
        if tag == _C:
            walk.cell(el)
        elif tag == _ROW:
            walk.enter(el)  # a row without cells is numbered here
            walk.current = None
        elif tag == _MERGE and len(out.merged) < MAX_MERGED:
            out.merged.append(el.get("ref") or "")
        elif tag == _TABLE_PART:
            out.table_rids.append(el.get(_RID) or "")
        elif tag == _COL and (el.get("hidden") or "").lower() in _TRUE:
            with contextlib.suppress(ValueError):
                out.hidden_cols.append((int(el.get("min") or 0), int(el.get("max") or 0)))
        el.clear()
        if count & 255 == 255:
            release_parsed(el)
    return out


class _Walk:
    """Where the parser is: the current row (number, wanted or not) and column."""

    def __init__(self, boxes: list[Box], ctx: Context, pkg: Package, out: SheetCells) -> None:
        self.boxes = boxes
        self.bands = sorted((b[1], b[3]) for b in boxes)
        self.starts = [lo for lo, _ in self.bands]
        self.ctx = ctx
        self.pkg = pkg
        self.out = out
        self.formulas = _Formulas()
        self.current = None  # the row element whose cells are being read
        self.row_no = 0
        self.col = 0
        self.row_boxes: list[Box] = []

    def enter(self, row) -> None:  # type: ignore[no-untyped-def]
        if row is self.current:
            return
        self.current = row
        r = row.get("r") if row is not None else None
        self.row_no = int(r) if r and r.isdigit() and r.isascii() else self.row_no + 1
        self.col = 0
        i = bisect.bisect_right(self.starts, self.row_no)
        wanted = any(lo <= self.row_no <= hi for lo, hi in self.bands[:i])
        self.row_boxes = [b for b in self.boxes if b[1] <= self.row_no <= b[3]] if wanted else []
        if wanted and row is not None and (row.get("hidden") or "").lower() in _TRUE:
            self.out.hidden_rows.add(self.row_no)

    def cell(self, c) -> None:  # type: ignore[no-untyped-def]
        row = c.getparent()
        if row is not self.current:
            self.enter(row)
        if not self.row_boxes:
            return  # a row outside every box: its cells do not matter, not even their column
        ref = c.get("r")
        col = _COLUMNS.get(ref[: len(ref.rstrip("0123456789"))]) if ref else None
        self.col = col if col is not None else (_column_number(ref) or (self.col + 1, 0))[0]
        if not len(c) or not any(b[0] <= self.col <= b[2] for b in self.row_boxes):
            return
        coordinate = ref or f"{_letters(self.col)}{self.row_no}"
        cell = _cell(c, coordinate, self.ctx, self.formulas, self.pkg)
        if cell is not None:
            self.pkg.budget.add_cell()
            self.out.cells.setdefault(self.row_no, {})[self.col] = cell


def _cell(c, coordinate: str, ctx: Context, formulas: _Formulas, pkg: Package) -> Cell | None:  # type: ignore[no-untyped-def]
    kind = c.get("t") or "n"
    try:
        style = int(c.get("s") or 0)
    except ValueError:
        style = 0
    f = c.find(_F)
    v = c.find(_V)
    if kind == "inlineStr":
        inline = c.find(_IS)
        raw = element_text(inline, _T, _R) if inline is not None else None
        value = raw
    else:
        raw = v.text if v is not None else None
        value = _typed(kind, raw, style, ctx)
    if isinstance(value, str):
        pkg.budget.add_text(len(value))
    if f is not None:
        stored = value if raw not in (None, "") or kind == "str" else NOT_CACHED
        if stored is NOT_CACHED:
            value = None
        elif kind == "str" and value is None:
            value = stored = ""
        return Cell(value, formulas.text(f, coordinate), stored)
    if value is None or value == "":
        return None
    return Cell(value)
