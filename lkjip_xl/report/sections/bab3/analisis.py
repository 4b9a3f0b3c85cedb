"""The generated analyses of one indicator or sasaran in 3.3 (PermenPAN-RB 53/2014, annex on
Laporan Kinerja): (1) realisasi against the target, (2) against previous years, (3) against the
Renstra end target, (4) against a national standard, (6) efficiency of resources. Analyses (5)
causes and solutions and (7) supporting programs are the staff's narrative (sections.sasaran).

Each figure is stated once: a sentence never repeats a number an earlier sentence of the same
indicator gave. Differences are taken from the values as printed (core.numbers.selisih_*).
"""

from __future__ import annotations

from decimal import Decimal

from lkjip_xl.core import evaluation, rules
from lkjip_xl.core.model import Indikator, KinerjaTahun, Sasaran
from lkjip_xl.core.numbers import (
    bilangan_dengan_kata,
    format_angka,
    format_nilai,
    format_persen,
    format_target,
    selisih_persen,
    selisih_tampil,
)
from lkjip_xl.core.scales import band_scale
from lkjip_xl.core.values import NA, InvalidValue, is_not_available
from lkjip_xl.report.sections.teks import (
    DAFTAR_MAKS,
    awal_kecil,
    capaian_tercetak,
    daftar,
    kalimat,
    realisasi,
    target,
)
from lkjip_xl.report.writer import Writer

#: Decimals kept when a difference of realisasi values is taken as printed (format_angka prints
#: significant decimals only, up to this many).
_REALISASI_DECIMALS = 10


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _selisih(diff: Decimal, satuan: str) -> str:
    """A difference in the indicator's unit: "7,14 poin persen", "8,59", "3 kasus"."""
    if (satuan or "").strip().casefold() in ("%", "persen"):
        return f"{format_angka(abs(diff))} poin persen"
    return format_nilai(abs(diff), satuan)


def capaian_tahun_ini(w: Writer, ind: Indikator) -> tuple[str, list[str]]:
    """(1) The report year: a sentence, and the components of a composite indicator."""
    t = w.ident.tahun
    kin = w.kinerja(ind)
    if kin is None:
        return f"Indikator ini tidak memiliki target maupun realisasi tahun {t}.", []
    ditarget = "ditargetkan dalam rentang" if kin.batas_atas is not None else "ditargetkan"
    if kin.capaian == NA:
        text = (
            f"Pada tahun {t} indikator ini {ditarget} {target(kin, ind)}, namun realisasinya "
            "belum tersedia sehingga capaiannya belum dapat diukur (N/A) dan tidak "
            "diperhitungkan dalam rata-rata capaian sasaran."
        )
        reason = kin.keterangan or (
            kin.realisasi
            if isinstance(kin.realisasi, str) and kin.realisasi.strip() not in ("N/A", "-")
            else ""
        )
        if reason:
            text += " " + kalimat(reason)
        return text, []
    text = (
        f"Pada tahun {t} indikator ini {ditarget} {target(kin, ind)} dan terealisasi "
        f"{realisasi(kin, ind)}, sehingga capaiannya {format_persen(kin.capaian)}"
    )
    if kin.predikat is not None:
        text += f" dengan predikat {kin.predikat.label}"
    if kin.kategori is not None:
        text += _kategori(w, kin)
    return text + ".", _komponen(kin)


def _kategori(w: Writer, kin: KinerjaTahun) -> str:
    """The kategori after the predikat: in brackets when the target is reached; below target a
    concession ("belum mencapai target, meskipun ... tergolong Baik"), since "Tidak Tercapai
    (kategori Sangat Baik)" reads as a contradiction. The lowest kategori needs no concession."""
    assert kin.kategori is not None
    label = kin.kategori.label
    if rules.tercapai(kin.capaian):
        return f" (kategori {label})"
    scale = band_scale(w.ident.skala_kategori)
    where = f"pada skala {_huruf_kecil(scale.title)}"
    if kin.kategori == scale.bands[0]:
        return f"; target belum tercapai dan {where} capaian tersebut tergolong {label}"
    return f"; target belum tercapai, meskipun {where} capaian tersebut tergolong {label}"


def _huruf_kecil(title: str) -> str:
    """A scale title mid-sentence: capitalised words lowered, acronyms kept ("Kategori Nilai
    Capaian Kinerja" -> "kategori nilai capaian kinerja", "Nilai SAKIP" -> "nilai SAKIP")."""
    return " ".join(awal_kecil(word) for word in title.split())


