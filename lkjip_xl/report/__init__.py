"""The LKjIP Word report: build_document(laporan) -> python-docx Document, save_document,
convert_to_pdf (LibreOffice, fields refreshed), OutputError and free_name.

Layout (sections): cover (no number) | front matter, roman i.. | BAB I.. arabic from 1, with
landscape sections for Tabel 2.1 and Tabel 3.4 continuing the numbering.
"""

from __future__ import annotations

from pathlib import Path

from docx.document import Document

from lkjip_xl.core.findings import Finding
from lkjip_xl.core.model import Laporan
from lkjip_xl.report import ooxml, styles
from lkjip_xl.report.output import OutputError, free_name, save_document
from lkjip_xl.report.sections import bab1, bab2, bab3, bab4, front, lampiran, lists
from lkjip_xl.report.sections import catatan as catatan_section
from lkjip_xl.report.writer import Writer

__all__ = ["OutputError", "build_document", "convert_to_pdf", "free_name", "save_document"]


def build_document(
    laporan: Laporan, *, gaya: Path | None = None, catatan: list[Finding] | None = None
) -> Document:
    """The complete LKjIP as a python-docx Document (not saved)."""
    doc, house = styles.base_document(gaya)
    styles.prepare(doc, house)
    _properties(doc, laporan)
    w = Writer(doc, laporan)
    # Section 1: cover, lowerRoman from 1 but with an empty footer (no number shown).
    ooxml.set_page_numbering(doc.sections[0], "lowerRoman", 1)
    front.cover(w)
    # Section 2: front matter, roman numbers from i.
    w.new_section(landscape=False, fmt="lowerRoman", start=1)
    w.empty_footer(0)
    w.footer_page_number(1)
    front.kata_pengantar(w)
    front.pernyataan_reviu(w)
    front.ikhtisar(w)
    lists.daftar(w)
    lampiran.daftar_lampiran(w)
    # Section 3: BAB I, arabic from 1; later sections continue (no start).
    w.new_section(landscape=False, fmt="decimal", start=1)
    bab1.write(w)
    bab2.write(w)
    bab3.write(w)
    bab4.write(w)
    lampiran.write(w)
    if catatan:
        catatan_section.write(w, list(catatan))
    return doc


def _properties(doc: Document, laporan: Laporan) -> None:
    ident = laporan.identitas
    props = doc.core_properties
    props.title = (
        f"Laporan Kinerja Instansi Pemerintah (LKjIP) {ident.nama_instansi} Tahun {ident.tahun}"
    )
    props.subject = "LKjIP (SAKIP, PermenPAN-RB 53/2014)"
    props.author = ident.nama_instansi
    props.keywords = f"LKjIP; SAKIP; {ident.tahun}"
    props.language = "id-ID"
    props.comments = "Dibuat dengan lkjip-xl"
    props.last_modified_by = ident.nama_instansi
    props.revision = 1


def convert_to_pdf(docx_path: str | Path, pdf_path: str | Path | None = None) -> Path:
    """PDF through LibreOffice with fields and indexes refreshed (see report.pdf)."""
    from lkjip_xl.report.pdf import convert_to_pdf as _convert

    return _convert(docx_path, pdf_path)
