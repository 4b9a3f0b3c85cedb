"""Text helpers shared by the section modules: values as printed, lead-ins, sentences and the
two-party signature block.

How generated text and the staff's narrative combine (docs/teks-laporan.md, "Satu sumber untuk
setiap pernyataan"):

- the generator states every figure and every comparison (target, realisasi, capaian, predikat,
  previous years, Renstra end target, national standard, budget, efisiensi), once, in the
  section that analyses it (BAB III 3.3 per sasaran); summaries (Ikhtisar, 3.2, BAB IV) say the
  same results in their own, shorter words and never copy a sentence of the analysis;
- the staff's narrative (tblNarasi) gives what no table holds: context, causes of success or
  failure, efforts, supporting programs, planned improvements. It is printed after the
  generated figures it explains, under a label that says which of the seven analyses of
  PermenPAN-RB 53/2014 it answers, and must not restate a generated figure;
- every table and figure is introduced by a generated sentence that names it by number, right
  before it; narrative text never points at a table ("di atas", "di bawah"). When the staff's
  last paragraph already introduces what follows ("... sebagai berikut:"), the generated
  lead-in is left out rather than said twice (`sudah_diantar`).
"""

from __future__ import annotations

import re
import struct
from collections.abc import Sequence
from dataclasses import dataclass
from io import BytesIO

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt
from docx.text.paragraph import Paragraph

from lkjip_xl.core import rules
from lkjip_xl.core.model import Indikator, KinerjaTahun
from lkjip_xl.core.numbers import format_nilai, format_persen, format_target
from lkjip_xl.core.scales import Band
from lkjip_xl.core.values import NA, InvalidValue
from lkjip_xl.report import styles, textmetrics
from lkjip_xl.report.captions import TABEL
from lkjip_xl.report.signature import fit_indent
from lkjip_xl.report.tables import Cell
from lkjip_xl.report.writer import Writer

#: Dotted line printed where a name, NIP or date must be filled in by hand.
GARIS_ISIAN = "…………………………………"


def nilai(value: object, satuan: str, *, with_unit: bool = True) -> str:
    return format_nilai(value, satuan, with_unit=with_unit)


def target(kin: KinerjaTahun | None, ind: Indikator, *, with_unit: bool = True) -> str:
    """The target as printed everywhere (a range as "60–85%")."""
    if kin is None:
        return "-"
    return format_target(kin.target, kin.batas_atas, ind.satuan, with_unit=with_unit)


def realisasi(kin: KinerjaTahun | None, ind: Indikator) -> str:
    return nilai(kin.realisasi if kin else None, ind.satuan)


def capaian_tercetak(kin: KinerjaTahun | None, tahun_laporan: int) -> float | str:
    """The capaian a year shows: for past years the one published then, when staff typed it
    (history as published); otherwise the recomputed one."""
    if kin is None:
        return NA
    if kin.tahun < tahun_laporan and kin.capaian_dilaporkan is not None:
        return kin.capaian_dilaporkan
    return kin.capaian


def dilaporkan(kin: KinerjaTahun | None, tahun_laporan: int) -> bool:
    return kin is not None and kin.tahun < tahun_laporan and kin.capaian_dilaporkan is not None


def predikat_of(w: Writer, capaian: object) -> Band | None:
    try:
        return rules.predikat(capaian, w.ident.skala_predikat)
    except InvalidValue:
        return None


def capaian_cell(w: Writer, capaian: object, *, bold: bool = False) -> Cell:
    band = predikat_of(w, capaian)
    return Cell(
        format_persen(capaian), align="center", fill=band.colour if band else None, bold=bold
    )


def predikat_cell(w: Writer, capaian: object) -> Cell:
    band = predikat_of(w, capaian)
    if band is None:
        return Cell(NA, align="center")
    return Cell(band.label, align="center", fill=band.colour, bold=True)


def kalimat(text: str) -> str:
    """Free text typed by staff as a sentence of its own: capital first letter, full stop."""
    text = " ".join(text.split()).rstrip(" ;,:")
    if not text:
        return ""
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."


def awal_kecil(text: str) -> str:
    """A title used mid-sentence: "Mutu pelayanan IKM" -> "mutu pelayanan IKM"; an acronym
    ("IKM ...") or a one-letter word keeps its case."""
    first = text.split(" ", 1)[0]
    if len(first) > 1 and first[0].isupper() and first[1:].islower():
        return text[0].lower() + text[1:]
    return text


def akhiri_butir(items: list[str]) -> list[str]:
    """List items punctuated as one sentence: ";" after each, "." after the last."""
    cleaned = [i.strip().rstrip(";.") for i in items]
    return [i + ";" for i in cleaned[:-1]] + [i + "." for i in cleaned[-1:]]


def daftar(items: list[str]) -> str:
    """ "a", "a dan b", "a, b, dan c" (KBBI: serial comma before "dan" with three or more)."""
    if len(items) <= 2:
        return " dan ".join(items)
    return ", ".join(items[:-1]) + ", dan " + items[-1]


