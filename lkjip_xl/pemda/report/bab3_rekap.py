"""3.4 rekap capaian kinerja per perangkat daerah (table, ranked chart, the OPDs left out and
why) and 3.5 realisasi anggaran of the perangkat daerah together."""

from __future__ import annotations

from lkjip_xl.core.numbers import bilangan_dengan_kata
from lkjip_xl.core.values import NA
from lkjip_xl.pemda import format as fmt
from lkjip_xl.pemda.model import Konsolidasi, RekapOPD
from lkjip_xl.pemda.report import charts as pemda_charts
from lkjip_xl.pemda.report.common import (
    band,
    cakupan_anggaran,
    cap_cell,
    capaian_charts,
    list_items,
    narasi_and_lead_in,
    pred_cell,
)
from lkjip_xl.report import charts
from lkjip_xl.report.tables import TOTAL_FILL, Cell, numbered_header
from lkjip_xl.report.writer import Writer

#: At most this many OPD get the anggaran chart (a taller chart does not fit a page).
BUDGET_CHART_MAX = 15


def write(w: Writer, kons: Konsolidasi) -> None:
    _rekap(w, kons)
    _anggaran(w, kons)


def _rekap(w: Writer, kons: Konsolidasi) -> None:
    ident = kons.pemda.identitas
    w.heading("3.4 Rekap Capaian Kinerja Perangkat Daerah", 2)
    used = [r for r in kons.rekap if not r.excluded]
    narasi_and_lead_in(
        w,
        "rekap_opd",
        f"Hasilnya disajikan pada {w.captions.label('Tabel')} berikut.",
        f"Capaian kinerja {bilangan_dengan_kata(len(used))} perangkat daerah tahun "
        f"{ident.tahun} dihitung dari LKjIP masing-masing: capaian adalah rata-rata "
        "capaian indikator kinerja utama yang terukur, realisasi anggaran adalah total "
        "realisasi dibagi total anggaran, dan efisiensi adalah selisih keduanya dalam poin persen.",
    )
    ranked = sorted((r for r in used if r.peringkat), key=lambda r: (r.peringkat, r.opd.nama))
    order = [*ranked, *(r for r in used if not r.peringkat)]
    # No "IKU Terukur" column: seven columns leave the OPD names 3 cm on a portrait page
    # (each column needs its longest word); an OPD with unmeasured indicators gets a note.
    rows = [
        [
            Cell(str(r.peringkat) if r.peringkat else "-", align="center"),
            r.opd.nama,
            cap_cell(r.capaian, w),
            pred_cell(r.capaian, w),
            Cell(fmt.persen(r.persen_anggaran), align="center"),
            Cell(fmt.poin(r.efisiensi), align="center"),
        ]
        for r in order
    ]
    if rows:
        w.table(
            f"Rekap Capaian Kinerja Perangkat Daerah Tahun {ident.tahun} (menurut peringkat)",
            [
                [
                    "Peringkat",
                    "Perangkat Daerah",
                    "Capaian Kinerja",
                    "Predikat",
                    "Realisasi Anggaran",
                    "Efisiensi (3)−(5) dalam poin persen",
                ],
                numbered_header(6),
            ],
            rows,
            [1.0, 8.0, 1.7, 1.8, 1.8, 1.7],
            note=terukur_note(order),
        )
    bars = [
        charts.Bar(
            f"{r.peringkat}. {r.opd.nama}" if r.peringkat else r.opd.nama,
            w.percent_value(r.capaian),
            fmt.persen(r.capaian),
            (band(r.capaian, w).colour if band(r.capaian, w) else charts.NA_COLOUR),
        )
        for r in order
    ]
    capaian_charts(w, bars, f"Peringkat Capaian Kinerja Perangkat Daerah Tahun {ident.tahun}")
    _left_out(w, kons)