def _komponen(kin: KinerjaTahun) -> list[str]:
    items = []
    for k in kin.komponen:
        if k.nilai == NA:
            items.append(f"{k.nama}: belum tersedia (N/A)")
            continue
        value = f"{format_angka(k.nilai, 2)}%"
        if k.basis is not None and k.realisasi is not None:
            unit = f" {k.satuan}" if k.satuan else ""
            text = (
                f"{k.nama}: {format_angka(k.realisasi)} dari {format_angka(k.basis)}{unit}, "
                f"atau {value}"
            )
        else:
            text = f"{k.nama}: {value}"
        if k.target is not None:
            text += f" (target {format_nilai(k.target, k.satuan)})"
        items.append(text)
    return items


def komponen_pengantar(kin: KinerjaTahun) -> str:
    return (
        f"Realisasi tersebut merupakan rata-rata {bilangan_dengan_kata(len(kin.komponen))} "
        "komponen berikut:"
    )


def tahun_sebelumnya(w: Writer, ind: Indikator) -> str:
    """(2) Previous years: their capaian (as published, where typed) and the change from last
    year, in capaian and in realisasi."""
    t = w.ident.tahun
    kin = w.kinerja(ind)
    past = sorted(y for y in ind.kinerja if y < t)
    if not past:
        return ""  # said once for all such indicators: keterbatasan()
    last = past[-1]
    prev = ind.pada(last)
    assert prev is not None
    prev_cap = capaian_tercetak(prev, t)
    parts = []
    earlier = [(y, capaian_tercetak(ind.pada(y), t)) for y in past[:-1]]
    if len(earlier) == 1:
        y, c = earlier[0]
        parts.append(f"Pada tahun {y} capaian indikator ini {_persen_atau_na(c)}.")
    elif earlier:
        listed = daftar([f"{_persen_atau_na(c)} pada tahun {y}" for y, c in earlier])
        parts.append(f"Pada tahun-tahun sebelumnya capaian indikator ini {listed}.")
    now = kin.capaian if kin else NA
    if prev_cap == NA:
        parts.append(
            f"Capaian tahun {last} tidak terukur (N/A), sehingga tidak dapat dibandingkan "
            "dengan tahun ini."
        )
    elif now == NA:
        parts.append(
            f"Capaian tahun {last} sebesar {format_persen(prev_cap)} belum dapat dibandingkan "
            "karena capaian tahun ini belum dapat diukur."
        )
    else:
        diff = selisih_persen(now, prev_cap)
        if diff == 0:
            parts.append(
                f"Capaian tahun ini sama dengan capaian tahun {last} ({format_persen(prev_cap)})."
            )
        else:
            arah = "naik" if diff > 0 else "turun"
            parts.append(
                f"Dibandingkan tahun {last} yang capaiannya {format_persen(prev_cap)}, "
                f"capaian tahun ini {arah} {format_angka(abs(diff), 2)} poin persen."
            )
    if kin is not None:
        parts.append(_realisasi_change(ind, kin, prev))
    return " ".join(p for p in parts if p)


def _persen_atau_na(capaian: object) -> str:
    return "tidak terukur (N/A)" if capaian == NA else format_persen(capaian)


def _realisasi_change(ind: Indikator, kin: KinerjaTahun, prev: KinerjaTahun) -> str:
    last = prev.tahun
    if _is_number(kin.realisasi) and _is_number(prev.realisasi):
        change = selisih_tampil(kin.realisasi, prev.realisasi, _REALISASI_DECIMALS)
        if change == 0:
            return f"Realisasinya sama dengan tahun {last}."
        arah = "meningkat" if change > 0 else "menurun"
        return (
            f"Realisasinya {arah} {_selisih(change, ind.satuan)} dibandingkan tahun {last} "
            f"({format_nilai(prev.realisasi, ind.satuan)})."
        )
    if prev.realisasi is None or is_not_available(prev.realisasi):
        return ""
    return f"Realisasi tahun {last} adalah {format_nilai(prev.realisasi, ind.satuan)}."


