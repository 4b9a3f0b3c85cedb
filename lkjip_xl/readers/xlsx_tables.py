"""From a package's sheets to `TableData`: header, data rows, hidden rows, cells left outside.

Only rows that hold data become `Row`s, and only cells under a header; so a table whose ref was
stretched to row 1 048 576 or column XFD costs what its filled cells cost. When two tables carry
one name (Excel forbids it; other tools do not), or a layout table sits on another sheet than
its own, the one on its own sheet is read and the others go to `Workbook.extra_tables`, which
checks.workbook reports.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator

from lkjip_xl import schema
from lkjip_xl.readers.tables import OUTSIDE_REACH, Row, TableData, Workbook
from lkjip_xl.readers.xlsx_package import Package, SheetEntry, TablePart, table_part
from lkjip_xl.readers.xlsx_sheet import Box, Cell, Context, SheetCells, read_sheet

MAX_COLUMN, MAX_ROW = 16_384, 1_048_576
MAX_LISTED = 200  # outside/unnamed cells kept per table (the count covers all)


def bounds(ref: str) -> Box | None:
    """ "B3:D40" -> (2, 3, 4, 40); None for anything else (also "A:A", "3:3")."""
    from openpyxl.utils import range_boundaries

    try:
        box = range_boundaries(ref)
    except (ValueError, TypeError):
        return None
    if None in box:
        return None
    c0, r0, c1, r1 = box  # type: ignore[misc]
    if not (1 <= c0 <= c1 <= MAX_COLUMN and 1 <= r0 <= r1 <= MAX_ROW):
        return None
    return c0, r0, c1, r1


def letter(col: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(col)


def read_tables(pkg: Package, entries: list[SheetEntry], ctx: Context) -> Workbook:
    found: list[TableData] = []
    merged: dict[str, list[str]] = {}
    for entry in entries:
        if entry.part is None:
            continue
        parts = {
            rid: table_part(pkg, rel.target)
            for rid, rel in pkg.rels(entry.part).items()
            if rel.type == "table" and pkg.has(rel.target)
        }
        located = {rid: (p, bounds(p.ref)) for rid, p in parts.items() if p is not None}
        boxes = {rid: box for rid, (_, box) in located.items() if box is not None}
        if not boxes:
            continue
        reach = [
            (c0, r0, min(c1 + OUTSIDE_REACH, MAX_COLUMN), min(r1 + OUTSIDE_REACH, MAX_ROW))
            for c0, r0, c1, r1 in boxes.values()
        ]
        sheet = read_sheet(pkg, entry.part, reach, ctx)
        if sheet.merged:
            merged[entry.name] = sheet.merged
        mine = [rid for rid in dict.fromkeys(sheet.table_rids) if rid in boxes]
        placed = [
            (_table(entry.name, located[rid][0], boxes[rid], sheet), boxes[rid]) for rid in mine
        ]
        _outside(placed, sheet)
        found += [table for table, _ in placed]
    tables, extra = _choose(found)
    return Workbook(
        tables,
        [e.name for e in entries],
        [e.name for e in entries if e.state != "visible"],
        merged=merged,
        extra_tables=extra,
        overlaps=_overlaps(found),
    )


def _overlaps(found: list[TableData]) -> list[tuple[TableData, TableData]]:
    pairs = []
    for i, a in enumerate(found):
        for b in found[i + 1 :]:
            box_a, box_b = bounds(a.ref), bounds(b.ref)
            if a.sheet != b.sheet or box_a is None or box_b is None:
                continue
            ac0, ar0, ac1, ar1 = box_a
            bc0, br0, bc1, br1 = box_b
            if ac0 <= bc1 and bc0 <= ac1 and ar0 <= br1 and br0 <= ar1:
                pairs.append((a, b))
    return pairs


def _header_text(cell: Cell | None) -> str:
    if cell is None or cell.value is None:
        return ""
    value = cell.value
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _table(sheet_name: str, part: TablePart, box: Box, sheet: SheetCells) -> TableData:
    c0, r0, c1, r1 = box
    header_cells = sheet.cells.get(r0, {}) if part.header_rows else {}
    names: dict[int, str] = {}
    for col in range(c0, c1 + 1) if part.header_rows else ():
        if col not in header_cells and col - c0 >= len(part.column_names):
            continue  # an empty header cell far out in a stretched ref: nothing to name
        text = _header_text(header_cells.get(col))
        if not text and col - c0 < len(part.column_names):
            text = part.column_names[col - c0].strip()
        if text:
            names[col] = text
    if not part.header_rows:
        names = {c0 + i: n.strip() for i, n in enumerate(part.column_names) if n.strip()}
        names = {c: n for c, n in names.items() if c <= c1}
    data = TableData(
        part.name,
        sheet_name,
        list(names.values()),
        ref=part.ref,
        filtered=part.filtered,
        hidden_columns=[n for c, n in names.items() if sheet.col_hidden(c)],
        header_cells=[f"{letter(c)}{r0}" for c in names],
    )
    first, last = r0 + min(part.header_rows, 1), r1 - part.totals_rows
    for row_no in _rows_between(sheet, first, last):
        cells = sheet.cells[row_no]
        row = Row({}, hidden=row_no in sheet.hidden_rows)
        filled = False
        for col, name in names.items():
            if name in row.cells:  # a duplicate header: the first column of that name counts
                continue
            row.cells[name] = f"{letter(col)}{row_no}"
            cell = cells.get(col)
            row.values[name] = cell.value if cell is not None else None
            if cell is not None:
                filled = True
                if cell.formula is not None:
                    row.formulas[name] = cell.formula
                    row.cached[name] = cell.cached
        for col in cells:
            if c0 <= col <= c1 and col not in names and len(data.unnamed) < MAX_LISTED:
                data.unnamed.append(f"{letter(col)}{row_no}")
        if filled:
            data.rows.append(row)
    return data


def _rows_between(sheet: SheetCells, first: int, last: int) -> Iterator[int]:
    rows = sorted(sheet.cells)
    for i in range(bisect.bisect_left(rows, first), bisect.bisect_right(rows, last)):
        yield rows[i]


def _inside(col: int, row: int, boxes: list[Box]) -> bool:
    return any(c0 <= col <= c1 and r0 <= row <= r1 for c0, r0, c1, r1 in boxes)


def _outside(placed: list[tuple[TableData, Box]], sheet: SheetCells) -> None:
    """Give each filled cell of the sheet that is in no table to the table it was meant for:
    the one it stands directly below (nearest last row first), else the one it stands right of
    (nearest last column first), within OUTSIDE_REACH rows/columns."""
    boxes = [box for _, box in placed]
    for row_no in sorted(sheet.cells):
        for col, cell in sorted(sheet.cells[row_no].items()):
            if _inside(col, row_no, boxes):
                continue
            owners = []
            for table, (c0, r0, c1, r1) in placed:
                if c0 <= col <= c1 and r1 < row_no <= r1 + OUTSIDE_REACH:
                    owners.append((0, row_no - r1, table))
                elif r0 <= row_no <= r1 and c1 < col <= c1 + OUTSIDE_REACH:
                    owners.append((1, col - c1, table))
            if not owners:
                continue
            table = min(owners, key=lambda o: (o[0], o[1]))[2]
            table.outside_count += 1
            if len(table.outside) < MAX_LISTED:
                shown = cell.value if cell.value is not None else cell.formula
                table.outside[f"{letter(col)}{row_no}"] = shown


def _choose(found: list[TableData]) -> tuple[dict[str, TableData], list[TableData]]:
    """One table per name: a layout table on its own sheet first, else the first found."""
    by_name: dict[str, list[TableData]] = {}
    for table in found:
        by_name.setdefault(table.name, []).append(table)
    tables: dict[str, TableData] = {}
    extra: list[TableData] = []
    for name, candidates in by_name.items():
        home = schema.TABLES[name].sheet if name in schema.TABLES else None
        at_home = [t for t in candidates if t.sheet == home]
        chosen = at_home[0] if at_home else candidates[0]
        tables[name] = chosen
        extra += [t for t in candidates if t is not chosen]
    return tables, extra
