"""3.2 Capaian Indikator Kinerja Utama: Tabel 3.3 (report year), the capaian chart and a short
summary of which indicators reached their target. The analysis of each indicator is in 3.3 (one
place per statement), so nothing here repeats a sentence of it."""

from __future__ import annotations

from lkjip_xl.core import rules
from lkjip_xl.core.numbers import bilangan_dengan_kata, format_persen
from lkjip_xl.core.scales import band_scale
from lkjip_xl.core.values import NA
from lkjip_xl.report import charts
from lkjip_xl.report.captions import GAMBAR
from lkjip_xl.report.sections.teks import (
    DAFTAR_MAKS,
    akhiri_butir,
    daftar,
    lebar_gambar,
    pengantar,
    realisasi,
    target,
)
from lkjip_xl.report.tables import Cell, numbered_header
from lkjip_xl.report.writer import Writer

#: Up to this many indicators the capaian chart shows one bar per indicator; above it, one bar
#: per sasaran (the sasaran's mean capaian), at most charts.MAX_BARS bars.
CHART_PER_INDICATOR = 25


def write(w: Writer) -> None:
    lap, ident, rk = w.lap, w.ident, w.lap.ringkasan
    w.heading("3.2 Capaian Indikator Kinerja Utama", 2)
    w.narasi("capaian_iku")
    pengantar(
        w,
        f"Perjanjian Kinerja {ident.nama_instansi} Tahun {ident.tahun} menetapkan "
        f"{bilangan_dengan_kata(rk.jumlah_sasaran)} sasaran dan "
        f"{bilangan_dengan_kata(rk.jumlah_indikator)} indikator kinerja utama (IKU). Hasil "
        f"pengukuran IKU tahun {ident.tahun} disajikan pada {{label}} berikut.",
    )
    rows = []
    for no, sas in enumerate(lap.sasaran, 1):
        for i, ind in enumerate(sas.indikator):
            merge = None if len(sas.indikator) == 1 else ("restart" if i == 0 else "continue")
            kin = w.kinerja(ind)
            rows.append(
                [
                    Cell(f"{no}.", align="center", vmerge=merge),
                    Cell(sas.uraian, vmerge=merge),
                    ind.uraian,
                    Cell(target(kin, ind), align="center"),
                    Cell(realisasi(kin, ind), align="center"),
                    w.capaian_cell(kin),
                    w.predikat_cell(kin),
                ]
            )
    t = ident.tahun
    w.table(
        f"Capaian Realisasi Indikator Kinerja Utama Tahun {t}",
        [
            [
                "No",
                "Sasaran",
                "Indikator Sasaran",
                f"Target {t}",
                f"Realisasi {t}",
                "Capaian",
                "Predikat",
            ],
            numbered_header(7),
        ],
        rows,
        [0.7, 2.8, 5.2, 1.6, 1.6, 1.4, 1.5],  # the indicator text gets the spare width
    )
    _chart(w)
    _summary(w)


def _summary(w: Writer) -> None:
    """Which indicators reached, missed or could not be measured: names only (the figures are
    in Tabel 3.3 and the analysis in 3.3). One sentence while every group is short; with a
    group over teks.DAFTAR_MAKS names, a Word list with one item per group."""
    reached, missed, na = [], [], []
    for ind in w.lap.indikator:
        kin = w.kinerja(ind)
        if kin is None or kin.capaian == NA:
            na.append(ind.uraian)
        elif rules.tercapai(kin.capaian):
            reached.append(ind.uraian)
        else:
            missed.append(ind.uraian)
    groups = [
        (f"{bilangan_dengan_kata(len(names))} indikator {what}", names)
        for names, what in (
            (reached, "mencapai atau melebihi target"),
            (missed, "belum mencapai target"),
            (na, "belum dapat diukur karena realisasinya belum tersedia"),
        )
        if names
    ]
    if not groups:
        return
    closing = "Analisis setiap indikator disajikan per sasaran strategis pada subbab 3.3."
    if all(len(names) <= DAFTAR_MAKS for _, names in groups):
        parts = [f"{head}, yaitu {daftar(names)}" for head, names in groups]
        w.p("Berdasarkan hasil pengukuran tersebut, " + "; ".join(parts) + ". " + closing)
        return
    w.p("Berdasarkan hasil pengukuran tersebut:").paragraph_format.keep_with_next = True
    w.items(
        [
            (f"{head}, yaitu:", akhiri_butir(names))
            if len(names) > 1
            else f"{head}, yaitu {names[0]}."
            for head, names in groups
        ],
        numbered=False,
    )
    w.p(closing)


def _legend(w: Writer) -> list[tuple[str, str]]:
    return [(b.label, b.colour) for b in band_scale(w.ident.skala_predikat).bands] + [
        (NA, charts.NA_COLOUR)
    ]


def _chart(w: Writer) -> None:
    lap, t = w.lap, w.ident.tahun
    if not lap.indikator:
        return
    bars = []
    if len(lap.indikator) <= CHART_PER_INDICATOR:
        for ind in lap.indikator:
            kin = w.kinerja(ind)
            cap = kin.capaian if kin else NA
            colour = kin.predikat.colour if kin and kin.predikat else charts.NA_COLOUR
            bars.append(charts.Bar(ind.uraian, w.percent_value(cap), format_persen(cap), colour))
        title = f"Capaian Indikator Kinerja Utama Tahun {t}"
        lead = "Capaian setiap IKU tahun {tahun} digambarkan pada {label} berikut."
    else:
        for sas in lap.sasaran[: charts.MAX_BARS]:
            band = rules.predikat(sas.capaian, w.ident.skala_predikat)
            colour = band.colour if band else charts.NA_COLOUR
            bars.append(
                charts.Bar(
                    f"{sas.kode} {sas.uraian}",
                    w.percent_value(sas.capaian),
                    format_persen(sas.capaian),
                    colour,
                )
            )
        title = f"Capaian Sasaran Strategis Tahun {t} (rata-rata capaian indikator)"
        if len(lap.sasaran) > charts.MAX_BARS:
            title += f", {charts.MAX_BARS} sasaran pertama"
        lead = (
            "Capaian setiap sasaran strategis tahun {tahun}, yaitu rata-rata capaian "
            "indikatornya, digambarkan pada {label} berikut."
        )
    pengantar(w, lead.replace("{tahun}", str(t)), GAMBAR)
    png = charts.capaian_bars(bars, title, _legend(w))
    w.figure(png, title, lebar_gambar(w, png))
