"""The Rekap sheet of the Pemda workbook: the consolidated figures and their sources as rows.

Pure: the button (pemda.macro) writes these rows into the open workbook through xlwings; the
build script writes the same rows into the bundled example, so the example looks as it does
after pressing the button. Numbers stay numbers (capaian as a fraction shown as percent), so
staff can sort and filter them in Excel.
"""

from __future__ import annotations

from lkjip_xl.core.numbers import format_target
from lkjip_xl.core.values import NA
from lkjip_xl.pemda.jejak import sumber_realisasi as sumber
from lkjip_xl.pemda.model import Konsolidasi
from lkjip_xl.schema import Column, Kind, Table

C, K = Column, Kind
SHEET = "Rekap"

REKAP_IKU = Table(
    "tblRekapIKU",
    SHEET,
    "Capaian IKU Pemda (diperbarui tombol)",
    (
        C("Kode IKU", K.CODE, width=10),
        C("Tahun", K.INT, width=8),
        C("Indikator", K.LONGTEXT, width=36),
        C("Target", K.VALUE, width=11),
        C("Realisasi", K.VALUE, width=11),
        C("Capaian", K.PERCENT, width=10),
        C("Predikat", K.TEXT, width=15),
        C("Sumber Realisasi", K.LONGTEXT, width=30),
        C("Jejak", K.CODE, width=9),
        C("Kunci", K.CODE, width=14),  # Kode IKU|Tahun: what tblKinerjaIKU's formulas match
    ),
)

REKAP_OPD = Table(
    "tblRekapOPD",
    SHEET,
    "Rekap Perangkat Daerah (diperbarui tombol)",
    (
        C("Kode OPD", K.CODE, width=12),
        C("Perangkat Daerah", K.TEXT, width=34),
        C("Status", K.LONGTEXT, width=30),
        C("Indikator Terukur", K.INT, width=9),
        C("Capaian", K.PERCENT, width=10),
        C("Predikat", K.TEXT, width=15),
        C("Anggaran", K.RUPIAH, width=18),
        C("Realisasi", K.RUPIAH, width=18),
        C("Realisasi Anggaran", K.PERCENT, width=10),
        C("Efisiensi", K.PERCENT, width=10),
        C("Peringkat", K.INT, width=9),
    ),
)

JEJAK = Table(
    "tblJejak",
    SHEET,
    "Jejak Data: asal setiap angka (diperbarui tombol)",
    (
        C("Kode", K.CODE, width=7),
        C("Angka", K.LONGTEXT, width=40),
        C("Nilai", K.TEXT, width=16),
        C("Cara", K.LONGTEXT, width=34),
        C("Berkas", K.TEXT, width=34),
        C("Sel", K.TEXT, width=22),
        C("Tabel dan Kolom", K.TEXT, width=26),
        C("Isi Sel", K.VALUE, width=16),
        C("Dihitung dari", K.TEXT, width=14),
    ),
)

TABLES = (REKAP_IKU, REKAP_OPD, JEJAK)


def _num(value: object) -> object:
    return None if value is None or value == NA else value


def rows(kons: Konsolidasi) -> dict[str, list[list[object]]]:
    """Rows of every Rekap table, in the columns' order."""
    out: dict[str, list[list[object]]] = {t.name: [] for t in TABLES}
    for ind in kons.laporan.indikator:
        for year in sorted(ind.kinerja):
            kin = ind.kinerja[year]
            code = kons.index.get((f"iku:{ind.kode}", "capaian", year)) or kons.index.get(
                (f"iku:{ind.kode}", "realisasi", year), ""
            )
            out[REKAP_IKU.name].append(
                [
                    ind.kode,
                    year,
                    ind.uraian,
                    # a range as one text, "60–85" (the cell holds the Target column's value)
                    kin.target
                    if kin.batas_atas is None
                    else format_target(kin.target, kin.batas_atas),
                    NA if kin.realisasi is None else kin.realisasi,
                    _num(kin.capaian),
                    kin.predikat.label if kin.predikat else NA,
                    sumber(kons, ind, year),
                    code,
                    f"{ind.kode}|{year}",
                ]
            )
    for r in kons.rekap:
        out[REKAP_OPD.name].append(
            [
                r.opd.kode,
                r.opd.nama,
                "dipakai" if not r.excluded else r.excluded,
                r.terukur if not r.excluded else None,
                _num(r.capaian),
                r.predikat.label if r.predikat else ("" if r.excluded else NA),
                r.anggaran,
                r.realisasi,
                _num(r.persen_anggaran),
                _num(r.efisiensi),
                r.peringkat,
            ]
        )
    for j in kons.jejak:
        dari = ", ".join(j.dari)
        if not j.sel:
            out[JEJAK.name].append([j.kode, j.angka, j.nilai, j.cara, "", "", "", None, dari])
        for s in j.sel:
            out[JEJAK.name].append(
                [
                    j.kode,
                    j.angka,
                    j.nilai,
                    j.cara,
                    s.berkas,
                    s.alamat if s.sel else s.sheet,
                    f"{s.tabel}[{s.kolom}]",
                    s.nilai,
                    dari,
                ]
            )
    return out
