"""Table and figure captions numbered per chapter with fields Word recomputes ("Tabel 3.4").

Caption text: "Tabel " {SEQ Bab \\c} "." {SEQ Tabel \\s 1} " " title. Each chapter's heading
carries a hidden {SEQ Bab \\r N \\h} (the chapter number, N = the BAB number), so \\c repeats
it in every caption of the chapter, and \\s 1 restarts the table count at every Heading 1:
deleting, adding or moving a table (even to another chapter) renumbers correctly when Word
updates fields. The computed numbers are the fields' cached results, so the document reads
right before any update. LibreOffice ignores \\s and \\h; the copy it renders is adjusted by
report.libreoffice (first caption of each chapter restarts, the hidden field is dropped).
Captions go above tables and below figures (PermenPAN-RB 53/2014 practice, the reference).
"""

from __future__ import annotations

from collections.abc import Callable

from docx.text.paragraph import Paragraph

from lkjip_xl.report.ooxml import add_field, xml_safe
from lkjip_xl.report.toc import Toc

TABEL = "Tabel"
GAMBAR = "Gambar"
CHAPTER_SEQ = "Bab"


class Captions:
    def __init__(
        self,
        toc: Toc | None = None,
        new_paragraph: Callable[[str], Paragraph] | None = None,
    ) -> None:
        self.chapter = 0
        self._count: dict[str, int] = {}
        self.issued: list[str] = []  # "Tabel 3.4", in document order
        self.toc = toc or Toc()
        self._new_paragraph = new_paragraph
        self._pending_chapter = False

    def start_chapter(self, number: int) -> None:
        self.chapter = number
        self._count = {}
        self._pending_chapter = True

    def chapter_field(self, paragraph: Paragraph) -> None:
        """Put the hidden chapter counter into the chapter's heading (once per chapter)."""
        if not self._pending_chapter:
            return
        self._pending_chapter = False
        add_field(paragraph, f"SEQ {CHAPTER_SEQ} \\r {self.chapter} \\h", "")

    def label(self, kind: str) -> str:
        """The label the next caption of this kind will get (for "lihat Tabel 3.4" texts)."""
        return f"{kind} {self.chapter}.{self._count.get(kind, 0) + 1}"

    def add(self, doc, kind: str, title: str) -> Paragraph:  # type: ignore[no-untyped-def]
        number = self._count.get(kind, 0) + 1
        self._count[kind] = number
        if self._new_paragraph is not None:
            paragraph = self._new_paragraph("Caption")
        else:
            paragraph = doc.add_paragraph(style="Caption")
        self.chapter_field(paragraph)  # a chapter whose heading came before start_chapter
        paragraph.add_run(f"{kind} ")
        add_field(paragraph, f"SEQ {CHAPTER_SEQ} \\c \\* ARABIC", str(self.chapter))
        paragraph.add_run(".")
        add_field(paragraph, f"SEQ {kind} \\* ARABIC \\s 1", str(number))
        title = xml_safe(title)
        paragraph.add_run(" " + title)
        label = f"{kind} {self.chapter}.{number}"
        self.toc.mark(paragraph._p, kind, 1, f"{label} {title}")
        self.issued.append(label)
        return paragraph
