"""Cover, Kata Pengantar, Pernyataan Telah Direviu and Ikhtisar Eksekutif of the Pemda report."""

from __future__ import annotations

from docx.shared import Pt

from lkjip_xl.core import rules
from lkjip_xl.core.numbers import bilangan_dengan_kata
from lkjip_xl.core.pejabat import inspektur, unit_apip
from lkjip_xl.core.values import NA
from lkjip_xl.pemda import format as fmt
from lkjip_xl.pemda.model import Konsolidasi
from lkjip_xl.pemda.report.common import cakupan_anggaran, realisasi, sign, signer, target
from lkjip_xl.report import styles
from lkjip_xl.report.writer import Writer


def cover(w: Writer, kons: Konsolidasi) -> None:
    ident = kons.pemda.identitas
    for _ in range(3):
        w.p("", styles.JUDUL_SAMPUL)
    title = w.p("", styles.JUDUL_SAMPUL)
    run = title.add_run("LAPORAN KINERJA INSTANSI PEMERINTAH")
    run.font.size = Pt(20)
    run.add_break()
    title.add_run("(LKjIP)").font.size = Pt(20)
    w.p("", styles.JUDUL_SAMPUL)
    w.p(ident.nama.upper(), styles.JUDUL_SAMPUL)
    w.p(f"TAHUN {ident.tahun}", styles.JUDUL_SAMPUL)
    for _ in range(14):
        w.p("", styles.JUDUL_SAMPUL)
    for text in (ident.nama.upper(), str(w.tahun_terbit())):
        w.p(text, styles.JUDUL_SAMPUL).runs[0].font.size = Pt(14)


def kata_pengantar(w: Writer, kons: Konsolidasi) -> None:
    ident = kons.pemda.identitas
    w.heading("KATA PENGANTAR", 1)
    if not w.narasi("kata_pengantar"):
        w.p(
            f"Laporan Kinerja Instansi Pemerintah (LKjIP) {ident.nama} Tahun {ident.tahun} "
            "disusun sebagai wujud pertanggungjawaban kepala daerah atas pelaksanaan Perjanjian "
            "Kinerja sesuai Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas "
            "Kinerja Instansi Pemerintah."
        )
    sign(w)


def pernyataan_reviu(w: Writer, kons: Konsolidasi) -> None:
    """The APIP's statement in the wording of the PermenPAN-RB 53/2014 form, for signing once
    the review is done. Without Jabatan Pimpinan APIP, the Inspektur of the pemerintah daerah
    (core.pejabat, as in the OPD report); the heading names the Inspektorat the same way. A
    name left empty is a dotted line to fill by hand; nothing is written when neither is known."""
    ident = kons.pemda.identitas
    jabatan = ident.jabatan_apip.strip() or inspektur(ident.nama).upper()
    if not (jabatan or ident.nama_apip):
        return
    w.heading("PERNYATAAN TELAH DIREVIU", 1, page_break=True)
    kop = [ident.nama.upper(), unit_apip(ident.nama).upper()]
    w.p("\n".join(x for x in kop if x), styles.SUBJUDUL, align="center")
    w.p(
        f"Kami telah mereviu Laporan Kinerja Instansi Pemerintah (LKjIP) {ident.nama} untuk tahun "
        f"anggaran {ident.tahun} sesuai Pedoman Reviu atas Laporan Kinerja (Peraturan Menteri "
        "Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 53 Tahun 2014). Substansi "
        f"informasi yang dimuat dalam laporan kinerja ini menjadi tanggung jawab manajemen "
        f"{ident.nama}."
    )
    w.p(
        "Reviu bertujuan untuk memberikan keyakinan terbatas bahwa laporan kinerja telah "
        "disajikan secara akurat, andal, dan valid."
    )
    w.p(
        "Berdasarkan reviu kami, tidak terdapat kondisi atau hal-hal yang menimbulkan perbedaan "
        "dalam meyakini keandalan informasi yang disajikan di dalam laporan kinerja ini."
    )
    with signer(w, kons, "apip"):
        w.ident.jabatan_penandatangan = jabatan
        w.ident.nama_penandatangan = ident.nama_apip or "." * 40
        sign(w)


