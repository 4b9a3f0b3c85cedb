"""lkjip-xl: LKjIP (Laporan Kinerja Instansi Pemerintah) from an Excel workbook."""

__version__ = "0.1.0"
