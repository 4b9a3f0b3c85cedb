"""Cover, Kata Pengantar and Ikhtisar Eksekutif (front matter, roman page numbers)."""

from __future__ import annotations

from docx.shared import Pt

from lkjip_xl.core.numbers import bilangan_dengan_kata, format_persen
from lkjip_xl.report import styles
from lkjip_xl.report.writer import Writer

JUDUL = "LAPORAN KINERJA INSTANSI PEMERINTAH\n(LKjIP)"


def cover(w: Writer) -> None:
    ident = w.ident
    for _ in range(2):
        w.p("", styles.JUDUL_SAMPUL)
    title = w.p("", styles.JUDUL_SAMPUL)
    for i, line in enumerate(JUDUL.split("\n")):
        run = title.add_run(line)
        run.font.size = Pt(20)
        if i == 0:
            run.add_break()
    w.p("", styles.JUDUL_SAMPUL)
    w.p(ident.nama_instansi.upper(), styles.JUDUL_SAMPUL)
    w.p(f"TAHUN {ident.tahun}", styles.JUDUL_SAMPUL)
    for _ in range(12):
        w.p("", styles.JUDUL_SAMPUL)
    for text in (
        ident.pemerintah_daerah.upper(),
        ident.nama_instansi.upper(),
        str(w.tahun_terbit()),
    ):
        para = w.p(text, styles.JUDUL_SAMPUL)
        para.runs[0].font.size = Pt(14)


def kata_pengantar(w: Writer) -> None:
    w.heading("KATA PENGANTAR", 1)
    if not w.narasi("kata_pengantar"):
        w.p(
            f"Laporan Kinerja Instansi Pemerintah (LKjIP) {w.ident.nama_instansi} Tahun "
            f"{w.ident.tahun} disusun sebagai wujud pertanggungjawaban atas pelaksanaan "
            "Perjanjian Kinerja sesuai Peraturan Presiden Nomor 29 Tahun 2014 tentang SAKIP."
        )
    w.signature()


def ikhtisar(w: Writer) -> None:
    lap, ident, rk = w.lap, w.ident, w.lap.ringkasan
    w.heading("IKHTISAR EKSEKUTIF", 1, page_break=True)
    w.narasi("ikhtisar_eksekutif")
    w.p(
        f"Berdasarkan Perjanjian Kinerja {ident.nama_instansi} Tahun {ident.tahun} ditetapkan "
        f"{bilangan_dengan_kata(rk.jumlah_sasaran)} sasaran strategis dengan "
        f"{bilangan_dengan_kata(rk.jumlah_indikator)} indikator kinerja utama, yaitu:"
    )
    w.items([f"{ind.uraian};" for ind in lap.indikator])
    w.p(summary_sentence(w))
    lines = []
    for ind in lap.indikator:
        kin = w.kinerja(ind)
        if kin is None:
            lines.append(f"{ind.uraian}: tidak ada data tahun {ident.tahun};")
            continue
        text = (
            f"{ind.uraian}: target {w.nilai(kin.target, ind.satuan)}, realisasi "
            f"{w.nilai(kin.realisasi, ind.satuan)}, capaian {format_persen(kin.capaian)}"
        )
        if kin.predikat is not None:
            text += f" ({kin.predikat.label})"
        lines.append(text + ";")
    if lines:
        lines[-1] = lines[-1].rstrip(";") + "."
    w.p("Capaian masing-masing indikator adalah sebagai berikut:")
    w.items(lines, numbered=False)
    if rk.total_anggaran is not None:
        w.parts(
            [
                (
                    f"Untuk mendukung pencapaian sasaran tersebut, {ident.nama_instansi} "
                    f"mengelola anggaran sebesar ",
                    "",
                ),
                *w.rupiah_parts(rk.total_anggaran),
                (" dengan realisasi ", ""),
                *w.rupiah_parts(rk.total_realisasi),
                (f" atau {format_persen(rk.persen_anggaran)}.", ""),
            ]
        )


def summary_sentence(w: Writer) -> str:
    """How many indicators reached / missed / could not be measured (Ikhtisar and BAB IV)."""
    rk = w.lap.ringkasan
    parts = [f"{bilangan_dengan_kata(rk.tercapai)} indikator mencapai atau melebihi target"]
    parts.append(f"{bilangan_dengan_kata(rk.tidak_tercapai)} indikator belum mencapai target")
    if rk.tidak_terukur:
        parts.append(
            f"{bilangan_dengan_kata(rk.tidak_terukur)} indikator belum dapat diukur "
            "(N/A) karena data realisasinya belum tersedia"
        )
    joined = ", ".join(parts[:-1]) + (", dan " if len(parts) > 2 else " dan ") + parts[-1]
    return f"Dari {bilangan_dengan_kata(rk.jumlah_indikator)} indikator kinerja tersebut, {joined}."
