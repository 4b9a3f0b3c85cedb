"""The shared writing context of the section modules: paragraphs, lists, narasi, tables,
figures, sections and the signature block.

Styles are set by id from a table built once (python-docx resolves a style name by scanning
every style, twice, for each paragraph). Headings and captions are bookmarked and recorded for
the Daftar Isi/Tabel/Gambar (report.toc); ``finish`` writes those lists when the body is done.
Value formatting lives in report.values (a mixin), lists in report.wordlist.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from io import BytesIO

from docx.document import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml.ns import qn
from docx.shared import Cm
from docx.text.paragraph import Paragraph

from lkjip_xl.core.model import Laporan, Narasi
from lkjip_xl.report import ooxml, styles, tablelayout, tables
from lkjip_xl.report.captions import GAMBAR, TABEL, Captions
from lkjip_xl.report.markup import miring
from lkjip_xl.report.numbering import Numbering
from lkjip_xl.report.signature import Signature
from lkjip_xl.report.tablecell import CellLike
from lkjip_xl.report.toc import ISI, Toc
from lkjip_xl.report.values import Part, Values
from lkjip_xl.report.wordlist import WordList, split_marker

__all__ = ["Part", "WordList", "Writer"]

PORTRAIT_TEXT_CM = tablelayout.PORTRAIT_TEXT_CM
LANDSCAPE_TEXT_CM = tablelayout.LANDSCAPE_TEXT_CM
PORTRAIT_BODY_CM = 22.7  # A4 29,7 cm less the 4 cm top and 3 cm bottom margins
LANDSCAPE_BODY_CM = 14.0
#: Smaller table font sizes tried when a table's words do not fit even in landscape.
SHRINK_PT = (9.0, 8.0)
#: A list item may be (text, nested items).
Item = str | tuple[str, Sequence["Item"]]


class Writer(Values, Signature):
    def __init__(self, doc: Document, laporan: Laporan) -> None:
        self.doc = doc
        self.lap = laporan
        self.ident = laporan.identitas
        self.landscape = False
        self._styles = styles.style_ids(doc)
        self._body = doc.element.body
        self._sect_pr = self._body.get_or_add_sectPr()
        self.numbering = Numbering(doc)
        self.toc = Toc()
        self.captions = Captions(self.toc, self.new_paragraph)
        self.table_style_id = self.style_id(styles.ISI_TABEL)
        self.table_pt = styles.font_size(doc, styles.ISI_TABEL) or tables.TABLE_PT

    # -- paragraphs -------------------------------------------------------------------------

    def style_id(self, name: str) -> str:
        if name not in self._styles:
            self._styles[name] = self.doc.styles[name].style_id
        return self._styles[name]

    def new_paragraph(self, style: str | None = None) -> Paragraph:
        """An empty paragraph at the end of the body, its style set by id."""
        p = self._body.makeelement(qn("w:p"), {})
        if style and style != "Normal":
            ppr = p.makeelement(qn("w:pPr"), {})
            ppr.append(ppr.makeelement(qn("w:pStyle"), {qn("w:val"): self.style_id(style)}))
            p.append(ppr)
        self._sect_pr.addprevious(p)
        return Paragraph(p, self.doc._body)

    def p(
        self,
        text: str = "",
        style: str | None = None,
        *,
        bold: bool = False,
        italic: bool = False,
        align: str | None = None,
    ) -> Paragraph:
        paragraph = self.new_paragraph(style)
        if text:
            ooxml.append_run(paragraph._p, ooxml.xml_safe(text), bold=bold, italic=italic)
        if align:
            paragraph.alignment = _ALIGN[align]
        return paragraph

    def parts(
        self, parts: Iterable[Part], style: str | None = None, align: str | None = None
    ) -> Paragraph:
        """A paragraph of runs with their own bold/italic/underline (terbilang in italics)."""
        paragraph = self.new_paragraph(style)
        _add_parts(paragraph, parts)
        if align:
            paragraph.alignment = _ALIGN[align]
        return paragraph

    def heading(self, text: str, level: int, *, page_break: bool = False) -> Paragraph:
        paragraph = self.new_paragraph(f"Heading {level}")
        if level == 1:
            self.captions.chapter_field(paragraph)
        lines = ooxml.xml_safe(text).split("\n")
        for i, line in enumerate(lines):
            run = paragraph.add_run(line)
            if i < len(lines) - 1:
                run.add_break()
        if page_break:
            paragraph.paragraph_format.page_break_before = True
        self.toc.mark(paragraph._p, ISI, level, " ".join(lines))
        return paragraph

    def page_break(self) -> None:
        self.new_paragraph().add_run().add_break(WD_BREAK.PAGE)

    # -- lists ------------------------------------------------------------------------------

    def new_list(
        self,
        kind: str = "decimal",
        *,
        style: str | None = None,
        start: int = 1,
        level: int = 1,
    ) -> WordList:
        """A Word-numbered list ("decimal", "lower-letter", "upper-letter", "upper-roman",
        "lower-roman", "bullet", "dash"); items may be separated by other paragraphs. With
        `level` 2 the list starts indented, its items showing the kind's first format."""
        return WordList(
            self.numbering,
            self.new_paragraph,
            kind,
            style=style or styles.BUTIR,
            start=start,
            base_level=level,
        )

    def items(
        self,
        texts: Sequence[Item],
        *,
        numbered: bool = True,
        level: int = 1,
        marker: str | None = None,
        kind: str | None = None,
        style: str | None = None,
    ) -> WordList:
        """A list with Word numbering, restarting at 1. An item is a text or (text, nested
        items); `kind` as in new_list (default "decimal", or "bullet" when not `numbered`);
        `marker` ("-", "•", "a.", "1)") picks the kind the way a typed marker would."""
        if kind is None and marker is not None:
            kind = split_marker(marker.strip() + " x")[0]
        kind = kind or ("decimal" if numbered else "bullet")
        default_style = styles.BUTIR if level == 1 else styles.BUTIR_2
        word_list = self.new_list(kind, style=style or default_style, level=level)

        def write(entries: Sequence[Item], depth: int) -> None:
            for entry in entries:
                text, children = (entry, ()) if isinstance(entry, str) else entry
                word_list.add(ooxml.xml_safe(text), depth)
                write(children, depth + 1)

        write(texts, level)
        return word_list

    def narasi(self, key: str) -> bool:
        """Render the staff-written rows of one narasi section; False when there are none.

        Consecutive "Butir"/"Butir 2" rows form one Word list (restarting after any other
        row); a marker staff typed is removed and only chooses the list kind and start."""
        rows: list[Narasi] = self.lap.teks(key)
        current: WordList | None = None
        for row in rows:
            gaya = (row.gaya or "Paragraf").strip().casefold()
            text = ooxml.xml_safe(row.teks).strip()
            if not text:
                continue
            if gaya in ("butir", "butir 2"):
                level = 1 if gaya == "butir" else 2
                typed, start, text = split_marker(text)
                if current is None:
                    top = typed if level == 1 else None
                    current = self.new_list(top or "decimal", start=start if top else 1)
                style = styles.BUTIR if level == 1 else styles.BUTIR_2
                nested = typed if level > 1 and typed and typed != current.kind else None
                item = current.add("", level, style=style, kind=nested)
                _add_parts(item, miring(text))
                continue
            current = None
            if gaya == "subjudul":
                self.p(text, styles.SUBJUDUL)
            elif gaya == "kutipan":
                self.parts(miring(f"“{text.strip(chr(34) + '“”')}”"), styles.KUTIPAN)
            else:
                for chunk in text.split("\n\n"):
                    self.parts(miring(chunk.strip()))
        return bool(rows)

    # -- tables and figures -----------------------------------------------------------------

    @property
    def text_width(self) -> float:
        return LANDSCAPE_TEXT_CM if self.landscape else PORTRAIT_TEXT_CM

    @property
    def body_height(self) -> float:
        return LANDSCAPE_BODY_CM if self.landscape else PORTRAIT_BODY_CM

    def table(
        self,
        title: str,
        header: Sequence[Sequence[CellLike]],
        rows: Sequence[Sequence[CellLike]],
        widths: Sequence[float],
        *,
        caption: bool = True,
        sumber: bool = True,
        note: str = "",
        landscape: bool | None = None,
    ) -> None:
        """Caption above, the table at the text width, note and "Sumber: ..." below.

        `widths` are proportions; the columns are fitted to their content (no word broken).
        A table whose words do not fit the portrait width goes on landscape pages of its own
        (`landscape` True/False forces or forbids that), else it is set in a smaller size."""
        head = [[tables.as_cell(v) for v in row] for row in header]
        body = [[tables.as_cell(v) for v in row] for row in rows]
        turn, fitted, size = self._fit(head, body, widths, landscape)
        if turn:
            self.new_section(landscape=True)
        else:
            self._keep_lead_in()
        first = None
        if self._at_page_top():  # the rows can be paginated from here: chunks fill pages
            first = self.body_height - tablelayout.caption_cm(title, self.text_width, caption)
        if caption:
            self.captions.add(self.doc, TABEL, title)
        else:
            self.p(title, styles.SUBJUDUL, align="center")
        follows = bool(note) or bool(sumber and self.ident.sumber_data)
        tables.add_table(
            self.doc,
            head,
            body,
            fitted,
            self.table_style_id,
            font_pt=size,
            page_cm=self.body_height,
            keep_with_next=follows,
            first_cm=first,
        )
        if note:
            self.p(note, styles.SUMBER).paragraph_format.keep_with_next = bool(
                sumber and self.ident.sumber_data
            )
        if sumber and self.ident.sumber_data:
            self.p(f"Sumber: {self.ident.sumber_data}", styles.SUMBER)
        self.new_paragraph(styles.ISI_TABEL)  # air after the table
        if turn:
            self.new_section(landscape=False)

    def _at_page_top(self) -> bool:
        """Nothing written since the last section break (a new page)."""
        last = self._sect_pr.getprevious()
        return last is not None and last.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None

    def _fit(
        self,
        head: list,
        body: list,
        widths: Sequence[float],
        landscape: bool | None,  # type: ignore[type-arg]
    ) -> tuple[bool, list[float], float | None]:
        portrait = not self.landscape and landscape is not True
        wide = self.landscape or landscape is not False
        turn, fitted, pt = tablelayout.choose(
            head, body, widths, self.table_pt, SHRINK_PT, portrait=portrait, landscape=wide
        )
        return turn and not self.landscape, fitted, None if pt == self.table_pt else pt

    def figure(
        self, png: BytesIO, title: str, width_cm: float | None = None, *, note: str = ""
    ) -> None:
        """Picture centred, caption below it (then the note, then "Sumber: ...")."""
        self._keep_lead_in()
        paragraph = self.new_paragraph(styles.ISI_TABEL)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.keep_with_next = True
        paragraph.add_run().add_picture(png, width=Cm(width_cm or min(self.text_width, 15.0)))
        self.captions.add(self.doc, GAMBAR, title)
        if note:
            self.p(note, styles.SUMBER, align="center")
        if self.ident.sumber_data:
            self.p(f"Sumber: {self.ident.sumber_data} (diolah)", styles.SUMBER, align="center")

    # -- sections ---------------------------------------------------------------------------

    def new_section(
        self, *, landscape: bool, fmt: str = "decimal", start: int | None = None
    ) -> None:
        """A new page section; page numbering is always set explicitly (the add_section trap:
        python-docx copies the previous pgNumType, restart included). Turning to landscape,
        the paragraph that introduces the next table or figure by its number ("... Tabel 2.1
        berikut.") moves onto the landscape page with it, rather than ending a page alone."""
        lead_in = self._lead_in() if landscape and not self.landscape else None
        if lead_in is not None:
            lead_in.getparent().remove(lead_in)
        section = self.doc.add_section(WD_SECTION.NEW_PAGE)
        width, height = styles.A4
        if landscape:
            section.orientation = WD_ORIENT.LANDSCAPE
            section.page_width, section.page_height = height, width
            margins = styles.MARGINS_LANDSCAPE
        else:
            section.orientation = WD_ORIENT.PORTRAIT
            section.page_width, section.page_height = width, height
            margins = styles.MARGINS
        for side, value in margins.items():
            setattr(section, f"{side}_margin", value)
        ooxml.set_page_numbering(section, fmt, start)
        self.landscape = landscape
        if lead_in is not None:
            self._sect_pr.addprevious(lead_in)
            Paragraph(lead_in, self.doc._body).paragraph_format.keep_with_next = True

    def _keep_lead_in(self) -> None:
        """The sentence introducing the next table or figure by its number stays on its page
        (no "... Tabel 2.3 berikut." at a page bottom with the table overleaf)."""
        lead_in = self._lead_in()
        if lead_in is not None:
            Paragraph(lead_in, self.doc._body).paragraph_format.keep_with_next = True

    def _lead_in(self):  # type: ignore[no-untyped-def]
        """The last paragraph when it names the next table's or figure's label, else None."""
        last = self._sect_pr.getprevious()
        if last is None or last.tag != qn("w:p") or last.find(f".//{qn('w:sectPr')}") is not None:
            return None
        text = "".join(t.text or "" for t in last.iter(qn("w:t")))
        labels = (self.captions.label(TABEL), self.captions.label(GAMBAR))
        if any(re.search(re.escape(label) + r"(?!\d)", text) for label in labels):
            return last
        return None

    def footer_page_number(self, section_index: int) -> None:
        """Centred PAGE field in this section's own footer (later sections inherit it)."""
        section = self.doc.sections[section_index]
        section.footer.is_linked_to_previous = False
        paragraph = section.footer.paragraphs[0]
        paragraph.style = self.doc.styles["Footer"]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        ooxml.add_field(paragraph, "PAGE", "1")

    def empty_footer(self, section_index: int) -> None:
        section = self.doc.sections[section_index]
        section.footer.is_linked_to_previous = False
        for paragraph in section.footer.paragraphs:
            for run in paragraph.runs:
                run.text = ""

    def finish(self) -> None:
        self.toc.fill()  # the Daftar Isi/Tabel/Gambar entries, once the body is written


def _add_parts(paragraph: Paragraph, parts: Iterable[Part]) -> None:
    for text, flags in parts:
        ooxml.append_run(
            paragraph._p,
            ooxml.xml_safe(text),
            bold="b" in flags,
            italic="i" in flags,
            underline="u" in flags,
        )


_ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
}
