"""LKE self-check: can this workbook give a report that meets the nine "Kualitas" criteria of
Pelaporan Kinerja in the evaluation sheet (LKE) of PermenPAN-RB 88/2021?

The criteria are data (KRITERIA_LKE; article 6 of 88/2021 lets each instansi set its evaluation
technique, so the list can be replaced); each has a check that says what the workbook lacks,
naming sheet, table and codes. `lkjip-xl periksa` prints the result as a short section and under
`kriteria_lke` in `--json`. It does not change the exit code: these are the evaluator's
questions, not errors in the data.

`run` adds the findings of this kind that staff must act on (peringatan):

- ``perbaikan-belum-diisi``: an indicator that missed its target or a sasaran with negative
  efisiensi without a planned improvement (tblNarasi "perbaikan:<kode>");
- ``analisis-belum-diisi``: an indicator that missed its target without the causes of the
  failure and the efforts made (tblNarasi "indikator:<kode>"), which PermenPAN-RB 53/2014
  requires in the analysis of every sasaran;
- ``analisis-sasaran-belum-diisi``: a sasaran that missed its target (mean capaian below 100%
  as printed) without the programs and activities that supported or held it back (tblNarasi
  "sasaran:<kode>"), so 3.3 would print the sasaran without that analysis.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from lkjip_xl import schema
from lkjip_xl.core import rules
from lkjip_xl.core.findings import Finding, peringatan
from lkjip_xl.core.model import Indikator, Laporan, Sasaran
from lkjip_xl.core.values import NA, is_blank

TERPENUHI, SEBAGIAN, BELUM = "terpenuhi", "sebagian", "belum"


@dataclass(frozen=True)
class Kriteria:
    kode: str
    judul: str  # the LKE question, shortened


@dataclass
class HasilKriteria:
    nomor: int
    kriteria: Kriteria
    status: str
    kekurangan: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        return {
            "nomor": self.nomor,
            "kode": self.kriteria.kode,
            "kriteria": self.kriteria.judul,
            "status": self.status,
            "kekurangan": list(self.kekurangan),
        }


#: Pelaporan Kinerja, Kualitas (LKE AKIP, PermenPAN-RB 88/2021), in the sheet's order.
KRITERIA_LKE: tuple[Kriteria, ...] = (
    Kriteria("format-standar", "Laporan Kinerja disusun sesuai format standar"),
    Kriteria("pengungkapan-lengkap", "Laporan Kinerja mengungkapkan seluruh informasi kinerja"),
    Kriteria("target-tahunan", "Membandingkan realisasi dengan target tahunan"),
    Kriteria("target-jangka-menengah", "Membandingkan realisasi dengan target jangka menengah"),
    Kriteria("tahun-sebelumnya", "Membandingkan realisasi dengan realisasi tahun sebelumnya"),
    Kriteria("standar-nasional", "Membandingkan realisasi dengan standar nasional/pembanding"),
    Kriteria(
        "penjelasan-keberhasilan",
        "Menjelaskan keberhasilan/kegagalan beserta upaya dan hambatannya",
    ),
    Kriteria("efisiensi", "Menyajikan efisiensi penggunaan sumber daya"),
    Kriteria("rekomendasi", "Menyajikan rekomendasi/langkah perbaikan kinerja"),
)

_IND = f"sheet {schema.INDIKATOR.sheet}, tabel {schema.INDIKATOR.name}"
_NARASI = f"sheet {schema.NARASI.sheet}, tabel {schema.NARASI.name}"


def _kode(items: list[Indikator] | list[Sasaran]) -> str:
    return ", ".join(i.kode for i in items)


def _teks(lap: Laporan, key: str) -> bool:
    return any((n.teks or "").strip() for n in lap.teks(key))


def _measured(lap: Laporan, ind: Indikator) -> bool:
    kin = ind.pada(lap.tahun)
    return kin is not None and kin.capaian != NA


def missed(lap: Laporan, ind: Indikator) -> bool:
    """Measured in the report year and below 100% as displayed."""
    kin = ind.pada(lap.tahun)
    return kin is not None and kin.capaian != NA and not rules.tercapai(kin.capaian)


def sasaran_missed(sas: Sasaran) -> bool:
    """Measured (mean capaian of its indicators) and below 100% as displayed."""
    return sas.capaian != NA and not rules.tercapai(sas.capaian)


def negative(sas: Sasaran) -> bool:
    return sas.efisiensi != NA and rules.round_percent(sas.efisiensi) < 0  # type: ignore[arg-type]


def _format_standar(lap: Laporan) -> list[str]:
    out = []
    if not (_teks(lap, "latar_belakang") or _teks(lap, "gambaran_umum")):
        out.append(f"Narasi latar_belakang dan gambaran_umum kosong ({_NARASI}).")
    if not (lap.isu_strategis or lap.isu_bagian or _teks(lap, "isu_strategis")):
        out.append("Isu strategis belum diisi (sheet Isu Strategis atau narasi isu_strategis).")
    no_target = [i for i in lap.indikator if i.pada(lap.tahun) is None]
    if no_target:
        out.append(f"Tidak ada target tahun {lap.tahun} untuk {_kode(no_target)} (tblTarget).")
    ident = lap.identitas
    if not (ident.nama_penandatangan and ident.jabatan_penandatangan):
        out.append("Nama/jabatan penandatangan kosong (sheet Identitas).")
    if not _teks(lap, "penutup"):
        out.append(f"Narasi penutup (BAB IV) kosong ({_NARASI}).")
    return out


def _pengungkapan(lap: Laporan) -> list[str]:
    out = []
    unexplained = []
    for ind in lap.indikator:
        kin = ind.pada(lap.tahun)
        if kin is None or kin.capaian != NA:
            continue
        label = kin.realisasi if isinstance(kin.realisasi, str) else ""
        if not (kin.keterangan.strip() or label.strip() not in ("", "N/A", "-")):
            unexplained.append(ind)
    if unexplained:
        out.append(
            f"Realisasi {lap.tahun} belum tersedia tanpa penjelasan untuk {_kode(unexplained)} "
            "(isi kolom Keterangan di tblRealisasi)."
        )
    no_budget = [s for s in lap.sasaran if s.anggaran is None]
    if no_budget:
        out.append(f"Anggaran per sasaran kosong untuk {_kode(no_budget)} (tblAnggaranSasaran).")
    if not lap.program:
        out.append("Program dan anggaran Perjanjian Kinerja kosong (tblProgram).")
    return out


def _target_tahunan(lap: Laporan) -> list[str]:
    na = [i for i in lap.indikator if not _measured(lap, i)]
    if not na:
        return []
    return [f"Capaian {lap.tahun} tidak dapat diukur (N/A) untuk {_kode(na)}."]


def _jangka_menengah(lap: Laporan) -> list[str]:
    missing = [i for i in lap.indikator if i.target_akhir_renstra is None]
    if not missing:
        return []
    return [f"Target Akhir Renstra kosong untuk {_kode(missing)} ({_IND})."]


def _tahun_sebelumnya(lap: Laporan) -> list[str]:
    missing = [
        i
        for i in lap.indikator
        if not any(
            y < lap.tahun and not is_blank(k.realisasi) and k.realisasi is not None
            for y, k in i.kinerja.items()
        )
    ]
    if not missing:
        return []
    return [f"Tidak ada realisasi tahun sebelum {lap.tahun} untuk {_kode(missing)} (tblRealisasi)."]


def _standar_nasional(lap: Laporan) -> list[str]:
    missing = [
        i for i in lap.indikator if i.standar_nasional is None or is_blank(i.standar_nasional)
    ]
    if not missing:
        return []
    return [f"Standar Nasional kosong untuk {_kode(missing)} ({_IND}, kolom Standar Nasional)."]


def _penjelasan(lap: Laporan) -> list[str]:
    missing = [i for i in lap.indikator if not _teks(lap, f"indikator:{i.kode}")]
    if not missing:
        return []
    keys = ", ".join(f"indikator:{i.kode}" for i in missing)
    return [f"Narasi penyebab keberhasilan/kegagalan dan upaya kosong: {keys} ({_NARASI})."]


def _efisiensi(lap: Laporan) -> list[str]:
    missing = [s for s in lap.sasaran if s.efisiensi == NA]
    if not missing:
        return []
    return [
        f"Efisiensi tidak dapat dihitung untuk {_kode(missing)}: anggaran per sasaran atau "
        "capaian sasaran tidak tersedia (tblAnggaranSasaran, tblRealisasi)."
    ]


def _rekomendasi(lap: Laporan) -> list[str]:
    out = []
    keys = [f"perbaikan:{i.kode}" for i in lap.indikator if missed(lap, i)]
    keys += [f"perbaikan:{s.kode}" for s in lap.sasaran if negative(s)]
    missing = [k for k in keys if not _teks(lap, k)]
    if missing:
        out.append(f"Langkah perbaikan belum diisi: {', '.join(missing)} ({_NARASI}).")
    if not _teks(lap, "penutup"):
        out.append(f"Narasi penutup (BAB IV) kosong ({_NARASI}).")
    return out


CHECKS: dict[str, Callable[[Laporan], list[str]]] = {
    "format-standar": _format_standar,
    "pengungkapan-lengkap": _pengungkapan,
    "target-tahunan": _target_tahunan,
    "target-jangka-menengah": _jangka_menengah,
    "tahun-sebelumnya": _tahun_sebelumnya,
    "standar-nasional": _standar_nasional,
    "penjelasan-keberhasilan": _penjelasan,
    "efisiensi": _efisiensi,
    "rekomendasi": _rekomendasi,
}

#: Criteria whose gaps concern each indicator: "belum" when every indicator lacks the data,
#: "sebagian" when only some do.
_PER_INDIKATOR = {"target-jangka-menengah", "tahun-sebelumnya", "standar-nasional"}


def nilai_kriteria(laporan: Laporan | None) -> list[HasilKriteria]:
    """One result per criterion; without a model (broken layout) every criterion is "belum"."""
    out = []
    for nomor, kriteria in enumerate(KRITERIA_LKE, 1):
        if laporan is None:
            out.append(HasilKriteria(nomor, kriteria, BELUM, ["Buku kerja belum dapat dibaca."]))
            continue
        kurang = CHECKS[kriteria.kode](laporan)
        status = TERPENUHI if not kurang else SEBAGIAN
        if kurang and kriteria.kode in _PER_INDIKATOR and _all_missing(laporan, kriteria.kode):
            status = BELUM
        out.append(HasilKriteria(nomor, kriteria, status, kurang))
    return out


def _all_missing(lap: Laporan, kode: str) -> bool:
    inds = lap.indikator
    if kode == "target-jangka-menengah":
        return all(i.target_akhir_renstra is None for i in inds)
    if kode == "standar-nasional":
        return all(i.standar_nasional is None or is_blank(i.standar_nasional) for i in inds)
    return all(all(y >= lap.tahun for y in i.kinerja) for i in inds)


def as_json(hasil: list[HasilKriteria]) -> list[dict[str, object]]:
    return [h.as_dict() for h in hasil]


def format_text(hasil: list[HasilKriteria]) -> str:
    """The short section `periksa` prints after the findings."""
    met = sum(1 for h in hasil if h.status == TERPENUHI)
    lines = [
        "",
        f"Kriteria LKE Pelaporan Kinerja (kualitas, PermenPAN-RB 88/2021): {met} dari "
        f"{len(hasil)} dapat dipenuhi dengan data buku kerja ini.",
    ]
    for h in hasil:
        lines.append(f"{h.nomor}. [{h.status}] {h.kriteria.judul}.")
        lines += [f"   - {k}" for k in h.kekurangan]
    return "\n".join(lines)


def run(laporan: Laporan | None) -> list[Finding]:
    """Narrative missing for an indicator below target (causes and efforts; planned
    improvements), a sasaran below target (supporting programs) or a negative efisiensi
    (planned improvements)."""
    if laporan is None:
        return []
    findings = []
    where = {"sheet": schema.NARASI.sheet, "table": schema.NARASI.name, "column": "Bagian"}
    for ind in laporan.indikator:
        if missed(laporan, ind) and not _teks(laporan, f"indikator:{ind.kode}"):
            findings.append(
                peringatan(
                    f"Indikator {ind.kode} belum mencapai target tahun {laporan.tahun}, tetapi "
                    "penyebab kegagalan dan upaya yang telah dilakukan belum diisi; analisis "
                    "capaian kinerja (PermenPAN-RB 53/2014) harus memuatnya.",
                    saran=f"Tambahkan baris di tabel Narasi (tblNarasi) dengan Bagian "
                    f"'indikator:{ind.kode}' berisi penyebab belum tercapainya target dan upaya "
                    "yang telah dilakukan.",
                    kode="analisis-belum-diisi",
                    **where,
                )
            )
    for sas in laporan.sasaran:
        if sasaran_missed(sas) and not _teks(laporan, f"sasaran:{sas.kode}"):
            findings.append(
                peringatan(
                    f"Sasaran {sas.kode} belum mencapai target tahun {laporan.tahun}, tetapi "
                    "program dan kegiatan yang mendukung atau menghambatnya belum diisi; "
                    "analisis sasaran (PermenPAN-RB 53/2014) harus memuatnya.",
                    saran=f"Tambahkan baris di tabel Narasi (tblNarasi) dengan Bagian "
                    f"'sasaran:{sas.kode}' berisi program dan kegiatan yang mendukung atau "
                    "menghambat pencapaian sasaran.",
                    kode="analisis-sasaran-belum-diisi",
                    **where,
                )
            )
    for ind in laporan.indikator:
        if missed(laporan, ind) and not _teks(laporan, f"perbaikan:{ind.kode}"):
            findings.append(
                peringatan(
                    f"Indikator {ind.kode} belum mencapai target tahun {laporan.tahun}, tetapi "
                    "langkah perbaikannya belum diisi; BAB IV tidak dapat memuatnya.",
                    saran=f"Tambahkan baris di tabel Narasi dengan Bagian 'perbaikan:{ind.kode}' "
                    "berisi langkah perbaikan yang direncanakan.",
                    kode="perbaikan-belum-diisi",
                    **where,
                )
            )
    for sas in laporan.sasaran:
        if negative(sas) and not _teks(laporan, f"perbaikan:{sas.kode}"):
            findings.append(
                peringatan(
                    f"Efisiensi sasaran {sas.kode} tahun {laporan.tahun} negatif, tetapi langkah "
                    "perbaikannya belum diisi; BAB IV tidak dapat memuatnya.",
                    saran=f"Tambahkan baris di tabel Narasi dengan Bagian 'perbaikan:{sas.kode}' "
                    "berisi langkah perbaikan yang direncanakan.",
                    kode="perbaikan-belum-diisi",
                    **where,
                )
            )
    return findings
