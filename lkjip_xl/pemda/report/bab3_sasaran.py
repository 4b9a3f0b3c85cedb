"""3.3: one subsection per sasaran RPJMD with the seven analyses of PermenPAN-RB 53/2014:
(a) realisasi against the year's target, (b) against earlier years, (c) against the RPJMD end
target, (d) against the national figure, (e) causes and solutions, (f) efficiency of the budget,
(g) the programs and OPD sasaran behind the result."""

from __future__ import annotations

from lkjip_xl.core import rules
from lkjip_xl.core.model import Indikator, Sasaran
from lkjip_xl.core.numbers import bilangan_dengan_kata
from lkjip_xl.core.values import NA, InvalidValue, is_not_available, parse_number
from lkjip_xl.pemda import format as fmt
from lkjip_xl.pemda.jejak import sumber_realisasi as sumber
from lkjip_xl.pemda.model import Konsolidasi, Pendukung
from lkjip_xl.pemda.report.common import cap_cell, pred_cell, realisasi, satuan_cell, target
from lkjip_xl.report import styles
from lkjip_xl.report.tables import TOTAL_FILL, Cell, numbered_header
from lkjip_xl.report.writer import Writer

ANALISIS = (
    "Perbandingan target dan realisasi tahun {t}",
    "Perbandingan dengan tahun-tahun sebelumnya",
    "Perbandingan dengan target akhir RPJMD",
    "Perbandingan dengan standar nasional",
    "Penyebab keberhasilan atau kegagalan dan solusi",
    "Efisiensi penggunaan sumber daya",
    "Program, kegiatan dan perangkat daerah pendukung",
)


def write(w: Writer, kons: Konsolidasi) -> None:
    w.heading("3.3 Analisis Capaian Kinerja per Sasaran RPJMD", 2)
    w.narasi("analisis_capaian")
    w.p(
        "Setiap sasaran RPJMD dianalisis menurut Peraturan Menteri PANRB Nomor 53 Tahun 2014: "
        "perbandingan dengan target tahun ini, tahun-tahun sebelumnya, target akhir RPJMD dan "
        "standar nasional, penyebab keberhasilan atau kegagalan, efisiensi penggunaan sumber "
        "daya, serta program dan perangkat daerah yang mendukungnya."
    )
    for no, sas in enumerate(kons.laporan.sasaran, 1):
        _sasaran(w, kons, no, sas)


def _sub(w: Writer, i: int) -> None:
    w.p(f"{chr(ord('a') + i)}.\t" + ANALISIS[i].format(t=w.ident.tahun), styles.SUBJUDUL)


def _sasaran(w: Writer, kons: Konsolidasi, no: int, sas: Sasaran) -> None:
    w.heading(f"3.3.{no} Sasaran {no}: {sas.uraian}", 3)
    w.narasi(f"sasaran:{sas.kode}")
    _table(w, kons, no, sas)
    _sub(w, 0)
    for ind in sas.indikator:
        w.p(_vs_target(w, kons, ind))
        w.narasi(f"iku:{ind.kode}")
    _sub(w, 1)
    _history(w, kons, no, sas)
    _sub(w, 2)
    for text in _vs_akhir(w, kons, sas):
        w.p(text)
    _sub(w, 3)
    for text in _vs_nasional(w, kons, sas):
        w.p(text)
    _sub(w, 4)
    _penyebab(w, kons, sas)
    _sub(w, 5)
    w.p(_efisiensi(w, kons, sas))
    _sub(w, 6)
    _pendukung(w, kons, no, sas)


