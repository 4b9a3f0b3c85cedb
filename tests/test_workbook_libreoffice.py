"""LibreOffice (headless) opens both workbooks and renders them to PDF with the cached values."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from lkjip_xl.workbook import EXAMPLE_PATH, TEMPLATE_PATH
from lkjip_xl.workbook.petunjuk import LINES

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PDFTOTEXT = shutil.which("pdftotext")

pytestmark = pytest.mark.skipif(
    SOFFICE is None or PDFTOTEXT is None,
    reason="LibreOffice (soffice) and poppler-utils (pdftotext) are needed to render the workbooks",
)


def _render(path, tmp_path) -> str:
    profile = tmp_path / "profile"
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(path)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    pdf = tmp_path / (path.stem + ".pdf")
    assert pdf.exists() and pdf.stat().st_size > 10_000
    out = subprocess.run(
        [PDFTOTEXT, "-layout", str(pdf), "-"], check=True, capture_output=True, timeout=60
    )
    return out.stdout.decode("utf-8", "replace")


def _in_petunjuk(error: str) -> int:
    """The Petunjuk sheet tells LibreOffice users what these error values mean."""
    return sum(text.count(error) for _style, text in LINES)


def test_example_renders_with_computed_values(tmp_path):
    text = _render(EXAMPLE_PATH, tmp_path)
    assert "Petunjuk Pengisian Buku Kerja LKjIP" in text
    assert "Hasil Perhitungan" in text
    for shown in ("71.25%", "107.69%", "675.00%", "97.35%", "Rp68,269,806,788"):
        assert shown in text or shown.replace(".", ",") in text, shown
    for error in ("#VALUE!", "#NAME?", "Err:", "#N/A"):
        assert text.count(error) == _in_petunjuk(error), error  # only where Petunjuk names it


def test_template_renders(tmp_path):
    text = _render(TEMPLATE_PATH, tmp_path)
    assert "Hasil Perhitungan" in text and "Tahun Laporan" in text
    for error in ("#VALUE!", "#NAME?", "Err:"):
        assert text.count(error) == _in_petunjuk(error), error
