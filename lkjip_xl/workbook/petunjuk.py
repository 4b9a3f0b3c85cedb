"""Text of the Petunjuk (instructions) sheet, in Bahasa Indonesia: from the empty template to one
office's report (docs/panduan-staf.md says the same at length).

Each entry is (style, text): "judul" a heading, "teks" a paragraph, "butir" a bulleted line. The
button "Buat Laporan Word" is placed next to the first heading. No office's names or codes here:
examples use placeholders.
"""

from __future__ import annotations

from lkjip_xl import schema

from .layout import MAX_DATA_ROWS

BUTTON_CAPTION = "Buat Laporan Word"

_ORDER = " > ".join(
    f"{s.name} ({', '.join(t.title for t in s.tables)})"
    for s in schema.SHEETS
    if s.tables and s.name != "Identitas"
)
_RESULTS = "; ".join(
    f"{t.title} (sheet {t.sheet}): {', '.join(c.name for c in t.formula_columns if c.help)}"
    for t in schema.RESULT_TABLES
    if any(c.help for c in t.formula_columns)
)

LINES: tuple[tuple[str, str], ...] = (
    ("judul", "Petunjuk Pengisian Buku Kerja LKjIP"),
    (
        "teks",
        "Buku kerja ini menghitung capaian kinerja dan menyusun Laporan Kinerja Instansi "
        "Pemerintah (LKjIP) dalam format Word. Ikuti langkah 1 sampai 5, lalu tekan tombol "
        f'"{BUTTON_CAPTION}" di sebelah kanan.',
    ),
    ("judul", "1. Mulai dari templat kosong"),
    (
        "butir",
        "Salin berkas templat (LKjIP_template.xlsm) ke folder lokal dan beri nama sendiri, "
        "mis. LKjIP_<Singkatan>_<Tahun>.xlsm. Isi salinannya, bukan templat aslinya.",
    ),
    (
        "butir",
        "Sheet Identitas: isi kolom Nilai untuk setiap Kunci. Kolom Keterangan menjelaskan "
        "arti setiap kunci. Teks di kolom Kunci jangan diubah.",
    ),
    ("butir", f"Lalu isi sheet berikut berurutan: {_ORDER}."),
    ("judul", "2. Cara mengisi tabel"),
    (
        "butir",
        "Nama tabel dan judul kolom jangan diubah: program membaca data berdasarkan nama "
        "tabel dan nama kolom. Arahkan kursor ke judul kolom untuk membaca keterangannya.",
    ),
    (
        "butir",
        "Menambah baris: ketik tepat di bawah baris terakhir tabel atau tekan Tab di sel "
        "terakhir; tabel melebar sendiri dan kolom hasil (abu-abu) ikut terisi. Jangan "
        "menyisipkan baris kosong di tengah tabel. Data di luar tabel tidak dibaca.",
    ),
    (
        "butir",
        "Kolom berpanah (Polaritas, Skala, Tingkat, Gaya, Kelompok) hanya menerima pilihan "
        "dari daftar. Satuan boleh dipilih dari daftar atau diketik sendiri (mis. "
        "per 1.000 penduduk); laporan menulisnya persis seperti diketik.",
    ),
    (
        "butir",
        "Angka persen ditulis dalam satuan indikator: 75,25 untuk 75,25%. Target atau "
        "realisasi kualitatif (Sangat Tinggi, B, WTP) boleh ditulis sebagai teks; isi kolom "
        "Skala indikator tersebut. Realisasi yang belum ada: kosongkan atau tulis "
        '"Belum ada pengumuman ..." (capaian menjadi N/A).',
    ),
    (
        "butir",
        "Target berupa rentang (polaritas rentang): ketik 80-90 (atau 80 s.d. 90, 80 s/d 90) "
        "di kolom Target, atau ketik 80 di Target dan 90 di Batas Atas.",
    ),
    (
        "butir",
        "Kode Indikator dan Tahun di tabel Target dan Realisasi harus sama persis (huruf "
        "besar/kecil juga). Satu baris Target per indikator per tahun.",
    ),
    (
        "butir",
        "Indikator komposit: isi komponennya di tabel Komponen dan kosongkan Realisasi "
        "indikator itu; realisasinya dihitung dari rata-rata Nilai Komponen.",
    ),
    (
        "butir",
        "Sheet Struktur: satu baris per unit organisasi. Kode Atasan berisi Kode Unit atasan "
        "langsung dan dikosongkan untuk pimpinan tertinggi. Bagan struktur organisasi "
        "(Gambar 1.1) digambar dari tabel ini.",
    ),
    ("judul", "3. Kolom hasil (abu-abu)"),
    (
        "butir",
        "Dihitung otomatis dengan fungsi CAPAIAN, PREDIKAT, KATEGORI, RATA_CAPAIAN, EFISIENSI "
        f"dan lainnya (Python melalui xlwings); jangan diketik. {_RESULTS}.",
    ),
    (
        "butir",
        "Sheet Hasil: parameter dari Identitas dan Ringkasan (jumlah anggaran, rata-rata "
        "capaian kinerja, efisiensi). Tahun Laporan menentukan capaian sasaran dan efisiensi. "
        "Sheet tersembunyi Hitung menjalankan fungsi Python sekali per kolom hasil; kolom "
        "bantu tersembunyi (Kunci, Baris ...) dipakai untuk mencocokkan kode. Jangan diubah.",
    ),
    (
        "butir",
        f"Rumus membaca setiap tabel sampai {MAX_DATA_ROWS:,} baris data".replace(",", ".")
        + "; lkjip-xl periksa memberi tahu bila sebuah tabel lebih panjang.",
    ),
    ("judul", "4. Narasi"),
    (
        "butir",
        "Tabel Narasi: satu baris per paragraf. Bagian = kunci bagian laporan, Urutan = "
        "urutan paragraf dalam bagian itu, Gaya = Paragraf, Subjudul, Butir, Butir 2 atau "
        "Kutipan, Teks = isinya.",
    ),
    (
        "butir",
        "Narasi satu sasaran di BAB III: Bagian sasaran:<Kode Sasaran>; narasi satu "
        "indikator: Bagian indikator:<Kode Indikator> (kode sama persis dengan tabel Renstra).",
    ),
    (
        "butir",
        "Kunci bagian lainnya: "
        + "; ".join(f"{key} ({title})" for key, title in schema.NARASI_SECTIONS)
        + ".",
    ),
    ("judul", "5. Memeriksa dan membuat laporan"),
    (
        "butir",
        f'Tekan tombol "{BUTTON_CAPTION}". Data diperiksa terlebih dahulu; bila ada '
        "kesalahan, daftar temuan ditampilkan. Bila tidak ada, laporan Word dibuat di folder "
        "buku kerja ini.",
    ),
    (
        "butir",
        "Tanpa Excel (Windows, Linux, macOS): lkjip-xl periksa <berkas.xlsm> menampilkan "
        "temuan beserta selnya; lkjip-xl laporan <berkas.xlsm> membuat laporan Word.",
    ),
    ("judul", "6. Pemasangan di Windows (sekali per komputer)"),
    (
        "butir",
        "Pasang Python 3.11 atau lebih baru, versi 64-bit (python.org), juga bila Office "
        "Anda 32-bit.",
    ),
    (
        "butir",
        "Di Command Prompt, di folder kode sumber lkjip-xl: pip install . lalu jalankan "
        "lkjip-xl pasang-excel (menunjukkan Python tersebut kepada Excel).",
    ),
    (
        "butir",
        "Bila Excel memblokir makro: klik kanan berkas > Properties > centang Unblock; lalu "
        "buka dan klik Enable Content. Tekan Ctrl+Alt+F9 sekali untuk menghitung ulang semua "
        "rumus (sebelumnya tampil nilai yang dihitung saat buku kerja dibuat).",
    ),
    (
        "butir",
        'Bila muncul pesan "Could not activate Python COM server" atau sel berisi pesan '
        "kesalahan, ulangi langkah pemasangan; rincian di docs/excel-windows.md.",
    ),
    ("judul", "7. LibreOffice dan proteksi"),
    (
        "butir",
        "LibreOffice tidak menjalankan fungsi Python: setelah data diubah, kolom hasil "
        "menampilkan #VALUE! atau #NAME?. Itu bukan kesalahan isian; lkjip-xl periksa dan "
        "lkjip-xl laporan menghitung semuanya tanpa Excel.",
    ),
    (
        "butir",
        "Sheet Petunjuk, Daftar dan Hasil diproteksi TANPA kata sandi agar rumus tidak "
        "terhapus (Review > Unprotect Sheet). Sheet isian tidak diproteksi, karena Excel tidak "
        "dapat menambah baris tabel pada sheet yang diproteksi.",
    ),
)
