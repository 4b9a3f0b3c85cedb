"""What staff choose and key in the OPD workbook: dropdown lists, the Identitas keys with their
Keterangan, the Narasi section keys, and the formulas' row reach."""

from __future__ import annotations

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
#: Sections the report prints under their own heading with nothing generated beneath: left
#: empty, the heading would stand alone (`lkjip-xl periksa` warns: narasi-kosong).
NARASI_WAJIB: tuple[str, ...] = (
    "latar_belakang",
    "gambaran_umum",
    "landasan_hukum",
    "perencanaan",
    "visi",
    "misi",
    "arah_kebijakan",
)
#: Besides the keys above, "Bagian" may be "sasaran:<Kode Sasaran>" or "indikator:<Kode
#: Indikator>" for the narrative of one sasaran or indicator in BAB III.
#: "perbaikan:<Kode Indikator>" / "perbaikan:<Kode Sasaran>": the improvement planned for an
#: indicator that missed its target or a sasaran with negative efisiensi (BAB IV).
