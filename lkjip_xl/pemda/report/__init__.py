"""The Pemda LKjIP (PermenPAN-RB 53/2014 for a Pemerintah Daerah) as a python-docx Document,
built with the OPD report's Writer, styles, tables, captions and charts.

Layout: cover | front matter in roman numbers (Kata Pengantar, Pernyataan Telah Direviu,
Ikhtisar Eksekutif, daftar isi/tabel/gambar) | BAB I-IV and Lampiran in arabic numbers, with
landscape sections for the rekap per OPD, Pengukuran Kinerja and Jejak Data.
"""

from __future__ import annotations

from pathlib import Path

from docx.document import Document

from lkjip_xl.core.findings import Finding
from lkjip_xl.pemda.model import Konsolidasi
from lkjip_xl.pemda.report import bab1, bab2, bab3, bab4, front, lampiran
from lkjip_xl.report import ooxml, package, styles
from lkjip_xl.report.sections import catatan as catatan_section
from lkjip_xl.report.sections import lampiran as opd_lampiran
from lkjip_xl.report.sections import lists
from lkjip_xl.report.writer import Writer

__all__ = ["build_document"]


def build_document(
    kons: Konsolidasi, *, gaya: Path | None = None, catatan: list[Finding] | None = None
) -> Document:
    """The complete Pemda LKjIP (not saved); `kons` must have no blocking findings."""
    doc, house = styles.base_document(gaya)
    styles.prepare(doc, house)
    package.set_compatibility(doc)
    package.set_properties(doc, kons.laporan)
    _properties(doc, kons)
    w = Writer(doc, kons.laporan)
    ooxml.set_page_numbering(doc.sections[0], "lowerRoman", 1)
    front.cover(w, kons)
    w.new_section(landscape=False, fmt="lowerRoman", start=1)
    w.empty_footer(0)
    w.footer_page_number(1)
    front.kata_pengantar(w, kons)
    front.pernyataan_reviu(w, kons)
    front.ikhtisar(w, kons)
    lists.daftar(w)
    opd_lampiran.daftar_lampiran(w, lampiran.judul(kons))
    w.new_section(landscape=False, fmt="decimal", start=1)
    bab1.write(w, kons)
    bab2.write(w, kons)
    bab3.write(w, kons)
    bab4.write(w, kons)
    lampiran.write(w, kons)
    if catatan:
        catatan_section.write(w, list(catatan))
    w.finish()
    return doc


def _properties(doc: Document, kons: Konsolidasi) -> None:
    ident = kons.pemda.identitas
    props = doc.core_properties
    props.title = f"Laporan Kinerja Instansi Pemerintah (LKjIP) {ident.nama} Tahun {ident.tahun}"
    props.subject = "LKjIP Pemerintah Daerah (SAKIP, PermenPAN-RB 53/2014)"
    props.author = ident.nama
    props.keywords = f"LKjIP; SAKIP; Pemda; {ident.tahun}"
    props.language = "id-ID"
    props.comments = "Dibuat dengan lkjip-xl dari buku kerja Pemda dan buku kerja perangkat daerah"
    props.last_modified_by = ident.nama
    props.revision = 1