def terukur_note(rows: list[RekapOPD]) -> str:
    """Which OPDs' capaian leaves out indicators not yet measurable (N/A)."""
    partial = [r for r in rows if r.terukur < r.jumlah_indikator]
    if not partial:
        return "Capaian setiap perangkat daerah dihitung dari seluruh indikator kinerja utamanya."
    items = "; ".join(
        f"{r.opd.nama} ({r.terukur} dari {r.jumlah_indikator} indikator terukur)" for r in partial
    )
    return f"Indikator N/A tidak dihitung dalam rata-rata capaian: {items}."


def _left_out(w: Writer, kons: Konsolidasi) -> None:
    out = [r for r in kons.rekap if r.excluded]
    if not out:
        return
    w.p(
        f"{bilangan_dengan_kata(len(out), kapital=True)} perangkat daerah tidak dimasukkan ke "
        "rekap karena datanya belum dapat dipakai; angka IKU Pemda tidak bergantung "
        "padanya:"
    )
    list_items(w, [f"{r.opd.nama} ({r.opd.berkas}): {r.excluded}" for r in out])


def _anggaran(w: Writer, kons: Konsolidasi) -> None:
    ident = kons.pemda.identitas
    gaya = ident.gaya_rupiah
    w.heading("3.5 Realisasi Anggaran", 2)
    used = [r for r in kons.rekap if not r.excluded and r.anggaran is not None]
    if not used:
        w.narasi("akuntabilitas_keuangan")
        w.p("Data anggaran perangkat daerah belum tersedia.")
        return
    rows = [
        [
            Cell(f"{i}.", align="center"),
            r.opd.nama,
            Cell(fmt.rupiah(r.anggaran, gaya), align="right"),
            Cell(fmt.rupiah(r.realisasi, gaya), align="right"),
            Cell(fmt.persen(r.persen_anggaran), align="center"),
        ]
        for i, r in enumerate(used, 1)
    ]
    rows.append(
        [
            Cell("", fill=TOTAL_FILL),
            Cell("Jumlah", bold=True, fill=TOTAL_FILL),
            Cell(fmt.rupiah(kons.total_anggaran, gaya), bold=True, align="right", fill=TOTAL_FILL),
            Cell(fmt.rupiah(kons.total_realisasi, gaya), bold=True, align="right", fill=TOTAL_FILL),
            Cell(fmt.persen(kons.persen_anggaran), bold=True, align="center", fill=TOTAL_FILL),
        ]
    )
    narasi_and_lead_in(
        w,
        "akuntabilitas_keuangan",
        f"Anggaran dan realisasi anggaran tahun {ident.tahun} perangkat daerah pada rekap "
        f"disajikan pada {w.captions.label('Tabel')} berikut.",
    )
    w.table(
        f"Anggaran dan Realisasi Anggaran Perangkat Daerah Tahun {ident.tahun}",
        [["No", "Perangkat Daerah", "Anggaran", "Realisasi", "Persentase"], numbered_header(5)],
        rows,
        [0.7, 3.0, 3.9, 3.9, 1.9],
        note="Persentase baris Jumlah adalah total realisasi dibagi total anggaran.",
    )
    w.parts(
        [
            (
                f"Secara keseluruhan, {cakupan_anggaran(kons)} berjumlah ",
                "",
            ),
            *w.rupiah_parts(kons.total_anggaran),
            (" dengan realisasi ", ""),
            *w.rupiah_parts(kons.total_realisasi),
            (f" atau {fmt.persen(kons.persen_anggaran)}.", ""),
        ]
    )
    if kons.excluded:
        w.p(
            "Jumlah tersebut tidak mencakup anggaran perangkat daerah yang tidak dimasukkan ke "
            "rekap (subbab 3.4)."
        )
    if len(used) <= BUDGET_CHART_MAX:
        labels = [r.opd.nama for r in used]
        title = f"Anggaran dan Realisasi Anggaran Perangkat Daerah Tahun {ident.tahun}"
        png = pemda_charts.budget_bars(
            labels,
            [r.anggaran or 0.0 for r in used],
            [r.realisasi or 0.0 for r in used],
            [fmt.persen(r.persen_anggaran) if r.persen_anggaran != NA else NA for r in used],
        )
        w.figure(png, title, pemda_charts.WIDTH_CM)
