"""BAB IV PENUTUP of the Pemda report: the conclusion first (generated from the figures, in
other words than the Ikhtisar Eksekutif), then the staff narrative (its own conclusion and the
improvement steps), then the signature of the kepala daerah."""

from __future__ import annotations

from lkjip_xl.core import rules
from lkjip_xl.core.numbers import bilangan_dengan_kata
from lkjip_xl.core.values import NA
from lkjip_xl.pemda import format as fmt
from lkjip_xl.pemda.model import Konsolidasi
from lkjip_xl.pemda.report.common import sign
from lkjip_xl.report.writer import Writer


def write(w: Writer, kons: Konsolidasi) -> None:
    w.captions.start_chapter(4)
    w.heading("BAB IV\nPENUTUP", 1, page_break=True)
    w.p(simpulan(kons))
    w.narasi("penutup")
    sign(w)


def _reached(capaian: object) -> bool:
    return capaian != NA and rules.tercapai(capaian)


def simpulan(kons: Konsolidasi) -> str:
    """The conclusion: sasaran reached and which are not, the IKU count, the range of the
    OPDs' capaian and the budget absorbed."""
    ident, lap = kons.pemda.identitas, kons.laporan
    sasaran = lap.sasaran
    measured = [s for s in sasaran if s.capaian != NA]
    missed = [s for s in measured if not _reached(s.capaian)]
    rk = lap.ringkasan
    text = (
        f"Berdasarkan pengukuran kinerja tahun {ident.tahun}, "
        f"{bilangan_dengan_kata(len(measured) - len(missed))} dari "
        f"{bilangan_dengan_kata(len(sasaran))} sasaran RPJMD tercapai"
    )
    if missed:
        names = "; ".join(f"{s.uraian} ({fmt.persen(s.capaian)})" for s in missed)
        text += f"; sasaran yang belum tercapai: {names}"
    text += (
        f". Secara rinci, {bilangan_dengan_kata(rk.tercapai)} dari "
        f"{bilangan_dengan_kata(rk.jumlah_indikator)} IKU memenuhi target"
    )
    if rk.tidak_terukur:
        text += f" dan {bilangan_dengan_kata(rk.tidak_terukur)} IKU belum dapat diukur"
    text += "."
    ranked = sorted(
        (r for r in kons.rekap if not r.excluded and r.capaian != NA),
        key=lambda r: rules.round_percent(r.capaian),  # type: ignore[arg-type]
    )
    if len(ranked) > 1:
        low, high = ranked[0], ranked[-1]
        text += (
            f" Rata-rata capaian kinerja perangkat daerah berkisar dari "
            f"{fmt.persen(low.capaian)} ({low.opd.nama}) sampai {fmt.persen(high.capaian)} "
            f"({high.opd.nama})"
        )
        if kons.total_anggaran is not None:
            text += f", dengan penyerapan anggaran {fmt.persen(kons.persen_anggaran)}"
        text += "."
    elif kons.total_anggaran is not None:
        text += f" Penyerapan anggaran perangkat daerah {fmt.persen(kons.persen_anggaran)}."
    return text
