"""BAB III AKUNTABILITAS KINERJA: measurement framework, capaian IKU, multi-year comparison,
analysis per sasaran, financial accountability and efficiency.

Every figure comes from the evaluated model (core.evaluation) or a core.rules function; numbers
are formatted by core.numbers. Chart limits for large models: see `CHART_*` below.
"""

from __future__ import annotations

from lkjip_xl.core import rules
from lkjip_xl.core.model import Indikator, KinerjaTahun, Sasaran
from lkjip_xl.core.numbers import bilangan_dengan_kata, format_angka, format_persen
from lkjip_xl.core.scales import band_scale
from lkjip_xl.core.values import NA, InvalidValue
from lkjip_xl.report import charts, styles
from lkjip_xl.report.tables import TOTAL_FILL, Cell, numbered_header
from lkjip_xl.report.writer import Writer

#: Up to this many indicators the capaian chart shows one bar per indicator; above it, one bar
#: per sasaran (the sasaran's mean capaian), at most charts.MAX_BARS bars.
CHART_PER_INDICATOR = 25
#: Up to this many indicators of the report year the trend chart draws one small plot per
#: indicator; above it, stacked counts (tercapai / tidak tercapai / N/A) per year.
CHART_TREND_LINES = 8

EFISIENSI_NOTE = (
    "Catatan: Efisiensi = capaian kinerja (3) dikurangi capaian realisasi anggaran (4). Baris "
    "Jumlah: kolom (3) adalah rata-rata capaian kinerja sasaran yang dapat diukur (sasaran N/A "
    "tidak dihitung), kolom (4) adalah total realisasi dibagi total anggaran seluruh sasaran "
    "(bukan rata-rata persentase), dan kolom (5) adalah selisih keduanya."
)


def write(w: Writer) -> None:
    w.captions.start_chapter(3)
    w.heading("BAB III\nAKUNTABILITAS KINERJA", 1, page_break=True)
    w.narasi("akuntabilitas_kinerja")
    _kerangka(w)
    _capaian_iku(w)
    _analisis(w)
    _keuangan(w)


# -- 3.1 ------------------------------------------------------------------------------------


def _kerangka(w: Writer) -> None:
    ident = w.ident
    w.heading("3.1 Kerangka Pengukuran Kinerja", 2)
    w.narasi("kerangka_pengukuran")
    polaritas = {ind.polaritas for ind in w.lap.indikator}
    w.p(
        "Capaian indikator dihitung dengan rumus berikut. Apabila semakin tinggi realisasi "
        "menunjukkan kinerja yang semakin baik:"
    )
    w.p("Capaian = Realisasi ÷ Target × 100%", styles.RUMUS)
    w.p("Apabila semakin tinggi realisasi menunjukkan kinerja yang semakin rendah:")
    w.p("Capaian = (Target − (Realisasi − Target)) ÷ Target × 100%", styles.RUMUS)
    if "rentang" in polaritas:
        w.p(
            "Untuk target berupa rentang, realisasi di dalam rentang bernilai 100%; di atas "
            "rentang diukur terhadap batas atas dengan rumus kedua, di bawah rentang terhadap "
            "batas bawah dengan rumus pertama."
        )
    w.p(
        "Target dan realisasi kualitatif (mis. status EKPPD atau mutu IKM) dikonversi ke skor "
        "ordinal sebelum dihitung. Realisasi yang belum tersedia menghasilkan capaian N/A dan "
        "tidak diperhitungkan dalam rata-rata. Capaian sasaran adalah rata-rata capaian "
        "indikator sasaran tersebut. Predikat ditetapkan atas nilai capaian yang dibulatkan dua "
        "desimal, sebagai berikut:"
    )
    skala = band_scale(ident.skala_predikat)
    rows = [
        [
            Cell(b.description or b.label, align="center"),
            Cell(b.label, align="center"),
            Cell(b.warna or b.colour, align="center", fill=b.colour, bold=True),
        ]
        for b in skala.bands
    ]
    w.table(
        "Predikat Nilai Capaian Kinerja",
        [["Persentase Capaian", "Predikat", "Kode Warna"]],
        rows,
        [5, 5, 4],
        sumber=False,
        note=f"Skala: {skala.title}.",
    )
    kategori = band_scale(ident.skala_kategori)
    w.p("Kategori capaian kinerja dikelompokkan sebagai berikut:")
    bands = list(reversed(kategori.bands))
    rows = [
        [
            Cell(f"{i}.", align="center"),
            b.label,
            Cell(b.description, align="center"),
            Cell(b.warna or b.colour, align="center", fill=b.colour, bold=True),
        ]
        for i, b in enumerate(bands, 1)
    ]
    w.table(
        "Kategori Nilai Capaian Kinerja",
        [["No", "Kategori/Interpretasi", "Rata-rata % Capaian", "Kode Warna"]],
        rows,
        [1.2, 5, 4.5, 3.5],
        sumber=False,
        note=f"Skala: {kategori.title}.",
    )