def _table(w: Writer, kons: Konsolidasi, no: int, sas: Sasaran) -> None:
    t = kons.pemda.identitas.tahun
    rows = []
    for i, ind in enumerate(sas.indikator, 1):
        kin = ind.pada(t)
        cap = kin.capaian if kin else NA
        rows.append(
            [
                Cell(f"{i}.", align="center"),
                ind.uraian,
                satuan_cell(ind),
                Cell(target(ind, kin, with_unit=False), align="center"),
                Cell(realisasi(ind, kin, with_unit=False), align="center"),
                cap_cell(cap, w),
                pred_cell(cap, w),
            ]
        )
    rows.append(
        [
            Cell("Capaian sasaran (rata-rata IKU terukur)", bold=True, span=5, fill=TOTAL_FILL),
            cap_cell(sas.capaian, w, bold=True),
            pred_cell(sas.capaian, w),
        ]
    )
    w.table(
        f"Capaian Kinerja Sasaran {no} Tahun {t}",
        [
            [
                "No",
                "Indikator Kinerja Utama",
                "Satuan",
                "Target",
                "Realisasi",
                "Capaian",
                "Predikat",
            ],
            numbered_header(7),
        ],
        rows,
        [0.9, 4.6, 1.6, 1.9, 2.0, 1.9, 2.2],
    )


def _vs_target(w: Writer, kons: Konsolidasi, ind: Indikator) -> str:
    t = kons.pemda.identitas.tahun
    kin = ind.pada(t)
    if kin is None:
        return f"IKU {ind.uraian} tidak memiliki target tahun {t}."
    asal = sumber(kons, ind, t)
    if kin.capaian == NA:
        reason = kin.keterangan or (kin.realisasi if isinstance(kin.realisasi, str) else "")
        reason = reason.strip().rstrip(".") or "data realisasi belum tersedia"
        return (
            f"IKU {ind.uraian} ditargetkan {target(ind, kin)}, tetapi realisasinya belum dapat "
            f"diukur ({reason}); capaiannya N/A dan tidak diperhitungkan dalam rata-rata."
        )
    text = (
        f"IKU {ind.uraian} ditargetkan {target(ind, kin)} dan terealisasi "
        f"{realisasi(ind, kin)}, sehingga capaiannya {fmt.persen(kin.capaian)}"
    )
    if kin.predikat is not None:
        text += f" dengan predikat {kin.predikat.label}"
    text += "."
    if asal:
        text += f" Realisasi bersumber dari {asal}."
    return text


def _history(w: Writer, kons: Konsolidasi, no: int, sas: Sasaran) -> None:
    t = kons.pemda.identitas.tahun
    rows, texts = [], []
    for ind in sas.indikator:
        years = [y for y in sorted(ind.kinerja) if y <= t]
        for i, y in enumerate(years):
            kin = ind.kinerja[y]
            merge = None if len(years) == 1 else ("restart" if i == 0 else "continue")
            rows.append(
                [
                    Cell(ind.uraian, vmerge=merge),
                    Cell(ind.satuan or "-", align="center", vmerge=merge),
                    Cell(str(y), align="center"),
                    Cell(target(ind, kin, with_unit=False), align="center"),
                    Cell(realisasi(ind, kin, with_unit=False), align="center"),
                    cap_cell(kin.capaian, w),
                ]
            )
        texts.append(_trend(ind, years, t))
    if rows:
        w.table(
            f"Perbandingan Capaian Sasaran {no} dengan Tahun-tahun Sebelumnya",
            [["Indikator Kinerja Utama", "Satuan", "Tahun", "Target", "Realisasi", "Capaian"]],
            rows,
            [5.0, 1.6, 1.4, 2.0, 2.2, 1.9],
        )
    for text in texts:
        w.p(text)


def _trend(ind: Indikator, years: list[int], t: int) -> str:
    now, before = ind.pada(t), ind.pada(t - 1)
    if now is None or before is None or len(years) < 2:
        return f"Untuk IKU {ind.uraian} belum tersedia data tahun sebelumnya sebagai pembanding."
    if now.capaian == NA or before.capaian == NA:
        return (
            f"Capaian IKU {ind.uraian} tahun {t} ({fmt.persen(now.capaian)}) tidak dapat "
            f"dibandingkan dengan tahun {t - 1} ({fmt.persen(before.capaian)})."
        )
    a, b = rules.round_percent(now.capaian), rules.round_percent(before.capaian)
    arah = (
        "lebih tinggi daripada" if a > b else ("lebih rendah daripada" if a < b else "sama dengan")
    )
    text = (
        f"Capaian IKU {ind.uraian} tahun {t} ({fmt.persen(now.capaian)}) {arah} capaian tahun "
        f"{t - 1} ({fmt.persen(before.capaian)})"
    )
    measured = [y for y in years if ind.kinerja[y].capaian != NA]
    reached = [y for y in measured if rules.tercapai(ind.kinerja[y].capaian)]
    if len(measured) > 2:
        text += (
            f"; selama {years[0]}–{t} target tercapai pada {len(reached)} dari {len(measured)} "
            "tahun yang terukur"
        )
    return text + "."


