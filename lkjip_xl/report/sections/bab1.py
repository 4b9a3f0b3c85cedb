"""BAB I PENDAHULUAN: latar belakang, gambaran umum, tugas dan fungsi (SDM, aset, isu
strategis), landasan hukum, sistematika."""

from __future__ import annotations

from lkjip_xl.core.numbers import format_angka, jumlah_tampil
from lkjip_xl.report import charts
from lkjip_xl.report.captions import GAMBAR
from lkjip_xl.report.sections import lampiran
from lkjip_xl.report.sections.teks import daftar, pengantar
from lkjip_xl.report.tables import Cell
from lkjip_xl.report.writer import Writer

#: SDM groups whose rows add up to the whole staff, so a "Jumlah" row makes sense. Rank,
#: education and echelon usually cover PNS only, so their sums would mislead: no Jumlah there.
SDM_JUMLAH = {"jenis kepegawaian", "jenis kelamin"}

SISTEMATIKA = (
    ("KATA PENGANTAR", ""),
    (
        "PERNYATAAN TELAH DIREVIU",
        "Pernyataan Aparat Pengawasan Intern Pemerintah (APIP) atas reviu laporan ini.",
    ),
    ("IKHTISAR EKSEKUTIF", "Menyajikan ringkasan sasaran, capaian kinerja dan realisasi anggaran."),
    ("DAFTAR ISI, DAFTAR TABEL, DAFTAR GAMBAR, DAFTAR LAMPIRAN", ""),
    (
        "BAB I PENDAHULUAN",
        "Menjelaskan latar belakang, gambaran umum organisasi, tugas dan "
        "fungsi, landasan hukum serta sistematika penulisan.",
    ),
    (
        "BAB II PERENCANAAN KINERJA",
        "Menyajikan perencanaan strategis, visi dan misi, tujuan "
        "dan sasaran, arah kebijakan, program dan kegiatan serta Perjanjian Kinerja.",
    ),
    (
        "BAB III AKUNTABILITAS KINERJA",
        "Menyajikan kerangka pengukuran, capaian indikator "
        "kinerja utama, analisis capaian per sasaran dan akuntabilitas keuangan.",
    ),
    ("BAB IV PENUTUP", "Menyajikan simpulan atas capaian kinerja dan langkah perbaikan."),
)


def write(w: Writer) -> None:
    ident = w.ident
    w.captions.start_chapter(1)
    w.heading("BAB I\nPENDAHULUAN", 1)
    w.heading("1.1 Latar Belakang", 2)
    w.narasi("latar_belakang")
    w.heading("1.2 Gambaran Umum", 2)
    w.narasi("gambaran_umum")
    w.heading("1.3 Tugas dan Fungsi", 2)
    w.narasi("tugas_fungsi")
    if w.lap.struktur:
        _struktur(w)
    if w.lap.sdm:
        w.heading("1.3.1 Sumber Daya Manusia", 3)
        w.narasi("sumber_daya_manusia")
        pengantar(w, f"Komposisi pegawai {ident.nama_instansi} disajikan pada {{label}} berikut.")
        _sdm(w)
    if w.lap.aset:
        w.heading("1.3.2 Sarana dan Prasarana", 3)
        w.narasi("sarana_prasarana")
        pengantar(
            w,
            f"Nilai aset {ident.nama_instansi} tahun {ident.tahun} menurut jenisnya disajikan "
            "pada {label} berikut.",
        )
        _aset(w)
    if w.lap.tugas_fungsi or w.lap.isu_strategis or w.lap.isu_bagian:
        w.heading("1.3.3 Isu Strategis", 3)
        w.narasi("isu_strategis")
        _isu(w)
    w.heading("1.4 Landasan Hukum", 2)
    w.narasi("landasan_hukum")
    w.heading("1.5 Sistematika Penulisan", 2)
    if not w.narasi("sistematika"):
        w.p(
            f"Sistematika penyajian LKjIP {ident.nama_instansi} Tahun {ident.tahun} mengacu "
            "pada Peraturan Menteri PANRB Nomor 53 Tahun 2014, sebagai berikut:"
        )
        for title, text in SISTEMATIKA:
            w.parts([(title, "b"), (f": {text}" if text else "", "")])
        w.parts([("LAMPIRAN", "b"), (f": {_lampiran(w)}", "")])


def _lampiran(w: Writer) -> str:
    """Every annex the report prints, from the same titles as DAFTAR LAMPIRAN."""
    titles = [f"Lampiran {i} {t}" for i, t in enumerate(lampiran.judul(w), 1)]
    return f"Memuat {daftar(titles)}."


def _lead_struktur(w: Writer) -> None:
    pengantar(
        w,
        f"Susunan organisasi {w.ident.nama_instansi} digambarkan dalam bagan pada {{label}} "
        "berikut.",
        GAMBAR,
    )


