"""Entry point of the workbook's "Buat Laporan Word" button (VBA: RunPython).

Reads the OPEN workbook through xlwings (unsaved edits count), runs the same checks and builder
as the CLI, writes the .docx next to the workbook and tells the user where it went. Findings are
shown in a message box, never as a Python traceback. The workbook itself is not modified.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

TITLE = "LKjIP"
MAX_SHOWN = 15


def _alert(book: Any, text: str, mode: str = "info") -> None:
    book.app.alert(text, title=TITLE, mode=mode)


def generate_report(book: Any = None) -> Path | None:
    """Called by the button; `book` is only passed by tests (defaults to the calling book)."""
    import xlwings as xw

    from lkjip_xl.checks.report import format_findings
    from lkjip_xl.pipeline import default_output_name, load_xlwings, write_report
    from lkjip_xl.report import OutputError, free_name

    book = book or xw.Book.caller()
    from lkjip_xl.pemda.detect import is_pemda_xlwings

    if is_pemda_xlwings(book):  # the Pemda workbook's button (lkjip_xl.pemda.macro)
        from lkjip_xl.pemda.macro import generate_pemda_report

        return generate_pemda_report(book)
    try:
        loaded = load_xlwings(book)
        if loaded.errors or loaded.laporan is None:
            shown = loaded.errors[:MAX_SHOWN]
            more = len(loaded.errors) - len(shown)
            _alert(
                book,
                "Laporan belum dapat dibuat. Perbaiki dulu:\n\n"
                + format_findings(shown)
                + (f"\n... dan {more} temuan lain (jalankan 'lkjip-xl periksa')." if more else ""),
                "critical",
            )
            return None
        folder = Path(book.fullname).parent
        out = folder / default_output_name(loaded.laporan)
        try:
            written = write_report(loaded, out, catatan=bool(loaded.warnings))
        except OutputError:
            written = write_report(loaded, free_name(out), catatan=bool(loaded.warnings))
        note = (
            f"\n\n{len(loaded.warnings)} peringatan dimuat di lampiran 'Catatan Pemeriksaan'."
            if loaded.warnings
            else ""
        )
        _alert(
            book,
            f"Laporan tersimpan di:\n{written[0]}{note}\n\n"
            "Buka di Word lalu pilih 'Yes' saat diminta memperbarui field "
            "(daftar isi, tabel, gambar).",
        )
        return written[0]
    except Exception as exc:  # the button must never show a Python traceback
        _alert(
            book,
            f"Terjadi kesalahan internal lkjip-xl saat membuat laporan. Jalankan "
            "'lkjip-xl laporan' pada buku kerja ini di Command Prompt untuk pesan lengkapnya, "
            "atau sampaikan keterangan berikut kepada pengelola lkjip-xl:\n"
            f"{type(exc).__name__}: {exc}",
            "critical",
        )
        return None
