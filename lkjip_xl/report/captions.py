"""Table and figure captions numbered per chapter with SEQ fields ("Tabel 3.4 ...").

The caption text is "Tabel " + chapter + "." + {SEQ Tabel} + " " + title. The first caption of a
kind in each chapter carries ``\\r 1`` (restart at 1): LibreOffice ignores ``\\s`` (restart at
heading level) and Word honours both. The computed number is written as the field's cached
result, so the document reads right even before any field update, and Word's update gives the
same numbers. Captions go above tables and below figures (PermenPAN-RB 53/2014 practice and the
reference report).
"""

from __future__ import annotations

from docx.document import Document
from docx.text.paragraph import Paragraph

from lkjip_xl.report.ooxml import add_field, xml_safe

TABEL = "Tabel"
GAMBAR = "Gambar"


class Captions:
    def __init__(self) -> None:
        self.chapter = 0
        self._count: dict[str, int] = {}
        self.issued: list[str] = []  # "Tabel 3.4", in document order

    def start_chapter(self, number: int) -> None:
        self.chapter = number
        self._count = {}

    def label(self, kind: str) -> str:
        """The label the next caption of this kind will get (for "lihat Tabel 3.4" texts)."""
        return f"{kind} {self.chapter}.{self._count.get(kind, 0) + 1}"

    def add(self, doc: Document, kind: str, title: str) -> Paragraph:
        number = self._count.get(kind, 0) + 1
        self._count[kind] = number
        paragraph = doc.add_paragraph(style="Caption")
        paragraph.add_run(f"{kind} {self.chapter}.")
        instr = f"SEQ {kind} \\* ARABIC" + (" \\r 1" if number == 1 else "")
        add_field(paragraph, instr, str(number))
        paragraph.add_run(" " + xml_safe(title))
        self.issued.append(f"{kind} {self.chapter}.{number}")
        return paragraph
