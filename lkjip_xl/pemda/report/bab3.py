"""BAB III AKUNTABILITAS KINERJA of the Pemda report: 3.1 measurement framework (formulas,
predikat scale, cascading methods), 3.2 capaian of the IKU Pemda; 3.3 per sasaran RPJMD is in
bab3_sasaran, 3.4 rekap per OPD and 3.5 realisasi anggaran in bab3_rekap.

Every figure comes from the consolidation (pemda.consolidate, core rules) and is formatted by
pemda.format, so each one appears, with its source cells, in Lampiran Jejak Data.
"""

from __future__ import annotations

from lkjip_xl.core.numbers import bilangan_dengan_kata
from lkjip_xl.core.scales import band_scale
from lkjip_xl.core.values import NA
from lkjip_xl.pemda import format as fmt
from lkjip_xl.pemda.cascade import CARA
from lkjip_xl.pemda.model import Konsolidasi
from lkjip_xl.pemda.report import bab3_rekap, bab3_sasaran
from lkjip_xl.pemda.report.common import (
    cap_cell,
    capaian_charts,
    list_items,
    narasi_and_lead_in,
    pred_cell,
    realisasi,
    satuan_cell,
    target,
)
from lkjip_xl.pemda.report.front import summary_sentence
from lkjip_xl.pemda.schema import METODE
from lkjip_xl.report import charts, styles
from lkjip_xl.report.captions import GAMBAR
from lkjip_xl.report.sections.teks import pengantar
from lkjip_xl.report.tables import Cell, numbered_header
from lkjip_xl.report.writer import Writer


def write(w: Writer, kons: Konsolidasi) -> None:
    w.captions.start_chapter(3)
    w.heading("BAB III\nAKUNTABILITAS KINERJA", 1, page_break=True)
    w.narasi("akuntabilitas_kinerja")
    _kerangka(w, kons)
    _capaian_iku(w, kons)
    bab3_sasaran.write(w, kons)
    bab3_rekap.write(w, kons)


def _kerangka(w: Writer, kons: Konsolidasi) -> None:
    w.heading("3.1 Kerangka Pengukuran Kinerja", 2)
    w.narasi("kerangka_pengukuran")
    w.p(
        "Capaian IKU dihitung dengan rumus yang sama dengan laporan kinerja perangkat daerah. "
        "Apabila semakin tinggi realisasi menunjukkan kinerja yang semakin baik:"
    )
    w.p("Capaian = Realisasi ÷ Target × 100%", styles.RUMUS)
    w.p("Apabila semakin tinggi realisasi menunjukkan kinerja yang semakin rendah:")
    w.p("Capaian = (Target − (Realisasi − Target)) ÷ Target × 100%", styles.RUMUS)
    if any(ind.polaritas == "rentang" for ind in kons.laporan.indikator):
        w.p(
            "Untuk target berupa rentang, realisasi di dalam rentang bernilai 100%; di luar "
            "rentang diukur terhadap batas terdekat dengan salah satu rumus di atas."
        )
    methods = {k.metode for k in kons.pemda.kaskade}
    if methods:
        w.p(
            "Realisasi IKU yang diukur oleh perangkat daerah diambil langsung dari LKjIP "
            "perangkat daerah tersebut melalui penjenjangan kinerja (kaskade), yaitu penautan "
            "indikator kinerja perangkat daerah ke IKU Pemda, dengan cara berikut:"
        )
        list_items(w, [f"{m}: {CARA[m]}" for m in METODE if m in methods])
        w.p(
            "Realisasi lain berasal dari data instansi yang berwenang dan disebutkan sumbernya "
            "(misalnya Badan Pusat Statistik). Realisasi yang belum tersedia menghasilkan "
            "capaian N/A dan tidak diperhitungkan dalam rata-rata. Capaian sasaran adalah "
            "rata-rata capaian IKU sasaran tersebut; capaian perangkat daerah adalah rata-rata "
            "capaian indikator kinerja utamanya. Asal setiap angka dicantumkan pada lampiran "
            "Jejak Data."
        )
    skala = band_scale(w.ident.skala_predikat)
    rows = [
        [
            Cell(b.description or b.label, align="center"),
            Cell(b.label, align="center"),
            Cell(b.warna or b.colour, align="center", fill=b.colour, bold=True),
        ]
        for b in skala.bands
    ]
    w.p("Predikat capaian ditetapkan atas nilai capaian yang dibulatkan dua desimal:")
    caption = "Predikat Nilai Capaian Kinerja"
    w.table(
        caption,
        [["Persentase Capaian", "Predikat", "Kode Warna"]],
        rows,
        [5, 5, 4],
        sumber=False,
        note=scale_note(caption, skala.title, skala.source),
    )


