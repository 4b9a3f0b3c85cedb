"""The report data model: everything the LKjIP needs, read once from the workbook.

Inputs keep the value staff typed (a number, or a label such as "Sangat Tinggi" or "Belum ada
pengumuman..."); computed fields (capaian, predikat, ...) are filled by `core.evaluation` with the
same rules the UDFs use, so the report never trusts a cached Excel value.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lkjip_xl.core.scales import Band

Value = float | str | None  # a number in the indicator's unit, a label, or nothing
Capaian = float | str  # Excel fraction (1.0 = 100%) or "N/A"


@dataclass
class Identitas:
    nama_instansi: str
    singkatan: str
    pemerintah_daerah: str
    tahun: int
    renstra_awal: int
    renstra_akhir: int
    kota: str = ""
    tanggal: str = ""
    jabatan_penandatangan: str = ""
    nama_penandatangan: str = ""
    pangkat_penandatangan: str = ""
    nip_penandatangan: str = ""
    sumber_data: str = ""
    skala_predikat: str = "tabel_3_1"
    skala_kategori: str = "tabel_3_2"
    gaya_rupiah: str = "puebi"
    # Pernyataan Telah Direviu (the APIP's review statement); empty: lines to fill by hand.
    apip_unit: str = ""
    apip_jabatan: str = ""
    apip_nama: str = ""
    apip_nip: str = ""
    tanggal_reviu: str = ""
    # Perjanjian Kinerja, second party (the superior who signs it) and the agreement's date.
    pihak_kedua_jabatan: str = ""
    pihak_kedua_nama: str = ""
    pihak_kedua_nip: str = ""
    tanggal_pk: str = ""


@dataclass
class Komponen:
    nama: str
    target: float | None
    realisasi: float | None
    basis: float | None
    satuan: str = ""
    nilai: float | str = "N/A"  # computed: percent points (25.0 for 10 of 40)
    refs: dict[str, str] = field(default_factory=dict)  # column -> "'Realisasi'!K4"


@dataclass
class KinerjaTahun:
    """Target and realisasi of one indicator in one year, with what follows from them."""

    tahun: int
    target: Value
    realisasi: Value
    batas_atas: float | None = None
    keterangan: str = ""
    komponen: list[Komponen] = field(default_factory=list)
    # Past years: the capaian as published in that year's LKjIP (history is not rewritten).
    capaian_dilaporkan: float | None = None
    refs: dict[str, str] = field(default_factory=dict)  # column -> "'Sheet'!C7"
    capaian: Capaian = "N/A"
    predikat: Band | None = None
    kategori: Band | None = None


@dataclass
class Indikator:
    kode: str
    kode_sasaran: str
    uraian: str
    satuan: str
    polaritas: str = "naik"
    skala: str | None = None
    target_akhir_renstra: Value = None
    # Upper bound of a rentang end target ("60 - 85" typed in Target Akhir Renstra), contract 1:
    batas_atas_akhir_renstra: Value = None
    penanggung_jawab: str = ""
    kinerja: dict[int, KinerjaTahun] = field(default_factory=dict)
    standar_nasional: Value = None  # national standard/benchmark in the indicator's unit
    sumber_standar: str = ""
    refs: dict[str, str] = field(default_factory=dict)

    def pada(self, tahun: int) -> KinerjaTahun | None:
        return self.kinerja.get(tahun)


@dataclass
class Sasaran:
    kode: str
    uraian: str
    tujuan: str = ""
    indikator: list[Indikator] = field(default_factory=list)
    anggaran: float | None = None
    realisasi_anggaran: float | None = None
    # computed for the report year:
    capaian: Capaian = "N/A"
    persen_anggaran: Capaian = "N/A"
    efisiensi: Capaian = "N/A"
    # The sasaran RPJMD this OPD sasaran supports (tblSasaran "Kode Sasaran RPJMD"; "" = none):
    kode_sasaran_rpjmd: str = ""
    refs: dict[str, str] = field(default_factory=dict)  # column -> "'Renstra'!E5"


@dataclass
class Program:
    kode: str
    nama: str
    anggaran: float | None
    sumber_dana: str = ""


@dataclass
class ProgramKegiatan:
    kode: str
    tingkat: str  # Program / Kegiatan / Sub Kegiatan
    nama: str
    indikator_output: str = ""
    target_output: float | None = None
    satuan_output: str = ""
    bagian: str = ""


@dataclass
class BarisAnggaran:
    """A budget line: jenis belanja or pendapatan, with its percentage."""

    uraian: str
    anggaran: float | None
    realisasi: float | None
    persen: Capaian = "N/A"


@dataclass
class UnitOrganisasi:
    """One box of the organisation chart (Gambar 1.1)."""

    kode: str
    nama: str
    kode_atasan: str | None = None  # None for the head
    pejabat: str = ""
    refs: dict[str, str] = field(default_factory=dict)  # column -> "'Struktur'!B5"


@dataclass
class BarisSDM:
    kelompok: str
    uraian: str
    jumlah: int | None


@dataclass
class Aset:
    jenis: str
    nilai: float | None


@dataclass
class IsuBagian:
    bagian: str
    isu: str


@dataclass
class UnsurIKM:
    tahun: int
    kode: str
    unsur: str
    nrr: float | None


@dataclass
class Narasi:
    gaya: str  # Paragraf / Subjudul / Butir / Butir 2 / Kutipan
    teks: str


@dataclass
class Ringkasan:
    """Counts for the Ikhtisar Eksekutif and BAB IV, for the report year."""

    jumlah_sasaran: int = 0
    jumlah_indikator: int = 0
    tercapai: int = 0  # capaian >= 100% (Tercapai or Melebihi Target)
    tidak_tercapai: int = 0
    tidak_terukur: int = 0  # capaian N/A
    total_anggaran: float | None = None
    total_realisasi: float | None = None
    persen_anggaran: Capaian = "N/A"
    # The instansi's capaian: the mean of its sasaran capaian (N/A sasaran left out), as the
    # workbook's RATA_CAPAIAN over tblSasaran and the report's efisiensi table compute it.
    capaian: Capaian = "N/A"
    efisiensi: Capaian = "N/A"


@dataclass
class Laporan:
    """One LKjIP: the model the report builder and the checker work on."""

    identitas: Identitas
    sasaran: list[Sasaran] = field(default_factory=list)
    program: list[Program] = field(default_factory=list)
    program_kegiatan: list[ProgramKegiatan] = field(default_factory=list)
    struktur: list[UnitOrganisasi] = field(default_factory=list)
    belanja: list[BarisAnggaran] = field(default_factory=list)
    pendapatan: list[BarisAnggaran] = field(default_factory=list)
    sdm: list[BarisSDM] = field(default_factory=list)
    aset: list[Aset] = field(default_factory=list)
    tugas_fungsi: list[str] = field(default_factory=list)
    isu_strategis: list[str] = field(default_factory=list)
    isu_bagian: list[IsuBagian] = field(default_factory=list)
    ikm_unsur: list[UnsurIKM] = field(default_factory=list)
    narasi: dict[str, list[Narasi]] = field(default_factory=dict)
    ringkasan: Ringkasan = field(default_factory=Ringkasan)

    @property
    def tahun(self) -> int:
        return self.identitas.tahun

    @property
    def indikator(self) -> list[Indikator]:
        return [ind for sas in self.sasaran for ind in sas.indikator]

    @property
    def tahun_kinerja(self) -> list[int]:
        """Every year with a target or realisasi, ascending (for the multi-year comparison)."""
        return sorted({t for ind in self.indikator for t in ind.kinerja})

    def teks(self, bagian: str) -> list[Narasi]:
        return self.narasi.get(bagian, [])
