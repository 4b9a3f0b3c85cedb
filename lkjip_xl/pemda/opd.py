"""One OPD workbook through the OPD path, reduced to what the Pemda needs.

`load_opd` runs in a worker process (see pemda.parallel): it reads the file read-only with the
very path `lkjip-xl periksa` uses on an OPD workbook (pipeline.load_file: reader, model, core
rules, checks), then keeps the model's numbers with their cells and works out which numbers the
OPD's own errors touch. Its result is small and picklable (no raw tables, no narrative).
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from pathlib import Path

from lkjip_xl.core.findings import Finding, Severity
from lkjip_xl.core.model import Laporan
from lkjip_xl.pemda.model import ALL, OPDNumbers, Sel
from lkjip_xl.readers.tables import Row, Workbook

#: Tables whose cells feed a number the Pemda uses, with the column naming the indicator or
#: sasaran a row belongs to ("" = the row feeds the OPD's budget total).
NUMBER_TABLES: dict[str, str] = {
    "tblIndikator": "Kode Indikator",
    "tblTarget": "Kode Indikator",
    "tblRealisasi": "Kode Indikator",
    "tblKomponen": "Kode Indikator",
    "tblSasaran": "Kode Sasaran",
    "tblAnggaranSasaran": "",
    "tblBelanja": "",
    "tblIdentitas": "*",
}
_CELL = re.compile(r"^\$?([A-Z]{1,3})\$?(\d+)$")


@dataclass
class OPDLoad:
    """What a worker hands back for one OPD workbook."""

    laporan: Laporan | None
    findings: list[Finding]
    numbers: OPDNumbers = field(default_factory=OPDNumbers)
    affected: set[str] = field(default_factory=set)
    is_pemda: bool = False
    seconds: float = 0.0
    komposit: set[tuple[str, int]] = field(default_factory=set)


def load_opd(path: str, berkas: str) -> OPDLoad:
    """Read one OPD workbook (never written to); `berkas` is the name Jejak Data shows."""
    from lkjip_xl.pemda.detect import is_pemda_book
    from lkjip_xl.pipeline import load_file

    start = time.perf_counter()
    loaded = load_file(path)
    if loaded.book is not None and is_pemda_book(loaded.book):
        return OPDLoad(None, [], is_pemda=True, seconds=time.perf_counter() - start)
    result = OPDLoad(loaded.laporan, loaded.findings)
    if loaded.book is not None and loaded.laporan is not None:
        result.numbers = _numbers(loaded.laporan, loaded.book, berkas)
        result.affected = affected(loaded.findings, loaded.book)
        result.komposit = _komposit(loaded.laporan, loaded.book)
        _slim(loaded.laporan)
    elif loaded.findings:
        result.affected = {ALL}
    result.seconds = time.perf_counter() - start
    return result


def _slim(laporan: Laporan) -> None:
    """Drop what the Pemda report never uses (keeps pickling between processes cheap)."""
    laporan.narasi = {}
    laporan.program_kegiatan = []
    laporan.struktur = []
    laporan.sdm = []
    laporan.aset = []
    laporan.isu_bagian = []
    laporan.ikm_unsur = []
    laporan.tugas_fungsi = []


def split(ref: str) -> tuple[str, str]:
    """("Sheet", "C7") from "'Sheet'!C7"."""
    sheet, _, cell = ref.rpartition("!")
    return sheet.strip("'"), cell


def _sel(berkas: str, ref: str, table: str, column: str, value: object) -> Sel:
    sheet, cell = split(ref)
    return Sel(berkas, sheet, cell, table, column, value)


def _numbers(laporan: Laporan, book: Workbook, berkas: str) -> OPDNumbers:
    """The OPD's budget total as core.evaluation computes it (sasaran budgets, else the
    jenis belanja lines), with the cells it adds up."""
    out = OPDNumbers(
        anggaran=laporan.ringkasan.total_anggaran, realisasi=laporan.ringkasan.total_realisasi
    )
    ident = book.tables.get("tblIdentitas")
    if ident is not None:
        out.identitas_refs = {
            str(r.get("Kunci")).strip(): ident.ref_of(r, "Nilai")
            for r in ident.rows
            if r.get("Kunci") is not None
        }
    with_budget = [s for s in laporan.sasaran if s.anggaran is not None]
    if with_budget:
        out.anggaran_dari = "tblAnggaranSasaran"
        for s in with_budget:
            out.anggaran_sel.append(
                _sel(
                    berkas,
                    s.refs.get("Anggaran Anggaran", ""),
                    out.anggaran_dari,
                    "Anggaran",
                    s.anggaran,
                )
            )
            if s.realisasi_anggaran is not None:
                out.realisasi_sel.append(
                    _sel(
                        berkas,
                        s.refs.get("Anggaran Realisasi", ""),
                        out.anggaran_dari,
                        "Realisasi",
                        s.realisasi_anggaran,
                    )
                )
        return out
    table = book.tables.get("tblBelanja")
    if laporan.belanja and table is not None:
        out.anggaran_dari = "tblBelanja"
        raw = [r for r in table.rows if str(r.get("Jenis Belanja") or "").strip()]
        if len(raw) == len(laporan.belanja):  # else a row was unusable: no cells to point at
            for line, row in zip(laporan.belanja, raw, strict=True):
                for column, value, cells in (
                    ("Anggaran", line.anggaran, out.anggaran_sel),
                    ("Realisasi", line.realisasi, out.realisasi_sel),
                ):
                    if value is not None:
                        cells.append(
                            _sel(berkas, table.ref_of(row, column), table.name, column, value)
                        )
    return out


def _komposit(laporan: Laporan, book: Workbook) -> set[tuple[str, int]]:
    """(indikator, tahun) whose realisasi core.evaluation took from the komponen (the typed
    Realisasi cell is empty), so Jejak Data points at the komponen cells instead."""
    typed: dict[tuple[str, str], object] = {}
    table = book.tables.get("tblRealisasi")
    if table is not None:
        for row in table.rows:
            cell = row.cell("Realisasi")
            if cell:
                typed[(table.sheet, cell)] = row.get("Realisasi")
    out = set()
    for ind in laporan.indikator:
        for kin in ind.kinerja.values():
            if not kin.komponen:
                continue
            value = typed.get(split(kin.refs.get("Realisasi", "")))
            if value is None or str(value).strip() == "":
                out.add((ind.kode, kin.tahun))
    return out


def _index(book: Workbook) -> dict[tuple[str, str], tuple[str, Row]]:
    """(sheet, cell) -> (table, row) for every cell of the number tables."""
    index: dict[tuple[str, str], tuple[str, Row]] = {}
    for name in NUMBER_TABLES:
        table = book.tables.get(name)
        if table is None:
            continue
        for row in table.rows:
            for cell in row.cells.values():
                index[(table.sheet, cell)] = (name, row)
    return index


def affected(findings: list[Finding], book: Workbook) -> set[str]:
    """What the OPD's kesalahan touch: "ind:<kode>", "sas:<kode>", "anggaran", "belanja" or
    ALL. Errors in tables no Pemda number comes from (narrative, SDM, the Hasil sheet the
    toolkit recomputes anyway, ...) touch nothing."""
    errors = [f for f in findings if f.severity is Severity.KESALAHAN]
    if not errors:
        return set()
    index = _index(book)
    number_sheets = {t.sheet for n, t in book.tables.items() if n in NUMBER_TABLES}
    out: set[str] = set()
    for f in errors:
        hit = index.get((f.sheet or "", _first_cell(f.cell)))
        if hit is not None:
            out.add(_key(*hit))
        elif f.table is not None:
            if f.table in NUMBER_TABLES:
                out.add(ALL)
        elif f.sheet is None or f.sheet in number_sheets:
            out.add(ALL)
    return out


def _first_cell(cell: str | None) -> str:
    if not cell:
        return ""
    first = cell.split(":")[0].replace("$", "")
    return first if _CELL.match(first) else ""


def _key(table: str, row: Row) -> str:
    column = NUMBER_TABLES[table]
    if column == "*":
        return ALL
    if column == "":
        return "anggaran" if table == "tblAnggaranSasaran" else "belanja"
    value = row.get(column)
    if value is None or str(value).strip() == "":
        return ALL
    prefix = "sas" if column == "Kode Sasaran" else "ind"
    return f"{prefix}:{str(value).strip()}"


def resolve(berkas: str, folder: Path) -> tuple[Path, bool]:
    """The OPD workbook's path from what staff typed, relative to the Pemda workbook's folder.

    Backslashes are separators on every OS (staff type Windows paths). When the exact name is
    missing, a file whose name differs only in letter case is taken (Windows does not care; a
    copy on Linux or a Mac does); the flag says so, so `periksa` can warn.
    """
    text = berkas.strip().strip('"').replace("\\", "/")
    path = Path(text)
    if not path.is_absolute():
        path = folder / path
    if path.exists():
        return path, False
    parent = path.parent
    if parent.is_dir():
        wanted = path.name.casefold()
        for candidate in sorted(parent.iterdir()):
            if candidate.name.casefold() == wanted:
                return candidate, True
    return path, False
