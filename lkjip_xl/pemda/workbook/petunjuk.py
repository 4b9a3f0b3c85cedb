"""Text of the Pemda workbook's Petunjuk sheet (Bahasa Indonesia): how Bagian Organisasi fills
it, from the list of OPD workbooks to the button. Entries are (style, text) as in the OPD
workbook's Petunjuk: "judul" a heading, "teks" a paragraph, "butir" a bulleted line."""

from __future__ import annotations

from lkjip_xl.pemda.schema import METODE

BUTTON_CAPTION = "Buat LKjIP Pemda"

LINES: tuple[tuple[str, str], ...] = (
    ("judul", "Petunjuk Pengisian Buku Kerja LKjIP Pemerintah Daerah"),
    (
        "teks",
        "Buku kerja ini menghimpun buku kerja LKjIP seluruh perangkat daerah (OPD) menjadi "
        "LKjIP Pemerintah Daerah. Angka OPD tidak disalin ke sini: setiap kali laporan dibuat, "
        "buku kerja OPD dibaca langsung dan setiap angka dicatat asal selnya (Jejak Data). "
        f'Isi sheet dari kiri ke kanan, lalu tekan tombol "{BUTTON_CAPTION}".',
    ),
    ("judul", "1. Kumpulkan buku kerja OPD"),
    (
        "butir",
        "Simpan buku kerja LKjIP setiap OPD (.xlsm dari templat lkjip-xl) dalam satu folder, "
        "misalnya subfolder 'opd' di sebelah buku kerja ini. Buku kerja OPD hanya dibaca, "
        "tidak pernah diubah.",
    ),
    (
        "butir",
        "Sheet OPD: satu baris per perangkat daerah. Kode OPD bebas tetapi unik (mis. DINKES). "
        r"Kolom Berkas berisi lokasi buku kerjanya relatif terhadap folder buku kerja ini, "
        r"mis. opd\LKjIP_Dinkes_2022.xlsm (garis miring \ atau / sama saja).",
    ),
    (
        "butir",
        "Setiap buku kerja OPD harus melaporkan Tahun Laporan yang sama dengan buku kerja ini. "
        "Buku kerja yang hilang, rusak, berkata sandi, atau berisi kesalahan pada angka "
        "kinerjanya tidak dimasukkan ke rekap; laporan menyebutkan OPD tersebut beserta "
        "alasannya.",
    ),
    ("judul", "2. Isi identitas dan RPJMD"),
    (
        "butir",
        "Sheet Identitas: nama pemerintah daerah, tahun, periode RPJMD, kepala daerah (penanda "
        "tangan), Sekretaris Daerah (penanda tangan Jejak Data) dan pimpinan APIP (penanda "
        "tangan Pernyataan Telah Direviu).",
    ),
    (
        "butir",
        "Sheet RPJMD: tujuan, sasaran RPJMD (kode unik, mis. SR1) dan IKU Pemda beserta "
        "satuan, polaritas (naik/turun/rentang) dan target akhir RPJMD.",
    ),
    (
        "butir",
        "Sheet Kinerja IKU: satu baris per IKU per tahun dengan targetnya. Realisasi yang "
        "berasal dari luar OPD (mis. IPM atau kemiskinan dari BPS) diketik beserta sumbernya. "
        "Kolom Standar Nasional (boleh kosong) dipakai untuk perbandingan dengan angka nasional.",
    ),
    ("judul", "3. Kaskade: dari indikator OPD ke IKU Pemda"),
    (
        "butir",
        "Tabel Realisasi IKU dari Indikator OPD: untuk IKU yang realisasinya diukur OPD, tulis "
        "Kode OPD dan Kode Indikator OPD (sama persis dengan tabel indikator buku kerja OPD). "
        f"Metode: {', '.join(METODE)}. 'sama' untuk satu sumber; 'tertimbang' memakai Bobot "
        "(mis. jumlah penduduk sasaran). Kosongkan kolom Realisasi IKU tersebut di sheet "
        "Kinerja IKU.",
    ),
    (
        "butir",
        "Setiap sasaran OPD sebaiknya menautkan sasaran RPJMD yang didukungnya: OPD mengisi "
        "kolom 'Kode Sasaran RPJMD' pada tabel sasaran buku kerjanya. Untuk buku kerja OPD yang "
        "belum memiliki kolom itu, isi tabel Tautan Sasaran OPD ke Sasaran RPJMD di sini.",
    ),
    ("judul", "4. Narasi dan laporan"),
    (
        "butir",
        "Sheet Narasi: teks laporan per bagian (Kata Pengantar, Gambaran Umum, Penutup, dan "
        "seterusnya). Untuk analisis per sasaran tulis Bagian 'penyebab:SR1' (penyebab "
        "keberhasilan/kegagalan dan solusi) atau 'program:SR1' (program pendukung).",
    ),
    (
        "butir",
        f'Tekan tombol "{BUTTON_CAPTION}": semua buku kerja OPD dibaca dan diperiksa, sheet '
        "Rekap diperbarui dengan angka gabungan dan asal setiap angka, lalu laporan Word "
        "disimpan di folder buku kerja ini. Bila ada temuan yang menghambat, daftar temuannya "
        "ditampilkan.",
    ),
    (
        "butir",
        "Tanpa Excel: jalankan 'lkjip-xl periksa <buku kerja Pemda>' dan 'lkjip-xl laporan "
        "<buku kerja Pemda>' di Command Prompt. Hasilnya sama dengan tombol.",
    ),
    ("judul", "5. Pemasangan di Windows"),
    (
        "butir",
        "Sama dengan buku kerja OPD: Python 3.11, 'pip install .' di folder lkjip-xl, isi "
        "Interpreter_Win di sheet xlwings.conf bila perlu, aktifkan makro (Unblock).",
    ),
)
