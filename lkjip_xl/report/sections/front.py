"""Cover, Kata Pengantar, Pernyataan Telah Direviu and Ikhtisar Eksekutif (front matter, roman
page numbers)."""

from __future__ import annotations

import re

from docx.shared import Pt

from lkjip_xl.core.model import Indikator
from lkjip_xl.core.numbers import bilangan_dengan_kata, format_persen
from lkjip_xl.core.pejabat import inspektur, unit_apip
from lkjip_xl.core.values import NA
from lkjip_xl.report import styles
from lkjip_xl.report.sections.teks import (
    Penanda,
    realisasi,
    tanda_tangan_tunggal,
    tanggal_dalam_tahun,
    target,
)
from lkjip_xl.report.writer import Writer

JUDUL = "LAPORAN KINERJA INSTANSI PEMERINTAH\n(LKjIP)"


_REGION = re.compile(r"\b((?:KABUPATEN|KOTA|PROVINSI|KAB\.)\s.{1,40})$", re.IGNORECASE)


def keep_region(text: str) -> str:
    """The region at the end of a cover line ("KABUPATEN SUNGAI LESTARI") joined by no-break
    spaces: a long line then breaks before the region, not inside its name."""
    return _REGION.sub(lambda m: m.group(1).replace(" ", "\u00a0"), text.strip())


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
    w.p(keep_region(ident.nama_instansi.upper()), styles.JUDUL_SAMPUL)
    w.p(f"TAHUN {ident.tahun}", styles.JUDUL_SAMPUL)
    for _ in range(12):
        w.p("", styles.JUDUL_SAMPUL)
    for text in (
        keep_region(ident.pemerintah_daerah.upper()),
        keep_region(ident.nama_instansi.upper()),
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
            "Perjanjian Kinerja sesuai Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem "
            "Akuntabilitas Kinerja Instansi Pemerintah (SAKIP)."
        )
    w.signature()


def pernyataan_reviu(w: Writer) -> None:
    """PERNYATAAN TELAH DIREVIU in the wording of the PermenPAN-RB 53/2014 form, signed by the
    APIP (Identitas: Unit APIP, Jabatan/Nama/NIP Pereviu). Without Unit APIP or Jabatan
    Pereviu, the Inspektorat of the pemerintah daerah and its Inspektur (core.pejabat); name,
    NIP and date left empty are dotted lines, to be completed and signed by hand."""
    ident = w.ident
    w.heading("PERNYATAAN TELAH DIREVIU", 1, page_break=True)
    apip = ident.apip_unit.strip() or unit_apip(ident.pemerintah_daerah)
    jabatan = ident.apip_jabatan.strip() or inspektur(ident.pemerintah_daerah)
    kop = [ident.pemerintah_daerah.upper(), apip.upper()]
    w.p("\n".join(x for x in kop if x), styles.SUBJUDUL, align="center")
    w.p(
        f"Kami telah mereviu Laporan Kinerja Instansi Pemerintah (LKjIP) {ident.nama_instansi} "
        f"untuk tahun anggaran {ident.tahun} sesuai Pedoman Reviu atas Laporan Kinerja "
        "(Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 53 "
        "Tahun 2014). Substansi informasi yang dimuat dalam laporan kinerja ini menjadi "
        f"tanggung jawab manajemen {ident.nama_instansi}."
    )
    w.p(
        "Reviu bertujuan untuk memberikan keyakinan terbatas bahwa laporan kinerja telah "
        "disajikan secara akurat, andal, dan valid."
    )
    w.p(
        "Berdasarkan reviu kami, tidak terdapat kondisi atau hal-hal yang menimbulkan "
        "perbedaan dalam meyakini keandalan informasi yang disajikan di dalam laporan kinerja "
        "ini."
    )
    tempat = tanggal_dalam_tahun(ident.tanggal_reviu, ident.kota, w.tahun_terbit())
    tanda_tangan_tunggal(
        w, tempat, Penanda("", jabatan.upper(), ident.apip_nama, nip=ident.apip_nip)
    )


def ikhtisar(w: Writer) -> None:
    lap, ident, rk = w.lap, w.ident, w.lap.ringkasan
    w.heading("IKHTISAR EKSEKUTIF", 1, page_break=True)
    w.narasi("ikhtisar_eksekutif")
    w.p(
        f"Perjanjian Kinerja {ident.nama_instansi} Tahun {ident.tahun} menetapkan "
        f"{bilangan_dengan_kata(rk.jumlah_sasaran)} sasaran strategis yang diukur dengan "
        f"{bilangan_dengan_kata(rk.jumlah_indikator)} indikator kinerja utama (IKU). "
        + summary_sentence(w)
    )
    lines = [_ikhtisar_line(w, ind) for ind in lap.indikator]
    if lines:
        lines = [line + ";" for line in lines[:-1]] + [lines[-1] + "."]
        w.p(f"Target, realisasi dan capaian setiap IKU tahun {ident.tahun}:")
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


def _ikhtisar_line(w: Writer, ind: Indikator) -> str:
    kin = w.kinerja(ind)
    if kin is None:
        return f"{ind.uraian}: tidak ada target maupun realisasi tahun {w.ident.tahun}"
    head = f"{ind.uraian}: target {target(kin, ind)}"
    if kin.capaian == NA:
        return head + ", realisasi belum tersedia sehingga capaian belum dapat diukur (N/A)"
    text = f"{head}, realisasi {realisasi(kin, ind)}, capaian {format_persen(kin.capaian)}"
    if kin.predikat is not None:
        text += f" ({kin.predikat.label})"
    return text


def summary_sentence(w: Writer) -> str:
    """How many indicators reached / missed / could not be measured (the Ikhtisar)."""
    rk = w.lap.ringkasan
    parts = [f"{bilangan_dengan_kata(rk.tercapai)} indikator mencapai atau melebihi target"]
    parts.append(f"{bilangan_dengan_kata(rk.tidak_tercapai)} indikator belum mencapai target")
    if rk.tidak_terukur:
        parts.append(
            f"{bilangan_dengan_kata(rk.tidak_terukur)} indikator belum dapat diukur "
            "(N/A) karena data realisasinya belum tersedia"
        )
    joined = ", ".join(parts[:-1]) + (", dan " if len(parts) > 2 else " dan ") + parts[-1]
    return f"Dari {bilangan_dengan_kata(rk.jumlah_indikator)} indikator tersebut, {joined}."