def target_renstra(w: Writer, ind: Indikator) -> str:
    """(3) The Renstra end target: how far the report year's realisasi has come."""
    ident = w.ident
    end = ind.target_akhir_renstra
    periode = f"Renstra {ident.renstra_awal}–{ident.renstra_akhir}"
    if end is None:
        return ""  # said once for all such indicators: keterbatasan()
    end_text = format_target(end, ind.batas_atas_akhir_renstra, ind.satuan)
    kin = w.kinerja(ind)
    cap = evaluation.capaian_akhir(ind, kin)
    if cap == NA:
        return (
            f"Target akhir {periode} adalah {end_text}; capaian terhadapnya belum dapat "
            f"dihitung karena realisasi tahun {ident.tahun} belum tersedia."
        )
    text = (
        f"Terhadap target akhir {periode} sebesar {end_text}, realisasi tahun {ident.tahun} "
        f"telah mencapai {format_persen(cap)}"
    )
    assert kin is not None
    if _is_number(end) and _is_number(kin.realisasi) and ind.polaritas in ("naik", "turun"):
        gap = selisih_tampil(end, kin.realisasi, _REALISASI_DECIMALS)
        if ind.polaritas == "turun":
            gap = -gap
        if gap > 0:
            arah = "peningkatan" if ind.polaritas == "naik" else "penurunan"
            text += f"; masih diperlukan {arah} {_selisih(gap, ind.satuan)} untuk mencapainya"
        else:
            text += "; target akhir Renstra telah terpenuhi"
    elif rules.tercapai(cap):
        text += "; target akhir Renstra telah terpenuhi"
    return text + "."


def standar_nasional(w: Writer, ind: Indikator) -> str:
    """(4) A national standard or benchmark (tblIndikator "Standar Nasional"), when typed."""
    std = ind.standar_nasional
    if not _has_standar(ind):
        return ""  # said once for all such indicators: keterbatasan()
    sumber = f" ({ind.sumber_standar.strip()})" if ind.sumber_standar.strip() else ""
    head = f"Standar nasional indikator ini adalah {format_nilai(std, ind.satuan)}{sumber}"
    kin = w.kinerja(ind)
    if kin is None or kin.capaian == NA:
        return head + f"; realisasi tahun {w.ident.tahun} belum tersedia untuk dibandingkan."
    polaritas = "naik" if ind.polaritas == "rentang" else ind.polaritas
    try:
        cap = rules.capaian(std, kin.realisasi, polaritas, ind.skala)
    except InvalidValue:
        cap = NA
    if cap == NA:
        return head + "."
    met = rules.tercapai(cap)
    verdict = "telah memenuhi" if met else "belum memenuhi"
    return head + f"; realisasi tahun {w.ident.tahun} {verdict} standar tersebut."


def efisiensi_sasaran(w: Writer, sas: Sasaran) -> str:
    """(6) Efficiency of the sasaran's budget: realisasi anggaran and efisiensi (capaian
    kinerja minus capaian anggaran, from the printed values), read by tafsir_efisiensi."""
    if sas.anggaran is None:
        return ""  # said once for all such sasaran: keterbatasan()
    text = (
        f"Sasaran ini didukung anggaran {w.rupiah(sas.anggaran)} yang terealisasi "
        f"{w.rupiah(sas.realisasi_anggaran)} ({format_persen(sas.persen_anggaran)})."
    )
    reading = tafsir_efisiensi(sas)
    if reading is None:
        return text + (
            " Efisiensi belum dapat dihitung karena capaian kinerja sasaran ini belum dapat diukur."
        )
    points = rules.round_percent(sas.efisiensi)  # type: ignore[arg-type]
    text += (
        f" Dengan capaian kinerja sasaran {format_persen(sas.capaian)}, efisiensinya "
        f"{format_angka(points, 2)} poin persen: {TAFSIR[reading]}."
    )
    if points > 0 and serapan_rendah(sas):
        text += " " + CATATAN_SERAPAN_RENDAH
    return text


#: How a sasaran's efisiensi reads (tafsir_efisiensi).
EFISIEN, TARGET_BELUM, SERAPAN_RENDAH, BELUM_EFISIEN, SEBANDING = (
    "efisien",
    "target-belum",
    "serapan-rendah",
    "negatif",
    "nol",
)

