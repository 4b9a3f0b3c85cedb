"""Jejak Data of the IKU Pemda: target, realisasi (typed with its source, or the OPD cells it
was cascaded from), capaian per year, national figure, end-of-RPJMD target and capaian."""

from __future__ import annotations

from typing import Any

from lkjip_xl.core import rules
from lkjip_xl.core.evaluation import capaian_akhir
from lkjip_xl.core.model import Indikator
from lkjip_xl.core.values import NA, is_not_available
from lkjip_xl.pemda import format as fmt
from lkjip_xl.pemda import schema as ps
from lkjip_xl.pemda.jejak import JejakBuilder
from lkjip_xl.pemda.model import Konsolidasi, Sel

RUMUS = {
    "naik": "Realisasi ÷ Target × 100%",
    "turun": "(2 × Target − Realisasi) ÷ Target × 100%",
    "rentang": "100% di dalam rentang; di luar rentang diukur terhadap batas terdekat",
}

#: (IKU, tahun) -> (source cells, rule text, cascade rows) of every cascaded realisasi.
Cascaded = dict[tuple[str, int], tuple[list[Sel], str, list[Any]]]


def jejak_iku(kons: Konsolidasi, jb: JejakBuilder, cascade: Cascaded) -> None:
    skala = kons.pemda.identitas.skala_predikat
    for ind in kons.laporan.indikator:
        subject = f"iku:{ind.kode}"
        for tahun in sorted(ind.kinerja):
            kin = ind.kinerja[tahun]
            where = f"{ind.kode} {ind.uraian}"
            t = jb.add(
                (subject, "target", tahun),
                f"{where}: target {tahun}",
                fmt.nilai(kin.target, ind.satuan, kin.batas_atas),
                "diketik (Perjanjian Kinerja)",
                sel=[
                    jb.pemda_sel(kin.refs.get("Target", ""), ps.KINERJA.name, "Target", kin.target)
                ]
                + (
                    [
                        jb.pemda_sel(
                            kin.refs["Batas Atas"], ps.KINERJA.name, "Batas Atas", kin.batas_atas
                        )
                    ]
                    if kin.batas_atas is not None
                    else []
                ),
                value=kin.target,
            )
            r = None
            if (ind.kode, tahun) in cascade:
                cells, rule, sources = cascade[(ind.kode, tahun)]
                rows = [row.refs.get("Kode Indikator OPD", "") for row, _, _ in sources]
                rule += f" (aturan: {_span(rows)} tabel {ps.KASKADE_IKU.name})"
                r = jb.add(
                    (subject, "realisasi", tahun),
                    f"{where}: realisasi {tahun}",
                    fmt.nilai(kin.realisasi, ind.satuan),
                    rule,
                    sel=cells,
                    value=kin.realisasi,
                )
            elif kin.realisasi is not None and not is_not_available(kin.realisasi):
                info = kons.pemda.info.get((ind.kode, tahun))
                sumber = info.sumber_realisasi if info else ""
                r = jb.add(
                    (subject, "realisasi", tahun),
                    f"{where}: realisasi {tahun}",
                    fmt.nilai(kin.realisasi, ind.satuan),
                    "diketik di buku kerja Pemda" + (f"; sumber: {sumber}" if sumber else ""),
                    sel=[
                        jb.pemda_sel(
                            kin.refs.get("Realisasi", ""),
                            ps.KINERJA.name,
                            "Realisasi",
                            kin.realisasi,
                        )
                    ],
                    value=kin.realisasi,
                )
            if kin.capaian != NA:
                jb.add(
                    (subject, "capaian", tahun),
                    f"{where}: capaian {tahun}",
                    fmt.persen(kin.capaian),
                    f"CAPAIAN: {RUMUS[ind.polaritas]}"
                    + (f"; skala {ind.skala}" if ind.skala else "")
                    + (f"; predikat {kin.predikat.label}" if kin.predikat else ""),
                    dari=[t, r],
                    value=kin.capaian,
                )
            info = kons.pemda.info.get((ind.kode, tahun))
            if info is not None and info.standar_nasional is not None:
                jb.add(
                    (subject, "standar", tahun),
                    f"{where}: standar nasional {tahun}",
                    fmt.nilai(info.standar_nasional, ind.satuan),
                    "diketik" + (f"; sumber: {info.sumber_standar}" if info.sumber_standar else ""),
                    sel=[
                        jb.pemda_sel(
                            kin.refs.get("Standar Nasional", ""),
                            ps.KINERJA.name,
                            "Standar Nasional",
                            info.standar_nasional,
                        )
                    ],
                    value=info.standar_nasional,
                )
        _akhir(kons, jb, ind, skala)


def _akhir(kons: Konsolidasi, jb: JejakBuilder, ind: Indikator, skala: str) -> None:
    if ind.target_akhir_renstra is None:
        return
    subject, tahun = f"iku:{ind.kode}", kons.pemda.identitas.tahun
    akhir = kons.pemda.identitas.rpjmd_akhir
    t = jb.add(
        (subject, "target_akhir", 0),
        f"{ind.kode} {ind.uraian}: target akhir RPJMD {akhir}",
        fmt.nilai(ind.target_akhir_renstra, ind.satuan, ind.batas_atas_akhir_renstra),
        "diketik (dokumen RPJMD)",
        sel=[
            jb.pemda_sel(
                ind.refs.get("Target Akhir RPJMD", ""),
                ps.IKU.name,
                "Target Akhir RPJMD",
                ind.target_akhir_renstra,
            )
        ],
        value=ind.target_akhir_renstra,
    )
    kin = ind.pada(tahun)
    if kin is None:
        return
    cap = capaian_akhir(ind, kin)
    band = rules.predikat(cap, skala) if cap != NA else None
    kons.capaian_akhir[ind.kode] = (cap, band)
    if cap != NA:
        jb.add(
            (subject, "capaian_akhir", 0),
            f"{ind.kode} {ind.uraian}: capaian {tahun} terhadap target akhir RPJMD",
            fmt.persen(cap),
            f"CAPAIAN: {RUMUS[ind.polaritas]} (target akhir RPJMD)",
            dari=[t, jb.code(subject, "realisasi", tahun)],
            value=cap,
        )


def _span(refs: list[str]) -> str:
    """ "'Kaskade'!C5:C49" for the cascade rows of one IKU (first to last cell)."""
    cells = [r for r in refs if r]
    if not cells:
        return "sheet Kaskade"
    first, last = cells[0], cells[-1].rpartition("!")[2]
    return first if len(cells) == 1 else f"{first}:{last}"
