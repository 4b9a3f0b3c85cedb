"""The OPD workbook's sheets and Excel Tables with their columns, in workbook order."""

from __future__ import annotations

from lkjip_xl.schema.types import Column, Kind, Sheet, Table

C = Column
K = Kind

T = Table


def _result(name: str, width: float, help: str = "") -> Column:
    """A calculated column appended to an input table (older workbooks lack it: optional)."""
    return C(name, K.FORMULA, width=width, help=help, optional=True)


#: Hidden calculated column: the row's code (and year) as lookups compare them, trimmed once.
KUNCI = "Kunci"


IDENTITAS = T(
    "tblIdentitas",
    "Identitas",
    "Identitas Instansi dan Penandatangan",
    (
        C("Kunci", K.TEXT, True, width=28),
        C("Nilai", K.TEXT, True, width=48),
        C("Keterangan", K.TEXT, width=48),
    ),
)

STRUKTUR = T(
    "tblStruktur",
    "Struktur",
    "Struktur Organisasi",
    (
        C(
            "Kode Unit",
            K.CODE,
            True,
            width=12,
            help="Kode unik unit, mis. U1, U1.2, U1.2.3 (bebas, asal unik)",
        ),
        C("Unit Organisasi", K.TEXT, True, width=56),
        C(
            "Kode Atasan",
            K.CODE,
            width=12,
            help="Kode Unit atasan langsung; kosongkan untuk pimpinan tertinggi",
        ),
        C("Nama Pejabat", K.TEXT, width=32),
    ),
)

SASARAN = T(
    "tblSasaran",
    "Renstra",
    "Sasaran Strategis",
    (
        C("Kode Sasaran", K.CODE, True, width=12),
        C("Sasaran", K.LONGTEXT, True, width=60),
        C("Tujuan", K.LONGTEXT, width=40),
        C(
            "Kode Sasaran RPJMD",
            K.CODE,
            width=14,
            help="Kode sasaran RPJMD Pemda yang didukung sasaran ini (dari Bagian Organisasi); "
            "dipakai untuk LKjIP Pemda",
            optional=True,
        ),
        _result(
            "Capaian Kinerja",
            12,
            "Dihitung: rata-rata capaian indikator sasaran ini pada Tahun Laporan (N/A diabaikan)",
        ),
        _result(KUNCI, 8),
    ),
)

INDIKATOR = T(
    "tblIndikator",
    "Renstra",
    "Indikator Kinerja Utama",
    (
        C("Kode Indikator", K.CODE, True, width=12),
        C("Kode Sasaran", K.CODE, True, width=12),
        C("Indikator", K.LONGTEXT, True, width=48),
        C(
            "Satuan",
            K.TEXT,
            True,
            choices="satuan",
            width=12,
            help="Pilih dari daftar atau ketik satuan lain (mis. per 1.000 penduduk); "
            "ditulis di laporan persis seperti diketik",
        ),
        C(
            "Polaritas",
            K.CHOICE,
            True,
            choices="polaritas",
            width=10,
            help="naik: makin tinggi makin baik; turun: makin rendah makin baik; rentang: target "
            "berupa rentang: ketik 80-90 di Target, atau Target 80 dan Batas Atas 90",
        ),
        C(
            "Skala",
            K.CHOICE,
            choices="skala_ordinal",
            width=12,
            help="Wajib untuk target kualitatif (mis. Sangat Tinggi, B, WTP)",
        ),
        C("Target Akhir Renstra", K.VALUE, width=14),
        C("Penanggung Jawab", K.TEXT, width=28),
        C(
            "Standar Nasional",
            K.VALUE,
            width=14,
            help="Standar/target nasional pembanding, dalam satuan indikator (boleh kosong)",
            optional=True,
        ),
        C(
            "Sumber Standar Nasional",
            K.TEXT,
            width=28,
            help="Dasar standar nasional, mis. Permenkes 4/2019 (SPM)",
            optional=True,
        ),
        _result(KUNCI, 8),
    ),
)

