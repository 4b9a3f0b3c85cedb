"""Text of the Petunjuk (instructions) sheet, in Bahasa Indonesia.

Each entry is (style, text): "judul" a heading, "teks" a paragraph, "butir" a numbered or
bulleted line. The button "Buat Laporan Word" is placed next to the first heading.
"""

from __future__ import annotations

from .layout import HASIL_ROWS, MAX_DATA_ROWS

BUTTON_CAPTION = "Buat Laporan Word"

LINES: tuple[tuple[str, str], ...] = (
    ("judul", "Petunjuk Pengisian Buku Kerja LKjIP"),
    (
        "teks",
        "Buku kerja ini menghitung capaian kinerja dan menyusun Laporan Kinerja Instansi "
        "Pemerintah (LKjIP) dalam format Word. Isi sheet data dari kiri ke kanan, lalu "
        f'tekan tombol "{BUTTON_CAPTION}" di sebelah kanan.',
    ),
    ("judul", "1. Cara mengisi"),
    (
        "butir",
        "Isi setiap tabel pada sheet Identitas sampai Narasi. Nama tabel dan judul kolom "
        "jangan diubah: program membaca data berdasarkan nama tabel dan nama kolom.",
    ),
    (
        "butir",
        "Menambah baris: ketik tepat di bawah baris terakhir tabel (tabel melebar otomatis) "
        "atau tekan Tab di sel terakhir. Jangan menyisipkan baris kosong di tengah tabel.",
    ),
    (
        "butir",
        "Kolom berpanah (Satuan, Polaritas, Skala, Tingkat, Gaya, Kelompok) hanya menerima "
        "pilihan dari daftar. Arahkan kursor ke judul kolom untuk membaca keterangannya.",
    ),
    (
        "butir",
        "Angka persen ditulis dalam satuan indikator: 92,86 untuk 92,86%. Target atau "
        "realisasi kualitatif (Sangat Tinggi, B, WTP) boleh ditulis sebagai teks; isi "
        "kolom Skala indikator tersebut. Realisasi yang belum ada: kosongkan atau tulis "
        '"Belum ada pengumuman ..." (capaian menjadi N/A).',
    ),
    (
        "butir",
        "Kode Indikator dan Tahun di tabel Target dan Realisasi harus sama persis agar "
        "realisasi ditemukan. Satu baris Target per indikator per tahun.",
    ),
    (
        "butir",
        "Sheet Struktur: satu baris per unit organisasi (Sekretaris/Kepala, Asisten, Bagian, "
        "Sub Bagian, ...). Kode Atasan berisi Kode Unit atasan langsung dan dikosongkan untuk "
        "pimpinan tertinggi. Bagan struktur organisasi (Gambar 1.1) digambar dari tabel ini.",
    ),
    (
        "butir",
        f"Sheet Hasil dihitung otomatis (rumus CAPAIAN, PREDIKAT, KATEGORI, EFISIENSI dan "
        f"lain-lain dari Python). Hasil menampilkan {HASIL_ROWS} baris pertama tabel "
        f"Target; setiap tabel masukan dibaca sampai {MAX_DATA_ROWS} baris.",
    ),
    ("judul", "2. Proteksi sheet"),
    (
        "butir",
        "Sheet Petunjuk, Daftar dan Hasil diproteksi TANPA kata sandi agar rumus tidak "
        "terhapus. Untuk membuka: Review > Unprotect Sheet (tidak ada kata sandi).",
    ),
    (
        "butir",
        "Sheet isian tidak diproteksi, karena Excel tidak dapat menambah baris tabel pada "
        "sheet yang diproteksi. Sel isian sudah ditandai tidak terkunci.",
    ),
    ("judul", "3. Pemasangan di Windows (sekali per komputer)"),
    ("butir", 'Pasang Python 3.11 (python.org, centang "Add python.exe to PATH").'),
    (
        "butir",
        "Buka Command Prompt di folder lkjip-xl (kode sumber yang diunduh), jalankan: "
        "pip install . (memasang xlwings 0.37.8 yang sesuai dengan makro buku kerja ini).",
    ),
    (
        "butir",
        "Di sheet xlwings.conf isi Interpreter_Win dengan lokasi pythonw.exe, misalnya "
        "%LOCALAPPDATA%\\Programs\\Python\\Python311\\pythonw.exe (boleh dikosongkan bila "
        "pythonw ada di PATH).",
    ),
    (
        "butir",
        "Simpan berkas di folder lokal (bukan lampiran email yang masih terbuka). Bila Excel "
        "memblokir makro: klik kanan berkas > Properties > centang Unblock; lalu buka dan "
        "klik Enable Content.",
    ),
    ("butir", "Tekan Ctrl+Alt+F9 untuk menghitung ulang semua rumus setelah pemasangan."),
    ("judul", "4. Membuat laporan"),
    (
        "butir",
        f'Tekan tombol "{BUTTON_CAPTION}". Data diperiksa terlebih dahulu; bila ada '
        "kesalahan, daftar temuan ditampilkan. Bila tidak ada, laporan Word dibuat.",
    ),
    (
        "butir",
        'Bila muncul pesan "Could not activate Python COM server" atau sel berisi pesan '
        "kesalahan, periksa langkah pemasangan di atas dan isi xlwings.conf.",
    ),
)
