"""One path from workbook to report, shared by the CLI and the Excel button.

read tables -> model (core rules) -> checks -> document -> atomic save (-> PDF).

Findings leave here bounded: at most MAX_PER_KODE per kode and severity (then one finding
saying how many more), every text field shortened to MAX_FIELD characters, so a sheet of
10 000 bad rows or a 1 MB cell value gives a readable answer.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lkjip_xl.core.findings import Finding, Severity, WorkbookError
from lkjip_xl.core.model import Laporan
from lkjip_xl.readers.tables import Workbook
from lkjip_xl.readers.to_model import build_model

EXAMPLE_NAME = "LKjIP_Setda_Kota_Jambi_2022.xlsm"
MAX_PER_KODE = 50
MAX_FIELD = 600
MAX_NAME_PART = 60  # characters of the instansi part of the default file name

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
    return Loaded(book, laporan, bounded(findings))


def _shorten(text: str | None) -> str | None:
    if text is None or len(text) <= MAX_FIELD:
        return text
    size = f"{len(text):,}".replace(",", ".")
    return f"{text[: MAX_FIELD - 160]} … [{size} karakter, dipersingkat] … {text[-120:]}"


def bounded(findings: list[Finding]) -> list[Finding]:
    """At most MAX_PER_KODE findings per (kode, severity), long texts shortened."""
    seen: Counter[tuple[str, Severity]] = Counter()
    out: list[Finding] = []
    for finding in findings:
        key = (finding.kode, finding.severity)
        seen[key] += 1
        if seen[key] <= MAX_PER_KODE:
            out.append(
                dataclasses.replace(
                    finding,
                    **{
                        name: _shorten(getattr(finding, name))
                        for name in ("message", "sheet", "cell", "table", "column", "saran")
                    },
                )
            )
    for (kode, severity), count in seen.items():
        if count > MAX_PER_KODE:
            out.append(
                Finding(
                    severity,
                    f"... dan {count - MAX_PER_KODE} temuan lain dengan kode [{kode}] tidak "
                    f"ditampilkan (paling banyak {MAX_PER_KODE} per kode).",
                    saran="Perbaiki temuan yang ditampilkan, lalu jalankan pemeriksaan lagi.",
                    kode=kode,
                )
            )
    return out


def load_file(path: str | Path) -> Loaded:
    """Headless: read the file with openpyxl (never written to)."""
    from lkjip_xl.readers.xlsx_file import read_workbook

    try:
        book = read_workbook(path)
    except WorkbookError as exc:
        return Loaded(None, None, bounded(exc.findings))
    return analyse(book)


def load_xlwings(book: Any) -> Loaded:
    """From the open workbook (button path), so unsaved edits count."""
    from lkjip_xl.readers.xlwings_book import read_book

    return analyse(read_book(book))


def default_output_name(laporan: Laporan) -> str:
    """LKjIP_<instansi>_<tahun>.docx: only letters, digits, "-", "_" and inner dots (Windows
    forbids the rest, and a trailing dot), at most MAX_NAME_PART characters of the name."""
    ident = laporan.identitas
    name = re.sub(r"[^\w.-]+", "_", ident.singkatan or ident.nama_instansi)
    name = re.sub(r"_+", "_", name)[:MAX_NAME_PART].strip("._-")
    return f"LKjIP_{name}_{ident.tahun}.docx" if name else f"LKjIP_{ident.tahun}.docx"


def _inputs(loaded: Loaded, gaya: Path | None) -> list[str | Path | None]:
    """The files a report must never overwrite: the workbook read and the style file."""
    source = loaded.book.source if loaded.book is not None else ""
    return [source or None, gaya]


def check_outputs(
    out: Path, loaded_source: str | Path | None, gaya: Path | None, pdf: bool
) -> None:
    """Raise OutputError when `out` (or its PDF) cannot or must not be written (see
    report.output.check_target); a report is always a .docx, so the PDF never replaces it."""
    from lkjip_xl.report.output import BadOutputName, check_target

    protect = [loaded_source, gaya]
    check_target(out, protect)
    if out.suffix.lower() != ".docx":
        raise BadOutputName(
            f"Berkas laporan harus berakhiran .docx (diberikan: '{out.name}'). PDF dibuat di "
            "sebelahnya dengan --pdf, mis. -o laporan.docx --pdf."
        )
    if pdf:
        check_target(out.with_suffix(".pdf"), protect)


def write_report(
    loaded: Loaded,
    out: Path,
    *,
    gaya: Path | None = None,
    pdf: bool = False,
    catatan: bool = False,
    progress: Progress = lambda step: None,
) -> list[Path]:
    """Build and save the report; returns the written files.

    Raises report.OutputError before building anything when the target is unusable or one of
    the inputs, and PdfFailed (an OutputError) when the .docx was written but the PDF was not.
    """
    from lkjip_xl.report import build_document

    if loaded.laporan is None or loaded.errors:
        raise ValueError("write_report needs a workbook without errors (check loaded.errors)")
    protect = _inputs(loaded, gaya)
    check_outputs(out, protect[0], gaya, pdf)
    progress("Menyusun dokumen Word")
    doc = build_document(loaded.laporan, gaya=gaya, catatan=loaded.warnings if catatan else None)
    return save_and_lay_out(doc, out, protect, pdf=pdf, progress=progress)


def save_and_lay_out(
    doc: Any,
    out: Path,
    protect: list[str | Path | None],
    *,
    pdf: bool,
    progress: Progress = lambda step: None,
) -> list[Path]:
    """Save `doc` atomically, then let LibreOffice (when installed) number the pages of the
    Daftar Isi/Tabel/Gambar in the .docx and, with `pdf`, make the PDF of the same layout.
    The OPD and the Pemda report share this step; PdfFailed when only the PDF failed."""
    from lkjip_xl.report import lay_out, save_document
    from lkjip_xl.report.output import OutputError, PdfFailed

    progress("Menyimpan dokumen")
    written = [save_document(doc, out, protect)]
    progress("Menomori daftar isi" + (" dan membuat PDF" if pdf else "") + " melalui LibreOffice")
    try:
        made = lay_out(written[0], written[0].with_suffix(".pdf") if pdf else None)
    except OutputError as exc:
        if pdf:
            raise PdfFailed(written[0], exc) from exc
        made = None  # the .docx stays complete; its lists just carry no page numbers
    if made is not None:
        written.append(made)
    return written
