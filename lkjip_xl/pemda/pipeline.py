"""One path from the Pemda workbook to the Pemda report, shared by the CLI and the button.

read the Pemda workbook -> its model and findings -> resolve and read every OPD workbook
(read-only, the OPD path, in parallel where it pays) -> consolidate -> document -> atomic save.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lkjip_xl.core.findings import Finding, Severity, WorkbookError
from lkjip_xl.pemda.model import Konsolidasi, OPDResult, PemdaData, Temuan
from lkjip_xl.pemda.opd import resolve
from lkjip_xl.pemda.parallel import load_many
from lkjip_xl.pemda.reader import read_pemda
from lkjip_xl.readers.tables import Workbook

Progress = Callable[[str], None]
EXIT_OK, EXIT_WARN, EXIT_ERROR = 0, 1, 2


@dataclass
class PemdaLoaded:
    path: Path
    kons: Konsolidasi | None
    temuan: list[Temuan]
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def menghambat(self) -> list[Temuan]:
        return [t for t in self.temuan if t.menghambat]

    @property
    def can_write(self) -> bool:
        return self.kons is not None and not self.menghambat

    @property
    def exit_code(self) -> int:
        """2: the report cannot be written; 1: findings (or OPDs left out); 0: clean."""
        if not self.can_write:
            return EXIT_ERROR
        assert self.kons is not None
        counted = [t for t in self.temuan if t.severity is not Severity.CATATAN]  # as for an OPD
        return EXIT_WARN if counted or self.kons.excluded else EXIT_OK


def _blocked(path: Path, findings: list[Finding]) -> PemdaLoaded:
    return PemdaLoaded(
        path,
        None,
        [Temuan(f, path.name, menghambat=f.severity.value == "kesalahan") for f in findings],
    )


def load_pemda_file(
    path: str | Path, *, mode: str = "auto", progress: Progress = lambda s: None
) -> PemdaLoaded:
    """Headless: read the Pemda workbook and every OPD workbook (none is written to)."""
    from lkjip_xl.readers.xlsx_file import read_workbook

    path = Path(path)
    start = time.perf_counter()
    progress("Membaca buku kerja Pemda")
    try:
        book = read_workbook(path)
    except WorkbookError as exc:
        return _blocked(path, exc.findings)
    loaded = analyse(book, path, mode=mode, progress=progress)
    loaded.timings["pemda"] = loaded.timings.get("pemda", 0.0) + time.perf_counter() - start
    return loaded


def load_pemda_xlwings(book: Any, progress: Progress = lambda s: None) -> PemdaLoaded:
    """The open Pemda workbook (button path); OPD workbooks are read from disk, serially."""
    from lkjip_xl.readers.xlwings_book import read_book

    return analyse(read_book(book), Path(book.fullname), mode="serial", progress=progress)


def analyse(
    book: Workbook, path: Path, *, mode: str = "auto", progress: Progress = lambda s: None
) -> PemdaLoaded:
    """The Pemda workbook's tables -> consolidation with every OPD listed in it."""
    timings: dict[str, float] = {}
    start = time.perf_counter()
    data, findings = read_pemda(book)
    findings += _workbook_checks(book)
    if data is None:
        return _blocked(path, findings)
    data.source, data.berkas = str(path), path.name
    results = [_result(data, entry, path.parent) for entry in data.opd]
    timings["pemda"] = time.perf_counter() - start
    start = time.perf_counter()
    jobs = [(str(r.entry.path), r.entry.berkas) for r in results]
    for r, load in zip(results, load_many(jobs, mode, progress), strict=True):
        r.laporan, r.findings, r.numbers = load.laporan, load.findings, load.numbers
        r.affected, r.seconds, r.komposit = load.affected, load.seconds, load.komposit
        r.bukan_opd = load.is_pemda
    timings["opd"] = time.perf_counter() - start
    start = time.perf_counter()
    progress("Menghimpun capaian kinerja")
    kons = consolidate_data(data, results, findings)
    timings["konsolidasi"] = time.perf_counter() - start
    return PemdaLoaded(path, kons, kons.temuan, timings)