# -- 3.2 ------------------------------------------------------------------------------------


def _capaian_iku(w: Writer) -> None:
    lap, ident, rk = w.lap, w.ident, w.lap.ringkasan
    w.heading("3.2 Capaian Indikator Kinerja Utama", 2)
    w.narasi("capaian_iku")
    w.p(
        f"Perjanjian Kinerja {ident.nama_instansi} Tahun {ident.tahun} menetapkan "
        f"{bilangan_dengan_kata(rk.jumlah_sasaran)} sasaran dan "
        f"{bilangan_dengan_kata(rk.jumlah_indikator)} indikator kinerja. Hasil pengukuran "
        f"indikator kinerja utama tahun {ident.tahun} disajikan pada "
        f"{w.captions.label('Tabel')} berikut."
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
                    Cell(w.nilai(kin.target if kin else None, ind.satuan), align="center"),
                    Cell(w.nilai(kin.realisasi if kin else None, ind.satuan), align="center"),
                    w.capaian_cell(kin),
                    w.predikat_cell(kin),
                ]
            )
    t = ident.tahun
    w.table(
        "Capaian Realisasi Indikator Kinerja Utama Tahun " + str(t),
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
        [1.0, 3.4, 3.4, 1.9, 2.1, 2.0, 2.2],
    )
    _capaian_chart(w)
    w.p("Penjelasan capaian masing-masing indikator adalah sebagai berikut:")
    for i, ind in enumerate(lap.indikator):
        w.p(f"{chr(ord('a') + i % 26)}.\t{ind.uraian}", styles.SUBJUDUL)
        for sentence in analisis_indikator(w, ind, brief=True):
            w.p(sentence)
        w.narasi(f"indikator:{ind.kode}")


def _legend(w: Writer) -> list[tuple[str, str]]:
    return [(b.label, b.colour) for b in band_scale(w.ident.skala_predikat).bands] + [
        (NA, charts.NA_COLOUR)
    ]


def _capaian_chart(w: Writer) -> None:
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
    w.figure(charts.capaian_bars(bars, title, _legend(w)), title)


# -- 3.3 ------------------------------------------------------------------------------------


def _analisis(w: Writer) -> None:
    lap, ident, rk = w.lap, w.ident, w.lap.ringkasan
    w.heading("3.3 Pengukuran, Evaluasi dan Analisis Capaian Kinerja Sasaran Strategis", 2)
    w.narasi("analisis_capaian")
    years = lap.tahun_kinerja
    if years:
        jumlah = bilangan_dengan_kata(rk.jumlah_indikator)
        w.p(
            f"Perbandingan target, realisasi dan capaian {jumlah}"
            f" indikator kinerja tahun {years[0]}–{years[-1]} serta terhadap target akhir "
            f"Renstra {ident.renstra_awal}–{ident.renstra_akhir} disajikan pada "
            f"{w.captions.label('Tabel')} berikut."
        )
        w.new_section(landscape=True)
        _multi_year(w, years)
        _trend_chart(w, years)
        w.new_section(landscape=False)
    for no, sas in enumerate(lap.sasaran, 1):
        _sasaran(w, no, sas)


