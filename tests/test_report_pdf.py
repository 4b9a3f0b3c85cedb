"""PDF through LibreOffice with fields refreshed: a filled Daftar Isi / Daftar Tabel, and the
same layout's page numbers written into the .docx lists."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from lkjip_xl.readers.to_model import build_model
from lkjip_xl.readers.yaml_source import read_yaml_tables
from lkjip_xl.report import build_document, convert_to_pdf, lay_out, save_document
from lkjip_xl.report.pdf import PdfError, available
from lkjip_xl.report.toc import toc_fields

REASON = available() or (None if shutil.which("pdftotext") else "pdftotext tidak ada")
needs_lo = pytest.mark.skipif(REASON is not None, reason=f"LibreOffice/uno: {REASON}")


@pytest.fixture(scope="module")
def laid_out(tmp_path_factory):
    lap, findings = build_model(read_yaml_tables())
    assert lap is not None, findings
    folder = tmp_path_factory.mktemp("pdf")
    docx = save_document(build_document(lap), folder / "LKjIP_2022.docx")
    pdf = lay_out(docx, folder / "LKjIP_2022.pdf")
    assert pdf == folder / "LKjIP_2022.pdf" and pdf.stat().st_size > 50_000
    assert sorted(p.name for p in folder.iterdir()) == ["LKjIP_2022.docx", "LKjIP_2022.pdf"]
    out = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, check=True, text=True
    )
    return docx, out.stdout


@pytest.fixture(scope="module")
def pdf_text(laid_out):
    return laid_out[1]


@needs_lo
def test_daftar_isi_filled_with_page_numbers(pdf_text):
    assert "Klik kanan lalu pilih Update Field" not in pdf_text
    assert re.search(r"KATA PENGANTAR\s*\.{3,}\s*i\b", pdf_text)
    assert re.search(r"BAB I PENDAHULUAN\s*\.{3,}\s*1\b", pdf_text)
    assert re.search(r"1\.1 Latar Belakang\s*\.{3,}\s*1\b", pdf_text)
    assert re.search(r"BAB III AKUNTABILITAS KINERJA\s*\.{3,}\s*\d+", pdf_text)


@needs_lo
def test_daftar_tabel_and_gambar_filled(pdf_text):
    for label in ("Tabel 1.1", "Tabel 2.1", "Tabel 3.4", "Tabel 3.10", "Gambar 3.1"):
        assert re.search(re.escape(label) + r" [^\n]*", pdf_text), label
    assert re.search(
        r"Tabel 3\.3 Capaian Realisasi Indikator Kinerja Utama Tahun 2022\s*\.{3,}"
        r"\s*\d+",
        pdf_text,
    )
    # roman page numbers in the front matter, arabic in the body
    assert re.search(r"\n\s+iii\s*\n", pdf_text)


def _docx_pages(docx):
    """(entry text, page number written in the .docx) of every list entry."""
    from docx import Document
    from docx.oxml.ns import qn

    body = Document(str(docx)).element.body
    pages = {}
    for link in body.iter(qn("w:hyperlink")):
        runs = list(link.iter(qn("w:r")))
        sep = [i for i, r in enumerate(runs) if r.find(qn("w:fldChar")) is not None]
        result = runs[sep[1] + 1].find(qn("w:t")) if len(sep) >= 2 else None
        pages[link.get(qn("w:anchor"))] = (result.text or "") if result is not None else ""
    return [(text, pages[b]) for _, entries in toc_fields(body) for b, text in entries]


@needs_lo
def test_docx_lists_carry_the_page_numbers_of_the_layout(laid_out):
    docx, text = laid_out
    entries = _docx_pages(docx)
    assert len(entries) > 50
    missing = [t for t, page in entries if not page]
    assert not missing, missing[:5]
    flat = " ".join(text.split())
    for title, page in entries:
        if title.startswith(("BAB ", "Tabel 3.", "Gambar", "KATA")):
            leader = re.escape(title) + r"[\s.]*\.[\s.]*" + re.escape(page) + r"\b"
            assert re.search(leader, flat), (title, page)


def test_without_libreoffice_the_docx_keeps_entries_without_numbers(tmp_path, monkeypatch):
    lap, _ = build_model(read_yaml_tables())
    docx = save_document(build_document(lap), tmp_path / "a.docx")
    monkeypatch.setenv("LKJIP_SOFFICE", "/tidak/ada/soffice")
    assert lay_out(docx) is None
    entries = _docx_pages(docx)
    assert entries and all(page == "" for _, page in entries)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.docx"]


@needs_lo
def test_values_survive_rendering(pdf_text):
    for value in ("107,69%", "71,25%", "675,00%", "102,46%", "95,11%", "10,34"):  # efisiensi: poin
        assert value in pdf_text


def test_missing_libreoffice_gives_install_hint(tmp_path, monkeypatch):
    docx = tmp_path / "a.docx"
    docx.write_bytes(b"PK")
    monkeypatch.setenv("LKJIP_SOFFICE", "/tidak/ada/soffice")
    with pytest.raises(PdfError) as info:
        convert_to_pdf(docx, tmp_path / "a.pdf")
    assert "apt-get install libreoffice-writer-nogui python3-uno" in info.value.message
    assert "F9" in info.value.message
    assert not (tmp_path / "a.pdf").exists()
