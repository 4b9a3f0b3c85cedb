"""The Pemda data model: what the Pemda workbook says, what each OPD workbook gave, and the
consolidated result with the trail (Jejak Data) of every number.

Pure: no Excel or Word imports. The IKU Pemda are `core.model.Indikator` and the sasaran RPJMD
`core.model.Sasaran` inside a `core.model.Laporan`, so `core.evaluation.evaluate` computes their
capaian, predikat and kategori with the very rules an OPD workbook uses.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from lkjip_xl.core.findings import Finding, Severity
from lkjip_xl.core.model import Capaian, Identitas, Laporan, Value
from lkjip_xl.core.scales import Band


@dataclass
class IdentitasPemda:
    nama: str  # "Pemerintah Kota Contoh"
    tahun: int
    rpjmd_awal: int
    rpjmd_akhir: int
    singkatan: str = ""
    jabatan_kepala_daerah: str = ""
    nama_kepala_daerah: str = ""
    jabatan_sekda: str = ""
    nama_sekda: str = ""
    pangkat_sekda: str = ""
    nip_sekda: str = ""
    jabatan_apip: str = ""
    nama_apip: str = ""
    pangkat_apip: str = ""
    nip_apip: str = ""
    kota: str = ""
    tanggal: str = ""
    sumber_data: str = ""
    skala_predikat: str = "tabel_3_1"
    skala_kategori: str = "tabel_3_2"
    gaya_rupiah: str = "puebi"
    tanggal_pk: str = ""  # the Perjanjian Kinerja's signing date; "" = a line to fill in
    refs: dict[str, str] = field(default_factory=dict)  # field -> "'Identitas'!B6"

    def as_identitas(self, signer: str = "kepala_daerah") -> Identitas:
        """The core Identitas the report Writer works with; `signer` picks who signs:
        "kepala_daerah" (Kata Pengantar, BAB IV, PK), "sekda" (Jejak Data) or "apip"."""
        jabatan, nama, pangkat, nip = {
            "kepala_daerah": (self.jabatan_kepala_daerah, self.nama_kepala_daerah, "", ""),
            "sekda": (self.jabatan_sekda, self.nama_sekda, self.pangkat_sekda, self.nip_sekda),
            "apip": (self.jabatan_apip, self.nama_apip, self.pangkat_apip, self.nip_apip),
        }[signer]
        return Identitas(
            nama_instansi=self.nama,
            singkatan=self.singkatan or self.nama,
            pemerintah_daerah=self.nama,
            tahun=self.tahun,
            renstra_awal=self.rpjmd_awal,
            renstra_akhir=self.rpjmd_akhir,
            kota=self.kota,
            tanggal=self.tanggal,
            jabatan_penandatangan=jabatan,
            nama_penandatangan=nama,
            pangkat_penandatangan=pangkat,
            nip_penandatangan=nip,
            sumber_data=self.sumber_data,
            skala_predikat=self.skala_predikat,
            skala_kategori=self.skala_kategori,
            gaya_rupiah=self.gaya_rupiah,
            tanggal_pk=self.tanggal_pk,
        )


@dataclass
class Tujuan:
    kode: str
    uraian: str


@dataclass
class OPDEntry:
    """One row of tblOPD: a perangkat daerah and where its workbook is."""

    kode: str
    nama: str
    berkas: str  # as typed (relative to the Pemda workbook's folder)
    kelompok: str = ""
    keterangan: str = ""
    refs: dict[str, str] = field(default_factory=dict)
    path: Path | None = None  # resolved


@dataclass
class KaskadeIKU:
    """One row of tblKaskadeIKU: an OPD indicator feeding an IKU Pemda's realisasi."""

    kode_iku: str
    kode_opd: str
    kode_indikator: str
    metode: str  # sama / rata-rata / jumlah / tertimbang
    bobot: float | None = None
    refs: dict[str, str] = field(default_factory=dict)


@dataclass
class TautanSasaran:
    """An OPD sasaran supporting a sasaran RPJMD: from the OPD workbook's own column or from the
    Pemda's tblKaskadeSasaran."""

    kode_opd: str
    kode_sasaran_opd: str
    kode_sasaran_rpjmd: str
    asal: str  # "opd" (the OPD workbook's tblSasaran) or "pemda" (tblKaskadeSasaran)
    ref: str = ""  # "'Renstra'!D5" in that workbook


@dataclass
class InfoKinerja:
    """What the Pemda workbook adds to an IKU-year beyond target and realisasi."""

    sumber_realisasi: str = ""
    standar_nasional: Value = None
    sumber_standar: str = ""


@dataclass
class PemdaData:
    """The Pemda workbook, read: `laporan` holds the sasaran RPJMD and IKU Pemda (core model)."""

    identitas: IdentitasPemda
    laporan: Laporan
    tujuan: list[Tujuan] = field(default_factory=list)
    opd: list[OPDEntry] = field(default_factory=list)
    kaskade: list[KaskadeIKU] = field(default_factory=list)
    tautan: list[TautanSasaran] = field(default_factory=list)  # from tblKaskadeSasaran
    info: dict[tuple[str, int], InfoKinerja] = field(default_factory=dict)
    source: str = ""  # the Pemda workbook's path
    berkas: str = ""  # its file name, as Jejak Data shows it


# -- what one OPD workbook gave ------------------------------------------------------------


@dataclass(frozen=True)
class Sel:
    """One source cell: the file, sheet, table, column and cell, and the value found there."""

    berkas: str
    sheet: str
    sel: str
    tabel: str = ""
    kolom: str = ""
    nilai: object = None

    @property
    def alamat(self) -> str:
        return f"'{self.sheet}'!{self.sel}" if self.sel else f"'{self.sheet}'"


