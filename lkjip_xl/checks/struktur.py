"""The organisation structure (tblStruktur, Gambar 1.1): a hierarchy must be a tree.

Checks (kode):
- ``struktur-siklus`` (kesalahan): following Kode Atasan from a unit comes back to it (A under B
  under A, or a unit that is its own atasan). Such units have no place in a top-down chart.
  One finding per cycle, at the Kode Atasan cell of the cycle's first row in table order,
  naming every unit of the cycle.

Elsewhere: an unknown Kode Atasan is ``kode-tidak-dikenal`` (readers.to_model), a Kode Unit
typed twice is ``kode-ganda`` (checks.kinerja). With duplicates the first row of a code counts
here. The walk visits every unit at most once, so no input can make it loop.
"""

from __future__ import annotations

from typing import Any

from lkjip_xl import schema
from lkjip_xl.checks.base import Baris, err, rows
from lkjip_xl.core.findings import Finding
from lkjip_xl.readers.tables import Workbook


def _key(value: Any) -> str | None:
    if value is None:
        return None
    text = " ".join(str(value).split()).casefold()
    return text or None


def find_cycles(parent: dict[str, str | None]) -> list[list[str]]:
    """Each cycle of the parent map once, as its members in walk order (pure; linear time)."""
    state: dict[str, int] = {}  # 1: on the current walk, 2: done
    cycles: list[list[str]] = []
    for start in parent:
        path: list[str] = []
        node: str | None = start
        while node is not None and node in parent and state.get(node) is None:
            state[node] = 1
            path.append(node)
            node = parent[node]
        if node is not None and state.get(node) == 1:
            cycles.append(path[path.index(node) :])
        for done in path:
            state[done] = 2
    return cycles


def check_cycles(book: Workbook) -> list[Finding]:
    units: dict[str, Baris] = {}
    for baris in rows(book, schema.STRUKTUR):
        kode = _key(baris["Kode Unit"])
        if kode is not None and kode not in units:
            units[kode] = baris
    parent = {kode: _key(b["Kode Atasan"]) for kode, b in units.items()}
    order = {kode: i for i, kode in enumerate(units)}
    findings: list[Finding] = []
    for cycle in find_cycles(parent):
        first = units[min(cycle, key=order.__getitem__)]
        members = sorted(cycle, key=order.__getitem__)
        shown = " -> ".join(
            f"{units[k]['Kode Unit']} ({units[k].ref('Kode Atasan')})" for k in members
        )
        if len(cycle) == 1:
            message = (
                f"Unit {first['Kode Unit']} menjadi atasan bagi dirinya sendiri; bagan struktur "
                "organisasi tidak dapat digambar."
            )
        else:
            message = (
                f"Kode Atasan di tabel tblStruktur berputar (siklus): {shown}; bagan struktur "
                "organisasi tidak dapat digambar."
            )
        findings.append(
            err(
                first,
                "Kode Atasan",
                message,
                "Perbaiki Kode Atasan agar setiap unit berujung pada pimpinan tertinggi (yang "
                "Kode Atasan-nya kosong).",
                "struktur-siklus",
            )
        )
    return findings


def run(book: Workbook) -> list[Finding]:
    return check_cycles(book)
