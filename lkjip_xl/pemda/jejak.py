"""Jejak Data: one entry per number the Pemda report prints, with its source cells.

Entries are created by the consolidation in report order; the report and the Rekap sheet look
them up by (subject, attribute, year): subject "iku:<kode>", "sas:<kode>", "opd:<kode>",
"dukung:<opd>:<sasaran>" or "pemda"; attribute "target", "realisasi", "capaian", ...
"""

from __future__ import annotations

from collections.abc import Iterable

from lkjip_xl.core.model import Indikator, KinerjaTahun
from lkjip_xl.pemda.model import Jejak, Konsolidasi, OPDResult, Sel
from lkjip_xl.pemda.opd import split


class JejakBuilder:
    def __init__(self, kons: Konsolidasi) -> None:
        self.kons = kons

    def add(
        self,
        key: tuple[str, str, int],
        angka: str,
        nilai: str,
        cara: str,
        *,
        sel: Iterable[Sel] = (),
        dari: Iterable[str | None] = (),
        value: object = None,
    ) -> str:
        code = f"J{len(self.kons.jejak) + 1}"
        sources = [d for d in dari if d]
        self.kons.jejak.append(Jejak(code, angka, nilai, cara, list(sel), sources, value))
        self.kons.index[key] = code
        return code

    def code(self, subject: str, attribute: str, tahun: int = 0) -> str | None:
        return self.kons.index.get((subject, attribute, tahun))

    def pemda_sel(self, ref: str, table: str, column: str, value: object) -> Sel:
        sheet, cell = split(ref)
        return Sel(self.kons.pemda.berkas, sheet, cell, table, column, value)


def opd_sel(r: OPDResult, ref: str, table: str, column: str, value: object) -> Sel:
    sheet, cell = split(ref)
    return Sel(r.entry.berkas, sheet, cell, table, column, value)


def kinerja_cells(r: OPDResult, ind: Indikator, kin: KinerjaTahun | None) -> list[Sel]:
    """The cells an OPD indicator's target and realisasi of one year come from."""
    if kin is None:
        return []
    cells = []
    if kin.refs.get("Target"):
        cells.append(opd_sel(r, kin.refs["Target"], "tblTarget", "Target", kin.target))
    cells += realisasi_cells(r, ind, kin)
    return cells


def realisasi_cells(r: OPDResult, ind: Indikator, kin: KinerjaTahun) -> list[Sel]:
    """The typed Realisasi cell, or the komponen cells when the realisasi is their mean."""
    if (ind.kode, kin.tahun) in r.komposit:
        cells = []
        for k in kin.komponen:
            for column, value in (("Realisasi Komponen", k.realisasi), ("Basis", k.basis)):
                if k.refs.get(column) and value is not None:
                    cells.append(opd_sel(r, k.refs[column], "tblKomponen", column, value))
        return cells
    if kin.refs.get("Realisasi"):
        return [opd_sel(r, kin.refs["Realisasi"], "tblRealisasi", "Realisasi", kin.realisasi)]
    return []


#: How the source indicators are combined, as the words before their names ("sama": none).
METODE_KATA = {"sama": "", "rata-rata": "rata-rata", "jumlah": "jumlah",
               "tertimbang": "rata-rata tertimbang"}  # fmt: skip


def find_indikator(r: OPDResult, kode: str) -> Indikator | None:
    """The OPD indicator whose code is `kode` as staff typed it (spaces and case aside)."""
    if r.laporan is None:
        return None
    key = " ".join(kode.split()).casefold()
    for ind in r.laporan.indikator:
        if " ".join(ind.kode.split()).casefold() == key:
            return ind
    return None


def sumber_realisasi(kons: Konsolidasi, ind: Indikator, tahun: int) -> str:
    """Where the realisasi of an IKU-year came from, in words: the typed source, or the
    method once, then each OPD once with its indicators by name, code in parentheses:
    "rata-rata tertimbang indikator Dinas X: Cakupan A (K1) dan Cakupan B (K2)"."""
    rows = [k for k in kons.pemda.kaskade if k.kode_iku == ind.kode]
    kin = ind.pada(tahun)
    info = kons.pemda.info.get((ind.kode, tahun))
    trail = kons.jejak_of(f"iku:{ind.kode}", "realisasi", tahun)
    if rows and trail is not None and not trail.cara.startswith("diketik"):
        names = {o.kode: o.nama for o in kons.pemda.opd}
        results = {r.entry.kode: r for r in kons.opd}
        by_opd: dict[str, list[str]] = {}
        for k in rows:
            r = results.get(k.kode_opd)
            src = find_indikator(r, k.kode_indikator) if r is not None else None
            label = f"{src.uraian} ({src.kode})" if src else k.kode_indikator
            labels = by_opd.setdefault(names.get(k.kode_opd, k.kode_opd), [])
            if label not in labels:
                labels.append(label)
        methods = list(dict.fromkeys(METODE_KATA.get(k.metode, k.metode) for k in rows))
        lead = " ".join([*(m for m in methods if m), "realisasi"] if any(methods) else [])
        lead = (lead + " indikator").strip()
        return lead + " " + "; ".join(f"{o}: {_and(labels)}" for o, labels in by_opd.items())
    if kin is not None and info is not None and info.sumber_realisasi:
        return info.sumber_realisasi
    return ""


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " dan " + items[-1]
