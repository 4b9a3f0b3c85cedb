"""Helpers the Pemda report sections share: the signer, coloured capaian cells, IKU lookups.

Every number is formatted by pemda.format (the same functions Jejak Data uses)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from lkjip_xl.core import rules
from lkjip_xl.core.model import Indikator, KinerjaTahun
from lkjip_xl.core.numbers import bilangan_dengan_kata
from lkjip_xl.core.scales import Band, band_scale
from lkjip_xl.core.values import NA
from lkjip_xl.pemda import format as fmt
from lkjip_xl.pemda.model import Konsolidasi
from lkjip_xl.pemda.report import charts as pemda_charts
from lkjip_xl.report import charts
from lkjip_xl.report.tables import Cell
from lkjip_xl.report.writer import Writer

#: Bars of one capaian chart at most (a taller chart no longer fits an A4 page).
BARS_PER_CHART = 18


def list_items(w: Writer, texts: list[str], *, numbered: bool = True) -> None:
    """Items ending in ";" and the last in "." (PUEBI style for lists inside a sentence)."""
    texts = [t.rstrip(" ;.") for t in texts]
    w.items([t + (";" if i < len(texts) - 1 else ".") for i, t in enumerate(texts)],
            numbered=numbered)  # fmt: skip


def introduces(text: str) -> bool:
    """Whether a paragraph ends by introducing what follows ("... sebagai berikut:",
    "... disajikan pada tabel berikut.")."""
    t = (text or "").strip().casefold()
    return t.endswith(":") or t.endswith("berikut.")


def narasi_introduces(w: Writer, key: str) -> bool:
    """Whether the staff narrative of `key` ends with a paragraph introducing the table."""
    rows = [n for n in w.lap.teks(key) if (n.teks or "").strip()]
    return bool(rows) and introduces(rows[-1].teks)


def narasi_and_lead_in(w: Writer, key: str, lead_in: str, context: str = "") -> None:
    """The staff narrative of `key` and the generated sentence introducing the next table,
    once: when the narrative already ends introducing it, the generated lead-in is left out
    and the generated `context` (facts, not an introduction) goes before the narrative."""
    if narasi_introduces(w, key):
        if context:
            w.p(context)
        w.narasi(key)
        return
    w.narasi(key)
    w.p(f"{context} {lead_in}".strip())


def keep_rows_with_next(w: Writer, rows: Iterable[int]) -> None:
    """Keep-with-next on every paragraph of the given rows (w:tr indexes, header rows
    included) of the table written last: a group heading row stays with its first row, a
    table's last row with the closing paragraph after it. (Writer.table keeps rows together
    only by its own plan.)"""
    body = w.doc.element.body
    tbl = next((el for el in reversed(body) if el.tag == qn("w:tbl")), None)
    if tbl is None:
        return
    trs = tbl.findall(qn("w:tr"))
    paragraphs = []
    for i in rows:
        if -len(trs) <= i < len(trs):
            paragraphs += trs[i].iter(qn("w:p"))
            if i in (-1, len(trs) - 1):  # and the spacing paragraph Writer.table adds after
                paragraphs += [el for el in tbl.itersiblings() if el.tag == qn("w:p")]
    for p in paragraphs:
        Paragraph(p, None).paragraph_format.keep_with_next = True  # type: ignore[arg-type]


def cakupan_anggaran(kons: Konsolidasi, *, kapital: bool = False) -> str:
    """Whose budget a total is: the OPDs consolidated in this report, not the whole APBD (the
    report holds only the perangkat daerah whose LKjIP it consolidates)."""
    n = sum(1 for r in kons.rekap if not r.excluded and r.anggaran is not None)
    text = (
        f"anggaran {bilangan_dengan_kata(n)} perangkat daerah yang dihimpun dalam laporan ini "
        f"(bukan keseluruhan APBD {kons.pemda.identitas.nama})"
    )
    return text[0].upper() + text[1:] if kapital else text


def sign(w: Writer) -> None:
    """Writer.signature(), then an empty paragraph: without a pangkat and NIP (a kepala daerah)
    the block's last line keeps with the next paragraph, which would drag the block onto the
    next page when a new section follows."""
    w.signature()
    w.p("")


@contextmanager
def signer(w: Writer, kons: Konsolidasi, who: str) -> Iterator[None]:
    """Writer.signature() signs with w.ident: swap in the Sekda or the APIP for a while."""
    saved = w.ident
    w.ident = kons.pemda.identitas.as_identitas(who)
    try:
        yield
    finally:
        w.ident = saved


def band(capaian: object, w: Writer) -> Band | None:
    return None if capaian == NA else rules.predikat(capaian, w.ident.skala_predikat)


def cap_cell(capaian: object, w: Writer, *, bold: bool = False) -> Cell:
    b = band(capaian, w)
    return Cell(fmt.persen(capaian), align="center", fill=b.colour if b else None, bold=bold)


def pred_cell(capaian: object, w: Writer, *, bold: bool = True) -> Cell:
    b = band(capaian, w)
    if b is None:
        return Cell(NA, align="center")
    return Cell(b.label, align="center", fill=b.colour, bold=bold)


def target(ind: Indikator, kin: KinerjaTahun | None, *, with_unit: bool = True) -> str:
    """The year's target; `with_unit=False` in a table with a Satuan column."""
    return fmt.nilai(
        kin.target if kin else None,
        ind.satuan,
        kin.batas_atas if kin else None,
        with_unit=with_unit,
    )


def realisasi(ind: Indikator, kin: KinerjaTahun | None, *, with_unit: bool = True) -> str:
    return fmt.nilai(kin.realisasi if kin else None, ind.satuan, with_unit=with_unit)


def satuan_cell(ind: Indikator) -> Cell:
    return Cell(ind.satuan or "-", align="center")


def legend(w: Writer) -> list[tuple[str, str]]:
    """Every predikat of the scale, then N/A (pemda.report.charts shows those that occur)."""
    return [(b.label, b.colour) for b in band_scale(w.ident.skala_predikat).bands] + [
        (NA, charts.NA_COLOUR)
    ]


def capaian_charts(w: Writer, bars: list[charts.Bar], title: str) -> None:
    """One chart, or several of at most BARS_PER_CHART bars each (titles say which part)."""
    if not bars:
        return
    parts = -(-len(bars) // BARS_PER_CHART)
    size = -(-len(bars) // parts)
    for i in range(parts):
        chunk = bars[i * size : (i + 1) * size]
        name = title if parts == 1 else f"{title} ({i * size + 1}–{i * size + len(chunk)})"
        w.figure(pemda_charts.capaian_bars(chunk, legend(w)), name, pemda_charts.WIDTH_CM)
