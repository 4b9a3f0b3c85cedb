"""Nothing typed next to a table is silently ignored.

LibreOffice does not grow an Excel Table when a row is typed below it, and scripts append rows
the same way; such rows were dropped without a word. The reader keeps every non-empty cell
directly below a table's last row or right of its last column (within
`readers.tables.OUTSIDE_REACH` rows/columns) that belongs to no table.

Checks (kode):
- ``di-luar-tabel`` (kesalahan): on a sheet holding input tables of the layout, such cells next
  to an input table. One finding per table, naming the cells and how to take them into the
  table in Excel and in LibreOffice.

Exempt, derived from the layout (lkjip_xl.schema, which lkjip_xl.workbook.layout places):
the cells of any other table (a neighbouring table), and the titles the template itself writes
(each sheet's title and each table's title, wherever they stand). Sheets without input tables
(Hasil, Petunjuk) are not data sheets and are not checked.
"""

from __future__ import annotations

from lkjip_xl import schema
from lkjip_xl.checks.workbook import listed
from lkjip_xl.core.findings import Finding, kesalahan
from lkjip_xl.readers.tables import TableData, Workbook


def _template_texts() -> set[str]:
    texts = {s.title for s in schema.SHEETS}
    texts |= {t.title for s in schema.SHEETS for t in s.tables}
    return {" ".join(t.split()).casefold() for t in texts}


def _exempt(value: object, titles: set[str]) -> bool:
    return isinstance(value, str) and " ".join(value.split()).casefold() in titles


def _last(ref: str) -> tuple[str, str]:
    """ "A3:D40" -> ("D", "40")."""
    end = ref.split(":")[-1]
    letters = "".join(ch for ch in end if ch.isalpha())
    return letters, end[len(letters) :]


def check_outside(book: Workbook) -> list[Finding]:
    findings: list[Finding] = []
    titles = _template_texts()
    data_sheets = {t.sheet for t in schema.INPUT_TABLES}
    for spec in schema.INPUT_TABLES:
        table = book.tables.get(spec.name)
        if table is None or table.sheet not in data_sheets or table.sheet != spec.sheet:
            continue
        cells = [c for c, v in table.outside.items() if not _exempt(v, titles)]
        if not cells:
            continue
        total = table.outside_count - (len(table.outside) - len(cells))
        findings.append(_finding(table, cells, total))
    return findings


def _finding(table: TableData, cells: list[str], total: int) -> Finding:
    col, row = _last(table.ref)
    first = table.ref.split(":")[0]
    return kesalahan(
        f"Sel {listed(cells, total)} berisi data tetapi berada di luar tabel {table.name} "
        f"(rentang tabel {table.ref}), sehingga TIDAK dibaca dan tidak masuk laporan.",
        sheet=table.sheet,
        cell=cells[0],
        table=table.name,
        saran=f"Di Excel: klik sel di dalam tabel, Table Design > Resize Table, lalu perluas "
        f"rentang {first}:{col}{row} sampai mencakup sel tersebut (atau ketik di baris kosong "
        "tepat di bawah tabel agar tabel melebar sendiri). Di LibreOffice Calc: Data > Define "
        f"Range, pilih {table.name}, ubah Range agar mencakup sel tersebut, klik Modify. "
        "Bila sel itu memang bukan data laporan, kosongkan atau pindahkan sel itu.",
        kode="di-luar-tabel",
    )


def run(book: Workbook) -> list[Finding]:
    return check_outside(book)
