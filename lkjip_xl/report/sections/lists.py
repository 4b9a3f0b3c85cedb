"""DAFTAR ISI, DAFTAR TABEL and DAFTAR GAMBAR as Word TOC fields, filled with their entries.

Each list is a TOC field whose result the Writer fills when the body is done (report.toc):
every heading or caption as an entry with a hyperlink and a PAGEREF field, so the .docx shows
the lists in any reader; page numbers come from a LibreOffice layout pass when one ran
(report.pages). Only the TOC fields are marked dirty (Word rebuilds them on open;
w:updateFields is set in settings as well).
"""

from __future__ import annotations

from lkjip_xl.report.captions import GAMBAR, TABEL
from lkjip_xl.report.styles import FIGURES_STYLE
from lkjip_xl.report.toc import ISI
from lkjip_xl.report.writer import Writer

#: The lists: title, TOC field instruction, entry kind, style of their paragraphs.
LISTS = (
    ("DAFTAR ISI", 'TOC \\o "1-3" \\h \\z \\u', ISI, "toc 1"),
    ("DAFTAR TABEL", f'TOC \\h \\z \\c "{TABEL}"', TABEL, FIGURES_STYLE),
    ("DAFTAR GAMBAR", f'TOC \\h \\z \\c "{GAMBAR}"', GAMBAR, FIGURES_STYLE),
)


def daftar(w: Writer) -> None:
    for title, instr, kind, style in LISTS:
        w.heading(title, 1, page_break=True)
        paragraph = w.new_paragraph(style)
        w.toc.field(paragraph._p, instr, kind, w.style_id(style))
