"""3.3 opening: Tabel 3.4 (every year's target, realisasi and capaian, then the Renstra end
target) in a landscape section, then the trend chart.

History as published: for past years the capaian printed is the one published in that year's
LKjIP when staff typed it (tblRealisasi "Capaian Dilaporkan"); `lkjip-xl periksa` warns where it
differs from the recomputation (checks.riwayat).
"""

from __future__ import annotations

from lkjip_xl.core import evaluation, rules
from lkjip_xl.core.model import Indikator, KinerjaTahun
from lkjip_xl.core.numbers import bilangan_dengan_kata, format_persen, format_target
from lkjip_xl.core.scales import Band, band_scale
from lkjip_xl.core.values import NA
from lkjip_xl.report import charts
from lkjip_xl.report.captions import GAMBAR
from lkjip_xl.report.sections.bab3 import analisis
from lkjip_xl.report.sections.teks import (
    capaian_cell,
    capaian_tercetak,
    daftar,
    dilaporkan,
    lebar_gambar,
    pengantar,
    predikat_cell,
    realisasi,
    target,
)
from lkjip_xl.report.tables import TOTAL_FILL, Cell, numbered_header
from lkjip_xl.report.writer import Writer

#: Up to this many indicators of the report year the trend chart draws one small plot per
#: indicator; above it, stacked counts (tercapai / tidak tercapai / N/A) per year.
CHART_TREND_LINES = 8


def write(w: Writer) -> None:
    lap = w.lap
    w.heading("3.3 Pengukuran, Evaluasi dan Analisis Capaian Kinerja Sasaran Strategis", 2)
    w.narasi("analisis_capaian")
    years = lap.tahun_kinerja
    if years:
        _comparison(w, years)
    _keterbatasan(w)


def _comparison(w: Writer, years: list[int]) -> None:
    ident, rk = w.ident, w.lap.ringkasan
    renstra = ""
    if any(ind.target_akhir_renstra is not None for ind in w.lap.indikator):
        renstra = (
            f", serta capaian terhadap target akhir Renstra {ident.renstra_awal}–"
            f"{ident.renstra_akhir},"
        )
    w.new_section(landscape=True)  # the lead-in on the table's page, not alone before it
    pengantar(
        w,
        f"Target, realisasi dan capaian {bilangan_dengan_kata(rk.jumlah_indikator)} IKU tahun "
        f"{years[0]}–{years[-1]}{renstra} disajikan pada {{label}} berikut.",
    )
    _table(w, years)
    w.new_section(landscape=False)
    _trend_chart(w, years)  # drawn for a portrait page: alone on a landscape page it wasted it


def _keterbatasan(w: Writer) -> None:
    """What the per-sasaran analyses below cannot compare, said once here."""
    sentences = analisis.keterbatasan(w)
    if sentences:
        w.p(
            "Analisis per sasaran berikut membandingkan realisasi dengan target tahun "
            f"{w.ident.tahun}, tahun-tahun sebelumnya, target akhir Renstra dan standar "
            "nasional sejauh datanya tersedia. " + " ".join(sentences)
        )


def capaian_akhir(
    w: Writer, ind: Indikator, kin: KinerjaTahun | None
) -> tuple[object, Band | None]:
    """Capaian of the report year's realisasi against the Renstra end target (core rules)."""
    cap = evaluation.capaian_akhir(ind, kin)
    if cap == NA:
        return NA, None
    return cap, rules.predikat(cap, w.ident.skala_predikat)


