Attribute VB_Name = "LKjIP"
Option Explicit

' Makro untuk tombol "Buat Laporan Word" pada sheet Petunjuk.
' Python (lkjip_xl.macro.generate_report) membaca buku kerja ini melalui xw.Book.caller()
' lalu membuat laporan LKjIP dalam format Word.
' Sumber modul ini adalah teks workbook/vba/LKjIP.bas: ubah di sana, lalu bangun ulang
' dengan scripts/build_template.py (perubahan di editor VBA hilang pada build berikutnya).
Sub GenerateReport()
    RunPython "import lkjip_xl.macro; lkjip_xl.macro.generate_report()"
End Sub
