"""Range targets: which form periksa read each one from.

- ``rentang-dibaca`` (catatan, one per rentang indicator): for each year, whether the range came
  from a text in Target ("60-85", "60 – 85", "60 s.d. 85", "60 s/d 85") or from Target + Batas
  Atas, and the bounds it gave, so staff see that both forms were understood. The rule itself
  (core.rules.capaian, docs/aturan-perhitungan.md) takes either; errors are elsewhere
  (kinerja's rentang-tanpa-batas, the model's capaian-tidak-terhitung for conflicting forms).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from lkjip_xl import schema
from lkjip_xl.checks.base import Baris, angka, rows
from lkjip_xl.core import rules
from lkjip_xl.core.findings import Finding, catatan
from lkjip_xl.core.values import InvalidValue
from lkjip_xl.readers.tables import Workbook


def _key(value: Any) -> Any:
    return " ".join(value.split()).casefold() if isinstance(value, str) else value


def _rentang_indicators(book: Workbook) -> set[Any]:
    found = set()
    for b in rows(book, schema.INDIKATOR):
        try:
            if rules.normalise_polaritas(b["Polaritas"]) == rules.RENTANG:
                found.add(_key(b["Kode Indikator"]))
        except InvalidValue:
            continue
    return found


def _bound(value: float) -> str:
    return angka(value)


def check_range_forms(book: Workbook) -> list[Finding]:
    """One catatan per rentang indicator: the form of each year's range target."""
    rentang = _rentang_indicators(book)
    forms: dict[Any, list[tuple[Baris, str]]] = defaultdict(list)
    for baris in rows(book, schema.TARGET):
        if _key(baris["Kode Indikator"]) not in rentang:
            continue
        target, upper = baris["Target"], baris["Batas Atas"]
        bounds = rules.parse_rentang(target)
        if bounds is not None:
            form = f"{baris['Tahun']}: teks '{target}' di Target ({_bound(bounds[0])} sampai "
            form += f"{_bound(bounds[1])})"
        elif isinstance(target, (int, float)) and isinstance(upper, (int, float)):
            form = f"{baris['Tahun']}: Target {_bound(target)} dan Batas Atas {_bound(upper)}"
        else:
            continue
        forms[_key(baris["Kode Indikator"])].append((baris, form))
    findings = []
    for seen in forms.values():
        first = seen[0][0]
        findings.append(
            catatan(
                f"Target rentang indikator {first['Kode Indikator']} dibaca sebagai: "
                + "; ".join(form for _b, form in seen)
                + ". Capaian 100% bila realisasi di dalam rentang.",
                saran="Kedua bentuk (teks 80-90 di Target, atau Target 80 dan Batas Atas 90) "
                "sama-sama diterima.",
                kode="rentang-dibaca",
                **first.where("Target"),
            )
        )
    return findings
