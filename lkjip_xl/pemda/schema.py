"""The Pemda workbook layout as data: sheets, Excel Tables and columns (like lkjip_xl.schema).

The Pemda workbook (LKjIP Pemerintah Daerah) holds what only the Pemda knows: its identity and
signatories, the RPJMD (tujuan, sasaran, IKU Pemda with targets), the realisasi typed with its
source or cascaded from OPD indicators, the list of OPD workbooks and the narrative. Every OPD
number is read from the OPD's own workbook, never copied into this one.

A workbook is a Pemda workbook when it holds the table ``IDENTIFYING_TABLE`` (or carries the
custom document property ``lkjip_xl_jenis = pemda``); see ``pemda.detect``.
"""

from __future__ import annotations

from lkjip_xl.schema import Column, Kind, Sheet, Table

C, K, T = Column, Kind, Table

IDENTIFYING_TABLE = "tblIdentitasPemda"
DOC_PROPERTY = ("lkjip_xl_jenis", "pemda")

METODE = ("sama", "rata-rata", "jumlah", "tertimbang")
KELOMPOK_OPD = (
    "Sekretariat",
    "Inspektorat",
    "Dinas",
    "Badan",
    "Satuan Polisi Pamong Praja",
    "Kecamatan",
    "Lainnya",
)

#: Dropdown lists of the Pemda workbook, by name (the OPD lists of lkjip_xl.schema are reused).
CHOICES: dict[str, tuple[str, ...]] = {
    "metode_kaskade": METODE,
    "kelompok_opd": KELOMPOK_OPD,
}

#: Keys of tblIdentitasPemda (column "Kunci"), in order, with the IdentitasPemda field they fill.
IDENTITAS_KEYS: tuple[tuple[str, str], ...] = (
    ("Nama Pemerintah Daerah", "nama"),
    ("Singkatan", "singkatan"),
    ("Tahun Laporan", "tahun"),
    ("Awal Periode RPJMD", "rpjmd_awal"),
    ("Akhir Periode RPJMD", "rpjmd_akhir"),
    ("Jabatan Kepala Daerah", "jabatan_kepala_daerah"),
    ("Nama Kepala Daerah", "nama_kepala_daerah"),
    ("Jabatan Sekretaris Daerah", "jabatan_sekda"),
    ("Nama Sekretaris Daerah", "nama_sekda"),
    ("Pangkat/Golongan Sekretaris Daerah", "pangkat_sekda"),
    ("NIP Sekretaris Daerah", "nip_sekda"),
    ("Jabatan Pimpinan APIP", "jabatan_apip"),
    ("Nama Pimpinan APIP", "nama_apip"),
    ("Pangkat/Golongan Pimpinan APIP", "pangkat_apip"),
    ("NIP Pimpinan APIP", "nip_apip"),
    ("Kota Penandatanganan", "kota"),
    ("Tanggal Penandatanganan", "tanggal"),
    ("Sumber Data", "sumber_data"),
    ("Skala Predikat", "skala_predikat"),
    ("Skala Kategori", "skala_kategori"),
    ("Gaya Rupiah", "gaya_rupiah"),
    # optional (added later; older workbooks without the row still read): the PK's own date
    ("Tanggal Perjanjian Kinerja", "tanggal_pk"),
)
#: Keys that must hold a year.
IDENTITAS_YEARS = ("tahun", "rpjmd_awal", "rpjmd_akhir")
#: Keys that must not be empty.
IDENTITAS_REQUIRED = ("nama", "tahun", "rpjmd_awal", "rpjmd_akhir")