#: Up to this many names a generated sentence lists inline; more become a Word list (a
#: sentence naming 25 indicators runs over a page and cannot be read).
DAFTAR_MAKS = 5


def sebutkan(w: Writer, awal: str, items: list[str], akhir: str = ".") -> None:
    """`awal` followed by the items: inline ("..., yaitu a, b, dan c.") up to DAFTAR_MAKS,
    else `awal` + ":" and a bulleted Word list punctuated as one sentence."""
    if len(items) <= DAFTAR_MAKS:
        w.p(f"{awal} {daftar(items)}{akhir}")
        return
    w.p(f"{awal}:").paragraph_format.keep_with_next = True
    w.items(akhiri_butir(items), numbered=False)


#: A paragraph that ends by introducing what follows: ":", "... berikut." (also "sebagai
#: berikut."), "... tabel/gambar berikut".
_MENGANTAR = re.compile(
    r"(?::|\bberikut\.|\b(?:tabel|gambar|bagan|grafik)\s+berikut[.:]?)[\s\"”']*$", re.IGNORECASE
)


def mengantar(text: str) -> bool:
    """Whether a paragraph already introduces the table, figure or list that follows."""
    return bool(_MENGANTAR.search(text.strip()))


def sudah_diantar(w: Writer) -> bool:
    """True when the last paragraph written (typically the staff's narrative) already ends by
    introducing what follows; that paragraph is then kept with the table on its page. The one
    test every generated lead-in goes through, so no table is introduced twice."""
    body = w.doc.element.body
    children = [el for el in body if el.tag != qn("w:sectPr")]
    if not children or children[-1].tag != qn("w:p"):
        return False
    last = Paragraph(children[-1], w.doc._body)
    if not mengantar(last.text):
        return False
    last.paragraph_format.keep_with_next = True
    return True


def pengantar(w: Writer, text: str, kind: str = TABEL) -> Paragraph | None:
    """The sentence right before a table or figure that names it by number: `text` holds
    "{label}", which becomes "Tabel 3.3" (the number the next caption of that kind gets).
    Nothing when the paragraph before already introduces it (`sudah_diantar`)."""
    if sudah_diantar(w):
        return None
    paragraph = w.p(text.replace("{label}", w.captions.label(kind)))
    paragraph.paragraph_format.keep_with_next = True
    return paragraph


#: Height a figure may take with its lead-in, caption and source line on the same page (cm).
FIGURE_MAX_HEIGHT_CM = {False: 18.5, True: 10.5}  # portrait, landscape


def lebar_gambar(w: Writer, png: BytesIO, width_cm: float = 15.0) -> float:
    """Width for a chart so that the picture, its lead-in, caption and source fit one page:
    the PNG's own aspect ratio (from its header) caps the width on landscape pages."""
    header = png.getvalue()[16:24]
    px_w, px_h = struct.unpack(">II", header) if len(header) == 8 else (1, 0)
    width = min(w.text_width, width_cm)
    if px_w and px_h:
        width = min(width, FIGURE_MAX_HEIGHT_CM[w.landscape] * px_w / px_h)
    return width


def label_paragraf(w: Writer, label: str) -> Paragraph:
    """A short bold label above staff narrative ("Penyebab keberhasilan ... :")."""
    paragraph = w.parts([(label, "b")])
    paragraph.paragraph_format.keep_with_next = True
    return paragraph


@dataclass(frozen=True)
class Penanda:
    """One signing party: the role line ("PIHAK KEDUA,"), jabatan, name, rank, NIP."""

    peran: str
    jabatan: str
    nama: str
    pangkat: str = ""
    nip: str = ""
    tampilkan_nip: bool = True


def _lines(p: Penanda) -> list[tuple[str, str]]:
    lines: list[tuple[str, str]] = []
    if p.peran:
        lines.append((p.peran, ""))
    for line in (p.jabatan or GARIS_ISIAN).split("\n"):
        lines.append((line.strip(), "b"))
    lines += [("", ""), ("", ""), ("", "")]
    lines.append((p.nama or GARIS_ISIAN, "bu" if p.nama else ""))
    if p.pangkat:
        lines.append((p.pangkat, ""))
    if p.tampilkan_nip:
        lines.append((f"NIP. {p.nip}" if p.nip else f"NIP. {GARIS_ISIAN}", ""))
    return lines