def _vs_akhir(w: Writer, kons: Konsolidasi, sas: Sasaran) -> list[str]:
    ident = kons.pemda.identitas
    out = []
    for ind in sas.indikator:
        if ind.target_akhir_renstra is None:
            continue
        kin = ind.pada(ident.tahun)
        cap, _ = kons.capaian_akhir.get(ind.kode, (NA, None))
        akhir = fmt.nilai(ind.target_akhir_renstra, ind.satuan, ind.batas_atas_akhir_renstra)
        if cap == NA or kin is None:
            out.append(
                f"Target akhir RPJMD tahun {ident.rpjmd_akhir} untuk IKU {ind.uraian} "
                f"adalah {akhir}; realisasi tahun {ident.tahun} belum dapat dibandingkan."
            )
            continue
        done = rules.tercapai(cap)
        out.append(
            f"Terhadap target akhir RPJMD tahun {ident.rpjmd_akhir} sebesar {akhir}, realisasi "
            f"IKU {ind.uraian} tahun {ident.tahun} ({realisasi(ind, kin)}) mencapai "
            f"{fmt.persen(cap)}; "
            + (
                "target akhir RPJMD telah terlampaui."
                if done
                else "diperlukan peningkatan kinerja untuk mencapai target akhir RPJMD."
            )
        )
    if not out:
        out.append("Target akhir RPJMD untuk IKU sasaran ini belum ditetapkan.")
    return out


def _vs_nasional(w: Writer, kons: Konsolidasi, sas: Sasaran) -> list[str]:
    t = kons.pemda.identitas.tahun
    out = []
    for ind in sas.indikator:
        info = kons.pemda.info.get((ind.kode, t))
        kin = ind.pada(t)
        if info is None or info.standar_nasional is None or kin is None:
            continue
        std = fmt.nilai(info.standar_nasional, ind.satuan)
        where = f" (sumber: {info.sumber_standar})" if info.sumber_standar else ""
        try:
            r, s = parse_number(kin.realisasi), parse_number(info.standar_nasional)
        except InvalidValue:
            r = s = None
        if r is None or s is None or is_not_available(kin.realisasi):
            out.append(f"Angka nasional IKU {ind.uraian} tahun {t} adalah {std}{where}.")
            continue
        better = r > s if ind.polaritas != "turun" else r < s
        posisi = "di atas" if r > s else ("di bawah" if r < s else "sama dengan")
        out.append(
            f"Realisasi IKU {ind.uraian} tahun {t} ({realisasi(ind, kin)}) {posisi} angka "
            f"nasional {std}{where}; "
            + (
                "kinerja daerah lebih baik daripada rata-rata nasional."
                if better
                else "kinerja daerah belum lebih baik daripada rata-rata nasional."
            )
        )
    if not out:
        out.append("Tidak tersedia angka nasional pembanding untuk IKU sasaran ini.")
    return out


def _penyebab(w: Writer, kons: Konsolidasi, sas: Sasaran) -> None:
    written = w.narasi(f"penyebab:{sas.kode}")
    items = kons.pendukung.get(sas.kode, [])
    ok = [p for p in items if p.capaian != NA and rules.tercapai(p.capaian)]
    low = [p for p in items if p.capaian != NA and not rules.tercapai(p.capaian)]
    for text in pendukung_sentences(ok, low):
        w.p(text)
    if not (written or ok or low):
        w.p(
            "Penyebab keberhasilan atau kegagalan sasaran ini diuraikan pada LKjIP perangkat "
            "daerah pengampu IKU-nya."
        )


