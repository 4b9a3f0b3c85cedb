Attribute VB_Name = "LKjIP_Wizard"
' Dibuat otomatis oleh scripts/generate_udf_vba.py dari lkjip_xl.udf.functions: jangan
' diubah di sini (perubahan hilang pada build berikutnya).
Option Explicit

' Deskripsi fungsi LKjIP dan argumennya untuk jendela Insert Function (fx), dalam
' kategori "LKjIP", seperti yang dilakukan ImportUDFs milik xlwings. Dipanggil oleh
' Workbook_Open. Gagal diam-diam (mis. struktur buku kerja diproteksi): fungsinya tetap
' berjalan, hanya tanpa keterangan.

Sub RegisterFunctions()
    Dim book As String, wasSaved As Boolean
    On Error Resume Next
    wasSaved = ThisWorkbook.Saved
    book = "'" & Replace(ThisWorkbook.Name, "'", "''") & "'!"
    Application.MacroOptions Macro:=book & "CAPAIAN", Description:="Capaian kinerja (pecahan, 1 = 100%) dari target dan realisasi.", _
        Category:="LKjIP", ArgumentDescriptions:=Array( _
            "Target: angka, persen, rentang '80-90' atau label", _
            "Realisasi: angka, persen, label atau N/A", _
            "naik (default), turun, atau rentang", _
            "Skala ordinal untuk label: nama (mis. mutu_ikm), tabel label-skor, atau satu kolom nama skala per baris", _
            "Batas atas target rentang (target = batas bawah); kosong bila target '80-90'")
    Application.MacroOptions Macro:=book & "EFISIENSI", Description:="Efisiensi = capaian kinerja - capaian realisasi anggaran (keduanya pecahan).", _
        Category:="LKjIP", ArgumentDescriptions:=Array( _
            "Capaian kinerja (pecahan)", _
            "Capaian realisasi anggaran (pecahan)")
    Application.MacroOptions Macro:=book & "IKM", Description:="Indeks Kepuasan Masyarakat (PermenPAN-RB 14/2017) dari NRR atau jawaban responden.", _
        Category:="LKjIP", ArgumentDescriptions:=Array( _
            "9 NRR (1x9 / 9x1) atau jawaban N x 9 (1-4)")
    Application.MacroOptions Macro:=book & "KATEGORI", Description:="Kategori capaian (skala bawaan tabel_3_2: Sangat Baik .. Sangat Kurang).", _
        Category:="LKjIP", ArgumentDescriptions:=Array( _
            "Capaian sebagai pecahan (1 = 100%)", _
            "Nama skala (default tabel_3_2) atau tabel batas bawah-label")
    Application.MacroOptions Macro:=book & "MUTU_IKM", Description:="Mutu pelayanan IKM: A (88,31-100), B (76,61-88,30), C (65,00-76,60), D (25,00-64,99).", _
        Category:="LKjIP", ArgumentDescriptions:=Array( _
            "Nilai IKM 25-100", _
            "BENAR untuk keterangan (Baik) alih-alih huruf (B)")
    Application.MacroOptions Macro:=book & "NILAI_KOMPONEN", Description:="Nilai komponen indikator komposit dalam poin persen: realisasi/basis x 100, atau realisasi.", _
        Category:="LKjIP", ArgumentDescriptions:=Array( _
            "Realisasi komponen", _
            "Basis: isi bila nilai = realisasi / basis x 100%")
    Application.MacroOptions Macro:=book & "PREDIKAT", Description:="Predikat capaian (skala bawaan tabel_3_1: Tidak Tercapai / Tercapai / Melebihi Target).", _
        Category:="LKjIP", ArgumentDescriptions:=Array( _
            "Capaian sebagai pecahan (1 = 100%)", _
            "Nama skala (default tabel_3_1) atau tabel batas bawah-label")
    Application.MacroOptions Macro:=book & "RATA_CAPAIAN", Description:="Rata-rata capaian, mengabaikan N/A dan sel kosong (capaian sasaran, indikator komposit).", _
        Category:="LKjIP", ArgumentDescriptions:=Array( _
            "Capaian indikator (pecahan); N/A diabaikan", _
            "Rentang yang dicocokkan dengan kriteria1 (opsional)", _
            "Nilai (atau kolom nilai) yang dicari, mis. kode sasaran", _
            "Rentang kedua yang dicocokkan (opsional)", _
            "Nilai yang dicari di kriteria_rentang2, mis. tahun")
    Application.MacroOptions Macro:=book & "REALISASI_ANGGARAN", Description:="Persentase realisasi anggaran (pecahan) = realisasi / anggaran; N/A bila pagu 0.", _
        Category:="LKjIP", ArgumentDescriptions:=Array( _
            "Pagu anggaran (Rupiah)", _
            "Realisasi anggaran (Rupiah)")
    Application.MacroOptions Macro:=book & "RUPIAH", Description:="Teks Rupiah: ""Rp68.269.806.788"" (PUEBI) atau ""Rp. 68.269.806.788,-"" (gaya rujukan).", _
        Category:="LKjIP", ArgumentDescriptions:=Array( _
            "Jumlah uang", _
            "puebi (Rp68.269.806.788) atau rujukan (Rp. 68.269.806.788,-)", _
            "BENAR untuk menampilkan dua digit sen")
    Application.MacroOptions Macro:=book & "TERBILANG", Description:="Terbilang menurut KBBI: 1.001.000 = ""satu juta seribu""; miliar, triliun.", _
        Category:="LKjIP", ArgumentDescriptions:=Array( _
            "Bilangan (bulat atau desimal, < 1.000 triliun)", _
            "BENAR untuk menambahkan 'rupiah' (dan sen)", _
            "BENAR untuk huruf besar di awal")
    ThisWorkbook.Saved = wasSaved
End Sub