_NO_BORDERS = (
    f"<w:tblBorders {nsdecls('w')}>"
    + "".join(
        f'<w:{side} w:val="nil"/>'
        for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    + "</w:tblBorders>"
)


def _keep_previous_with_next(w: Writer) -> None:
    """A signature block takes the paragraph before it to its page (never alone on a page)."""
    body = w.doc.element.body
    children = [el for el in body if el.tag != qn("w:sectPr")]
    if children and children[-1].tag == qn("w:p"):
        Paragraph(children[-1], w.doc._body).paragraph_format.keep_with_next = True


def tanda_tangan_tunggal(w: Writer, tempat_tanggal: str, penanda: Penanda) -> None:
    """One signing party in the right half of the page, as Writer.signature lays it out, for
    someone other than the report's signer (the APIP reviewer)."""
    _keep_previous_with_next(w)
    lines = [(tempat_tanggal, ""), *_lines(penanda)]
    block = []
    for i, (text, flags) in enumerate(lines):
        paragraph = w.parts([(text, flags)], styles.TANDA_TANGAN)
        block.append(paragraph)
        if i == 0:
            paragraph.paragraph_format.space_before = Pt(18)
        if i < len(lines) - 1:
            paragraph.paragraph_format.keep_with_next = True
    fit_indent(block, w.text_width)


_CELL_PAD_CM = 0.45  # left and right cell margins of the table style, with some air
_MIN_PARTY_CM = 4.0  # the other party keeps at least this (its jabatan may wrap)


def _column_widths(columns: Sequence[Sequence[tuple[str, str]]], total: float) -> list[float]:
    """Halves of the text width, unless a party's longest line (a name with its degrees) needs
    more: then that column takes what it needs and the other the rest, so no name breaks."""
    need = [  # lines that must not wrap: the name (underlined) and the NIP; a jabatan may
        max(
            (
                textmetrics.width_cm(text, styles.BODY_PT, bold="b" in flags) + _CELL_PAD_CM
                for text, flags in lines
                if "u" in flags or text.startswith("NIP")
            ),
            default=0.0,
        )
        for lines in columns
    ]
    half = total / 2
    if all(n <= half for n in need):
        return [half, half]
    wide = 0 if need[0] >= need[1] else 1
    widths = [0.0, 0.0]
    widths[wide] = min(need[wide], total - max(need[1 - wide], _MIN_PARTY_CM))
    widths[wide] = max(widths[wide], half)
    widths[1 - wide] = total - widths[wide]
    return widths


def _garis(width_cm: float, garis: str) -> str:
    """The dotted fill-in line, shortened to `width_cm` (it must not wrap onto a second line)."""
    dot = textmetrics.width_cm("…", styles.BODY_PT)
    return "…" * max(3, min(len(garis), int(width_cm / dot)))


def tanda_tangan(w: Writer, tempat_tanggal: str, kiri: Penanda | None, kanan: Penanda) -> None:
    """Signature block: place and date above the right column; with `kiri`, two parties side
    by side in a borderless table that never splits across pages (Perjanjian Kinerja: Pihak
    Kedua on the left, Pihak Pertama on the right, as the PermenPAN-RB 53/2014 form has it).

    A small helper here rather than a Writer method: only these pages need two columns.
    """
    _keep_previous_with_next(w)
    left = _lines(kiri) if kiri else []
    right = [(tempat_tanggal, ""), *_lines(kanan)]
    if kiri:
        left = [("", ""), *left]
    rows = max(len(left), len(right))
    table = w.doc.add_table(rows=rows, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    tbl_pr = table._tbl.tblPr
    tbl_pr.append(parse_xml(_NO_BORDERS))
    widths = _column_widths((left, right), w.text_width)
    for col, lines in enumerate((left, right)):
        table.columns[col].width = Cm(widths[col])
        for row in range(rows):
            cell = table.cell(row, col)
            cell.width = Cm(widths[col])
            text, flags = lines[row] if row < len(lines) else ("", "")
            if text and not text.strip("…"):  # a line to fill in: as long as the column allows
                text = _garis(widths[col] - _CELL_PAD_CM, text)
            paragraph = cell.paragraphs[0]
            paragraph.style = w.doc.styles[styles.ISI_TABEL]
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            # rows kept together; the last row not kept with what follows (LibreOffice would
            # then push the whole block to the next page after a page break)
            paragraph.paragraph_format.keep_with_next = row < rows - 1
            paragraph.paragraph_format.space_after = Pt(0)
            if text:
                run = paragraph.add_run(text)
                run.bold = "b" in flags or None
                run.underline = "u" in flags or None
                run.font.size = Pt(styles.BODY_PT)
    for i, tr in enumerate(table._tbl.tr_lst):
        tr_pr = tr.get_or_add_trPr()
        tr_pr.append(parse_xml(f"<w:cantSplit {nsdecls('w')}/>"))
        if i == 0:  # like every table of the report (a one-page block never repeats it)
            tr_pr.append(parse_xml(f"<w:tblHeader {nsdecls('w')}/>"))


def tanggal_dalam_tahun(tanggal: str, kota: str, tahun: int) -> str:
    """ "Kota Contoh, 3 Januari 2022" from an ISO date or typed text; without one, a line to fill
    in the given year ("Kota Contoh, ………… 2022")."""
    import datetime as dt

    from babel.dates import format_date

    raw = (tanggal or "").strip()
    text = ""
    if raw:
        try:
            text = format_date(dt.date.fromisoformat(raw[:10]), "d MMMM y", locale="id")
        except ValueError:
            text = raw
    if not text or text == str(tahun):
        text = f"……………… {tahun}"
    return ", ".join(x for x in (kota, text) if x)


def has_text(w: Writer, key: str) -> bool:
    return any((n.teks or "").strip() for n in w.lap.teks(key))