def scale_note(caption: str, title: str, source: str) -> str:
    """The note under the predikat table: the scale's source when it has one, its title only
    when that says more than the caption; never the caption again."""
    source = source.strip().rstrip(".")
    if source:
        return f"Sumber skala: {source[0].upper()}{source[1:]}."
    if title.strip() and title.strip().casefold() != caption.strip().casefold():
        return f"Skala: {title.strip().rstrip('.')}."
    return ""


def _capaian_iku(w: Writer, kons: Konsolidasi) -> None:
    ident, rk = kons.pemda.identitas, kons.laporan.ringkasan
    w.heading("3.2 Capaian Indikator Kinerja Utama", 2)
    narasi_and_lead_in(
        w,
        "capaian_iku",
        f"Hasil pengukurannya disajikan pada {w.captions.label('Tabel')} berikut.",
        f"Perjanjian Kinerja Tahun {ident.tahun} memuat "
        f"{bilangan_dengan_kata(rk.jumlah_indikator)} IKU pada "
        f"{bilangan_dengan_kata(rk.jumlah_sasaran)} sasaran RPJMD.",
    )
    rows = []
    for no, sas in enumerate(kons.laporan.sasaran, 1):
        for i, ind in enumerate(sas.indikator):
            merge = None if len(sas.indikator) == 1 else ("restart" if i == 0 else "continue")
            kin = ind.pada(ident.tahun)
            cap = kin.capaian if kin else NA
            rows.append(
                [
                    Cell(f"{no}.", align="center", vmerge=merge),
                    Cell(sas.uraian, vmerge=merge),
                    ind.uraian,
                    satuan_cell(ind),
                    Cell(target(ind, kin, with_unit=False), align="center"),
                    Cell(realisasi(ind, kin, with_unit=False), align="center"),
                    cap_cell(cap, w),
                    pred_cell(cap, w),
                ]
            )
    t = ident.tahun
    w.table(
        f"Capaian Indikator Kinerja Utama Tahun {t}",
        [
            [
                "No",
                "Sasaran RPJMD",
                "Indikator Kinerja Utama",
                "Satuan",
                f"Target {t}",
                f"Realisasi {t}",
                "Capaian",
                "Predikat",
            ],
            numbered_header(8),
        ],
        rows,
        [0.9, 3.0, 3.4, 1.5, 1.6, 1.7, 1.9, 2.0],
        landscape=False,  # a few rows on a landscape page of their own read worse than 9 pt
    )
    w.p(
        summary_sentence(
            kons, f"Secara keseluruhan, dari {bilangan_dengan_kata(rk.jumlah_indikator)} IKU, "
        )
    )
    pengantar(w, "Capaian setiap IKU digambarkan pada {label} berikut.", GAMBAR)
    bars = []
    for ind in kons.laporan.indikator:
        kin = ind.pada(t)
        cap = kin.capaian if kin else NA
        colour = kin.predikat.colour if kin and kin.predikat else charts.NA_COLOUR
        bars.append(charts.Bar(ind.uraian, w.percent_value(cap), fmt.persen(cap), colour))
    capaian_charts(w, bars, f"Capaian Indikator Kinerja Utama Tahun {t}")