def _table(w: Writer, years: list[int]) -> None:
    lap, ident = w.lap, w.ident
    rows = []
    inds = lap.indikator
    published = False
    for year in years:
        present = [(ind, ind.pada(year)) for ind in inds if ind.pada(year) is not None]
        for i, (ind, kin) in enumerate(present):
            merge = None if len(present) == 1 else ("restart" if i == 0 else "continue")
            cap = capaian_tercetak(kin, ident.tahun)
            published = published or dilaporkan(kin, ident.tahun)
            rows.append(
                [
                    Cell(str(year), align="center", bold=True, vmerge=merge),
                    ind.uraian,
                    Cell(target(kin, ind), align="center"),
                    Cell(realisasi(kin, ind), align="center"),
                    capaian_cell(w, cap),
                    predikat_cell(w, cap),
                ]
            )
    end_rows = [ind for ind in inds if ind.target_akhir_renstra is not None]
    label = f"Target Akhir Renstra {ident.renstra_akhir} (realisasi {ident.tahun})"
    final = ident.tahun >= ident.renstra_akhir  # before it: progress, not a verdict
    for i, ind in enumerate(end_rows):
        merge = None if len(end_rows) == 1 else ("restart" if i == 0 else "continue")
        kin = w.kinerja(ind)
        cap, _ = capaian_akhir(w, ind, kin)
        if final:
            capaian, predikat = capaian_cell(w, cap), predikat_cell(w, cap)
        else:
            capaian = Cell(format_persen(cap), align="center")
            predikat = Cell("-", align="center")
        rows.append(
            [
                Cell(label, align="center", bold=True, vmerge=merge, fill=TOTAL_FILL),
                ind.uraian,
                Cell(
                    format_target(
                        ind.target_akhir_renstra, ind.batas_atas_akhir_renstra, ind.satuan
                    ),
                    align="center",
                ),
                Cell(realisasi(kin, ind), align="center"),
                capaian,
                predikat,
            ]
        )
    notes = []
    if published:
        notes.append(
            f"Capaian tahun sebelum {ident.tahun} dikutip sebagaimana dilaporkan dalam LKjIP "
            "tahun bersangkutan."
        )
    if end_rows:
        notes += _renstra_notes(w, [ind for ind in inds if ind not in end_rows], final)
    note = " ".join(notes)
    title = f"Perbandingan Capaian Kinerja Tahun {years[0]}–{years[-1]}"
    w.table(
        title + (" dan Target Akhir Renstra" if end_rows else ""),
        [
            ["Tahun", "Indikator Sasaran", "Target", "Realisasi", "Capaian", "Predikat"],
            numbered_header(6),
        ],
        rows,
        [2.6, 9, 3, 3.4, 2.2, 2.5],
        note=note,
    )


def _renstra_notes(w: Writer, missing: list[Indikator], final: bool) -> list[str]:
    """Notes under Tabel 3.4 on the Target Akhir Renstra rows: what their capaian means before
    the Renstra's last year, and which indicators they leave out."""
    ident = w.ident
    notes = []
    if not final:
        notes.append(
            f"Baris Target Akhir Renstra: realisasi tahun {ident.tahun} dibandingkan dengan "
            f"target akhir Renstra tahun {ident.renstra_akhir} sebagai persentase kemajuan; "
            "predikat baru diberikan pada tahun akhir Renstra."
        )
    if missing:
        notes.append(
            "Indikator tanpa target akhir Renstra tidak dimuat pada baris tersebut: "
            + daftar([ind.uraian for ind in missing])
            + "."
        )
    return notes


def _trend_chart(w: Writer, years: list[int]) -> None:
    lap, t = w.lap, w.ident.tahun
    iku = [ind for ind in lap.indikator if ind.pada(t) is not None]
    if not iku or len(years) < 2:
        return
    title = f"Tren Capaian Indikator Kinerja Utama Tahun {years[0]}–{years[-1]}"
    if len(iku) <= CHART_TREND_LINES:
        pengantar(
            w,
            f"Perkembangan capaian setiap IKU tahun {years[0]}–{years[-1]} digambarkan pada "
            "{label} berikut.",
            GAMBAR,
        )
        series = [(ind.uraian, [_point(w, ind, y) for y in years]) for ind in iku]
        width = charts.WIDTH_CM if not w.landscape else min(w.text_width, 21.0)
        png = charts.trend_lines(series, title, width)
        w.figure(png, title, width_cm=lebar_gambar(w, png, width))
        return
    reached, missed, na = [], [], []
    for y in years:
        caps = [capaian_tercetak(ind.pada(y), t) for ind in iku if ind.pada(y) is not None]
        measured = [c for c in caps if c != NA]
        ok = sum(1 for c in measured if rules.tercapai(c))
        reached.append(ok)
        missed.append(len(measured) - ok)
        na.append(len(caps) - len(measured))
    bands = band_scale(w.ident.skala_predikat).bands
    pengantar(
        w,
        f"Jumlah IKU yang tercapai dan tidak tercapai pada setiap tahun {years[0]}–{years[-1]} "
        "digambarkan pada {label} berikut.",
        GAMBAR,
    )
    png = charts.trend_counts(
        years,
        [
            ("Tercapai/melebihi target", bands[-1].colour, reached),
            ("Tidak tercapai", bands[0].colour, missed),
            (NA, charts.NA_COLOUR, na),
        ],
        title,
    )
    w.figure(png, title + " (jumlah indikator)", width_cm=lebar_gambar(w, png, 17))


def _point(w: Writer, ind: Indikator, year: int) -> tuple[int, float | None, str]:
    cap = capaian_tercetak(ind.pada(year), w.ident.tahun)
    return year, w.percent_value(cap), format_persen(cap)