@dataclass
class OPDNumbers:
    """The OPD numbers the Pemda uses, with their cells (read in the worker process)."""

    anggaran: float | None = None
    realisasi: float | None = None
    anggaran_sel: list[Sel] = field(default_factory=list)
    realisasi_sel: list[Sel] = field(default_factory=list)
    anggaran_dari: str = ""  # "tblAnggaranSasaran" or "tblBelanja"
    identitas_refs: dict[str, str] = field(default_factory=dict)  # Kunci -> "'Identitas'!B7"


ALL = "*"  # every number of the OPD is affected


@dataclass
class OPDResult:
    """One OPD workbook after reading, its own checks and the Pemda's checks on it."""

    entry: OPDEntry
    laporan: Laporan | None = None  # slimmed: sasaran, indicators, identity, budget lines
    findings: list[Finding] = field(default_factory=list)
    numbers: OPDNumbers = field(default_factory=OPDNumbers)
    # what its kesalahan touch: "ind:<kode>", "sas:<kode>", "anggaran", or ALL
    affected: set[str] = field(default_factory=set)
    excluded: str = ""  # why it is left out of the rekap ("" = used), in words
    # the same as a code: "bukan-opd", "tidak-terbaca", "ganda", "tahun", "periode" (the file
    # cannot stand for this OPD) or "kesalahan" (its own errors touch its numbers)
    sebab: str = ""
    seconds: float = 0.0
    bukan_opd: bool = False  # the file is a Pemda workbook
    huruf_beda: bool = False  # found only with different letter case
    komposit: set[tuple[str, int]] = field(default_factory=set)  # realisasi from komponen

    @property
    def used(self) -> bool:
        return not self.excluded and self.laporan is not None

    @property
    def usable_as_source(self) -> bool:
        """Its indicators may feed an IKU (an OPD left out for its own errors still may, for
        the indicators those errors do not touch)."""
        return self.laporan is not None and self.sebab in ("", "kesalahan")

    def exclude(self, sebab: str, text: str) -> None:
        self.sebab, self.excluded = sebab, text

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity is Severity.KESALAHAN]


# -- the consolidated result ---------------------------------------------------------------


@dataclass
class Jejak:
    """The trail of one number printed in the report: where it came from and how."""

    kode: str  # "J12", in order of creation
    angka: str  # what it is: "Realisasi IKU2 tahun 2022"
    nilai: str  # as printed: "72,40", "95,11%", "Rp68.269.806.788"
    cara: str  # how: "diketik (sumber: BPS)", "rata-rata 3 indikator OPD", "CAPAIAN(...)"
    sel: list[Sel] = field(default_factory=list)
    dari: list[str] = field(default_factory=list)  # Jejak codes it is computed from
    value: object = None  # the unformatted value


@dataclass
class RekapOPD:
    """One row of the per-OPD rekap (BAB III) for the report year."""

    opd: OPDEntry
    nama_instansi: str = ""
    jumlah_indikator: int = 0
    terukur: int = 0
    capaian: Capaian = "N/A"
    predikat: Band | None = None
    anggaran: float | None = None
    realisasi: float | None = None
    persen_anggaran: Capaian = "N/A"
    efisiensi: Capaian = "N/A"
    excluded: str = ""
    jejak: dict[str, str] = field(default_factory=dict)  # field -> Jejak code
    peringkat: int | None = None


@dataclass
class Pendukung:
    """An OPD sasaran supporting a sasaran RPJMD, with its capaian and budget (analysis 7)."""

    opd: OPDEntry
    kode_sasaran: str
    sasaran: str
    capaian: Capaian
    anggaran: float | None
    realisasi: float | None
    indikator: list[tuple[str, Capaian]] = field(default_factory=list)  # (uraian, capaian)
    jejak: dict[str, str] = field(default_factory=dict)


@dataclass
class Temuan:
    """A finding of the Pemda run: the core Finding, the file it is in, whether it stops the
    Pemda report."""

    finding: Finding
    berkas: str
    opd: str = ""  # Kode OPD when the finding is in (or about) an OPD workbook
    menghambat: bool = False  # blocks the Pemda report

    @property
    def severity(self) -> Severity:
        return self.finding.severity


@dataclass
class Konsolidasi:
    """Everything the Pemda report, the Rekap sheet and `periksa` need."""

    pemda: PemdaData
    opd: list[OPDResult]
    rekap: list[RekapOPD] = field(default_factory=list)
    pendukung: dict[str, list[Pendukung]] = field(default_factory=dict)  # sasaran RPJMD kode
    jejak: list[Jejak] = field(default_factory=list)
    # (subject, attribute, year) -> Jejak code; subject "iku:IKU1", "sas:SR1", "opd:DINKES"
    index: dict[tuple[str, str, int], str] = field(default_factory=dict)
    temuan: list[Temuan] = field(default_factory=list)
    total_anggaran: float | None = None
    total_realisasi: float | None = None
    persen_anggaran: Capaian = "N/A"
    capaian_akhir: dict[str, tuple[Capaian, Band | None]] = field(default_factory=dict)

    @property
    def laporan(self) -> Laporan:
        return self.pemda.laporan

    @property
    def menghambat(self) -> list[Temuan]:
        return [t for t in self.temuan if t.menghambat]

    @property
    def excluded(self) -> list[OPDResult]:
        return [o for o in self.opd if not o.used]

    def jejak_of(self, subject: str, attribute: str, tahun: int = 0) -> Jejak | None:
        code = self.index.get((subject, attribute, tahun))
        return self._by_code().get(code) if code else None

    def _by_code(self) -> dict[str, Jejak]:
        return {j.kode: j for j in self.jejak}