def _multi_year(w: Writer, years: list[int]) -> None:
    lap, ident = w.lap, w.ident
    rows = []
    inds = lap.indikator
    for year in years:
        present = [(ind, ind.pada(year)) for ind in inds if ind.pada(year) is not None]
        for i, (ind, kin) in enumerate(present):
            merge = None if len(present) == 1 else ("restart" if i == 0 else "continue")
            rows.append(
                [
                    Cell(str(year), align="center", bold=True, vmerge=merge),
                    ind.uraian,
                    Cell(w.nilai(kin.target, ind.satuan), align="center"),
                    Cell(w.nilai(kin.realisasi, ind.satuan), align="center"),
                    w.capaian_cell(kin),
                    w.predikat_cell(kin),
                ]
            )
    end_rows = []
    for ind in inds:
        if ind.target_akhir_renstra is None:
            continue
        kin = w.kinerja(ind)
        cap, band = _capaian_akhir(w, ind, kin)
        end_rows.append((ind, kin, cap, band))
    label = f"Target Akhir Renstra {ident.renstra_akhir} (realisasi {ident.tahun})"
    for i, (ind, kin, cap, band) in enumerate(end_rows):
        merge = None if len(end_rows) == 1 else ("restart" if i == 0 else "continue")
        fill = band.colour if band else None
        rows.append(
            [
                Cell(label, align="center", bold=True, vmerge=merge, fill=TOTAL_FILL),
                ind.uraian,
                Cell(w.nilai(ind.target_akhir_renstra, ind.satuan), align="center"),
                Cell(w.nilai(kin.realisasi if kin else None, ind.satuan), align="center"),
                Cell(format_persen(cap), align="center", fill=fill),
                Cell(band.label if band else NA, align="center", fill=fill, bold=True),
            ]
        )
    w.table(
        f"Perbandingan Capaian Kinerja Tahun {years[0]}–{years[-1]} dan Target Akhir Renstra",
        [
            ["Tahun", "Indikator Sasaran", "Target", "Realisasi", "Capaian", "Predikat"],
            numbered_header(6),
        ],
        rows,
        [2.6, 9, 3, 3.4, 2.2, 2.5],
    )


def _capaian_akhir(w: Writer, ind: Indikator, kin: KinerjaTahun | None):  # type: ignore[no-untyped-def]
    """Capaian of the report year's realisasi against the Renstra end target (core rules)."""
    if kin is None:
        return NA, None
    try:
        cap = rules.capaian(ind.target_akhir_renstra, kin.realisasi, ind.polaritas, ind.skala)
    except InvalidValue:
        return NA, None
    return cap, rules.predikat(cap, w.ident.skala_predikat)


def _trend_chart(w: Writer, years: list[int]) -> None:
    lap, t = w.lap, w.ident.tahun
    iku = [ind for ind in lap.indikator if ind.pada(t) is not None]
    if not iku:
        return
    title = f"Tren Capaian Indikator Kinerja Utama Tahun {years[0]}–{years[-1]}"
    if len(iku) <= CHART_TREND_LINES:
        series = [(ind.uraian, [_point(w, ind, y) for y in years]) for ind in iku]
        png = charts.trend_lines(series, title)
        w.figure(png, title, width_cm=17)
        return
    reached, missed, na = [], [], []
    for y in years:
        caps = [ind.pada(y).capaian for ind in iku if ind.pada(y) is not None]
        measured = [c for c in caps if c != NA]
        ok = sum(1 for c in measured if rules.round_percent(c) >= 100)
        reached.append(ok)
        missed.append(len(measured) - ok)
        na.append(len(caps) - len(measured))
    bands = band_scale(w.ident.skala_predikat).bands
    png = charts.trend_counts(
        years,
        [
            ("Tercapai/melebihi target", bands[-1].colour, reached),
            ("Tidak tercapai", bands[0].colour, missed),
            (NA, charts.NA_COLOUR, na),
        ],
        title,
    )
    w.figure(png, title + " (jumlah indikator)", width_cm=17)