def _workbook_checks(book: Workbook) -> list[Finding]:
    """The OPD path's file-level checks that apply to any layout: merged cells over table data,
    and Pemda sheets hidden from staff."""
    from lkjip_xl.checks.workbook import check_merged
    from lkjip_xl.core.findings import peringatan
    from lkjip_xl.pemda.schema import INPUT_SHEETS

    layout = {s.name for s in INPUT_SHEETS}
    hidden = [
        peringatan(
            f"Sheet '{name}' disembunyikan, padahal datanya dipakai laporan Pemda.",
            sheet=name,
            saran="Tampilkan kembali sheet ini (klik kanan tab sheet > Unhide).",
            kode="sheet-tersembunyi",
        )
        for name in book.hidden_sheets
        if name in layout
    ]
    return check_merged(book) + hidden


def _result(data: PemdaData, entry: Any, folder: Path) -> OPDResult:
    entry.path, case = resolve(entry.berkas, folder)
    return OPDResult(entry, huruf_beda=case)


def consolidate_data(
    data: PemdaData, results: list[OPDResult], findings: list[Finding]
) -> Konsolidasi:
    from lkjip_xl.pemda.consolidate import consolidate

    return consolidate(data, results, findings)


def default_output_name(kons: Konsolidasi) -> str:
    """LKjIP_Pemda_<singkatan>_<tahun>.docx, safe on Windows (as the OPD report's name)."""
    from lkjip_xl.pipeline import MAX_NAME_PART

    ident = kons.pemda.identitas
    name = re.sub(r"[^\w.-]+", "_", ident.singkatan or ident.nama)
    name = re.sub(r"_+", "_", name)[:MAX_NAME_PART].strip("._-")
    return f"LKjIP_Pemda_{name}_{ident.tahun}.docx" if name else f"LKjIP_Pemda_{ident.tahun}.docx"


def inputs(loaded: PemdaLoaded, gaya: Path | None = None) -> list[str | Path | None]:
    """Every file a report must never overwrite: the Pemda workbook, each OPD workbook, the
    style file."""
    opd = [r.entry.path for r in loaded.kons.opd] if loaded.kons is not None else []
    return [loaded.path, gaya, *opd]


def write_report(
    loaded: PemdaLoaded,
    out: Path,
    *,
    gaya: Path | None = None,
    pdf: bool = False,
    catatan: bool = False,
    progress: Progress = lambda step: None,
) -> list[Path]:
    """Build and save the Pemda report; returns the written files. Raises report.OutputError
    before building anything when the target is unusable or one of the inputs, PdfFailed when
    the .docx was written but the PDF was not (as pipeline.write_report does)."""
    from lkjip_xl.pemda.report import build_document
    from lkjip_xl.pipeline import check_outputs, save_and_lay_out
    from lkjip_xl.report.output import check_target

    if not loaded.can_write:
        raise ValueError("write_report needs a consolidation without blocking findings")
    assert loaded.kons is not None
    protect = inputs(loaded, gaya)
    check_outputs(out, loaded.path, gaya, pdf)
    for target in [out, *([out.with_suffix(".pdf")] if pdf else [])]:
        check_target(target, protect)
    progress("Menyusun dokumen Word")
    notes = [_as_note(t) for t in loaded.temuan] if catatan else None
    doc = build_document(loaded.kons, gaya=gaya, catatan=notes)
    return save_and_lay_out(doc, out, protect, pdf=pdf, progress=progress)


def _as_note(t: Temuan) -> Finding:
    """A finding for the 'Catatan Pemeriksaan' annex: the file name leads the message."""
    from dataclasses import replace

    return replace(t.finding, message=f"[{t.berkas}] {t.finding.message}")
