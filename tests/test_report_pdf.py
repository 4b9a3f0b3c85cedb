"""PDF through LibreOffice with fields refreshed: a filled Daftar Isi / Daftar Tabel."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from lkjip_xl.readers.to_model import build_model
from lkjip_xl.readers.yaml_source import read_yaml_tables
from lkjip_xl.report import build_document, convert_to_pdf, save_document
from lkjip_xl.report.pdf import PdfError, available

REASON = available() or (None if shutil.which("pdftotext") else "pdftotext tidak ada")
needs_lo = pytest.mark.skipif(REASON is not None, reason=f"LibreOffice/uno: {REASON}")


@pytest.fixture(scope="module")
def pdf_text(tmp_path_factory):
    lap, findings = build_model(read_yaml_tables())
    assert lap is not None, findings
    folder = tmp_path_factory.mktemp("pdf")
    docx = save_document(build_document(lap), folder / "LKjIP_2022.docx")
    pdf = convert_to_pdf(docx)
    assert pdf == folder / "LKjIP_2022.pdf" and pdf.stat().st_size > 50_000
    assert sorted(p.name for p in folder.iterdir()) == ["LKjIP_2022.docx", "LKjIP_2022.pdf"]
    out = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, check=True, text=True
    )
    return out.stdout


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


@needs_lo
def test_values_survive_rendering(pdf_text):
    for value in ("107,69%", "71,25%", "675,00%", "102,46%", "95,11%", "10,34%"):
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
