"""DAFTAR ISI, DAFTAR TABEL and DAFTAR GAMBAR as Word TOC fields.

Only the TOC fields are marked dirty (Word rebuilds them on open; w:updateFields is set in
settings as well). The cached text is a short instruction, replaced by the real list when Word
(F9) or the PDF export (pdf.py, LibreOffice UNO) updates the fields.
"""

from __future__ import annotations

from lkjip_xl.report.ooxml import add_field
from lkjip_xl.report.writer import Writer

PLACEHOLDER = "Klik kanan lalu pilih Update Field (atau tekan F9) untuk memperbarui daftar ini."


def daftar(w: Writer) -> None:
    for title, instr, style in (
        ("DAFTAR ISI", 'TOC \\o "1-3" \\h \\z \\u', "TOC 1"),
        ("DAFTAR TABEL", 'TOC \\h \\z \\c "Tabel"', "Table of Figures"),
        ("DAFTAR GAMBAR", 'TOC \\h \\z \\c "Gambar"', "Table of Figures"),
    ):
        w.heading(title, 1, page_break=True)
        paragraph = w.doc.add_paragraph(style=style)
        add_field(paragraph, instr, PLACEHOLDER, dirty=True)
