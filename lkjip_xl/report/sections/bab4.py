"""BAB IV PENUTUP: staff narrative, a generated summary and the signature block."""

from __future__ import annotations

from lkjip_xl.core.numbers import bilangan_dengan_kata, format_persen
from lkjip_xl.report.sections.front import summary_sentence
from lkjip_xl.report.writer import Writer


def write(w: Writer) -> None:
    ident, rk = w.ident, w.lap.ringkasan
    w.captions.start_chapter(4)
    w.heading("BAB IV\nPENUTUP", 1, page_break=True)
    w.narasi("penutup")
    w.p(
        f"Pada tahun {ident.tahun}, {ident.nama_instansi} menetapkan "
        f"{bilangan_dengan_kata(rk.jumlah_sasaran)} sasaran strategis dengan "
        f"{bilangan_dengan_kata(rk.jumlah_indikator)} indikator kinerja utama. "
        + summary_sentence(w)
    )
    if rk.total_anggaran is not None:
        w.p(
            f"Realisasi anggaran mencapai {format_persen(rk.persen_anggaran)} dari total "
            f"anggaran {w.rupiah(rk.total_anggaran)}."
        )
    w.signature()
