"""3.3.N, one sasaran: its table, then per indicator the generated analyses (1)-(4) followed by
the staff's narrative on causes and efforts (5, tblNarasi "indikator:<kode>"), then for the
sasaran the efficiency of its budget (6) and the narrative on supporting programs (7,
"sasaran:<kode>"). The IKM indicator also gets its unsur table (bab3.ikm). Each analysis
carries a bold run-in label, so a reviewer finds all seven."""

from __future__ import annotations

from lkjip_xl.core import rules
from lkjip_xl.core.model import Sasaran
from lkjip_xl.core.numbers import format_persen
from lkjip_xl.core.values import NA
from lkjip_xl.report import styles
from lkjip_xl.report.sections.bab3 import analisis, ikm
from lkjip_xl.report.sections.teks import has_text, label_paragraf, pengantar, realisasi, target
from lkjip_xl.report.tables import TOTAL_FILL, Cell, numbered_header
from lkjip_xl.report.writer import Writer

LABEL_TARGET = "Realisasi terhadap target. "
LABEL_TAHUN = "Perbandingan dengan tahun sebelumnya. "
LABEL_RENSTRA = "Perbandingan dengan target akhir Renstra. "
LABEL_STANDAR = "Perbandingan dengan standar nasional. "
LABEL_SEBAB = "Penyebab keberhasilan/kegagalan dan upaya:"
LABEL_EFISIENSI = "Efisiensi penggunaan sumber daya. "
LABEL_PROGRAM = "Program dan kegiatan pendukung/penghambat:"


def write(w: Writer, no: int, sas: Sasaran) -> None:
    ident = w.ident
    w.heading(f"3.3.{no} Sasaran {no}: {sas.uraian}", 3)
    pengantar(
        w,
        f"Capaian indikator kinerja sasaran {no} tahun {ident.tahun} disajikan pada {{label}} "
        "berikut.",
    )
    _table(w, no, sas)
    ikm_ind = ikm.indikator_ikm(w)
    for ind in sas.indikator:
        w.p(ind.uraian, styles.SUBJUDUL)
        text, komponen = analisis.capaian_tahun_ini(w, ind)
        w.parts([(LABEL_TARGET, "b"), (text, "")])
        kin = w.kinerja(ind)
        if komponen and kin is not None:
            w.p(analisis.komponen_pengantar(kin)).paragraph_format.keep_with_next = True
            w.items([f"{k};" for k in komponen[:-1]] + [f"{komponen[-1]}."], numbered=False)
        for label, text in (
            (LABEL_TAHUN, analisis.tahun_sebelumnya(w, ind)),
            (LABEL_RENSTRA, analisis.target_renstra(w, ind)),
            (LABEL_STANDAR, analisis.standar_nasional(w, ind)),
        ):
            if text:
                w.parts([(label, "b"), (text, "")])
        if ind is ikm_ind:
            ikm.write(w, ind)
        key = f"indikator:{ind.kode}"
        if has_text(w, key):
            label_paragraf(w, LABEL_SEBAB)
            w.narasi(key)
    efisiensi = analisis.efisiensi_sasaran(w, sas)
    if efisiensi:
        w.parts([(LABEL_EFISIENSI, "b"), (efisiensi, "")])
    key = f"sasaran:{sas.kode}"
    if has_text(w, key):
        label_paragraf(w, LABEL_PROGRAM)
        w.narasi(key)


def _table(w: Writer, no: int, sas: Sasaran) -> None:
    rows = []
    for i, ind in enumerate(sas.indikator, 1):
        kin = w.kinerja(ind)
        rows.append(
            [
                Cell(f"{i}.", align="center"),
                ind.uraian,
                Cell(target(kin, ind), align="center"),
                Cell(realisasi(kin, ind), align="center"),
                w.capaian_cell(kin),
                w.predikat_cell(kin),
            ]
        )
    band = rules.predikat(sas.capaian, w.ident.skala_predikat)
    fill = band.colour if band else None
    rows.append(
        [
            Cell(
                "Capaian sasaran (rata-rata indikator terukur)", bold=True, span=4, fill=TOTAL_FILL
            ),
            Cell(format_persen(sas.capaian), align="center", bold=True, fill=fill),
            Cell(band.label if band else NA, align="center", bold=True, fill=fill),
        ]
    )
    w.table(
        f"Capaian Kinerja Sasaran {no} Tahun {w.ident.tahun}",
        [
            ["No", "Indikator Kinerja", "Target", "Realisasi", "Capaian", "Predikat"],
            numbered_header(6),
        ],
        rows,
        [0.9, 5.6, 2.2, 2.6, 1.8, 2.2],
    )
