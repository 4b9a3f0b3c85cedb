"""The example Pemda report through LibreOffice: it renders, the lists are filled, and every
chapter, the rekap and Jejak Data are where a reviewer looks for them."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from lkjip_xl.pemda.pipeline import load_pemda_file, write_report
from lkjip_xl.pemda.workbook import EXAMPLE_PATH
from lkjip_xl.report.pdf import available

REASON = available() or (None if shutil.which("pdftotext") else "pdftotext tidak ada")
pytestmark = pytest.mark.skipif(REASON is not None, reason=f"LibreOffice/uno: {REASON}")


@pytest.fixture(scope="module")
def pdf_text(tmp_path_factory):
    loaded = load_pemda_file(EXAMPLE_PATH, mode="serial")
    folder = tmp_path_factory.mktemp("pemda_pdf")
    written = write_report(loaded, folder / "LKjIP_Pemda.docx", pdf=True)
    out = subprocess.run(
        ["pdftotext", "-layout", str(written[1]), "-"], capture_output=True, check=True, text=True
    )
    return out.stdout


def test_lists_are_filled_and_chapters_in_order(pdf_text):
    assert "Klik kanan lalu pilih Update Field" not in pdf_text
    assert re.search(r"PERNYATAAN TELAH DIREVIU\s*\.{3,}\s*ii\b", pdf_text)
    order = [
        "IKHTISAR EKSEKUTIF",
        "3.3 Analisis Capaian Kinerja per Sasaran RPJMD",
        "3.4 Rekap Capaian Kinerja Perangkat Daerah",
        "3.5 Realisasi Anggaran",
        "Lampiran 3. Jejak Data",
    ]
    body = pdf_text[pdf_text.index("DAFTAR GAMBAR") :]
    body = body[body.index("BAB I") :]
    positions = [body.find(title) for title in order[1:]]
    assert all(p > 0 for p in positions) and positions == sorted(positions)


def test_rekap_and_jejak_data_are_printed(pdf_text):
    assert "Tabel 3.15 Rekap Capaian Kinerja Perangkat Daerah Tahun 2022 (menurut" in pdf_text
    assert "Gambar 3.2 Peringkat Capaian Kinerja Perangkat Daerah Tahun 2022" in pdf_text
    # the Asal column may wrap between the sheet and the table name
    assert re.search(r"DISDUKCAPIL 'Realisasi'\s+(?:\S.*\n\s*)?tblRealisasi\[Realisasi\]", pdf_text)
    assert "SEKRETARIS DAERAH KOTA CONTOH" in pdf_text