def _point(w: Writer, ind: Indikator, year: int) -> tuple[int, float | None, str]:
    kin = ind.pada(year)
    cap = kin.capaian if kin else NA
    return year, w.percent_value(cap), format_persen(cap)


def _sasaran(w: Writer, no: int, sas: Sasaran) -> None:
    ident = w.ident
    w.heading(f"3.3.{no} Sasaran {no}: {sas.uraian}", 3)
    rows = []
    for i, ind in enumerate(sas.indikator, 1):
        kin = w.kinerja(ind)
        rows.append(
            [
                Cell(f"{i}.", align="center"),
                ind.uraian,
                Cell(w.nilai(kin.target if kin else None, ind.satuan), align="center"),
                Cell(w.nilai(kin.realisasi if kin else None, ind.satuan), align="center"),
                w.capaian_cell(kin),
                w.predikat_cell(kin),
            ]
        )
    band = rules.predikat(sas.capaian, ident.skala_predikat)
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
        f"Capaian Kinerja Sasaran {no} Tahun {ident.tahun}",
        [
            ["No", "Indikator Kinerja", "Target", "Realisasi", "Capaian", "Predikat"],
            numbered_header(6),
        ],
        rows,
        [0.9, 5.6, 2.2, 2.6, 1.8, 2.2],
    )
    for ind in sas.indikator:
        w.p(ind.uraian, styles.SUBJUDUL)
        for sentence in analisis_indikator(w, ind):
            w.p(sentence)
    w.narasi(f"sasaran:{sas.kode}")


# -- analysis text --------------------------------------------------------------------------


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _selisih(w: Writer, diff: float, satuan: str) -> str:
    """A difference in the indicator's unit ("7,14 poin persen", "8,59")."""
    if (satuan or "").strip() == "%":
        return f"{format_angka(abs(diff), 2)} poin persen"
    return w.nilai(abs(diff), satuan)


def analisis_indikator(w: Writer, ind: Indikator, *, brief: bool = False) -> list[str]:
    """Data-driven sentences for one indicator (report year, last year, Renstra end target)."""
    t = w.ident.tahun
    kin = w.kinerja(ind)
    if kin is None:
        return [f"Indikator {ind.uraian} tidak memiliki target maupun realisasi tahun {t}."]
    out = []
    target, realisasi = w.nilai(kin.target, ind.satuan), w.nilai(kin.realisasi, ind.satuan)
    if kin.capaian == NA:
        reason = kin.keterangan or (kin.realisasi if isinstance(kin.realisasi, str) else "")
        reason = reason.strip().rstrip(".") if reason else "data realisasi belum tersedia"
        out.append(
            f"Pada tahun {t} indikator ini ditargetkan {target}, namun realisasinya "
            f"belum dapat diukur ({reason}). Capaian indikator ini dinyatakan N/A dan "
            "tidak diperhitungkan dalam rata-rata capaian sasaran."
        )
        return out
    sentence = (
        f"Pada tahun {t} indikator ini ditargetkan {target} dan terealisasi "
        f"{realisasi}, sehingga capaiannya {format_persen(kin.capaian)}"
    )
    if kin.predikat is not None:
        sentence += f" dengan predikat {kin.predikat.label}"
    if kin.kategori is not None:
        sentence += f" (kategori {kin.kategori.label})"
    out.append(sentence + ".")
    if kin.komponen:
        out.append(_komponen(w, ind, kin))
    if brief:
        return out
    if kin.keterangan:
        out.append(f"Keterangan data: {kin.keterangan.strip().rstrip('.')}.")
    prev = ind.pada(t - 1)
    if prev is not None:
        out.append(_vs_last_year(w, ind, kin, prev))
    end = _vs_renstra(w, ind, kin)
    if end:
        out.append(end)
    return out


