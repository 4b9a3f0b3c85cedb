"""The shared writing context of the section modules: paragraphs, narasi, lists, sections.

Every number goes through ``lkjip_xl.core.numbers`` (formatting) and ``lkjip_xl.core.rules``
(computing); this module and the sections only arrange what those return.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from io import BytesIO

from babel.dates import format_date
from docx.document import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.text.paragraph import Paragraph

from lkjip_xl.core import rules
from lkjip_xl.core.model import Indikator, KinerjaTahun, Laporan, Narasi
from lkjip_xl.core.numbers import format_angka, format_persen, format_rupiah
from lkjip_xl.core.terbilang import terbilang
from lkjip_xl.core.values import NA, is_blank, is_not_available
from lkjip_xl.report import ooxml, styles, tables
from lkjip_xl.report.captions import GAMBAR, TABEL, Captions
from lkjip_xl.report.tables import Cell, CellLike

Part = tuple[str, str]  # (text, flags): flags of "b" bold, "i" italic, "u" underline

PORTRAIT_TEXT_CM = 14.0
LANDSCAPE_TEXT_CM = 22.7
_NUMBERLESS_UNITS = {"%", "nilai", "indeks", "predikat", "kategori", "persen"}


class Writer:
    def __init__(self, doc: Document, laporan: Laporan) -> None:
        self.doc = doc
        self.lap = laporan
        self.ident = laporan.identitas
        self.captions = Captions()
        self.landscape = False
        self.table_style_id = doc.styles[styles.ISI_TABEL].style_id

    # -- paragraphs -------------------------------------------------------------------------

    def p(
        self,
        text: str = "",
        style: str | None = None,
        *,
        bold: bool = False,
        italic: bool = False,
        align: str | None = None,
    ) -> Paragraph:
        paragraph = self.doc.add_paragraph(style=style)
        if text:
            run = paragraph.add_run(ooxml.xml_safe(text))
            run.bold = bold or None
            run.italic = italic or None
        if align:
            paragraph.alignment = _ALIGN[align]
        return paragraph

    def parts(
        self, parts: Iterable[Part], style: str | None = None, align: str | None = None
    ) -> Paragraph:
        """A paragraph of runs with their own bold/italic/underline (terbilang in italics)."""
        paragraph = self.doc.add_paragraph(style=style)
        for text, flags in parts:
            run = paragraph.add_run(ooxml.xml_safe(text))
            run.bold = "b" in flags or None
            run.italic = "i" in flags or None
            run.underline = "u" in flags or None
        if align:
            paragraph.alignment = _ALIGN[align]
        return paragraph

    def heading(self, text: str, level: int, *, page_break: bool = False) -> Paragraph:
        paragraph = self.doc.add_paragraph(style=f"Heading {level}")
        lines = ooxml.xml_safe(text).split("\n")
        for i, line in enumerate(lines):
            run = paragraph.add_run(line)
            if i < len(lines) - 1:
                run.add_break()
        if page_break:
            paragraph.paragraph_format.page_break_before = True
        return paragraph

    def page_break(self) -> None:
        self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def items(
        self,
        texts: Sequence[str],
        *,
        numbered: bool = True,
        level: int = 1,
        marker: str | None = None,
    ) -> None:
        """A list written as text with a hanging indent ("1.<tab>..."), independent of the
        base template's numbering definitions."""
        style = styles.BUTIR if level == 1 else styles.BUTIR_2
        for i, text in enumerate(texts, 1):
            sign = marker or (f"{i}." if numbered else "•")
            self.p(f"{sign}\t{text}", style)

    def narasi(self, key: str) -> bool:
        """Render the staff-written rows of one narasi section; False when there are none."""
        rows: list[Narasi] = self.lap.teks(key)
        number = {1: 0, 2: 0}
        for row in rows:
            gaya = (row.gaya or "Paragraf").strip().casefold()
            text = ooxml.xml_safe(row.teks).strip()
            if not text:
                continue
            if gaya == "subjudul":
                self.p(text, styles.SUBJUDUL)
                number = {1: 0, 2: 0}
            elif gaya in ("butir", "butir 2"):
                level = 1 if gaya == "butir" else 2
                if level == 1:
                    number[2] = 0
                number[level] += 1
                self.p(
                    _with_marker(text, number[level], level),
                    styles.BUTIR if level == 1 else styles.BUTIR_2,
                )
            elif gaya == "kutipan":
                self.p(f"“{text.strip(chr(34) + '“”')}”", styles.KUTIPAN)
            else:
                for chunk in text.split("\n\n"):
                    self.p(chunk.strip())
                number = {1: 0, 2: 0}
        return bool(rows)

    # -- tables and figures -----------------------------------------------------------------

    @property
    def text_width(self) -> float:
        return LANDSCAPE_TEXT_CM if self.landscape else PORTRAIT_TEXT_CM

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
    ) -> None:
        """Caption above, the table scaled to the text width, "Sumber: ..." below."""
        if caption:
            self.captions.add(self.doc, TABEL, title)
        else:
            self.p(title, styles.SUBJUDUL, align="center")
        scale = self.text_width / sum(widths)
        tables.add_table(self.doc, header, rows, [w * scale for w in widths], self.table_style_id)
        if note:
            self.p(note, styles.SUMBER)
        if sumber and self.ident.sumber_data:
            self.p(f"Sumber: {self.ident.sumber_data}", styles.SUMBER)
        self.doc.add_paragraph(style=styles.ISI_TABEL)  # air after the table

    def figure(
        self, png: BytesIO, title: str, width_cm: float | None = None, *, note: str = ""
    ) -> None:
        """Picture centred, caption below it (then the note, then "Sumber: ...")."""
        paragraph = self.doc.add_paragraph(style=styles.ISI_TABEL)
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

    # -- values -----------------------------------------------------------------------------

    def rupiah(self, amount: object) -> str:
        return format_rupiah(amount, self.ident.gaya_rupiah or "puebi")

    def rupiah_parts(self, amount: object) -> list[Part]:
        """ "Rp68.269.806.788 (enam puluh delapan miliar ... rupiah)" with the words in italics."""
        if amount is None or is_not_available(amount):
            return [(NA, "")]
        return [(self.rupiah(amount) + " (", ""), (terbilang(amount, rupiah=True), "i"), (")", "")]

    def nilai(self, value: object, satuan: str = "", *, with_unit: bool = True) -> str:
        """A target/realisasi as printed: 92,86% / 82,99 / Sangat Tinggi / N/A."""
        if value is None or (isinstance(value, str) and is_blank(value)):
            return "-"
        if isinstance(value, str):
            return value.strip()
        text = format_angka(value)
        unit = (satuan or "").strip()
        if unit == "%":
            return text + "%"
        if with_unit and unit and unit.casefold() not in _NUMBERLESS_UNITS:
            return f"{text} {unit.lower()}"
        return text

    @staticmethod
    def persen(fraction: object) -> str:
        return format_persen(fraction)

    def predikat_cell(self, kin: KinerjaTahun | None) -> Cell:
        if kin is None or kin.predikat is None:
            return Cell(NA, align="center")
        band = kin.predikat
        return Cell(band.label, align="center", fill=band.colour, bold=True)

    def capaian_cell(self, kin: KinerjaTahun | None) -> Cell:
        if kin is None:
            return Cell(NA, align="center")
        fill = kin.predikat.colour if kin.predikat else None
        return Cell(format_persen(kin.capaian), align="center", fill=fill)

    def tanggal(self) -> str:
        """Signature date: an ISO date becomes "28 Februari 2023"; other text stays as typed."""
        raw = (self.ident.tanggal or "").strip()
        try:
            day = dt.date.fromisoformat(raw[:10])
        except ValueError:
            return raw or str(self.ident.tahun + 1)
        return format_date(day, "d MMMM y", locale="id")

    def tahun_terbit(self) -> int:
        """Year of publication: the year in Identitas 'Tanggal', else report year + 1."""
        match = re.search(r"\b(19|20)\d{2}\b", self.ident.tanggal or "")
        return int(match.group(0)) if match else self.ident.tahun + 1

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
        body = self.doc.element.body
        last = body[-2] if body[-1].tag == qn("w:sectPr") and len(body) > 1 else body[-1]
        if last.tag == qn("w:p"):
            Paragraph(last, self.doc._body).paragraph_format.keep_with_next = True

    # -- indicator helpers ------------------------------------------------------------------

    def kinerja(self, ind: Indikator, tahun: int | None = None) -> KinerjaTahun | None:
        return ind.pada(self.lap.tahun if tahun is None else tahun)

    def measured(self, kin: KinerjaTahun | None) -> bool:
        return kin is not None and kin.capaian != NA

    @staticmethod
    def percent_value(fraction: object) -> float | None:
        """Displayed percent as a float for chart geometry (rules.round_percent), or None."""
        if fraction is None or is_not_available(fraction):
            return None
        return float(rules.round_percent(fraction))  # type: ignore[arg-type]


_ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
}
_MARKER = re.compile(r"^\s*(?:[0-9]+[.)]|[a-zA-Z][.)]|[-•–])\s+")


def _with_marker(text: str, number: int, level: int) -> str:
    """Keep a marker staff typed ("a. ..."); otherwise number level 1 "1." and level 2 "a."."""
    match = _MARKER.match(text)
    if match:
        return match.group(0).strip() + "\t" + text[match.end() :]
    marker = f"{number}." if level == 1 else f"{chr(ord('a') + (number - 1) % 26)}."
    return f"{marker}\t{text}"
