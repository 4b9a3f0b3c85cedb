"""The workbook layout as data: sheets, Excel Tables and their columns.

One definition serves the template builder (which creates the tables), the readers (which find
data by table and column name, never by cell position) and the checker (which reports a missing
or renamed table or column). Change the layout here and nowhere else.

Results live inside the input tables as calculated columns (kind FORMULA, appended at the end
of a table): Excel fills them into every row a user adds, so the results grow with the data.
Their formulas are written by lkjip_xl.workbook.formulas; the report never reads them (it
recomputes everything), the checker only compares what staff typed over them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class Kind(str, Enum):
    """What a column holds; drives number formats, validation and parsing."""

    TEXT = "text"  # short text (with `choices`: a list of suggestions, any other text allowed)
    LONGTEXT = "longtext"  # narrative, wrapped
    CODE = "code"  # identifier typed by staff (S1, IKU1, I.1.2)
    INT = "int"  # whole number (year, count)
    NUMBER = "number"  # decimal number in the indicator's own unit (75,25 for 75,25%)
    VALUE = "value"  # number OR qualitative label ("Sangat Tinggi", "B", "Belum ada ...")
    RUPIAH = "rupiah"  # amount in Rupiah
    PERCENT = "percent"  # Excel fraction shown as percent (formula results)
    CHOICE = "choice"  # one of a dropdown list (`choices`), nothing else
    FORMULA = "formula"  # calculated column: computed by an Excel formula, never typed


@dataclass(frozen=True)
class Column:
    name: str  # header text in the workbook (Bahasa Indonesia), stable
    kind: Kind
    required: bool = False
    choices: str | None = None  # name of a CHOICES list: the only values (CHOICE) or suggestions
    width: float = 14
    help: str = ""  # shown as the header cell's input message
    # A column added after workbooks were already in use: a workbook without it is still read
    # (its cells count as empty) instead of failing the layout check.
    optional: bool = False


@dataclass(frozen=True)
class Table:
    name: str  # Excel Table name (ListObject), stable
    sheet: str
    title: str  # heading written above the table
    columns: tuple[Column, ...]
    help: str = ""

    def column(self, name: str) -> Column:
        for col in self.columns:
            if col.name == name:
                return col
        raise KeyError(name)

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(col.name for col in self.columns)

    @property
    def required_column_names(self) -> tuple[str, ...]:
        """Columns every workbook must have (optional columns may be missing in old ones)."""
        return tuple(col.name for col in self.columns if not col.optional)

    @property
    def input_columns(self) -> tuple[Column, ...]:
        """Columns staff type into (not the calculated ones)."""
        return tuple(col for col in self.columns if col.kind is not Kind.FORMULA)

    @property
    def input_column_names(self) -> tuple[str, ...]:
        return tuple(col.name for col in self.input_columns)

    @property
    def formula_columns(self) -> tuple[Column, ...]:
        """Calculated columns (results), in table order."""
        return tuple(col for col in self.columns if col.kind is Kind.FORMULA)


@dataclass(frozen=True)
class Sheet:
    name: str
    title: str
    tables: tuple[Table, ...] = field(default_factory=tuple)


C = Column
K = Kind

#: Rows of each input table that the workbook's formulas read (fixed A1 ranges from the first
#: data row): a calculated column looking into another table sees this many of its rows.
FORMULA_ROWS = 2000

POLARITAS = ("naik", "turun", "rentang")
#: Units offered as suggestions in the Satuan column; staff may type any other unit, and the
#: unit is printed exactly as typed (case kept).
SATUAN = (
    "%",
    "Nilai",
    "Indeks",
    "Predikat",
    "Kategori",
    "Dokumen",
    "Laporan",
    "Orang",
    "Unit",
    "Paket",
    "Kasus",
    "Kegiatan",
    "Rupiah",
    "Hari",
    "Tahun",
)
SKALA_ORDINAL = ("ekppd", "mutu_ikm", "opini_bpk", "sakip")
SKALA_PREDIKAT = ("tabel_3_1", "tabel_3_2", "permendagri_54_2010", "permenpan_88_2021")
TINGKAT = ("Program", "Kegiatan", "Sub Kegiatan")
GAYA_NARASI = ("Paragraf", "Subjudul", "Butir", "Butir 2", "Kutipan")
GAYA_RUPIAH = ("puebi", "rujukan")
KELOMPOK_SDM = (
    "Jenis Kepegawaian",
    "Jenis Kelamin",
    "Jenjang Kepangkatan dan Golongan",
    "Jenjang Pendidikan",
    "Eselonering",
)

#: Dropdown lists, by name. The builder writes them on the hidden "Daftar" sheet.
CHOICES: dict[str, tuple[str, ...]] = {
    "polaritas": POLARITAS,
    "satuan": SATUAN,
    "skala_ordinal": SKALA_ORDINAL,
    "skala_predikat": SKALA_PREDIKAT,
    "tingkat": TINGKAT,
    "gaya_narasi": GAYA_NARASI,
    "gaya_rupiah": GAYA_RUPIAH,
    "kelompok_sdm": KELOMPOK_SDM,
}

#: Keys of the Identitas table (column "Kunci"), in order, with the model field they fill.
IDENTITAS_KEYS: tuple[tuple[str, str], ...] = (
    ("Nama Instansi", "nama_instansi"),
    ("Singkatan", "singkatan"),
    ("Pemerintah Daerah", "pemerintah_daerah"),
    ("Tahun Laporan", "tahun"),
    ("Awal Periode Renstra", "renstra_awal"),
    ("Akhir Periode Renstra", "renstra_akhir"),
    ("Kota Penandatanganan", "kota"),
    ("Tanggal Penandatanganan", "tanggal"),
    ("Jabatan Penandatangan", "jabatan_penandatangan"),
    ("Nama Penandatangan", "nama_penandatangan"),
    ("Pangkat/Golongan", "pangkat_penandatangan"),
    ("NIP", "nip_penandatangan"),
    ("Sumber Data", "sumber_data"),
    ("Skala Predikat", "skala_predikat"),
    ("Skala Kategori", "skala_kategori"),
    ("Gaya Rupiah", "gaya_rupiah"),
    # Appended (older workbooks without these keys read them as empty):
    # the APIP review statement (Pernyataan Telah Direviu, PermenPAN-RB 53/2014) ...
    ("Unit APIP", "apip_unit"),
    ("Jabatan Pereviu", "apip_jabatan"),
    ("Nama Pereviu", "apip_nama"),
    ("NIP Pereviu", "apip_nip"),
    ("Tanggal Reviu", "tanggal_reviu"),
    # ... and the second party of the Perjanjian Kinerja (the superior who signs it).
    ("Jabatan Pihak Kedua", "pihak_kedua_jabatan"),
    ("Nama Pihak Kedua", "pihak_kedua_nama"),
    ("NIP Pihak Kedua", "pihak_kedua_nip"),
    ("Tanggal Perjanjian Kinerja", "tanggal_pk"),
)
#: Identitas keys whose Nilai may stay empty (the report then prints lines to fill by hand).
IDENTITAS_BOLEH_KOSONG: frozenset[str] = frozenset(
    label for label, _ in IDENTITAS_KEYS[IDENTITAS_KEYS.index(("Unit APIP", "apip_unit")) :]
)

#: What each Identitas key means, written into the template's Keterangan column.
IDENTITAS_KETERANGAN: dict[str, str] = {
    "Nama Instansi": "Nama lengkap perangkat daerah seperti pada sampul laporan.",
    "Singkatan": "Singkatan nama instansi; dipakai untuk nama berkas laporan.",
    "Pemerintah Daerah": "Nama pemerintah daerah, mis. Pemerintah Kabupaten ... / Kota ...",
    "Tahun Laporan": "Tahun kinerja yang dilaporkan (4 angka). Capaian sasaran, efisiensi dan "
    "ringkasan dihitung untuk tahun ini.",
    "Awal Periode Renstra": "Tahun pertama periode Renstra (4 angka).",
    "Akhir Periode Renstra": "Tahun terakhir periode Renstra (4 angka).",
    "Kota Penandatanganan": "Nama kota tempat laporan ditandatangani.",
    "Tanggal Penandatanganan": "Tanggal penandatanganan seperti akan dicetak, mis. 28 Februari.",
    "Jabatan Penandatangan": "Jabatan pimpinan yang menandatangani laporan.",
    "Nama Penandatangan": "Nama lengkap beserta gelar.",
    "Pangkat/Golongan": "Pangkat dan golongan penandatangan.",
    "NIP": "NIP penandatangan (boleh dengan spasi pemisah).",
    "Sumber Data": "Sumber data yang disebut di bawah tabel laporan.",
    "Skala Predikat": "Skala predikat capaian (pilih dari daftar); bawaan tabel_3_1.",
    "Skala Kategori": "Skala kategori capaian lima tingkat (pilih dari daftar); bawaan tabel_3_2.",
    "Gaya Rupiah": "puebi: Rp68.269.806.788; rujukan: Rp. 68.269.806.788,-",
    "Unit APIP": "Unit pengawas intern yang mereviu LKjIP (Inspektorat ...), untuk Pernyataan "
    "Telah Direviu. Boleh kosong: laporan mencetak baris untuk diisi tangan.",
    "Jabatan Pereviu": "Jabatan pejabat APIP yang menandatangani pernyataan reviu.",
    "Nama Pereviu": "Nama pejabat APIP (boleh kosong).",
    "NIP Pereviu": "NIP pejabat APIP (boleh kosong).",
    "Tanggal Reviu": "Tanggal pernyataan reviu seperti akan dicetak (boleh kosong).",
    "Jabatan Pihak Kedua": "Jabatan atasan yang menandatangani Perjanjian Kinerja sebagai pihak "
    "kedua (mis. Bupati/Wali Kota/Sekretaris Daerah).",
    "Nama Pihak Kedua": "Nama pihak kedua Perjanjian Kinerja (boleh kosong).",
    "NIP Pihak Kedua": "NIP pihak kedua, bila ada (boleh kosong).",
    "Tanggal Perjanjian Kinerja": "Tanggal penandatanganan Perjanjian Kinerja seperti akan "
    "dicetak (boleh kosong).",
}

#: Section keys of the Narasi table (column "Bagian"), in report order, with their headings.
NARASI_SECTIONS: tuple[tuple[str, str], ...] = (
    ("kata_pengantar", "Kata Pengantar"),
    ("ikhtisar_eksekutif", "Ikhtisar Eksekutif (pembuka)"),
    ("latar_belakang", "1.1 Latar Belakang"),
    ("gambaran_umum", "1.2 Gambaran Umum"),
    ("tugas_fungsi", "1.3 Tugas dan Fungsi"),
    ("sumber_daya_manusia", "Sumber Daya Manusia (pengantar Tabel 1.1)"),
    ("sarana_prasarana", "Sarana Prasarana (pengantar Tabel 1.2)"),
    ("isu_strategis", "Isu Strategis"),
    ("landasan_hukum", "1.4 Landasan Hukum"),
    ("sistematika", "1.5 Sistematika Penulisan"),
    ("perencanaan", "2.1 Perencanaan"),
    ("visi", "2.2.1 Visi"),
    ("misi", "2.2.2 Misi"),
    ("tujuan", "2.3.1 Tujuan"),
    ("sasaran", "2.3.2 Sasaran (pengantar)"),
    ("arah_kebijakan", "2.4 Arah Kebijakan"),
    ("program_kegiatan", "2.5 Program, Kegiatan dan Sub Kegiatan (pengantar)"),
    ("perjanjian_kinerja", "2.6 Perjanjian Kinerja (pengantar)"),
    ("akuntabilitas_kinerja", "BAB III (pembuka)"),
    ("kerangka_pengukuran", "3.1 Kerangka Pengukuran Kinerja"),
    ("capaian_iku", "3.2 Capaian Indikator Kinerja Utama (pengantar)"),
    ("analisis_capaian", "3.3 Pengukuran, Evaluasi dan Analisis (pengantar)"),
    ("akuntabilitas_keuangan", "3.4 Akuntabilitas Keuangan (pengantar)"),
    ("analisis_efisiensi", "3.4.2 Analisis Efisiensi"),
    ("penutup", "BAB IV Penutup"),
)
#: Besides the keys above, "Bagian" may be "sasaran:<Kode Sasaran>" or "indikator:<Kode
#: Indikator>" for the narrative of one sasaran or indicator in BAB III.
#: "perbaikan:<Kode Indikator>" / "perbaikan:<Kode Sasaran>": the improvement planned for an
#: indicator that missed its target or a sasaran with negative efisiensi (BAB IV).

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
        C("Teks", K.LONGTEXT, True, width=100),
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
