"""The shared writing context of the section modules: paragraphs, lists, narasi, tables,
figures, sections and the signature block.

Styles are set by id from a table built once (python-docx resolves a style name by scanning
every style, twice, for each paragraph). Headings and captions are bookmarked and recorded for
the Daftar Isi/Tabel/Gambar (report.toc); ``finish`` writes those lists when the body is done.
Value formatting lives in report.values (a mixin), lists in report.wordlist.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from io import BytesIO

from docx.document import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.text.paragraph import Paragraph

from lkjip_xl.core.model import Laporan, Narasi
from lkjip_xl.report import ooxml, styles, tablelayout, tables, textmetrics
from lkjip_xl.report.captions import GAMBAR, TABEL, Captions
from lkjip_xl.report.numbering import Numbering
from lkjip_xl.report.tablecell import CellLike
from lkjip_xl.report.toc import ISI, Toc
from lkjip_xl.report.values import Part, Values
from lkjip_xl.report.wordlist import WordList, split_marker

__all__ = ["Part", "WordList", "Writer"]

PORTRAIT_TEXT_CM = 14.0
LANDSCAPE_TEXT_CM = 22.7
PORTRAIT_BODY_CM = 22.7  # A4 29,7 cm less the 4 cm top and 3 cm bottom margins
LANDSCAPE_BODY_CM = 14.0
#: Smaller table font sizes tried when a table's words do not fit even in landscape.
SHRINK_PT = (9.0, 8.0)
#: A list item may be (text, nested items).
Item = str | tuple[str, Sequence["Item"]]


class Writer(Values):
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
                current.add(text, level, style=style, kind=nested)
                continue
            current = None
            if gaya == "subjudul":
                self.p(text, styles.SUBJUDUL)
            elif gaya == "kutipan":
                self.p(f"“{text.strip(chr(34) + '“”')}”", styles.KUTIPAN)
            else:
                for chunk in text.split("\n\n"):
                    self.p(chunk.strip())
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
        first = None
        if self._at_page_top():  # the rows can be paginated from here: chunks fill pages
            first = self.body_height - (_caption_cm(title, self.text_width) if caption else 1.0)
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
        head: list[list[tables.Cell]],
        body: list[list[tables.Cell]],
        widths: Sequence[float],
        landscape: bool | None,
    ) -> tuple[bool, list[float], float | None]:
        """(turn to landscape, column widths, font size or None for the style's): the first
        of portrait, portrait smaller, landscape, landscape smaller where no word breaks."""
        smaller = [pt for pt in SHRINK_PT if pt < self.table_pt]
        sizes = [self.table_pt, *smaller[:1]]
        options = []
        if not self.landscape and landscape is not True:
            options += [(False, PORTRAIT_TEXT_CM, pt) for pt in sizes]
        if self.landscape or landscape is not False:
            sizes = [self.table_pt, *smaller]
            options += [(not self.landscape, LANDSCAPE_TEXT_CM, pt) for pt in sizes]
        for turn, width, pt in options:
            fitted = tables.fit_widths(head, body, widths, width, pt)
            if fitted is not None:
                return turn, fitted, None if pt == self.table_pt else pt
        # even the smallest size breaks a word: the widest option, shared by the widest words
        turn, width, pt = options[-1]
        mins = tablelayout.column_needs(head, body, len(widths), pt)[0]
        return turn, [m * width / sum(mins) for m in mins], None if pt == self.table_pt else pt

    def figure(
        self, png: BytesIO, title: str, width_cm: float | None = None, *, note: str = ""
    ) -> None:
        """Picture centred, caption below it (then the note, then "Sumber: ...")."""
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
        python-docx copies the previous pgNumType, restart included)."""
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
        """Write the Daftar Isi/Tabel/Gambar entries (after the whole body is written)."""
        self.toc.fill()

    # -- signature --------------------------------------------------------------------------

    def signature(self) -> None:
        """Place, date, jabatan, space to sign, name (bold, underlined), pangkat, NIP."""
        ident = self.ident
        style = styles.TANDA_TANGAN
        self._keep_last_paragraph_with_next()
        place = ", ".join(x for x in (ident.kota, self.tanggal()) if x)
        first = self.p(place, style)
        first.paragraph_format.space_before = Pt(18)
        first.paragraph_format.keep_with_next = True
        for line in (ident.jabatan_penandatangan or "").split("\n"):
            self.p(line.strip(), style, bold=True).paragraph_format.keep_with_next = True
        for _ in range(3):
            self.p("", style).paragraph_format.keep_with_next = True
        name = self.parts([(ident.nama_penandatangan or "", "bu")], style)
        name.paragraph_format.keep_with_next = True
        if ident.pangkat_penandatangan:
            self.p(ident.pangkat_penandatangan, style).paragraph_format.keep_with_next = True
        if ident.nip_penandatangan:
            self.p(f"NIP. {ident.nip_penandatangan}", style)

    def _keep_last_paragraph_with_next(self) -> None:
        """A signature block must not stand alone on a page: it takes the last paragraph along."""
        last = self._sect_pr.getprevious()
        if last is not None and last.tag == qn("w:p"):
            Paragraph(last, self.doc._body).paragraph_format.keep_with_next = True


def _caption_cm(title: str, width_cm: float) -> float:
    """Height of a caption (11 pt bold, 6 pt before and after) of `title` plus its label."""
    em = width_cm / (styles.CAPTION_PT * textmetrics.CM_PER_PT)
    lines = textmetrics.line_count("Tabel 0.00 " + title, em, bold=True)
    return (lines * 1.15 * styles.CAPTION_PT + 12) * textmetrics.CM_PER_PT


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
