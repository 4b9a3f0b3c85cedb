"""One path from workbook to report, shared by the CLI and the Excel button.

read tables -> model (core rules) -> checks -> document -> atomic save (-> PDF).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lkjip_xl.core.findings import Finding, Severity, WorkbookError
from lkjip_xl.core.model import Laporan
from lkjip_xl.readers.tables import Workbook
from lkjip_xl.readers.to_model import build_model

EXAMPLE_NAME = "LKjIP_Setda_Kota_Jambi_2022.xlsm"

Progress = Callable[[str], None]


@dataclass
class Loaded:
    book: Workbook | None
    laporan: Laporan | None
    findings: list[Finding]

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity is Severity.KESALAHAN]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity is Severity.PERINGATAN]


def example_workbook() -> Path:
    """The bundled example: inside the installed package, or in the source checkout."""
    from importlib.resources import files

    packaged = Path(str(files("lkjip_xl"))) / "_example" / EXAMPLE_NAME
    if packaged.exists():
        return packaged
    return Path(__file__).resolve().parents[1] / "examples" / EXAMPLE_NAME


def is_pemda(path: str | Path) -> bool:
    """A Pemda workbook (LKjIP Pemda: lkjip_xl.pemda) rather than an OPD workbook."""
    from lkjip_xl.pemda.detect import is_pemda_file

    return is_pemda_file(path)


def analyse(book: Workbook) -> Loaded:
    """Model plus every finding (reader, rules and the checks of `lkjip-xl periksa`)."""
    from lkjip_xl.checks import run_checks

    laporan, findings = build_model(book)
    findings = findings + run_checks(book, laporan)
    return Loaded(book, laporan, findings)


def load_file(path: str | Path) -> Loaded:
    """Headless: read the file with openpyxl (never written to)."""
    from lkjip_xl.readers.xlsx_file import read_workbook

    try:
        book = read_workbook(path)
    except WorkbookError as exc:
        return Loaded(None, None, exc.findings)
    return analyse(book)


def load_xlwings(book: Any) -> Loaded:
    """From the open workbook (button path), so unsaved edits count."""
    from lkjip_xl.readers.xlwings_book import read_book

    return analyse(read_book(book))


def default_output_name(laporan: Laporan) -> str:
    """LKjIP_<instansi>_<tahun>.docx with characters Windows forbids in file names removed."""
    ident = laporan.identitas
    name = re.sub(r"[^\w.-]+", "_", ident.singkatan or ident.nama_instansi).strip("_")
    return f"LKjIP_{name}_{ident.tahun}.docx"


def write_report(
    loaded: Loaded,
    out: Path,
    *,
    gaya: Path | None = None,
    pdf: bool = False,
    catatan: bool = False,
    progress: Progress = lambda step: None,
) -> list[Path]:
    """Build and save the report; returns the written files. Raises report.OutputError."""
    from lkjip_xl.report import build_document, save_document

    if loaded.laporan is None or loaded.errors:
        raise ValueError("write_report needs a workbook without errors (check loaded.errors)")
    progress("Menyusun dokumen Word")
    doc = build_document(loaded.laporan, gaya=gaya, catatan=loaded.warnings if catatan else None)
    progress("Menyimpan dokumen")
    written = [save_document(doc, out)]
    if pdf:
        from lkjip_xl.report.pdf import convert_to_pdf

        progress("Membuat PDF melalui LibreOffice (memperbarui daftar isi)")
        written.append(convert_to_pdf(written[0], written[0].with_suffix(".pdf")))
    return written
