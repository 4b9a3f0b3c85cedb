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


def sumber_realisasi(kons: Konsolidasi, ind: Indikator, tahun: int) -> str:
    """Where the realisasi of an IKU-year came from, in words."""
    rows = [k for k in kons.pemda.kaskade if k.kode_iku == ind.kode]
    kin = ind.pada(tahun)
    info = kons.pemda.info.get((ind.kode, tahun))
    trail = kons.jejak_of(f"iku:{ind.kode}", "realisasi", tahun)
    if rows and trail is not None and not trail.cara.startswith("diketik"):
        names = {o.kode: o.nama for o in kons.pemda.opd}
        parts = [f"{names.get(k.kode_opd, k.kode_opd)} ({k.kode_indikator})" for k in rows]
        return "indikator " + ", ".join(dict.fromkeys(parts))
    if kin is not None and info is not None and info.sumber_realisasi:
        return info.sumber_realisasi
    return ""