def pendukung_sentences(ok: list[Pendukung], low: list[Pendukung]) -> list[str]:
    """Full sentences on the OPD sasaran behind the result: those that reached their target
    carried it, those that did not held it back (their causes are in the OPDs' own LKjIP)."""
    out = []
    if ok:
        out.append(
            f"Capaian sasaran ini didukung oleh {bilangan_dengan_kata(len(ok))} sasaran "
            f"perangkat daerah yang mencapai targetnya, yaitu {_names(ok)}."
        )
    if low:
        out.append(
            f"Sebanyak {bilangan_dengan_kata(len(low))} sasaran perangkat daerah pendukung "
            f"belum mencapai targetnya, yaitu {_names(low)}; penyebab dan upaya perbaikannya "
            "diuraikan dalam LKjIP perangkat daerah tersebut."
        )
    return out


def _names(items: list[Pendukung]) -> str:
    return "; ".join(
        f"{p.opd.nama} – {p.sasaran.rstrip('.')} ({fmt.persen(p.capaian)})" for p in items
    )


def _efisiensi(w: Writer, kons: Konsolidasi, sas: Sasaran) -> str:
    gaya = kons.pemda.identitas.gaya_rupiah
    if sas.anggaran is None:
        return "Belum ada anggaran sasaran perangkat daerah yang tertaut ke sasaran ini."
    text = (
        f"Sasaran ini didukung anggaran sasaran perangkat daerah sebesar "
        f"{fmt.rupiah(sas.anggaran, gaya)} dengan realisasi "
        f"{fmt.rupiah(sas.realisasi_anggaran, gaya)} ({fmt.persen(sas.persen_anggaran)})."
    )
    if sas.efisiensi == NA:
        return text + " Efisiensi tidak dapat dihitung karena capaian sasaran N/A."
    if not rules.tercapai(sas.capaian):
        # a missed target is not "efficient", whatever the difference of the two percentages
        return text + (
            f" Capaian kinerja sasaran {fmt.persen(sas.capaian)} belum mencapai target, "
            f"sedangkan anggaran terserap {fmt.persen(sas.persen_anggaran)}; selisih capaian "
            f"kinerja terhadap realisasi anggaran {fmt.poin(sas.efisiensi)} poin persen. Karena "
            "target belum tercapai, penggunaan anggaran sasaran ini belum dapat dinilai efisien."
        )
    label = rules.klasifikasi_efisiensi(sas.efisiensi)
    return text + (
        f" Dengan capaian kinerja sasaran {fmt.persen(sas.capaian)}, selisih capaian kinerja "
        f"terhadap realisasi anggaran (efisiensi) adalah {fmt.poin(sas.efisiensi)} poin persen, "
        f"tergolong {label.lower()}."
    )


def _pendukung(w: Writer, kons: Konsolidasi, no: int, sas: Sasaran) -> None:
    gaya = kons.pemda.identitas.gaya_rupiah
    items = kons.pendukung.get(sas.kode, [])
    if not items:
        w.p("Belum ada sasaran perangkat daerah yang tertaut ke sasaran RPJMD ini.")
    else:
        rows = [
            [
                Cell(f"{i}.", align="center"),
                f"{p.opd.nama}:\n{p.sasaran}",
                cap_cell(p.capaian, w),
                Cell(fmt.rupiah(p.anggaran, gaya), align="right"),
                Cell(fmt.rupiah(p.realisasi, gaya), align="right"),
            ]
            for i, p in enumerate(items, 1)
        ]
        w.table(
            f"Sasaran Perangkat Daerah Pendukung Sasaran {no}",
            [["No", "Perangkat Daerah: Sasaran", "Capaian", "Anggaran", "Realisasi Anggaran"]],
            rows,
            [0.8, 4.5, 1.6, 3.55, 3.55],
        )
    w.narasi(f"program:{sas.kode}")
