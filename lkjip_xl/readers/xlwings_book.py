"""Read the open workbook through xlwings (the button path), so unsaved edits count.

Produces the same `Workbook` shape as the headless reader. Never writes to the book.
"""

from __future__ import annotations

from typing import Any

from lkjip_xl.readers.tables import Row, TableData, Workbook


def _column_letter(index: int) -> str:
    letters = ""
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def read_book(book: Any) -> Workbook:
    """All Excel Tables (ListObjects) of an xlwings Book, values and formulas by cell."""
    tables: dict[str, TableData] = {}
    sheets, hidden = [], []
    for sheet in book.sheets:
        sheets.append(sheet.name)
        if not sheet.visible:
            hidden.append(sheet.name)
        for tbl in sheet.tables:
            header_range = tbl.header_row_range
            header = [str(h or "").strip() for h in header_range.options(ndim=1).value]
            data = TableData(tbl.name, sheet.name, header, ref=tbl.range.address.replace("$", ""))
            body = tbl.data_body_range
            if body is not None:
                values = body.options(ndim=2).value
                formulas = body.formula  # a str for one cell, else rows of str
                if isinstance(formulas, str):
                    formulas = ((formulas,),)
                first_row, first_col = body.row, body.column
                for i, (vals, forms) in enumerate(zip(values, formulas, strict=True)):
                    row = Row({})
                    for j, name in enumerate(header):
                        cell = f"{_column_letter(first_col + j)}{first_row + i}"
                        row.cells[name] = cell
                        row.values[name] = vals[j]
                        if isinstance(forms[j], str) and forms[j].startswith("="):
                            row.formulas[name] = forms[j]
                    data.rows.append(row)
            tables[tbl.name] = data
    return Workbook(tables, sheets, hidden, source=str(book.fullname))