TARGET = T(
    "tblTarget",
    "Perjanjian Kinerja",
    "Target Indikator per Tahun",
    (
        C(
            "Kode Indikator",
            K.CODE,
            True,
            width=12,
            help="Satu baris per indikator per tahun; sama persis dengan kode di tblIndikator",
        ),
        C("Tahun", K.INT, True, width=8),
        C(
            "Target",
            K.VALUE,
            True,
            width=14,
            help="Angka dalam satuan indikator (75,25 untuk 75,25%), label (B, Sangat Tinggi) "
            "atau rentang 80-90",
        ),
        C(
            "Batas Atas",
            K.NUMBER,
            width=12,
            help="Hanya untuk polaritas rentang bila Target diisi batas bawahnya saja",
        ),
        _result("Realisasi", 14, "Dihitung: realisasi tahun yang sama dari tblRealisasi"),
        _result("Capaian", 11, "Dihitung dengan fungsi CAPAIAN"),
        _result("Predikat", 16, "Dihitung dengan fungsi PREDIKAT (Skala Predikat di Identitas)"),
        _result("Kategori", 14, "Dihitung dengan fungsi KATEGORI (Skala Kategori di Identitas)"),
        _result("Kode Sasaran", 12, "Dari tblIndikator"),
        _result("Polaritas", 10, "Dari tblIndikator (kosong = naik)"),
        _result("Skala", 10, "Dari tblIndikator"),
        _result("Baris Indikator", 6),  # hidden helpers: row of the indicator / realisasi
        _result("Baris Realisasi", 6),
        _result(KUNCI, 8),
    ),
)

PROGRAM = T(
    "tblProgram",
    "Perjanjian Kinerja",
    "Program dan Anggaran Perjanjian Kinerja",
    (
        C("Kode Program", K.CODE, True, width=12),
        C("Program", K.LONGTEXT, True, width=56),
        C("Anggaran", K.RUPIAH, True, width=20),
        C("Sumber Dana", K.TEXT, width=10),
    ),
)

REALISASI = T(
    "tblRealisasi",
    "Realisasi",
    "Realisasi Indikator per Tahun",
    (
        C("Kode Indikator", K.CODE, True, width=12),
        C("Tahun", K.INT, True, width=8),
        C(
            "Realisasi",
            K.VALUE,
            width=18,
            help="Kosongkan atau tulis 'Belum ada pengumuman ...' bila belum tersedia",
        ),
        C("Keterangan", K.LONGTEXT, width=40),
        C(
            "Capaian Dilaporkan",
            K.PERCENT,
            width=12,
            help="Tahun-tahun lalu: capaian sebagaimana dimuat dalam LKjIP tahun itu (mis. "
            "96,00%); kosongkan untuk tahun laporan",
            optional=True,
        ),
        _result(KUNCI, 8),
    ),
)

KOMPONEN = T(
    "tblKomponen",
    "Realisasi",
    "Komponen Indikator Komposit",
    (
        C("Kode Indikator", K.CODE, True, width=12),
        C("Tahun", K.INT, True, width=8),
        C("Komponen", K.TEXT, True, width=40),
        C("Target Komponen", K.NUMBER, width=12),
        C("Realisasi Komponen", K.NUMBER, True, width=12),
        C(
            "Basis",
            K.NUMBER,
            width=10,
            help="Isi bila nilai komponen = Realisasi / Basis x 100% (mis. 12 dari 48 orang)",
        ),
        C("Satuan Komponen", K.TEXT, width=10),
        _result("Nilai Komponen", 11, "Dihitung dengan fungsi NILAI_KOMPONEN"),
        _result(KUNCI, 8),
    ),
)

ANGGARAN_SASARAN = T(
    "tblAnggaranSasaran",
    "Anggaran",
    "Anggaran dan Realisasi per Sasaran/IKU",
    (
        C("Kode Sasaran", K.CODE, True, width=12),
        C("Anggaran", K.RUPIAH, True, width=20),
        C("Realisasi", K.RUPIAH, True, width=20),
        _result("Capaian Kinerja", 12, "Dari tblSasaran"),
        _result("Capaian Realisasi Anggaran", 14, "Dihitung: Realisasi / Anggaran"),
        _result("Efisiensi", 11, "Dihitung: Capaian Kinerja - Capaian Realisasi Anggaran"),
    ),
)

BELANJA = T(
    "tblBelanja",
    "Anggaran",
    "Anggaran dan Realisasi per Jenis Belanja",
    (
        C("Jenis Belanja", K.TEXT, True, width=28),
        C("Anggaran", K.RUPIAH, True, width=20),
        C("Realisasi", K.RUPIAH, True, width=20),
    ),
)

PENDAPATAN = T(
    "tblPendapatan",
    "Anggaran",
    "Pendapatan yang Dikelola",
    (
        C("Uraian", K.LONGTEXT, True, width=40),
        C("Target", K.RUPIAH, True, width=18),
        C("Realisasi", K.RUPIAH, True, width=18),
    ),
)

