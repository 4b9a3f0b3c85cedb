"""BAB II PERENCANAAN KINERJA of the Pemda report: RPJMD, visi-misi, tujuan and sasaran, IKU
Pemda and the Perjanjian Kinerja of the kepala daerah."""

from __future__ import annotations

from lkjip_xl.pemda import format as fmt
from lkjip_xl.pemda.model import Konsolidasi
from lkjip_xl.pemda.report.common import target
from lkjip_xl.report.tables import Cell, numbered_header
from lkjip_xl.report.writer import Writer


def write(w: Writer, kons: Konsolidasi) -> None:
    ident = kons.pemda.identitas
    w.captions.start_chapter(2)
    w.heading("BAB II\nPERENCANAAN KINERJA", 1, page_break=True)
    w.heading(f"2.1 RPJMD {ident.rpjmd_awal}–{ident.rpjmd_akhir}", 2)
    w.narasi("rpjmd")
    w.heading("2.2 Visi dan Misi", 2)
    w.p("Visi:", bold=True)
    w.narasi("visi")
    w.p("Misi:", bold=True)
    w.narasi("misi")
    w.heading("2.3 Tujuan dan Sasaran", 2)
    w.narasi("tujuan_sasaran")
    _tujuan_sasaran(w, kons)
    w.heading("2.4 Indikator Kinerja Utama", 2)
    w.narasi("iku")
    _iku(w, kons)
    w.heading(f"2.5 Perjanjian Kinerja Tahun {ident.tahun}", 2)
    w.narasi("perjanjian_kinerja")
    perjanjian_kinerja_table(w, kons)


def _tujuan_sasaran(w: Writer, kons: Konsolidasi) -> None:
    by_tujuan: dict[str, list] = {}
    for sas in kons.laporan.sasaran:
        by_tujuan.setdefault(sas.tujuan or "-", []).append(sas)
    rows = []
    for no, (tujuan, items) in enumerate(by_tujuan.items(), 1):
        for i, sas in enumerate(items):
            merge = None if len(items) == 1 else ("restart" if i == 0 else "continue")
            rows.append(
                [
                    Cell(f"{no}.", align="center", vmerge=merge),
                    Cell(tujuan, vmerge=merge),
                    Cell(sas.kode, align="center"),
                    sas.uraian,
                ]
            )
    w.table(
        "Tujuan dan Sasaran RPJMD",
        [["No", "Tujuan", "Kode", "Sasaran"]],
        rows,
        [1.0, 5.5, 1.5, 6.0],
        sumber=False,
    )


def _iku(w: Writer, kons: Konsolidasi) -> None:
    ident = kons.pemda.identitas
    rows = []
    for sas in kons.laporan.sasaran:
        for i, ind in enumerate(sas.indikator):
            merge = None if len(sas.indikator) == 1 else ("restart" if i == 0 else "continue")
            rows.append(
                [
                    Cell(sas.kode, align="center", vmerge=merge),
                    Cell(ind.kode, align="center"),
                    ind.uraian,
                    Cell(ind.satuan, align="center"),
                    Cell(ind.polaritas, align="center"),
                    Cell(
                        fmt.nilai(
                            ind.target_akhir_renstra,
                            ind.satuan,
                            ind.batas_atas_akhir_renstra,
                            with_unit=False,
                        ),
                        align="center",
                    ),
                    ind.penanggung_jawab or "-",
                ]
            )
    w.table(
        f"Indikator Kinerja Utama dan Target Akhir RPJMD {ident.nama} "
        f"{ident.rpjmd_awal}–{ident.rpjmd_akhir}",
        [
            [
                "Sasaran",
                "Kode",
                "Indikator Kinerja Utama",
                "Satuan",
                "Polaritas",
                # the RPJMD is in the caption: "RPJMD" would break in a narrow column
                f"Target Akhir ({ident.rpjmd_akhir})",
                "Penanggung Jawab",
            ]
        ],
        rows,
        [1.8, 1.2, 3.8, 1.5, 1.8, 1.8, 2.3],
        sumber=False,
    )


def perjanjian_kinerja_table(w: Writer, kons: Konsolidasi, *, caption: bool = True) -> None:
    tahun = kons.pemda.identitas.tahun
    rows = []
    for no, sas in enumerate(kons.laporan.sasaran, 1):
        inds = sas.indikator or [None]
        for i, ind in enumerate(inds):
            merge = None if len(inds) == 1 else ("restart" if i == 0 else "continue")
            kin = ind.pada(tahun) if ind else None
            rows.append(
                [
                    Cell(f"{no}.", align="center", vmerge=merge),
                    Cell(sas.uraian, vmerge=merge),
                    ind.uraian if ind else "-",
                    Cell(ind.satuan if ind else "", align="center"),
                    Cell(target(ind, kin, with_unit=False) if ind else "-", align="center"),
                ]
            )
    w.table(
        f"Perjanjian Kinerja Tahun {tahun}",
        [
            ["No", "Sasaran RPJMD", "Indikator Kinerja Utama", "Satuan", f"Target {tahun}"],
            numbered_header(5),
        ],
        rows,
        [1.0, 4.8, 5.2, 1.6, 2.0],
        caption=caption,
        sumber=False,
    )