def _komponen(w: Writer, ind: Indikator, kin: KinerjaTahun) -> str:
    parts = []
    for k in kin.komponen:
        if k.nilai == NA:
            parts.append(f"{k.nama} N/A")
            continue
        value = f"{format_angka(k.nilai, 2)}%"
        if k.basis is not None and k.realisasi is not None:
            text = (
                f"{k.nama} {format_angka(k.realisasi)} dari {format_angka(k.basis)} "
                f"{k.satuan} ({value})"
            ).replace("  ", " ")
        else:
            text = f"{k.nama} {value}"
        if k.target is not None:
            text += f" (target {w.nilai(k.target, k.satuan)})"
        parts.append(text)
    joined = "; ".join(parts)
    mean = (
        f"{format_angka(kin.realisasi, 2)}%"
        if _is_number(kin.realisasi)
        else w.nilai(kin.realisasi, ind.satuan)
    )
    return (
        f"Indikator ini terdiri atas {bilangan_dengan_kata(len(kin.komponen))} komponen: "
        f"{joined}; rata-rata komponen {mean} menjadi realisasi indikator."
    )


def _vs_last_year(w: Writer, ind: Indikator, kin: KinerjaTahun, prev: KinerjaTahun) -> str:
    last = prev.tahun
    if prev.capaian == NA:
        return f"Capaian tahun {last} tidak dapat diukur (N/A), sehingga tidak dibandingkan."
    diff = rules.perubahan(kin.capaian, prev.capaian)
    if diff == NA or rules.round_percent(abs(diff)) == 0:  # type: ignore[arg-type]
        trend = f"sama dengan capaian tahun {last} ({format_persen(prev.capaian)})"
    else:
        arah = "naik" if diff > 0 else "turun"  # type: ignore[operator]
        trend = (
            f"{arah} {format_persen(abs(diff))[:-1]} poin persen dibandingkan capaian "  # type: ignore[arg-type]
            f"tahun {last} sebesar {format_persen(prev.capaian)}"
        )
    text = f"Capaian tahun ini {trend}"
    if _is_number(kin.realisasi) and _is_number(prev.realisasi):
        change = rules.perubahan(kin.realisasi, prev.realisasi)
        if change == 0:
            text += f"; realisasi sama dengan tahun {last} ({w.nilai(prev.realisasi, ind.satuan)})"
        else:
            arah = "meningkat" if change > 0 else "menurun"  # type: ignore[operator]
            text += (
                f"; realisasi {arah} {_selisih(w, change, ind.satuan)} dari "  # type: ignore[arg-type]
                f"{w.nilai(prev.realisasi, ind.satuan)} pada tahun {last}"
            )
    else:
        text += f"; realisasi tahun {last} adalah {w.nilai(prev.realisasi, ind.satuan)}"
    return text + "."


def _vs_renstra(w: Writer, ind: Indikator, kin: KinerjaTahun) -> str:
    if ind.target_akhir_renstra is None:
        return ""
    akhir = w.ident.renstra_akhir
    cap, _band = _capaian_akhir(w, ind, kin)
    target = w.nilai(ind.target_akhir_renstra, ind.satuan)
    if cap == NA:
        return f"Target akhir Renstra tahun {akhir} adalah {target}."
    text = (
        f"Terhadap target akhir Renstra tahun {akhir} sebesar {target}, realisasi tahun "
        f"{w.ident.tahun} telah mencapai {format_persen(cap)}"
    )
    if _is_number(ind.target_akhir_renstra) and _is_number(kin.realisasi):
        gap = rules.perubahan(ind.target_akhir_renstra, kin.realisasi)
        if ind.polaritas == "turun":
            gap = -gap  # type: ignore[operator]
        if gap > 0:  # type: ignore[operator]
            text += f"; masih diperlukan {_selisih(w, gap, ind.satuan)} lagi"  # type: ignore[arg-type]
        else:
            text += "; target akhir Renstra telah terpenuhi"
    elif rules.round_percent(cap) >= 100:  # type: ignore[arg-type]
        text += "; target akhir Renstra telah terpenuhi"
    return text + "."


# -- 3.4 ------------------------------------------------------------------------------------


