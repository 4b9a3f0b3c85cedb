"""The Pemda reader's cascade tables: tblKaskadeIKU (OPD indicator -> IKU Pemda) and
tblKaskadeSasaran (OPD sasaran -> sasaran RPJMD)."""

from __future__ import annotations

from lkjip_xl.core.findings import Finding, kesalahan
from lkjip_xl.pemda import schema as ps
from lkjip_xl.pemda.model import KaskadeIKU, PemdaData, TautanSasaran
from lkjip_xl.pemda.rows import duplicates, error, unknown
from lkjip_xl.readers.to_model import Record, ref


def read_kaskade(rows: list[Record], data: PemdaData, findings: list[Finding]) -> list[KaskadeIKU]:
    iku = {ind.kode for ind in data.laporan.indikator}
    opd = {o.kode for o in data.opd}
    duplicates(rows, ("Kode IKU", "Kode OPD", "Kode Indikator OPD"), findings)
    out: list[KaskadeIKU] = []
    for r in rows:
        if r["Kode IKU"] not in iku:
            unknown(findings, r, "Kode IKU", ps.IKU.name)
            continue
        if r["Kode OPD"] not in opd:
            unknown(findings, r, "Kode OPD", ps.OPD.name)
            continue
        metode = str(r["Metode"]).strip().casefold().replace(" ", "-")
        metode = {"ratarata": "rata-rata", "rerata": "rata-rata"}.get(metode, metode)
        if metode not in ps.METODE:
            error(
                findings,
                r,
                "Metode",
                f"Metode '{r['Metode']}' tidak dikenal.",
                kode="metode-tidak-dikenal",
                saran="Pilih: " + ", ".join(ps.METODE) + ".",
            )
            continue
        if metode == "tertimbang" and (r["Bobot"] is None or r["Bobot"] <= 0):
            error(
                findings,
                r,
                "Bobot",
                "Metode tertimbang membutuhkan Bobot lebih dari 0.",
                kode="bobot-kosong",
                saran="Isi bobot setiap indikator sumber.",
            )
            continue
        out.append(
            KaskadeIKU(
                r["Kode IKU"],
                r["Kode OPD"],
                r["Kode Indikator OPD"],
                metode,
                r["Bobot"],
                refs={c: ref(r, c) for c in ps.KASKADE_IKU.column_names},
            )
        )
    _consistent_methods(out, findings)
    return out


def _consistent_methods(rows: list[KaskadeIKU], findings: list[Finding]) -> None:
    by_iku: dict[str, list[KaskadeIKU]] = {}
    for row in rows:
        by_iku.setdefault(row.kode_iku, []).append(row)
    for kode, group in by_iku.items():
        methods = {r.metode for r in group}
        sheet, _, cell = group[-1].refs["Metode"].rpartition("!")
        where = {
            "sheet": sheet.strip("'"),
            "cell": cell or None,
            "table": ps.KASKADE_IKU.name,
            "column": "Metode",
        }
        if len(methods) > 1:
            findings.append(
                kesalahan(
                    f"IKU {kode} memakai metode kaskade berbeda-beda "
                    f"({', '.join(sorted(methods))}).",
                    **where,
                    kode="metode-campuran",
                    saran="Satu IKU satu metode: samakan kolom Metode semua barisnya.",
                )
            )
        elif methods == {"sama"} and len(group) > 1:
            findings.append(
                kesalahan(
                    f"IKU {kode} bermetode 'sama' tetapi memiliki {len(group)} indikator sumber.",
                    **where,
                    kode="metode-sama-ganda",
                    saran="Pakai rata-rata, jumlah atau tertimbang untuk beberapa sumber.",
                )
            )


def read_tautan(
    rows: list[Record], data: PemdaData, findings: list[Finding]
) -> list[TautanSasaran]:
    sasaran = {s.kode for s in data.laporan.sasaran}
    opd = {o.kode for o in data.opd}
    duplicates(rows, ("Kode OPD", "Kode Sasaran OPD"), findings)
    out = []
    for r in rows:
        if r["Kode OPD"] not in opd:
            unknown(findings, r, "Kode OPD", ps.OPD.name)
            continue
        if r["Kode Sasaran RPJMD"] not in sasaran:
            unknown(findings, r, "Kode Sasaran RPJMD", ps.SASARAN.name)
            continue
        out.append(
            TautanSasaran(
                r["Kode OPD"],
                r["Kode Sasaran OPD"],
                r["Kode Sasaran RPJMD"],
                "pemda",
                ref(r, "Kode Sasaran OPD"),
            )
        )
    return out