#: Section keys of tblNarasiPemda (column "Bagian"), in report order, with their headings.
NARASI_SECTIONS: tuple[tuple[str, str], ...] = (
    ("kata_pengantar", "Kata Pengantar"),
    ("ikhtisar_eksekutif", "Ikhtisar Eksekutif (pembuka)"),
    ("latar_belakang", "1.1 Latar Belakang"),
    ("gambaran_umum", "1.2 Gambaran Umum Daerah"),
    ("perangkat_daerah", "1.3 Perangkat Daerah (pengantar daftar)"),
    ("isu_strategis", "1.4 Isu Strategis (pengantar)"),
    ("landasan_hukum", "1.5 Landasan Hukum"),
    ("sistematika", "1.6 Sistematika Penulisan"),
    ("rpjmd", "2.1 RPJMD"),
    ("visi", "2.2 Visi"),
    ("misi", "2.2 Misi"),
    ("tujuan_sasaran", "2.3 Tujuan dan Sasaran RPJMD (pengantar)"),
    ("iku", "2.4 Indikator Kinerja Utama (pengantar)"),
    ("perjanjian_kinerja", "2.5 Perjanjian Kinerja Kepala Daerah (pengantar)"),
    ("akuntabilitas_kinerja", "BAB III (pembuka)"),
    ("kerangka_pengukuran", "3.1 Kerangka Pengukuran Kinerja"),
    ("capaian_iku", "3.2 Capaian IKU Pemda (pengantar)"),
    ("analisis_capaian", "3.3 Analisis per Sasaran RPJMD (pengantar)"),
    ("rekap_opd", "3.4 Rekap Capaian Kinerja Perangkat Daerah (pengantar)"),
    ("akuntabilitas_keuangan", "3.5 Realisasi Anggaran (pengantar)"),
    ("perbaikan", "BAB IV Langkah Perbaikan (butir)"),
    ("penutup", "BAB IV Penutup (kalimat penutup, di atas tanda tangan)"),
)
#: Besides the keys above, "Bagian" may be "sasaran:<Kode Sasaran RPJMD>" (opening of the
#: sasaran's analysis), "penyebab:<kode>" (analysis 5: causes and solutions), "program:<kode>"
#: (analysis 7: programs and kegiatan) or "iku:<Kode IKU>" (one IKU).
NARASI_PER_SASARAN = ("sasaran", "penyebab", "program")
NARASI_PER_IKU = ("iku",)

IDENTITAS = T(
    IDENTIFYING_TABLE,
    "Identitas",
    "Identitas Pemerintah Daerah dan Penandatangan",
    (
        C("Kunci", K.TEXT, True, width=34),
        C("Nilai", K.TEXT, True, width=48),
        C("Keterangan", K.TEXT, width=56),
    ),
)

TUJUAN = T(
    "tblTujuanRPJMD",
    "RPJMD",
    "Tujuan RPJMD",
    (
        C("Kode Tujuan", K.CODE, True, width=12),
        C("Tujuan", K.LONGTEXT, True, width=50),
    ),
)

SASARAN = T(
    "tblSasaranRPJMD",
    "RPJMD",
    "Sasaran RPJMD",
    (
        C(
            "Kode Sasaran RPJMD",
            K.CODE,
            True,
            width=14,
            help="Kode unik, mis. SR1. OPD menulis kode ini di kolom 'Kode Sasaran RPJMD' "
            "tabel sasaran buku kerja OPD",
        ),
        C("Kode Tujuan", K.CODE, width=12),
        C("Sasaran", K.LONGTEXT, True, width=50),
    ),
)

IKU = T(
    "tblIKUPemda",
    "RPJMD",
    "Indikator Kinerja Utama (IKU) Pemda",
    (
        C("Kode IKU", K.CODE, True, width=10),
        C("Kode Sasaran RPJMD", K.CODE, True, width=14),
        C("Indikator", K.LONGTEXT, True, width=44),
        C("Satuan", K.TEXT, True, width=10),
        C(
            "Polaritas",
            K.CHOICE,
            True,
            choices="polaritas",
            width=10,
            help="naik: makin tinggi makin baik; turun: makin rendah makin baik; rentang",
        ),
        C("Skala", K.CHOICE, choices="skala_ordinal", width=12, help="Untuk target kualitatif"),
        C("Target Akhir RPJMD", K.VALUE, width=14),
        C("Penanggung Jawab", K.TEXT, width=28, help="Perangkat daerah pengampu"),
    ),
)

