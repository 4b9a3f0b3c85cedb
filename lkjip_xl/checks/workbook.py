"""The workbook as a file: sheets, where tables sit, their headers and merged cells (layout
itself: readers.to_model).

Checks (kode):
- ``sheet-tersembunyi`` (peringatan): a sheet of the layout is hidden; staff may not see data
  the report uses. Sheets outside the layout (the builder's hidden "Daftar" lists) are fine.
  Decision: a hidden sheet of the layout stays a warning (the report prints exactly what it
  holds); a layout table found on ANOTHER sheet, hidden or not, is an error (below).
- ``tabel-salah-sheet`` (kesalahan): a table named like a layout table sits on another sheet
  than its own (a second copy on a hidden "Data Lama" sheet, or the table moved). The table on
  its own sheet is the one read; the report could otherwise print numbers nobody sees.
- ``tabel-ganda`` (kesalahan): two tables of one name that is not a layout table.
- ``tabel-tumpang-tindih`` (kesalahan): two tables on one sheet share cells.
- ``judul-ganda`` (kesalahan): a column header appears twice in one table (only the first
  column of that name is read; the other would be silently ignored).
- ``kolom-tanpa-judul`` (kesalahan): data under an empty header cell inside a table.
- ``sel-gabung`` (kesalahan): a merged range overlapping the data rows of an Excel Table. Only
  the top-left cell of a merged range keeps a value, so the other cells read as empty and data
  silently disappears (Excel itself refuses merges inside a Table; other tools do not).
"""

from __future__ import annotations

from lkjip_xl import schema
from lkjip_xl.core.findings import Finding, kesalahan, peringatan
from lkjip_xl.readers.tables import Workbook

MAX_LISTED = 10  # cells named in one message


def listed(items: list[str], total: int | None = None, unit: str = "sel") -> str:
    """ "C7, C9, D12" or "C7, C9, ... (25 sel)" for a message."""
    total = len(items) if total is None else total
    shown = ", ".join(items[:MAX_LISTED])
    return shown + (f", ... ({total} {unit})" if total > MAX_LISTED else "")


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


def check_placement(book: Workbook) -> list[Finding]:
    findings: list[Finding] = []
    hidden = set(book.hidden_sheets)
    for table in list(book.tables.values()) + book.extra_tables:
        home = schema.TABLES.get(table.name)
        if home is None:
            if table in book.extra_tables:
                chosen = book.tables[table.name]
                findings.append(
                    kesalahan(
                        f"Ada dua tabel bernama {table.name} (sheet '{chosen.sheet}' dan "
                        f"'{table.sheet}').",
                        sheet=table.sheet,
                        cell=table.ref.split(":")[0] or None,
                        table=table.name,
                        saran="Ganti nama salah satu tabel (Table Design > Table Name).",
                        kode="tabel-ganda",
                    )
                )
            continue
        if table.sheet == home.sheet or home.sheet not in book.sheets:
            continue  # a missing/renamed home sheet is reported by the layout check
        where = f"sheet '{table.sheet}'" + (" (tersembunyi)" if table.sheet in hidden else "")
        chosen = book.tables.get(table.name)
        used = (
            f" Laporan memakai tabel di sheet '{home.sheet}'."
            if chosen is not None and chosen.sheet == home.sheet
            else ""
        )
        findings.append(
            kesalahan(
                f"Tabel {table.name} ({home.title}) ditemukan di {where} ({table.ref}), padahal "
                f"tempatnya di sheet '{home.sheet}'.{used}",
                sheet=table.sheet,
                cell=table.ref.split(":")[0] or None,
                table=table.name,
                saran=f"Hapus atau ganti nama tabel di sheet '{table.sheet}' (Table Design > "
                f"Table Name), dan pastikan datanya ada di tabel {table.name} pada sheet "
                f"'{home.sheet}'.",
                kode="tabel-salah-sheet",
            )
        )
    return findings


def _bounds(ref: str) -> tuple[int, int, int, int] | None:
    from lkjip_xl.readers.xlsx_tables import bounds

    return bounds(ref) if ref else None


def check_overlap(book: Workbook) -> list[Finding]:
    return [
        kesalahan(
            f"Tabel {a.name} ({a.ref}) dan {b.name} ({b.ref}) saling menimpa; isi sel yang sama "
            "terbaca di dua tabel.",
            sheet=a.sheet,
            table=a.name,
            saran="Perkecil rentang tabel (Table Design > Resize Table) sampai kedua tabel "
            "tidak berbagi sel.",
            kode="tabel-tumpang-tindih",
        )
        for a, b in book.overlaps
    ]


def check_headers(book: Workbook) -> list[Finding]:
    findings: list[Finding] = []
    for table in book.tables.values():
        cells = table.header_cells
        seen: dict[str, int] = {}
        for i, name in enumerate(table.columns):
            if name not in seen:
                seen[name] = i
                continue
            first = cells[seen[name]] if len(cells) > seen[name] else "?"
            again = cells[i] if len(cells) > i else None
            findings.append(
                kesalahan(
                    f"Judul kolom '{name}' dipakai dua kali di tabel {table.name} (sel {first}"
                    + (f" dan {again}" if again else "")
                    + "); hanya kolom pertama yang terbaca, isi kolom kedua diabaikan.",
                    sheet=table.sheet,
                    cell=again,
                    table=table.name,
                    column=name,
                    saran="Ganti judul salah satu kolom, atau pindahkan isinya ke kolom yang "
                    "benar lalu hapus kolom yang berlebih.",
                    kode="judul-ganda",
                )
            )
        if table.unnamed:
            findings.append(
                kesalahan(
                    f"Sel {listed(table.unnamed)} di tabel {table.name} berisi data di bawah "
                    "judul kolom yang kosong; isinya tidak terbaca.",
                    sheet=table.sheet,
                    cell=table.unnamed[0],
                    table=table.name,
                    saran="Beri judul kolom itu sesuai templat, atau pindahkan isinya ke kolom "
                    "yang benar.",
                    kode="kolom-tanpa-judul",
                )
            )
    return findings


def check_merged(book: Workbook) -> list[Finding]:
    findings: list[Finding] = []
    for table in book.tables.values():
        box = _bounds(table.ref)
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
    return (
        check_hidden(book)
        + check_placement(book)
        + check_overlap(book)
        + check_headers(book)
        + check_merged(book)
    )
