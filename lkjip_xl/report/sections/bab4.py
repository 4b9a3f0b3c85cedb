"""BAB IV PENUTUP: a conclusion per IKU, the planned improvement for every indicator that missed
its target and every sasaran with negative efisiensi (tblNarasi "perbaikan:<kode>"; `lkjip-xl
periksa` warns where one is missing), then the staff's closing narrative and the signature."""

from __future__ import annotations

from lkjip_xl.core import rules
from lkjip_xl.core.model import Indikator, Sasaran
from lkjip_xl.core.numbers import bilangan_dengan_kata, format_persen
from lkjip_xl.core.values import NA
from lkjip_xl.report import styles
from lkjip_xl.report.sections.teks import akhiri_butir, has_text
from lkjip_xl.report.writer import Writer


def write(w: Writer) -> None:
    ident, rk = w.ident, w.lap.ringkasan
    w.captions.start_chapter(4)
    w.heading("BAB IV\nPENUTUP", 1, page_break=True)
    w.p("Simpulan", styles.SUBJUDUL)
    w.p(
        f"Pada tahun {ident.tahun}, kinerja {ident.nama_instansi} diukur dengan "
        f"{bilangan_dengan_kata(rk.jumlah_indikator)} IKU pada "
        f"{bilangan_dengan_kata(rk.jumlah_sasaran)} sasaran strategis. Simpulan untuk setiap "
        "IKU adalah sebagai berikut."
    )
    for lead, items in _simpulan(w):
        w.p(lead).paragraph_format.keep_with_next = True
        w.items(akhiri_butir(items))
    if rk.total_anggaran is not None:
        w.p(
            f"Dari sisi keuangan, anggaran {w.rupiah(rk.total_anggaran)} terserap "
            f"{format_persen(rk.persen_anggaran)}."
        )
    _perbaikan(w)
    # The staff's own closing words last, right above the signature: what staff write here
    # ("Laporan ini diharapkan ...") closes a chapter, it does not open the conclusion.
    w.narasi("penutup")
    w.signature()


def _simpulan(w: Writer) -> list[tuple[str, list[str]]]:
    """Every IKU once, grouped: beyond or at target, below target, not measurable."""
    groups: dict[str, list[str]] = {"lebih": [], "belum": [], "na": []}
    for ind in w.lap.indikator:
        kin = w.kinerja(ind)
        if kin is None or kin.capaian == NA:
            groups["na"].append(ind.uraian)
            continue
        cap = format_persen(kin.capaian)
        key = "lebih" if rules.tercapai(kin.capaian) else "belum"
        groups[key].append(f"{ind.uraian}, capaian {cap}")
    leads = {
        "lebih": "IKU yang mencapai atau melampaui target:",
        "belum": "IKU yang belum mencapai target:",
        "na": "IKU yang belum dapat diukur karena realisasinya belum tersedia:",
    }
    return [(leads[k], items) for k, items in groups.items() if items]


def _missed(w: Writer, ind: Indikator) -> bool:
    kin = w.kinerja(ind)
    return kin is not None and kin.capaian != NA and not rules.tercapai(kin.capaian)


def _negative(sas: Sasaran) -> bool:
    return sas.efisiensi != NA and rules.round_percent(sas.efisiensi) < 0  # type: ignore[arg-type]


def _perbaikan(w: Writer) -> None:
    """Improvement steps from the narrative, each introduced by why it is needed."""
    blocks: list[tuple[str, str]] = []
    for ind in w.lap.indikator:
        key = f"perbaikan:{ind.kode}"
        if not has_text(w, key):
            continue
        if _missed(w, ind):
            lead = f"Indikator {ind.uraian} belum mencapai target; langkah perbaikannya:"
        else:
            lead = f"Untuk indikator {ind.uraian}, langkah perbaikan yang direncanakan:"
        blocks.append((lead, key))
    for no, sas in enumerate(w.lap.sasaran, 1):
        key = f"perbaikan:{sas.kode}"
        if not has_text(w, key):
            continue
        if _negative(sas):
            lead = (
                f"Efisiensi penggunaan anggaran sasaran {no} bernilai negatif. Langkah perbaikan "
                "yang direncanakan:"
            )
        else:
            lead = f"Untuk sasaran {no}, langkah perbaikan yang direncanakan:"
        blocks.append((lead, key))
    if not blocks:
        return
    w.p("Langkah Perbaikan", styles.SUBJUDUL)
    for lead, key in blocks:
        w.p(lead).paragraph_format.keep_with_next = True
        w.narasi(key)
