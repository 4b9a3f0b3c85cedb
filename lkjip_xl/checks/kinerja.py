"""Indicators, targets and realisasi: what the reader accepts but a report cannot stand on.

Checks (kode):
- ``kode-ganda`` (kesalahan): a code typed twice in tblSasaran / tblIndikator /
  tblAnggaranSasaran / tblStruktur (Kode Unit), or an (indikator, tahun) pair twice in
  tblTarget / tblRealisasi, or an (tahun, unsur) pair twice in tblIKMUnsur. The reader keeps
  the last row silently (tblStruktur: both rows become boxes of the chart).
- ``polaritas-tidak-dikenal`` (kesalahan): polaritas outside naik/turun/rentang (and aliases).
  Satuan is free text (the dropdown only suggests), so no unit is flagged for being unlisted.
- ``skala-tidak-dikenal`` (kesalahan): skala that is no registered scale.
- ``rentang-tanpa-batas`` (kesalahan): polaritas "rentang" but a target that is neither a range
  text ("80-90", "80 – 90", "80 s.d. 90", "80 s/d 90") nor a number with "Batas Atas".
- ``rentang-dibaca`` (catatan): checks.rentang.
- ``target-nol`` (peringatan): target 0 (core.rules.capaian: realisasi 0 gives 100%, anything
  else N/A, never a division by zero).
- ``kualitatif-tanpa-skala`` (kesalahan): a label target/realisasi ("Sangat Tinggi", "B") on an
  indicator without Skala. The core could guess a built-in scale, but a guessed scale is
  exactly what a reader of the report cannot verify, so the workbook must name it.
- ``target-tahun-laporan`` (kesalahan): no target for the report year.
- ``tahun-tidak-lengkap`` (peringatan): a year between the first year and the report year that
  other indicators have, for which this indicator lacks a target or a realisasi (the
  multi-year comparison, reference Tabel 3.4, would show a hole).
- ``komposit-beda`` (peringatan): a composite indicator whose typed realisasi differs from the
  mean of its components (rata_rata of nilai_komponen) at 2 decimals.
- ``ikm-beda`` (peringatan): all nine NRR of a year present and the IKM realisasi of that year
  numeric, but the recomputed IKM (core.ikm) differs by more than 0,01.
- ``nrr-tidak-valid`` (kesalahan): an NRR outside 1-4.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from lkjip_xl import schema
from lkjip_xl.checks import rentang
from lkjip_xl.checks.base import Baris, angka, complete, err, rows, same_number, split_ref, warn
from lkjip_xl.core import ikm as core_ikm
from lkjip_xl.core import rules
from lkjip_xl.core.findings import Finding, kesalahan, peringatan
from lkjip_xl.core.model import Laporan
from lkjip_xl.core.scales import registered_names
from lkjip_xl.core.values import InvalidValue, is_blank, is_not_available, parse_number
from lkjip_xl.readers.tables import Workbook

_KEYS: tuple[tuple[schema.Table, tuple[str, ...]], ...] = (
    (schema.SASARAN, ("Kode Sasaran",)),
    (schema.INDIKATOR, ("Kode Indikator",)),
    (schema.TARGET, ("Kode Indikator", "Tahun")),
    (schema.REALISASI, ("Kode Indikator", "Tahun")),
    (schema.ANGGARAN_SASARAN, ("Kode Sasaran",)),
    (schema.IKM_UNSUR, ("Tahun", "Kode Unsur")),
    (schema.STRUKTUR, ("Kode Unit",)),
)


def _key(value: Any) -> Any:
    return " ".join(value.split()).casefold() if isinstance(value, str) else value


def check_duplicates(book: Workbook) -> list[Finding]:
    findings: list[Finding] = []
    for table, columns in _KEYS:
        seen: dict[tuple[Any, ...], Baris] = {}
        for baris in rows(book, table):
            key = tuple(_key(baris[c]) for c in columns)
            if any(k is None for k in key):
                continue
            first = seen.get(key)
            if first is None:
                seen[key] = baris
                continue
            shown = ", ".join(f"{c} {baris[c]}" for c in columns)
            findings.append(
                err(
                    baris,
                    columns[0],
                    f"Data ganda di tabel {table.name}: {shown} sudah ada di "
                    f"{first.ref(columns[0])}; hanya satu baris yang akan dipakai.",
                    "Hapus salah satu baris atau perbaiki kodenya/tahunnya.",
                    "kode-ganda",
                )
            )
    return findings


def check_indikator(book: Workbook) -> list[Finding]:
    """Polaritas, satuan and skala of tblIndikator, read from the cells themselves."""
    findings: list[Finding] = []
    known_scales = {n.casefold() for n in registered_names()}
    for baris in rows(book, schema.INDIKATOR):
        pol = baris["Polaritas"]
        if not is_blank(pol):
            try:
                rules.normalise_polaritas(pol)
            except InvalidValue:
                findings.append(
                    err(
                        baris,
                        "Polaritas",
                        f"Polaritas '{pol}' tidak dikenal.",
                        "Pilih naik, turun atau rentang dari daftar.",
                        "polaritas-tidak-dikenal",
                    )
                )
        skala = baris["Skala"]
        if not is_blank(skala) and str(skala).strip().casefold() not in known_scales:
            findings.append(
                err(
                    baris,
                    "Skala",
                    f"Skala '{skala}' tidak dikenal.",
                    "Pilih skala dari daftar: " + ", ".join(schema.SKALA_ORDINAL) + ".",
                    "skala-tidak-dikenal",
                )
            )
    return findings


def _indicators(book: Workbook) -> dict[Any, Baris]:
    return {
        _key(b["Kode Indikator"]): b
        for b in rows(book, schema.INDIKATOR)
        if b["Kode Indikator"] is not None
    }


def _polaritas(baris: Baris | None) -> str | None:
    if baris is None:
        return None
    try:
        return rules.normalise_polaritas(baris["Polaritas"])
    except InvalidValue:
        return None


def _is_label(value: Any) -> bool:
    if not isinstance(value, str) or is_not_available(value) or rules.parse_rentang(value):
        return False
    try:
        parse_number(value)
    except InvalidValue:
        return True
    return False


def check_targets(book: Workbook) -> list[Finding]:
    """Range without bounds, target 0, labels without a scale (tblTarget and tblRealisasi)."""
    findings: list[Finding] = []
    indikator = _indicators(book)
    unscaled: set[Any] = set()
    for baris in rows(book, schema.TARGET):
        ind = indikator.get(_key(baris["Kode Indikator"]))
        target = baris["Target"]
        if (
            _polaritas(ind) == "rentang"
            and not is_not_available(target)
            and not rules.parse_rentang(target)
            and is_blank(baris["Batas Atas"])
        ):
            findings.append(
                err(
                    baris,
                    "Batas Atas",
                    f"Indikator {baris['Kode Indikator']} berpolaritas 'rentang' tetapi target "
                    f"tahun {baris['Tahun']} ({angka(target)}) tidak berupa rentang dan Batas "
                    "Atas kosong; capaian tidak dapat dihitung.",
                    "Isi Batas Atas (target = batas bawah) atau tulis target sebagai rentang, "
                    "mis. 80-90.",
                    "rentang-tanpa-batas",
                )
            )
        if isinstance(target, (int, float)) and target == 0:
            findings.append(
                warn(
                    baris,
                    "Target",
                    f"Target {baris['Kode Indikator']} tahun {baris['Tahun']} bernilai 0. Aturan "
                    "yang dipakai: realisasi 0 dihitung capaian 100% (target tepat terpenuhi); "
                    "realisasi lain menghasilkan capaian N/A karena rasio terhadap 0 "
                    "tidak bermakna.",
                    "Pastikan target memang 0; bila indikator 'makin sedikit makin baik', "
                    "pertimbangkan target berupa persentase atau angka positif.",
                    "target-nol",
                )
            )
        _unscaled(findings, unscaled, baris, "Target", ind)
    for baris in rows(book, schema.REALISASI):
        _unscaled(
            findings, unscaled, baris, "Realisasi", indikator.get(_key(baris["Kode Indikator"]))
        )
    return findings


def _unscaled(
    findings: list[Finding], done: set[Any], baris: Baris, column: str, ind: Baris | None
) -> None:
    value = baris[column]
    if ind is None or not _is_label(value) or not is_blank(ind["Skala"]):
        return
    kode = _key(ind["Kode Indikator"])
    if kode in done:
        return
    done.add(kode)
    findings.append(
        kesalahan(
            f"{column} {baris['Kode Indikator']} tahun {baris['Tahun']} berupa nilai kualitatif "
            f"'{value}' tetapi kolom Skala indikator ini kosong; capaian tidak dapat dihitung "
            "dengan skala yang jelas.",
            saran="Isi kolom Skala pada tabel tblIndikator (mis. ekppd, mutu_ikm, opini_bpk).",
            kode="kualitatif-tanpa-skala",
            **ind.where("Skala"),
        )
    )


def check_years(laporan: Laporan) -> list[Finding]:
    """Report-year target and holes in the multi-year comparison."""
    findings: list[Finding] = []
    tahun = laporan.tahun
    indikator = laporan.indikator
    if not indikator:
        return findings
    years_with_data = {
        t
        for ind in indikator
        for t, k in ind.kinerja.items()
        if k.target is not None or k.realisasi is not None
    }
    past = [t for t in years_with_data if t <= tahun]
    first = min(past) if past else tahun
    expected = sorted(t for t in years_with_data if first <= t < tahun)
    for ind in indikator:
        where = {
            **split_ref(ind.refs.get("Kode Indikator", "")),
            "table": "tblIndikator",
            "column": "Kode Indikator",
        }
        kin = ind.pada(tahun)
        if kin is None or is_blank(kin.target):
            findings.append(
                kesalahan(
                    f"Indikator {ind.kode} tidak mempunyai target untuk tahun laporan {tahun}.",
                    saran=f"Tambahkan baris {ind.kode} tahun {tahun} dengan targetnya di tabel "
                    "tblTarget (sheet Perjanjian Kinerja).",
                    kode="target-tahun-laporan",
                    **where,
                )
            )
        if kin is not None and kin.realisasi is None and not kin.komponen:
            findings.append(
                peringatan(
                    f"Indikator {ind.kode} tidak mempunyai realisasi untuk tahun laporan {tahun}.",
                    saran="Isi realisasinya di tabel tblRealisasi, atau tulis 'Belum ada "
                    "pengumuman ...' bila memang belum tersedia.",
                    kode="tahun-tidak-lengkap",
                    **where,
                )
            )
        for year in expected:
            k = ind.pada(year)
            missing = [
                n
                for n, v in (
                    ("target", k.target if k else None),
                    ("realisasi", k.realisasi if k else None),
                )
                if v is None
            ]
            if missing:
                findings.append(
                    peringatan(
                        f"Indikator {ind.kode} tidak mempunyai {' dan '.join(missing)} "
                        f"tahun {year}, "
                        "padahal indikator lain memilikinya; tabel perbandingan antartahun akan "
                        "berlubang.",
                        saran=f"Lengkapi tahun {year} di tabel tblTarget/tblRealisasi, atau tulis "
                        "'N/A' bila datanya memang tidak ada.",
                        kode="tahun-tidak-lengkap",
                        **where,
                    )
                )
    return findings


def check_komposit(book: Workbook, laporan: Laporan) -> list[Finding]:
    """Typed realisasi of a composite indicator against the mean of its components."""
    findings: list[Finding] = []
    realisasi = {(_key(b["Kode Indikator"]), b["Tahun"]): b for b in rows(book, schema.REALISASI)}
    for ind in laporan.indikator:
        for kin in ind.kinerja.values():
            if not kin.komponen:
                continue
            mean = rules.rata_rata([k.nilai for k in kin.komponen])
            baris = realisasi.get((_key(ind.kode), kin.tahun))
            if baris is None or is_blank(baris["Realisasi"]) or is_not_available(mean):
                continue
            typed = baris["Realisasi"]
            if not same_number(typed, mean):
                parts = ", ".join(f"{k.nama} {angka(k.nilai)}" for k in kin.komponen)
                findings.append(
                    warn(
                        baris,
                        "Realisasi",
                        f"Realisasi {ind.kode} tahun {kin.tahun} diketik {angka(typed)}, padahal "
                        f"rata-rata komponennya ({parts}) = {angka(round(float(mean), 2))}.",
                        "Samakan realisasi dengan rata-rata komponen di tabel tblKomponen, atau "
                        "kosongkan sel realisasi agar dihitung otomatis.",
                        "komposit-beda",
                    )
                )
    return findings


def check_ikm(book: Workbook, laporan: Laporan) -> list[Finding]:
    findings: list[Finding] = []
    per_year: dict[int, dict[str, Baris]] = defaultdict(dict)
    for baris in rows(book, schema.IKM_UNSUR):
        nrr = baris["NRR"]
        if isinstance(nrr, (int, float)) and not 1 <= nrr <= 4:
            findings.append(
                err(
                    baris,
                    "NRR",
                    f"NRR {baris['Kode Unsur']} tahun {baris['Tahun']} = {angka(nrr)} "
                    "di luar rentang 1-4.",
                    "NRR adalah skor rata-rata 1 sampai 4.",
                    "nrr-tidak-valid",
                )
            )
        if isinstance(baris["Tahun"], int) and isinstance(baris["Kode Unsur"], str):
            per_year[baris["Tahun"]][baris["Kode Unsur"].strip().upper()] = baris
    ikm_indicators = [
        i for i in laporan.indikator if str(i.skala or "").strip().casefold() == "mutu_ikm"
    ]
    realisasi = {(_key(b["Kode Indikator"]), b["Tahun"]): b for b in rows(book, schema.REALISASI)}
    for year, unsur in sorted(per_year.items()):
        codes = [c for c, _ in core_ikm.UNSUR_IKM]
        values = [unsur[c]["NRR"] if c in unsur else None for c in codes]
        if any(not isinstance(v, (int, float)) for v in values):
            continue
        try:
            computed = core_ikm.ikm_dari_nrr(values)
        except InvalidValue:
            continue
        for ind in ikm_indicators:
            baris = realisasi.get((_key(ind.kode), year))
            typed = baris["Realisasi"] if baris else None
            if baris is None or isinstance(typed, str) or typed is None:
                continue
            if abs(float(typed) - computed) > 0.01 + 1e-9:
                findings.append(
                    warn(
                        baris,
                        "Realisasi",
                        f"IKM {year} diketik {angka(typed)}, tetapi dihitung dari NRR "
                        "sembilan unsur "
                        f"(tabel tblIKMUnsur) = {angka(round(computed, 2))}.",
                        "Periksa NRR di sheet IKM atau nilai IKM di tabel tblRealisasi.",
                        "ikm-beda",
                    )
                )
    return findings


def run(book: Workbook, laporan: Laporan | None) -> list[Finding]:
    findings = check_duplicates(book) + check_indikator(book) + check_targets(book)
    findings += rentang.check_range_forms(book)
    if laporan is not None and complete(book, schema.REALISASI) is not None:
        findings += check_years(laporan) + check_komposit(book, laporan) + check_ikm(book, laporan)
    elif laporan is not None:
        findings += check_years(laporan)
    return findings