KINERJA = T(
    "tblKinerjaIKU",
    "Kinerja IKU",
    "Target dan Realisasi IKU per Tahun",
    (
        C("Kode IKU", K.CODE, True, width=10),
        C("Tahun", K.INT, True, width=8),
        C("Target", K.VALUE, True, width=12),
        C("Batas Atas", K.NUMBER, width=10, help="Hanya untuk polaritas rentang"),
        C(
            "Realisasi",
            K.VALUE,
            width=12,
            help="Ketik bila realisasi berasal dari luar OPD (mis. BPS). Kosongkan bila "
            "realisasi diambil dari indikator OPD (sheet Kaskade)",
        ),
        C(
            "Sumber Realisasi",
            K.TEXT,
            width=28,
            help="Wajib bila Realisasi diketik, mis. 'BPS Kota X, Berita Resmi Statistik 2023'",
        ),
        C("Keterangan", K.LONGTEXT, width=32),
        C("Standar Nasional", K.VALUE, width=12, help="Angka nasional pembanding (analisis 4)"),
        C("Sumber Standar", K.TEXT, width=24),
    ),
)

KASKADE_IKU = T(
    "tblKaskadeIKU",
    "Kaskade",
    "Realisasi IKU dari Indikator OPD",
    (
        C("Kode IKU", K.CODE, True, width=10),
        C("Kode OPD", K.CODE, True, width=10),
        C(
            "Kode Indikator OPD",
            K.CODE,
            True,
            width=14,
            help="Kode Indikator pada tabel indikator buku kerja OPD tersebut",
        ),
        C(
            "Metode",
            K.CHOICE,
            True,
            choices="metode_kaskade",
            width=12,
            help="sama: satu sumber; rata-rata; jumlah; tertimbang (isi Bobot)",
        ),
        C("Bobot", K.NUMBER, width=8, help="Hanya untuk metode tertimbang"),
    ),
)

KASKADE_SASARAN = T(
    "tblKaskadeSasaran",
    "Kaskade",
    "Tautan Sasaran OPD ke Sasaran RPJMD",
    (
        C("Kode OPD", K.CODE, True, width=10),
        C("Kode Sasaran OPD", K.CODE, True, width=14),
        C(
            "Kode Sasaran RPJMD",
            K.CODE,
            True,
            width=14,
            help="Untuk OPD yang belum mengisi kolom 'Kode Sasaran RPJMD' di buku kerjanya",
        ),
    ),
)

OPD = T(
    "tblOPD",
    "OPD",
    "Daftar Perangkat Daerah dan Buku Kerjanya",
    (
        C("Kode OPD", K.CODE, True, width=10),
        C("Nama OPD", K.TEXT, True, width=44),
        C("Kelompok", K.CHOICE, choices="kelompok_opd", width=16),
        C(
            "Berkas",
            K.TEXT,
            True,
            width=48,
            help="Lokasi buku kerja LKjIP OPD, relatif terhadap folder buku kerja Pemda ini, "
            r"mis. opd\Dinas Kesehatan.xlsm",
        ),
        C("Keterangan", K.TEXT, width=28),
    ),
)

ISU = T(
    "tblIsuStrategisPemda",
    "Isu Strategis",
    "Isu Strategis Daerah",
    (
        C("No", K.INT, True, width=6),
        C("Isu Strategis", K.LONGTEXT, True, width=80),
    ),
)

NARASI = T(
    "tblNarasiPemda",
    "Narasi",
    "Teks Laporan",
    (
        C("Bagian", K.CODE, True, width=22),
        C("Urutan", K.INT, True, width=8),
        C("Gaya", K.CHOICE, True, choices="gaya_narasi", width=10),
        C("Teks", K.LONGTEXT, True, width=100),
    ),
)

INPUT_SHEETS: tuple[Sheet, ...] = (
    Sheet("Identitas", "Identitas Pemerintah Daerah", (IDENTITAS,)),
    Sheet("RPJMD", "RPJMD: Tujuan, Sasaran dan IKU Pemda", (TUJUAN, SASARAN, IKU)),
    Sheet("Kinerja IKU", "Target dan Realisasi IKU Pemda", (KINERJA,)),
    Sheet("Kaskade", "Kaskade: dari Indikator OPD ke IKU Pemda", (KASKADE_IKU, KASKADE_SASARAN)),
    Sheet("OPD", "Perangkat Daerah", (OPD,)),
    Sheet("Isu Strategis", "Isu Strategis Daerah", (ISU,)),
    Sheet("Narasi", "Narasi Laporan", (NARASI,)),
)

INPUT_TABLES: tuple[Table, ...] = tuple(t for s in INPUT_SHEETS for t in s.tables)
TABLES: dict[str, Table] = {t.name: t for t in INPUT_TABLES}