def ikhtisar(w: Writer, kons: Konsolidasi) -> None:
    ident, lap = kons.pemda.identitas, kons.laporan
    rk = lap.ringkasan
    w.heading("IKHTISAR EKSEKUTIF", 1, page_break=True)
    w.narasi("ikhtisar_eksekutif")
    w.p(
        f"Perjanjian Kinerja {ident.jabatan_kepala_daerah.title() or 'Kepala Daerah'} Tahun "
        f"{ident.tahun} memuat {bilangan_dengan_kata(rk.jumlah_sasaran)} sasaran RPJMD dengan "
        f"{bilangan_dengan_kata(rk.jumlah_indikator)} Indikator Kinerja Utama (IKU). "
        + summary_sentence(kons)
    )
    lines = []
    for ind in lap.indikator:
        kin = ind.pada(ident.tahun)
        if kin is None:
            continue
        text = (
            f"{ind.uraian}: target {target(ind, kin)}, realisasi {realisasi(ind, kin)}, "
            f"capaian {fmt.persen(kin.capaian)}"
        )
        lines.append(text + (f" ({kin.predikat.label})" if kin.predikat else "") + ";")
    if lines:
        lines[-1] = lines[-1].rstrip(";") + "."
        w.p("Capaian setiap IKU adalah sebagai berikut:")
        w.items(lines, numbered=False)
    w.p(rekap_sentence(kons))
    if kons.total_anggaran is not None:
        gaya = ident.gaya_rupiah  # the amounts in words are in 3.5 only
        w.p(
            f"{cakupan_anggaran(kons, kapital=True)} berjumlah "
            f"{fmt.rupiah(kons.total_anggaran, gaya)} dengan realisasi "
            f"{fmt.rupiah(kons.total_realisasi, gaya)} ({fmt.persen(kons.persen_anggaran)}); "
            "rinciannya disajikan pada subbab 3.5."
        )


def summary_sentence(kons: Konsolidasi, lead: str = "Dari IKU tersebut, ") -> str:
    rk = kons.laporan.ringkasan
    parts = [
        f"{bilangan_dengan_kata(rk.tercapai)} IKU mencapai atau melampaui target",
        f"{bilangan_dengan_kata(rk.tidak_tercapai)} IKU belum mencapai target",
    ]
    if rk.tidak_terukur:
        parts.append(
            f"{bilangan_dengan_kata(rk.tidak_terukur)} IKU belum dapat diukur (N/A) karena "
            "realisasinya belum tersedia"
        )
    joined = ", ".join(parts[:-1]) + (", dan " if len(parts) > 2 else " dan ") + parts[-1]
    return f"{lead}{joined}."


def rekap_sentence(kons: Konsolidasi) -> str:
    """How many OPD workbooks were consolidated, which were left out, who leads the rekap."""
    used = [r for r in kons.rekap if not r.excluded]
    text = f"Laporan ini menghimpun LKjIP {bilangan_dengan_kata(len(used))} perangkat daerah"
    if kons.excluded:
        names = ", ".join(o.entry.nama for o in kons.excluded)
        text += (
            f"; {bilangan_dengan_kata(len(kons.excluded))} perangkat daerah tidak dimasukkan "
            f"ke rekap ({names}) karena datanya belum dapat dipakai (lihat subbab 3.4)"
        )
    ranked = sorted((r for r in used if r.peringkat), key=lambda r: r.peringkat or 0)
    if len(ranked) > 1:
        best, worst = ranked[0], ranked[-1]
        text += (
            f". Capaian kinerja perangkat daerah tertinggi diraih {best.opd.nama} "
            f"({fmt.persen(best.capaian)}) dan terendah {worst.opd.nama} "
            f"({fmt.persen(worst.capaian)})"
        )
    reached = sum(1 for r in used if r.capaian != NA and rules.tercapai(r.capaian))
    if used:
        text += (
            f"; {bilangan_dengan_kata(reached)} perangkat daerah mencatat rata-rata capaian "
            "100% atau lebih"
        )
    return text + "."
