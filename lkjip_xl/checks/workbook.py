"""The workbook as a file: hidden sheets and merged cells (layout itself: readers.to_model).

Checks (kode):
- ``sheet-tersembunyi`` (peringatan): a sheet of the layout is hidden; staff may not see data
  the report uses. Sheets outside the layout (the builder's hidden "Daftar" lists) are fine.
- ``sel-gabung`` (kesalahan): a merged range overlapping the data rows of an Excel Table. Only
  the top-left cell of a merged range keeps a value, so the other cells read as empty and data
  silently disappears (Excel itself refuses merges inside a Table; other tools do not).
"""

from __future__ import annotations

from lkjip_xl import schema
from lkjip_xl.core.findings import Finding, kesalahan, peringatan
from lkjip_xl.readers.tables import Workbook


def check_hidden(book: Workbook) -> list[Finding]:
    layout = {s.name for s in schema.SHEETS}
    return [
        peringatan(
            f"Sheet '{name}' disembunyikan, padahal datanya dipakai laporan.",
            sheet=name,
            saran="Tampilkan kembali sheet ini (klik kanan tab sheet > Unhide) dan periksa isinya.",
            kode="sheet-tersembunyi",
        )
        for name in book.hidden_sheets
        if name in layout
    ]


def _bounds(ref: str) -> tuple[int, int, int, int] | None:
    from openpyxl.utils import range_boundaries

    try:
        min_col, min_row, max_col, max_row = range_boundaries(ref)
    except (ValueError, TypeError):
        return None
    if None in (min_col, min_row, max_col, max_row):
        return None
    return min_col, min_row, max_col, max_row  # type: ignore[return-value]


def check_merged(book: Workbook) -> list[Finding]:
    findings: list[Finding] = []
    for table in book.tables.values():
        box = _bounds(table.ref) if table.ref else None
        if box is None:
            continue
        t_col0, t_row0, t_col1, t_row1 = box
        first_data = t_row0 + 1  # the header row may be merged with titles above; data not
        for merged in book.merged.get(table.sheet, []):
            m = _bounds(merged)
            if m is None:
                continue
            col0, row0, col1, row1 = m
            if col0 <= t_col1 and col1 >= t_col0 and row0 <= t_row1 and row1 >= first_data:
                findings.append(
                    kesalahan(
                        f"Sel gabungan {merged} menimpa data tabel {table.name}; "
                        "hanya sel kiri-atas "
                        "yang terbaca, isi sel lain dianggap kosong.",
                        sheet=table.sheet,
                        cell=merged.split(":")[0],
                        table=table.name,
                        saran=f"Pisahkan sel {merged} (Home > Merge & Center > Unmerge Cells) dan "
                        "isi setiap sel.",
                        kode="sel-gabung",
                    )
                )
    return findings


def run(book: Workbook) -> list[Finding]:
    return check_hidden(book) + check_merged(book)