#: The figure's height on the page at most (A4 portrait text height less caption and sumber).
STRUKTUR_MAX_HEIGHT_CM = 20.5


def _struktur(w: Writer) -> None:
    """Gambar 1.1: the organisation chart from tblStruktur (reference 1.3)."""
    units = [charts.OrgUnit(u.kode, u.nama, u.kode_atasan, u.pejabat) for u in w.lap.struktur]
    chart = charts.org_chart(units)
    width = min(w.text_width, chart.width_cm)
    if chart.height_cm * width / chart.width_cm > STRUKTUR_MAX_HEIGHT_CM:
        width = STRUKTUR_MAX_HEIGHT_CM * chart.width_cm / chart.height_cm
    note = chart.note  # what the chart leaves out, if anything
    _lead_struktur(w)
    w.figure(
        chart.png,
        f"Bagan Struktur Organisasi {w.ident.nama_instansi}",
        width,
        note=note,
    )


def _sdm(w: Writer) -> None:
    groups: dict[str, list] = {}
    for row in w.lap.sdm:
        groups.setdefault(row.kelompok, []).append(row)
    rows: list[list] = []
    for number, (kelompok, items) in enumerate(groups.items(), 1):
        rows.append([Cell(f"{number}.", bold=True, align="center"), Cell(kelompok, bold=True), ""])
        for item in items:
            rows.append(["", f"    {item.uraian}", Cell(format_angka(item.jumlah), align="center")])
        if kelompok.strip().casefold() in SDM_JUMLAH:
            total = sum(i.jumlah for i in items if i.jumlah is not None)
            rows.append(
                [
                    "",
                    Cell("    Jumlah", bold=True),
                    Cell(format_angka(total), bold=True, align="center"),
                ]
            )
    w.table(
        f"Komposisi Pegawai {w.ident.nama_instansi}",
        [["No.", "Uraian Kepegawaian", "Jumlah (Orang)"]],
        rows,
        [1.2, 9, 3.5],
    )


def _aset(w: Writer) -> None:
    rows: list[list] = [
        [Cell(f"{i}.", align="center"), a.jenis, Cell(w.rupiah(a.nilai), align="right")]
        for i, a in enumerate(w.lap.aset, 1)
    ]
    values = [a.nilai for a in w.lap.aset if a.nilai is not None]
    if values:
        rows.append(
            [
                "",
                Cell("JUMLAH", bold=True),
                Cell(w.rupiah(jumlah_tampil(values)), bold=True, align="right"),
            ]
        )
    w.table(
        f"Aset {w.ident.nama_instansi} Tahun {w.ident.tahun}",
        [["No.", "Jenis Aset", "Nilai Aset"]],
        rows,
        [1.2, 8, 5],
    )


def _isu(w: Writer) -> None:
    """Tugas/fungsi and isu strategis as two separate tables: printed side by side on the
    same numbered rows they would suggest that fungsi 1 gives isu 1, a pairing the data do
    not have (tblTugasFungsi and tblIsuStrategis are independent lists)."""
    lap, nama = w.lap, w.ident.nama_instansi
    for items, head, title, lead in (
        (
            lap.tugas_fungsi,
            "Tugas dan Fungsi",
            f"Tugas dan Fungsi {nama}",
            f"Tugas dan fungsi {nama} disajikan pada {{label}} berikut.",
        ),
        (
            lap.isu_strategis,
            "Isu Strategis",
            f"Isu Strategis {nama}",
            f"Isu strategis yang dihadapi {nama}, dengan memperhatikan tugas dan fungsi serta "
            "dinamika lingkungan strategis, disajikan pada {label} berikut.",
        ),
    ):
        items = [i for i in items if i.strip()]
        if not items:
            continue
        pengantar(w, lead)
        rows = [[Cell(f"{i}.", align="center"), text] for i, text in enumerate(items, 1)]
        w.table(title, [["No", head]], rows, [1, 13])
    if lap.isu_bagian:
        grouped: dict[str, list[str]] = {}
        for item in lap.isu_bagian:
            grouped.setdefault(item.bagian, []).append(item.isu)
        rows = [
            [
                Cell(f"{i}.", align="center"),
                Cell(bagian.upper(), bold=True),
                "\n".join(f"- {isu}" for isu in isu_list),
            ]
            for i, (bagian, isu_list) in enumerate(grouped.items(), 1)
        ]
        pengantar(
            w,
            "Penjabaran isu-isu strategis pada masing-masing unit kerja disajikan pada {label} "
            "berikut.",
        )
        w.table(
            f"Penjabaran Isu-isu Strategis {w.ident.nama_instansi} per Unit Kerja",
            [["No.", "Unit Kerja", "Isu Strategis"]],
            rows,
            [1, 4, 9],
        )
