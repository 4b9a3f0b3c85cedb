"""Fill the model's computed fields with the core rules (the same functions the UDFs call)."""

from __future__ import annotations

from lkjip_xl.core import rules
from lkjip_xl.core.findings import Finding, kesalahan
from lkjip_xl.core.model import BarisAnggaran, Indikator, KinerjaTahun, Laporan, Ringkasan
from lkjip_xl.core.values import NA, InvalidValue


def evaluate(laporan: Laporan) -> list[Finding]:
    """Compute capaian, predikat, kategori, sasaran averages, budgets and the summary.

    Returns the findings for values the rules cannot use (the reader already rejected values of
    the wrong kind, so these are combinations: a label without a scale, a range without bounds).
    """
    findings: list[Finding] = []
    ident = laporan.identitas
    skala_predikat = _scale(ident.skala_predikat, "Skala Predikat", "tabel_3_1", findings)
    skala_kategori = _scale(ident.skala_kategori, "Skala Kategori", "tabel_3_2", findings)
    for ind in laporan.indikator:
        for kin in ind.kinerja.values():
            _evaluate_kinerja(ind, kin, skala_predikat, skala_kategori, findings)
    for sas in laporan.sasaran:
        sas.persen_anggaran = _realisasi_anggaran(sas.anggaran, sas.realisasi_anggaran)
        try:
            sas.capaian = rules.rata_rata(
                [_capaian_of(ind, laporan.tahun) for ind in sas.indikator]
            )
            sas.efisiensi = rules.efisiensi(sas.capaian, sas.persen_anggaran)
        except InvalidValue as exc:  # capaian near 1e308 from absurd targets: sums overflow
            sas.capaian = sas.efisiensi = NA
            findings.append(
                kesalahan(
                    f"Capaian sasaran {sas.kode} tidak dapat dihitung: {exc}",
                    table="tblTarget",
                    saran="Periksa target dan realisasi indikator sasaran ini.",
                    kode="capaian-tidak-terhitung",
                )
            )
    for line in [*laporan.belanja, *laporan.pendapatan]:
        _evaluate_line(line)
    laporan.ringkasan = _summary(laporan)
    return findings


def _scale(name: str, label: str, default: str, findings: list[Finding]) -> str:
    """The Identitas scale name, or the default after a finding when no such scale exists."""
    from lkjip_xl.core.scales import band_scale

    try:
        band_scale(name)
    except InvalidValue as exc:
        findings.append(
            kesalahan(
                f"'{label}' pada tabel Identitas tidak dikenal: {exc}",
                sheet="Identitas",
                table="tblIdentitas",
                column="Nilai",
                kode="skala-tidak-dikenal",
                saran="Pilih skala dari daftar (mis. tabel_3_1, tabel_3_2).",
            )
        )
        return default
    return name


def capaian_akhir(ind: Indikator, kin: KinerjaTahun | None) -> float | str:
    """Capaian of a year's realisasi against the Renstra (or RPJMD) end target, a range end
    target included; N/A without an end target, a realisasi or a computable value. The OPD
    report, its narrative and the Pemda Jejak Data all use this one."""
    if kin is None or ind.target_akhir_renstra is None:
        return NA
    try:
        return rules.capaian(
            ind.target_akhir_renstra,
            kin.realisasi,
            ind.polaritas,
            ind.skala,
            batas_atas=ind.batas_atas_akhir_renstra,
        )
    except InvalidValue:
        return NA


def _capaian_of(ind: Indikator, tahun: int) -> float | str:
    kin = ind.pada(tahun)
    return kin.capaian if kin else NA


def _evaluate_kinerja(
    ind: Indikator,
    kin: KinerjaTahun,
    skala_predikat: str,
    skala_kategori: str,
    findings: list[Finding],
) -> None:
    for komp in kin.komponen:
        try:
            komp.nilai = rules.nilai_komponen(komp.realisasi, komp.basis)
        except InvalidValue as exc:  # a basis of 1e-300: the ratio overflows
            komp.nilai = NA
            findings.append(
                kesalahan(
                    f"Nilai komponen '{komp.nama}' ({ind.kode} {kin.tahun}) tidak dapat "
                    f"dihitung: {exc}",
                    **_where(komp.refs.get("Basis", "")),
                    saran="Periksa realisasi dan basis komponen ini.",
                    kode="komponen-tidak-terhitung",
                )
            )
    if kin.komponen and (kin.realisasi is None or kin.realisasi == ""):
        kin.realisasi = rules.rata_rata([k.nilai for k in kin.komponen])
    try:
        kin.capaian = rules.capaian(
            kin.target, kin.realisasi, ind.polaritas, ind.skala, batas_atas=kin.batas_atas
        )
    except InvalidValue as exc:
        kin.capaian = NA
        findings.append(
            kesalahan(
                f"Capaian {ind.kode} tahun {kin.tahun} tidak dapat dihitung: {exc}",
                **_where(kin.refs.get("Realisasi") or kin.refs.get("Target") or ""),
                saran="Periksa target, realisasi, polaritas dan skala indikator ini.",
                kode="capaian-tidak-terhitung",
            )
        )
        return
    if kin.capaian != NA:
        kin.predikat = rules.predikat(kin.capaian, skala_predikat)
        kin.kategori = rules.kategori(kin.capaian, skala_kategori)


def _where(ref: str) -> dict[str, str | None]:
    """Sheet and cell of a reference "'Sheet'!C7" for a finding."""
    sheet, _, cell = ref.rpartition("!")
    return {"sheet": sheet.strip("'") or None, "cell": cell or None}


def _evaluate_line(line: BarisAnggaran) -> None:
    line.persen = _realisasi_anggaran(line.anggaran, line.realisasi)


def _realisasi_anggaran(anggaran: float | None, realisasi: float | None) -> float | str:
    """N/A for amounts the rule rejects (a negative anggaran): checks.anggaran reports them
    with their cell (kode "anggaran-negatif"), so the model never raises."""
    try:
        return rules.realisasi_anggaran(anggaran, realisasi)
    except InvalidValue:
        return NA


def _summary(laporan: Laporan) -> Ringkasan:
    capaian = [_capaian_of(ind, laporan.tahun) for ind in laporan.indikator]
    measured = [c for c in capaian if c != NA]
    reached = [c for c in measured if rules.tercapai(c)]
    anggaran = _total([s.anggaran for s in laporan.sasaran])
    realisasi = _total([s.realisasi_anggaran for s in laporan.sasaran])
    if anggaran is None and laporan.belanja:
        anggaran = _total([b.anggaran for b in laporan.belanja])
        realisasi = _total([b.realisasi for b in laporan.belanja])
    persen_anggaran = _realisasi_anggaran(anggaran, realisasi)
    try:
        mean = rules.rata_rata([s.capaian for s in laporan.sasaran])
        efisiensi = rules.efisiensi(mean, persen_anggaran)
    except InvalidValue:  # already reported per sasaran (capaian-tidak-terhitung)
        mean = efisiensi = NA
    return Ringkasan(
        jumlah_sasaran=len(laporan.sasaran),
        jumlah_indikator=len(capaian),
        tercapai=len(reached),
        tidak_tercapai=len(measured) - len(reached),
        tidak_terukur=len(capaian) - len(measured),
        total_anggaran=anggaran,
        total_realisasi=realisasi,
        persen_anggaran=persen_anggaran,
        capaian=mean,
        efisiensi=efisiensi,
    )


def _total(values: list[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return sum(present) if present else None
