"""How the Pemda run's findings leave the program: Indonesian text grouped by file, and JSON.

Exit codes (pemda.pipeline.PemdaLoaded.exit_code): 2 the Pemda report cannot be written (a
finding that stops it, listed first); 1 findings that do not stop it, or OPD workbooks left out
of the rekap (a kesalahan inside an OPD workbook whose numbers the Pemda does not need is one of
these); 0 clean.
"""

from __future__ import annotations

import json

from lkjip_xl.checks.report import format_one
from lkjip_xl.core.findings import Severity
from lkjip_xl.pemda.model import Temuan
from lkjip_xl.pemda.pipeline import PemdaLoaded

_SEVERITY = {
    Severity.KESALAHAN: "kesalahan",
    Severity.PERINGATAN: "peringatan",
    Severity.CATATAN: "catatan",
}


def summary(loaded: PemdaLoaded) -> str:
    kons = loaded.kons
    if kons is None:
        return "Buku kerja Pemda tidak dapat dibaca."
    used = sum(1 for r in kons.opd if r.used)
    text = f"{used} dari {len(kons.opd)} buku kerja OPD dipakai"
    if kons.excluded:
        text += f"; {len(kons.excluded)} tidak dimasukkan ke rekap"
    return text + "."


def format_temuan(loaded: PemdaLoaded) -> str:
    """Blocking findings first, then the OPDs left out, then every other finding by file."""
    lines = [summary(loaded)]
    block = loaded.menghambat
    if block:
        lines += ["", "MENGHAMBAT (laporan Pemda tidak dibuat sebelum diperbaiki):"]
        lines += [f"{n}. {_one(t)}" for n, t in enumerate(block, 1)]
    kons = loaded.kons
    if kons is not None and kons.excluded:
        lines += ["", "OPD TIDAK DIMASUKKAN KE REKAP (laporan Pemda menyebutkannya):"]
        lines += [
            f"- {o.entry.kode} {o.entry.nama} ({o.entry.berkas}): {o.excluded}"
            for o in kons.excluded
        ]
    rest = [t for t in loaded.temuan if not t.menghambat]
    if rest:
        lines += ["", "TEMUAN LAIN (tidak menghambat laporan Pemda; periksa kembali):"]
        by_file: dict[str, list[Temuan]] = {}
        for t in rest:
            by_file.setdefault(t.berkas, []).append(t)
        for berkas, items in by_file.items():
            lines.append(f"[{berkas}]")
            lines += [
                f"  {n}. {_SEVERITY[t.severity]}: {format_one(t.finding)}"
                for n, t in enumerate(items, 1)
            ]
    if len(lines) == 1:
        lines.append("Tidak ada temuan: laporan Pemda siap dibuat.")
    return "\n".join(lines)


def _one(t: Temuan) -> str:
    return f"[{t.berkas}] {format_one(t.finding)}"


def temuan_json(loaded: PemdaLoaded) -> str:
    kons = loaded.kons
    data = {
        "jenis": "pemda",
        "exit_code": loaded.exit_code,
        "menghambat": len(loaded.menghambat),
        "kesalahan": sum(1 for t in loaded.temuan if t.severity is Severity.KESALAHAN),
        "peringatan": sum(1 for t in loaded.temuan if t.severity is Severity.PERINGATAN),
        "opd": [
            {
                "kode": r.entry.kode,
                "nama": r.entry.nama,
                "berkas": r.entry.berkas,
                "dipakai": r.used,
                "alasan": r.excluded,
            }
            for r in (kons.opd if kons else [])
        ],
        "temuan": [
            {**t.finding.as_dict(), "berkas": t.berkas, "opd": t.opd, "menghambat": t.menghambat}
            for t in loaded.temuan
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2)
