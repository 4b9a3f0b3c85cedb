"""BAB IV PENUTUP of the Pemda report: staff narrative, a generated summary, the signature of
the kepala daerah."""

from __future__ import annotations

from lkjip_xl.core.numbers import bilangan_dengan_kata
from lkjip_xl.pemda import format as fmt
from lkjip_xl.pemda.model import Konsolidasi
from lkjip_xl.pemda.report.common import sign
from lkjip_xl.pemda.report.front import rekap_sentence, summary_sentence
from lkjip_xl.report.writer import Writer


def write(w: Writer, kons: Konsolidasi) -> None:
    ident = kons.pemda.identitas
    w.captions.start_chapter(4)
    w.heading("BAB IV\nPENUTUP", 1, page_break=True)
    w.narasi("penutup")
    rk = kons.laporan.ringkasan
    lead = (
        f"Pada tahun {ident.tahun}, {ident.nama} menetapkan "
        f"{bilangan_dengan_kata(rk.jumlah_sasaran)} sasaran RPJMD dengan "
        f"{bilangan_dengan_kata(rk.jumlah_indikator)} IKU; "
    )
    w.p(summary_sentence(kons, lead) + " " + rekap_sentence(kons))
    if kons.total_anggaran is not None:
        w.p(
            f"Realisasi anggaran perangkat daerah pada rekap mencapai "
            f"{fmt.persen(kons.persen_anggaran)} dari anggaran "
            f"{fmt.rupiah(kons.total_anggaran, ident.gaya_rupiah)}."
        )
    sign(w)
