"""LAMPIRAN of the Pemda report: Perjanjian Kinerja of the kepala daerah, Pengukuran Kinerja
(every IKU of the year with the source of its realisasi) and Jejak Data (pemda.report.jejak)."""

from __future__ import annotations

import dataclasses

from lkjip_xl.core.values import NA
from lkjip_xl.pemda.jejak import sumber_realisasi as sumber
from lkjip_xl.pemda.model import Konsolidasi
from lkjip_xl.pemda.report import jejak
from lkjip_xl.pemda.report.bab2 import perjanjian_kinerja_table
from lkjip_xl.pemda.report.common import (
    cap_cell,
    keep_rows_with_next,
    pred_cell,
    realisasi,
    satuan_cell,
    sign,
    target,
)
from lkjip_xl.report.tables import TOTAL_FILL, Cell, numbered_header
from lkjip_xl.report.writer import Writer


def judul(kons: Konsolidasi) -> list[str]:
    """The annexes' titles, for their headings and the Daftar Lampiran."""
    t = kons.pemda.identitas.tahun
    return [f"Perjanjian Kinerja Tahun {t}", f"Pengukuran Kinerja Tahun {t}", "Jejak Data"]


def write(w: Writer, kons: Konsolidasi) -> None:
    w.heading("LAMPIRAN", 1, page_break=True)
    _perjanjian(w, kons)
    w.new_section(landscape=True)
    _pengukuran(w, kons)
    jejak.write(w, kons)


def _perjanjian(w: Writer, kons: Konsolidasi) -> None:
    ident = kons.pemda.identitas
    jabatan = ident.jabatan_kepala_daerah.title() or "Kepala Daerah"
    w.heading(f"Lampiran 1. {judul(kons)[0]}", 2)
    w.p(f"PERJANJIAN KINERJA TAHUN {ident.tahun}\n{ident.nama.upper()}", bold=True, align="center")
    w.p(
        "Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan dan akuntabel "
        f"serta berorientasi pada hasil, {jabatan}"
        + (f", {ident.nama_kepala_daerah}," if ident.nama_kepala_daerah else "")
        + " berjanji akan mewujudkan target kinerja tahunan sesuai lampiran perjanjian ini dalam "
        "rangka mencapai target kinerja jangka menengah yang telah ditetapkan dalam RPJMD. "
        "Keberhasilan dan kegagalan pencapaian target kinerja tersebut menjadi tanggung jawab "
        "kami."
    )
    perjanjian_kinerja_table(w, kons, caption=False)
    keep_rows_with_next(w, [-1])  # the last rows go with "Demikian ..." and the signature
    w.p("Demikian Perjanjian Kinerja ini dibuat untuk dilaksanakan sebaik-baiknya.")
    saved = w.ident
    w.ident = dataclasses.replace(saved, tanggal=pk_date(ident.tanggal_pk, ident.tahun))
    try:
        sign(w)
    finally:
        w.ident = saved


def pk_date(tanggal_pk: str, tahun: int) -> str:
    """The PK's date as the signature prints it: Identitas 'Tanggal Perjanjian Kinerja', or a
    dotted line in the PK's year to fill in by hand (never the report's date)."""
    return (tanggal_pk or "").strip() or f"……………… {tahun}"


def _pengukuran(w: Writer, kons: Konsolidasi) -> None:
    """Every IKU of the year under its sasaran: a bold sasaran row across the table above its
    IKU rows (kept with the first of them), not a merged Sasaran column. A merged group stays
    on one page (report.tablelayout), so a sasaran with several long sources left most of the
    first landscape page empty; these rows flow from page to page like any others."""
    t = kons.pemda.identitas.tahun
    w.heading(f"Lampiran 2. {judul(kons)[1]}", 2)
    rows: list[list[Cell | str]] = []
    labels: list[int] = []
    for no, sas in enumerate(kons.laporan.sasaran, 1):
        labels.append(len(rows) + 2)  # w:tr index: after the two header rows
        rows.append([Cell(f"Sasaran {no}: {sas.uraian}", bold=True, span=8, fill=TOTAL_FILL)])
        for i, ind in enumerate(sas.indikator, 1):
            kin = ind.pada(t)
            cap = kin.capaian if kin else NA
            rows.append(
                [
                    Cell(f"{no}.{i}", align="center"),
                    ind.uraian,
                    satuan_cell(ind),
                    Cell(target(ind, kin, with_unit=False), align="center"),
                    Cell(realisasi(ind, kin, with_unit=False), align="center"),
                    cap_cell(cap, w),
                    pred_cell(cap, w),
                    sumber(kons, ind, t) or "-",
                ]
            )
    w.table(
        f"Pengukuran Kinerja Tahun {t}",
        [
            [
                "No",
                "Indikator Kinerja Utama",
                "Satuan",
                "Target",
                "Realisasi",
                "Capaian",
                "Predikat",
                "Sumber Realisasi",
            ],
            numbered_header(8),
        ],
        rows,
        [1.0, 5.0, 1.6, 1.8, 1.8, 1.9, 2.2, 7.0],
        caption=False,
    )
    keep_rows_with_next(w, labels)
