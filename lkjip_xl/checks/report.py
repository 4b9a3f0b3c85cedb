"""How findings leave the program: exit code, Indonesian text, JSON.

Exit codes (used by ``lkjip-xl periksa``): 0 no findings, 1 peringatan only, 2 at least one
kesalahan.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping

from lkjip_xl.core.findings import Finding, Severity

EXIT_BERSIH, EXIT_PERINGATAN, EXIT_KESALAHAN = 0, 1, 2

_HEADINGS = {
    Severity.KESALAHAN: "KESALAHAN (laporan tidak dapat dibuat sebelum diperbaiki)",
    Severity.PERINGATAN: "PERINGATAN (laporan tetap dapat dibuat; periksa kembali)",
}


def exit_code(findings: Iterable[Finding]) -> int:
    severities = {f.severity for f in findings}
    if Severity.KESALAHAN in severities:
        return EXIT_KESALAHAN
    if Severity.PERINGATAN in severities:
        return EXIT_PERINGATAN
    return EXIT_BERSIH


def format_one(finding: Finding) -> str:
    """ "'Realisasi'!C7 (tabel tblRealisasi, kolom Realisasi): ... Saran: ... [kode]"."""
    text = f"{finding.place}: {finding.message}"
    if finding.saran:
        text += f" Saran: {finding.saran}"
    if finding.kode:
        text += f" [{finding.kode}]"
    return text


def format_findings(findings: Iterable[Finding]) -> str:
    """Findings grouped by severity (kesalahan first), numbered, in Bahasa Indonesia."""
    items = list(findings)
    if not items:
        return "Tidak ada temuan: buku kerja siap dibuat laporannya."
    counts = {s: sum(1 for f in items if f.severity is s) for s in Severity}
    lines = [
        f"Ditemukan {counts[Severity.KESALAHAN]} kesalahan dan "
        f"{counts[Severity.PERINGATAN]} peringatan."
    ]
    for severity in (Severity.KESALAHAN, Severity.PERINGATAN):
        group = [f for f in items if f.severity is severity]
        if not group:
            continue
        lines += ["", _HEADINGS[severity] + ":"]
        lines += [f"{n}. {format_one(f)}" for n, f in enumerate(group, start=1)]
    return "\n".join(lines)


def findings_json(findings: Iterable[Finding], extra: Mapping[str, object] | None = None) -> str:
    """{"exit_code": n, "kesalahan": k, "peringatan": p, "temuan": [Finding.as_dict(), ...]},
    plus the keys of `extra` (e.g. "kriteria_lke")."""
    items = list(findings)
    return json.dumps(
        {
            "exit_code": exit_code(items),
            "kesalahan": sum(1 for f in items if f.severity is Severity.KESALAHAN),
            "peringatan": sum(1 for f in items if f.severity is Severity.PERINGATAN),
            "temuan": [f.as_dict() for f in items],
            **(extra or {}),
        },
        ensure_ascii=False,
        indent=2,
    )
