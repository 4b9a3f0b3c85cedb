"""Entry point of the Pemda workbook's "Buat LKjIP Pemda" button (VBA: RunPython).

Reads the OPEN Pemda workbook through xlwings (unsaved edits count) and every OPD workbook from
disk (read-only, one after the other: a child process of the xlwings COM server is not relied
on), refreshes the Rekap sheet of the open workbook with the consolidated figures and their
sources, writes the Pemda LKjIP next to the workbook, and says where it went or what stops it.
The Rekap sheet is the only thing written into the workbook, and only here, at the user's
click; the headless path never writes to a workbook.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

TITLE = "LKjIP Pemda"
MAX_SHOWN = 12


def _alert(book: Any, text: str, mode: str = "info") -> None:
    book.app.alert(text, title=TITLE, mode=mode)


def generate_pemda_report(book: Any = None) -> Path | None:
    """Called by the button; `book` is only passed by tests (defaults to the calling book)."""
    from lkjip_xl.pemda.output import format_temuan
    from lkjip_xl.pemda.pipeline import default_output_name, load_pemda_xlwings, write_report
    from lkjip_xl.report import OutputError, free_name

    if book is None:
        import xlwings as xw

        book = xw.Book.caller()
    try:
        loaded = load_pemda_xlwings(book)
        rekap_note = "\n\nSheet Rekap telah diperbarui."
        if loaded.kons is not None:
            try:
                refresh_rekap(book, loaded.kons)
            except Exception:  # a renamed Rekap sheet or table: the report is still written
                rekap_note = (
                    "\n\nSheet Rekap (tabel rekap) tidak ditemukan atau tidak dapat diperbarui; "
                    "laporan tetap dibuat. Gunakan templat Pemda terbaru bila sheet itu diubah."
                )
        if not loaded.can_write or loaded.kons is None:
            text = format_temuan(loaded).split("\n")
            shown = "\n".join(text[: MAX_SHOWN + 3])
            more = (
                "\n... (jalankan 'lkjip-xl periksa' untuk daftar lengkap)"
                if len(text) > MAX_SHOWN + 3
                else ""
            )
            _alert(
                book,
                "Laporan Pemda belum dapat dibuat. Perbaiki dulu:\n\n" + shown + more,
                "critical",
            )
            return None
        out = Path(book.fullname).parent / default_output_name(loaded.kons)
        notes = bool(loaded.temuan)
        try:
            written = write_report(loaded, out, catatan=notes)
        except OutputError:
            written = write_report(loaded, free_name(out), catatan=notes)
        left = loaded.kons.excluded
        note = (
            f"\n\n{len(left)} OPD tidak dimasukkan ke rekap (lihat subbab 3.4 dan sheet Rekap)."
            if left
            else ""
        )
        _alert(
            book,
            f"Laporan Pemda tersimpan di:\n{written[0]}{note}{rekap_note}\n\n"
            "Buka laporan di Word lalu pilih 'Yes' saat diminta memperbarui field.",
        )
        return written[0]
    except Exception as exc:  # the button must never show a Python traceback
        _alert(
            book,
            f"Terjadi kesalahan internal lkjip-xl saat membuat laporan Pemda. Jalankan "
            "'lkjip-xl laporan' pada buku kerja ini di Command Prompt untuk pesan lengkapnya, "
            "atau sampaikan keterangan berikut kepada pengelola lkjip-xl:\n"
            f"{type(exc).__name__}: {exc}",
            "critical",
        )
        return None


def refresh_rekap(book: Any, kons: Any) -> None:
    """Write the Rekap tables' rows and resize each Excel Table to them."""
    from lkjip_xl.pemda.rekap_sheet import SHEET, TABLES, rows

    sheet = book.sheets[SHEET]
    data = rows(kons)
    app = book.app
    calculation = getattr(app, "calculation", None)
    try:
        if calculation is not None:
            app.calculation = "manual"
        for table in TABLES:
            tbl = sheet.tables[table.name]
            body = tbl.data_body_range
            if body is not None:
                body.clear_contents()
            values = data[table.name] or [[None] * len(table.columns)]
            header = tbl.header_row_range
            top_left = header[0, 0]
            top_left.offset(1, 0).value = values
            tbl.resize(top_left.resize(len(values) + 1, len(table.columns)))
    finally:
        if calculation is not None:
            app.calculation = calculation
