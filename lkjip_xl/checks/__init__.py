"""Trust checks: what the reader accepts but a published LKjIP must not carry.

`run_checks(book, laporan)` adds to the reader's findings (layout: readers.to_model.check_layout;
cell kinds: readers.cells) the checks across cells and tables. Each finding names sheet and
cell (or table and column), has a severity, a `saran` and a stable `kode`; the kode list lives
in each module's docstring:

- checks.workbook: hidden sheets, tables on the wrong sheet, twice or overlapping, duplicate
  or empty headers, merged cells over table data;
- checks.outside: cells typed just below or right of an input table, outside it;
- checks.rows: hidden/filtered rows and hidden columns used, formulas without a stored result;
- checks.keys: Identitas keys typed twice, an unknown Gaya Rupiah, unknown Narasi sections;
- checks.kinerja: duplicate codes, polaritas/satuan/skala, ranges, target 0, labels without a
  scale, missing years, composite indicators, IKM from NRR;
- checks.anggaran: realisasi above pagu, typed total rows, totals that do not add up;
- checks.sdm: staff groups against each other and against the narrative;
- checks.struktur: cycles in the organisation structure (Kode Atasan);
- checks.hasil: formula cells overwritten on the Hasil sheet and typed numbers that differ from
  the recomputation as displayed;
- checks.riwayat: past years' capaian as published against the recomputation;
- checks.lke: causes/efforts and improvement plans missing for indicators below target (and,
  outside the findings, the LKE self-check `lke.nilai_kriteria` that `periksa` prints).

Exit codes and output formats: checks.report.
"""

from __future__ import annotations

from collections.abc import Callable

from lkjip_xl.checks import (
    anggaran,
    hasil,
    keys,
    kinerja,
    lke,
    narasi,
    outside,
    riwayat,
    rows,
    sdm,
    struktur,
    workbook,
)
from lkjip_xl.checks.report import exit_code, findings_json, format_findings
from lkjip_xl.core.findings import Finding, peringatan
from lkjip_xl.core.model import Laporan
from lkjip_xl.readers.tables import Workbook

__all__ = ["exit_code", "findings_json", "format_findings", "run_checks"]


def run_checks(book: Workbook, laporan: Laporan | None) -> list[Finding]:
    """Every cross-cell check; `laporan` None (broken layout) runs the book-only checks."""
    findings: list[Finding] = []
    steps: list[tuple[str, Callable[[], list[Finding]]]] = [
        ("workbook", lambda: workbook.run(book)),
        ("outside", lambda: outside.run(book)),
        ("rows", lambda: rows.run(book)),
        ("keys", lambda: keys.run(book)),
        ("kinerja", lambda: kinerja.run(book, laporan)),
        ("anggaran", lambda: anggaran.run(book)),
        ("sdm", lambda: sdm.run(book)),
        ("struktur", lambda: struktur.run(book)),
        ("hasil", lambda: hasil.run(book, laporan)),
        ("riwayat", lambda: riwayat.run(laporan)),
        ("lke", lambda: lke.run(laporan)),
        ("narasi", lambda: narasi.run(laporan)),
    ]
    for name, step in steps:
        try:
            findings += step()
        except Exception as exc:  # a bug in one check must not hide the others' findings
            findings.append(
                peringatan(
                    f"Pemeriksaan '{name}' tidak dapat diselesaikan ({type(exc).__name__}); "
                    "temuan lain tetap berlaku.",
                    saran="Laporkan buku kerja ini ke pengembang toolkit.",
                    kode="pemeriksaan-gagal",
                )
            )
    return _unique(findings)


def _unique(findings: list[Finding]) -> list[Finding]:
    seen: set[Finding] = set()
    out = []
    for finding in findings:
        if finding not in seen:
            seen.add(finding)
            out.append(finding)
    return out