#: The verdict of each reading, used after "efisiensinya x poin persen:" in 3.3.
TAFSIR = {
    EFISIEN: "capaian kinerja melampaui tingkat penyerapan anggaran dan target kinerja "
    "tercapai, sehingga penggunaan anggaran efisien",
    SERAPAN_RENDAH: "target kinerja tercapai dengan penyerapan anggaran yang rendah, sehingga "
    "penggunaan anggarannya belum dapat dinilai efisien",
    TARGET_BELUM: "anggaran yang terserap lebih rendah daripada capaian kinerja, tetapi "
    "target kinerja sasaran ini belum tercapai, sehingga penggunaan anggarannya belum "
    "dapat dinilai efisien",
    BELUM_EFISIEN: "capaian kinerja lebih rendah daripada tingkat penyerapan anggaran, "
    "sehingga penggunaan anggaran belum efisien",
    SEBANDING: "capaian kinerja sebanding dengan tingkat penyerapan anggaran",
}

#: Budget absorption (capaian realisasi anggaran, %) below which a positive efisiensi is not
#: read as a saving: the unspent part can be work that did not happen (a failed tender, a
#: postponed building) rather than the same output bought for less.
BATAS_SERAPAN_RENDAH = 80.0

CATATAN_SERAPAN_RENDAH = (
    f"Karena penyerapan anggaran di bawah {format_angka(BATAS_SERAPAN_RENDAH)}%, selisih antara "
    "capaian kinerja dan penyerapan anggaran dapat mencerminkan anggaran yang tidak terserap "
    "(misalnya kegiatan yang tertunda atau tidak terlaksana), bukan semata-mata penghematan."
)


def serapan_rendah(sas: Sasaran) -> bool:
    """Budget absorption, as printed, below BATAS_SERAPAN_RENDAH."""
    persen = sas.persen_anggaran
    if persen is None or persen == NA or not _is_number(persen):
        return False
    return rules.round_percent(persen) < BATAS_SERAPAN_RENDAH  # type: ignore[arg-type]


def tafsir_efisiensi(sas: Sasaran) -> str | None:
    """The one reading of a sasaran's efisiensi used by 3.3 and 3.4.2: positive efisiensi is
    "efisien" only when the sasaran reached its target (capaian >= 100% as printed) and
    absorbed a usual share of its budget; below target, less budget absorbed than performance
    achieved is no efficiency, and with low absorption the gap may be unspent budget.
    None: N/A."""
    if sas.efisiensi == NA:
        return None
    points = rules.round_percent(sas.efisiensi)  # type: ignore[arg-type]
    if points < 0:
        return BELUM_EFISIEN
    if points == 0:
        return SEBANDING
    if not (sas.capaian != NA and rules.tercapai(sas.capaian)):
        return TARGET_BELUM
    return SERAPAN_RENDAH if serapan_rendah(sas) else EFISIEN


def _has_standar(ind: Indikator) -> bool:
    std = ind.standar_nasional
    return std is not None and not (isinstance(std, str) and not std.strip())


def keterbatasan(w: Writer) -> list[str]:
    """The comparisons that cannot be made, said once for every indicator or sasaran they
    concern (not once per indicator): no earlier years, no Renstra end target, no national
    standard, no budget per sasaran."""
    t = w.ident.tahun
    inds = w.lap.indikator
    out = []
    for missing, what in (
        (
            [i for i in inds if not any(y < t for y in i.kinerja)],
            "data capaian tahun-tahun sebelumnya",
        ),
        ([i for i in inds if i.target_akhir_renstra is None], "target akhir Renstra"),
        ([i for i in inds if not _has_standar(i)], "standar nasional pembanding"),
    ):
        if not missing:
            continue
        if len(missing) == len(inds):
            scope = f"seluruh {bilangan_dengan_kata(len(inds))} indikator"
        elif len(missing) > DAFTAR_MAKS:  # 3.3 shows per indicator which comparisons it has
            scope = f"{bilangan_dengan_kata(len(missing))} dari {len(inds)} indikator"
        else:
            scope = "indikator " + daftar([i.uraian for i in missing])
        out.append(f"{what[0].upper()}{what[1:]} belum tersedia untuk {scope}.")
    no_budget = [s for s in w.lap.sasaran if s.anggaran is None]
    if no_budget:
        if len(no_budget) == len(w.lap.sasaran):
            scope = "seluruh sasaran"
        else:
            scope = "sasaran " + daftar([str(w.lap.sasaran.index(s) + 1) for s in no_budget])
        out.append(
            f"Anggaran per sasaran belum tersedia untuk {scope}, sehingga efisiensi "
            "penggunaan sumber dayanya belum dapat dianalisis."
        )
    return out
