"""BAB I PENDAHULUAN of the Pemda report: latar belakang, gambaran umum, the list of perangkat
daerah, isu strategis, landasan hukum, sistematika."""

from __future__ import annotations

from lkjip_xl.core.numbers import bilangan_dengan_kata
from lkjip_xl.pemda.model import Konsolidasi
from lkjip_xl.pemda.report.common import list_items, narasi_and_lead_in
from lkjip_xl.report.tables import Cell
from lkjip_xl.report.writer import Writer

SISTEMATIKA = (
    ("IKHTISAR EKSEKUTIF", "ringkasan capaian IKU, rekap perangkat daerah dan anggaran."),
    (
        "BAB I PENDAHULUAN",
        "latar belakang, gambaran umum daerah, perangkat daerah, isu strategis dan landasan hukum.",
    ),
    (
        "BAB II PERENCANAAN KINERJA",
        "RPJMD, visi dan misi, tujuan dan sasaran, Indikator Kinerja Utama dan Perjanjian "
        "Kinerja kepala daerah.",
    ),
    (
        "BAB III AKUNTABILITAS KINERJA",
        "kerangka pengukuran, capaian IKU, analisis per sasaran RPJMD, rekap capaian "
        "perangkat daerah dan realisasi anggaran.",
    ),
    ("BAB IV PENUTUP", "simpulan dan langkah perbaikan."),
    ("LAMPIRAN", "Perjanjian Kinerja, Pengukuran Kinerja dan Jejak Data."),
)


def write(w: Writer, kons: Konsolidasi) -> None:
    ident = kons.pemda.identitas
    w.captions.start_chapter(1)
    w.heading("BAB I\nPENDAHULUAN", 1)
    w.heading("1.1 Latar Belakang", 2)
    w.narasi("latar_belakang")
    w.heading("1.2 Gambaran Umum Daerah", 2)
    w.narasi("gambaran_umum")
    w.heading("1.3 Perangkat Daerah", 2)
    _perangkat(w, kons)
    if kons.laporan.isu_strategis or w.lap.teks("isu_strategis"):
        w.heading("1.4 Isu Strategis", 2)
        w.narasi("isu_strategis")
        list_items(w, kons.laporan.isu_strategis)
    w.heading("1.5 Landasan Hukum", 2)
    w.narasi("landasan_hukum")
    w.heading("1.6 Sistematika Penulisan", 2)
    if not w.narasi("sistematika"):
        w.p(
            f"Sistematika LKjIP {ident.nama} Tahun {ident.tahun} mengacu pada Peraturan Menteri "
            "PANRB Nomor 53 Tahun 2014, sebagai berikut:"
        )
        for title, text in SISTEMATIKA:
            w.parts([(title, "b"), (f": {text}", "")])


def _perangkat(w: Writer, kons: Konsolidasi) -> None:
    opd = kons.pemda.opd
    if not opd:
        w.narasi("perangkat_daerah")
        return
    groups: dict[str, int] = {}
    for o in opd:
        groups[o.kelompok or "Lainnya"] = groups.get(o.kelompok or "Lainnya", 0) + 1
    parts = [f"{bilangan_dengan_kata(n)} {k.lower()}" for k, n in groups.items()]
    joined = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " dan " + parts[-1]
    narasi_and_lead_in(
        w,
        "perangkat_daerah",
        f"Daftarnya disajikan pada {w.captions.label('Tabel')} berikut.",
        f"Laporan ini dihimpun dari LKjIP {bilangan_dengan_kata(len(opd))} perangkat daerah, "
        f" terdiri atas {joined}.",
    )
    # The tblOPD name, as everywhere else in the report: an OPD workbook's own Nama Instansi
    # may carry another region's name (a copied template) or another spelling.
    rows = [
        [
            Cell(f"{i}.", align="center"),
            o.nama,
            Cell(o.kelompok or "-", align="center"),
        ]
        for i, o in enumerate(opd, 1)
    ]
    w.table(
        f"Perangkat Daerah {kons.pemda.identitas.nama}",
        [["No", "Perangkat Daerah", "Kelompok"]],
        rows,
        [1.0, 9.5, 3.5],
        sumber=False,
    )