def _keuangan(w: Writer) -> None:
    lap, ident = w.lap, w.ident
    w.heading("3.4 Akuntabilitas Keuangan", 2)
    w.narasi("akuntabilitas_keuangan")
    w.heading("3.4.1 Realisasi Anggaran", 3)
    if lap.belanja:
        _belanja(w)
    for line in lap.pendapatan:
        w.parts(
            [
                (
                    f"Dalam hal pendapatan, {ident.nama_instansi} juga mengelola {line.uraian} "
                    "dengan target ",
                    "",
                ),
                *w.rupiah_parts(line.anggaran),
                (" yang terealisasi sebesar ", ""),
                *w.rupiah_parts(line.realisasi),
                (f" atau {format_persen(line.persen)}.", ""),
            ]
        )
    if any(s.anggaran is not None for s in lap.sasaran):
        _anggaran_sasaran(w)
        _budget_chart(w)
    w.heading("3.4.2 Analisis Efisiensi", 3)
    _efisiensi(w)
    w.narasi("analisis_efisiensi")


def _belanja(w: Writer) -> None:
    lap, ident = w.lap, w.ident
    a_total = sum(b.anggaran for b in lap.belanja if b.anggaran is not None)
    r_total = sum(b.realisasi for b in lap.belanja if b.realisasi is not None)
    p_total = rules.realisasi_anggaran(a_total, r_total)
    rows = [
        [
            Cell(f"{i}.", align="center"),
            b.uraian.upper(),
            Cell(w.rupiah(b.anggaran), align="right"),
            Cell(w.rupiah(b.realisasi), align="right"),
            Cell(format_persen(b.persen), align="center"),
        ]
        for i, b in enumerate(lap.belanja, 1)
    ]
    rows.append(
        [
            "",
            Cell("TOTAL ANGGARAN", bold=True),
            Cell(w.rupiah(a_total), bold=True, align="right"),
            Cell(w.rupiah(r_total), bold=True, align="right"),
            Cell(format_persen(p_total), bold=True, align="center"),
        ]
    )
    w.p(
        f"Total anggaran yang dialokasikan untuk {ident.nama_instansi} pada tahun "
        f"{ident.tahun} adalah sebagai berikut:"
    )
    w.table(
        f"Anggaran dan Realisasi per Jenis Belanja Tahun {ident.tahun}",
        [["No", "Jenis Belanja", "Anggaran", "Realisasi", "Persentase"]],
        rows,
        [0.9, 4.0, 3.5, 3.5, 2.1],
    )
    parts = [
        (
            f"{ident.nama_instansi} pada tahun {ident.tahun} dialokasikan total anggaran sebesar ",
            "",
        ),
        *w.rupiah_parts(a_total),
        (" yang terealisasi ", ""),
        *w.rupiah_parts(r_total),
        (f" atau {format_persen(p_total)}", ""),
    ]
    for i, b in enumerate(lap.belanja):
        lead = (
            ", yang terdiri dari " if i == 0 else ("; dan " if i == len(lap.belanja) - 1 else "; ")
        )
        parts += [
            (f"{lead}{b.uraian} ", ""),
            *w.rupiah_parts(b.anggaran),
            (" yang terealisasi sebesar ", ""),
            *w.rupiah_parts(b.realisasi),
            (f" atau {format_persen(b.persen)}", ""),
        ]
    parts.append((".", ""))
    w.parts(parts)


def _indicator_list(sas: Sasaran) -> str:
    if len(sas.indikator) == 1:
        return sas.indikator[0].uraian
    return "\n".join(
        f"{chr(ord('a') + i % 26)}. {ind.uraian}" for i, ind in enumerate(sas.indikator)
    )