PROGRAM_KEGIATAN = T(
    "tblProgramKegiatan",
    "Program",
    "Program, Kegiatan dan Sub Kegiatan",
    (
        C("Kode", K.CODE, True, width=12, help="Berjenjang: I, I.1, I.1.1"),
        C("Tingkat", K.CHOICE, True, choices="tingkat", width=12),
        C("Nama", K.LONGTEXT, True, width=56),
        C("Indikator Output", K.LONGTEXT, width=40),
        C("Target Output", K.NUMBER, width=10),
        C("Satuan Output", K.TEXT, width=10),
        C("Bagian", K.TEXT, width=24),
    ),
)

SDM = T(
    "tblSDM",
    "SDM",
    "Komposisi Pegawai",
    (
        C("Kelompok", K.CHOICE, True, choices="kelompok_sdm", width=32),
        C("Uraian", K.TEXT, True, width=32),
        C("Jumlah", K.INT, True, width=10),
    ),
)

ASET = T(
    "tblAset",
    "Aset",
    "Aset",
    (
        C("Jenis Aset", K.TEXT, True, width=32),
        C("Nilai Aset", K.RUPIAH, True, width=22),
    ),
)

TUGAS_FUNGSI = T(
    "tblTugasFungsi",
    "Isu Strategis",
    "Tugas Fungsi",
    (
        C("No", K.INT, True, width=6),
        C("Tugas Fungsi", K.LONGTEXT, True, width=56),
    ),
)

ISU_STRATEGIS = T(
    "tblIsuStrategis",
    "Isu Strategis",
    "Isu Strategis",
    (
        C("No", K.INT, True, width=6),
        C("Isu Strategis", K.LONGTEXT, True, width=56),
    ),
)

ISU_BAGIAN = T(
    "tblIsuBagian",
    "Isu Strategis",
    "Isu Strategis per Bagian",
    (
        C("Bagian", K.TEXT, True, width=32),
        C("Isu Strategis", K.LONGTEXT, True, width=72),
    ),
)

IKM_UNSUR = T(
    "tblIKMUnsur",
    "IKM",
    "Nilai Rata-rata per Unsur Pelayanan (NRR)",
    (
        C("Tahun", K.INT, True, width=8),
        C("Kode Unsur", K.CODE, True, width=10),
        C("Unsur Pelayanan", K.TEXT, True, width=44),
        C("NRR", K.NUMBER, width=10, help="Skor rata-rata 1-4"),
    ),
)

NARASI = T(
    "tblNarasi",
    "Narasi",
    "Teks Laporan",
    (
        C("Bagian", K.CODE, True, width=22),
        C("Urutan", K.INT, True, width=8),
        C("Gaya", K.CHOICE, True, choices="gaya_narasi", width=10),
        C(
            "Teks",
            K.LONGTEXT,
            True,
            width=100,
            help="Satu paragraf; istilah asing diapit garis bawah, mis. _good governance_, "
            "dicetak miring",
        ),
    ),
)

SHEETS: tuple[Sheet, ...] = (
    Sheet("Petunjuk", "Petunjuk Pengisian"),
    Sheet("Identitas", "Identitas", (IDENTITAS,)),
    Sheet("Struktur", "Struktur Organisasi", (STRUKTUR,)),
    Sheet("Renstra", "Renstra: Sasaran dan Indikator", (SASARAN, INDIKATOR)),
    Sheet("Perjanjian Kinerja", "Perjanjian Kinerja: Target dan Program", (TARGET, PROGRAM)),
    Sheet("Realisasi", "Realisasi", (REALISASI, KOMPONEN)),
    Sheet("Anggaran", "Anggaran", (ANGGARAN_SASARAN, BELANJA, PENDAPATAN)),
    Sheet("Program", "Program, Kegiatan dan Sub Kegiatan", (PROGRAM_KEGIATAN,)),
    Sheet("SDM", "Sumber Daya Manusia", (SDM,)),
    Sheet("Aset", "Aset", (ASET,)),
    Sheet("Isu Strategis", "Isu Strategis", (TUGAS_FUNGSI, ISU_STRATEGIS, ISU_BAGIAN)),
    Sheet("IKM", "Indeks Kepuasan Masyarakat", (IKM_UNSUR,)),
    Sheet("Narasi", "Narasi Laporan", (NARASI,)),
    Sheet("Hasil", "Hasil Perhitungan"),  # parameters and the Ringkasan, no table
)

TABLES: dict[str, Table] = {t.name: t for s in SHEETS for t in s.tables}

#: Tables staff fill in (the builder writes example rows into these; the reader reads them).
#: Some end with calculated columns (Table.formula_columns).
INPUT_TABLES: tuple[Table, ...] = tuple(t for t in TABLES.values() if t.input_columns)
#: Input tables with calculated columns.
RESULT_TABLES: tuple[Table, ...] = tuple(t for t in INPUT_TABLES if t.formula_columns)