def _anggaran_sasaran(w: Writer) -> None:
    lap, rk, t = w.lap, w.lap.ringkasan, w.ident.tahun
    rows = [
        [
            Cell(f"{i}.", align="center"),
            _indicator_list(s),
            Cell(w.rupiah(s.anggaran), align="right"),
            Cell(w.rupiah(s.realisasi_anggaran), align="right"),
            Cell(format_persen(s.persen_anggaran), align="center"),
        ]
        for i, s in enumerate(lap.sasaran, 1)
    ]
    rows.append(
        [
            "",
            Cell("Jumlah", bold=True),
            Cell(w.rupiah(rk.total_anggaran), bold=True, align="right"),
            Cell(w.rupiah(rk.total_realisasi), bold=True, align="right"),
            Cell(format_persen(rk.persen_anggaran), bold=True, align="center"),
        ]
    )
    w.p(
        f"Realisasi anggaran per sasaran dan indikator kinerja utama tahun {t} disajikan pada "
        f"{w.captions.label('Tabel')} berikut."
    )
    w.table(
        f"Capaian Realisasi Anggaran per Sasaran/Indikator Tahun {t}",
        [
            [
                "No",
                "Indikator Kinerja Utama",
                "Anggaran",
                "Realisasi Anggaran",
                "Capaian Realisasi Anggaran (4)÷(3)",
            ],
            numbered_header(5),
        ],
        rows,
        [0.9, 3.9, 3.5, 3.5, 2.2],
    )


def _budget_chart(w: Writer) -> None:
    lap, rk = w.lap, w.lap.ringkasan
    shown = [s for s in lap.sasaran if s.anggaran is not None][: charts.MAX_BARS - 1]
    labels = [f"Sasaran {lap.sasaran.index(s) + 1}" for s in shown] + ["Total"]
    anggaran = [s.anggaran or 0.0 for s in shown] + [rk.total_anggaran or 0.0]
    realisasi = [s.realisasi_anggaran or 0.0 for s in shown] + [rk.total_realisasi or 0.0]
    texts = [format_persen(s.persen_anggaran) for s in shown] + [format_persen(rk.persen_anggaran)]
    title = f"Anggaran dan Realisasi Anggaran per Sasaran Tahun {w.ident.tahun}"
    w.figure(charts.budget_bars(labels, anggaran, realisasi, texts, title), title)


def _efisiensi(w: Writer) -> None:
    lap, rk, t = w.lap, w.lap.ringkasan, w.ident.tahun
    # Reference Tabel 3.8 (second) prints 100% for sasaran 1 because it shows the kerjasama
    # capaian capped at 100% (100/92,86 is 107,69%) and 2,65% efisiensi; the rules give the
    # uncapped 107,69% - 97,35% = 10,34%. Its Jumlah row (87,93 / 95,45 / -7,53) does not
    # follow from its rows; ours is defined in EFISIENSI_NOTE.
    rows = [
        [
            Cell(f"{i}.", align="center"),
            _indicator_list(s),
            Cell(format_persen(s.capaian), align="center"),
            Cell(format_persen(s.persen_anggaran), align="center"),
            Cell(format_persen(s.efisiensi), align="center"),
        ]
        for i, s in enumerate(lap.sasaran, 1)
    ]
    mean = rules.rata_rata([s.capaian for s in lap.sasaran])
    total = rk.persen_anggaran
    rows.append(
        [
            "",
            Cell("Jumlah", bold=True),
            Cell(format_persen(mean), bold=True, align="center"),
            Cell(format_persen(total), bold=True, align="center"),
            Cell(format_persen(rules.efisiensi(mean, total)), bold=True, align="center"),
        ]
    )
    w.p(
        "Analisis efisiensi membandingkan capaian kinerja dengan capaian realisasi anggaran "
        "setiap sasaran, sebagai berikut:"
    )
    w.table(
        f"Efisiensi Penggunaan Anggaran per Sasaran Tahun {t}",
        [
            [
                "No",
                "Indikator Kinerja Utama",
                "Capaian Kinerja (%)",
                "Capaian Realisasi Anggaran (%)",
                "Efisiensi (3)−(4)",
            ],
            numbered_header(5),
        ],
        rows,
        [0.9, 6, 2.6, 2.8, 2.6],
        note=EFISIENSI_NOTE,
    )
