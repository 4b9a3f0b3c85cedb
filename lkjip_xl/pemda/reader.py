"""From the Pemda workbook's raw tables to `PemdaData` (pure: no Excel library here).

Uses the generic pieces of the OPD reader: `readers.to_model.records` types every cell by its
schema kind and `CellReader` findings name sheet, cell, table and column. Problems inside the
Pemda workbook become findings; the caller wraps them as `Temuan` of the Pemda file.
"""

from __future__ import annotations

from typing import Any

from lkjip_xl.core import model as m
from lkjip_xl.core import rules
from lkjip_xl.core.findings import Finding, kesalahan, peringatan
from lkjip_xl.core.scales import get_scale
from lkjip_xl.core.values import InvalidValue
from lkjip_xl.pemda import schema as ps
from lkjip_xl.pemda.model import (
    IdentitasPemda,
    InfoKinerja,
    OPDEntry,
    PemdaData,
    Tujuan,
)
from lkjip_xl.pemda.reader_kaskade import read_kaskade, read_tautan
from lkjip_xl.pemda.rows import duplicates, error, unknown, warn
from lkjip_xl.readers.tables import Workbook
from lkjip_xl.readers.to_model import Record, normalise_rentang, records, ref
from lkjip_xl.readers.to_model import check_layout as opd_check_layout


def check_layout(book: Workbook) -> list[Finding]:
    """Missing sheets, tables and columns of the Pemda layout (with the closest name as hint)."""
    tables = [t for sheet in ps.INPUT_SHEETS for t in sheet.tables]
    return opd_check_layout(book, ps.INPUT_SHEETS, tables, " LKjIP Pemda")


def read_pemda(book: Workbook) -> tuple[PemdaData | None, list[Finding]]:
    """The Pemda data (IKU not yet evaluated: consolidation fills realisasi first), or None
    when the layout or the identity is unusable."""
    findings = check_layout(book)
    if findings:
        return None, findings
    rec = {t.name: records(book, t, findings) for t in ps.INPUT_TABLES}
    identitas = _identitas(rec[ps.IDENTITAS.name], findings)
    if identitas is None:
        return None, findings
    laporan = m.Laporan(identitas=identitas.as_identitas())
    data = PemdaData(identitas=identitas, laporan=laporan, source=book.source)
    data.tujuan = [Tujuan(r["Kode Tujuan"], r["Tujuan"]) for r in rec[ps.TUJUAN.name]]
    duplicates(rec[ps.TUJUAN.name], ("Kode Tujuan",), findings)
    laporan.sasaran = _sasaran(rec, data, findings)
    data.opd = _opd(rec[ps.OPD.name], findings)
    if not data.opd:
        findings.append(
            peringatan(
                f"Tabel {ps.OPD.name} belum memuat perangkat daerah: laporan Pemda tidak memuat "
                "rekap perangkat daerah.",
                sheet=ps.OPD.sheet,
                table=ps.OPD.name,
                kode="opd-kosong",
                saran="Isi satu baris per perangkat daerah beserta lokasi buku kerjanya.",
            )
        )
    data.kaskade = read_kaskade(rec[ps.KASKADE_IKU.name], data, findings)
    data.tautan = read_tautan(rec[ps.KASKADE_SASARAN.name], data, findings)
    laporan.isu_strategis = [
        r["Isu Strategis"] for r in sorted(rec[ps.ISU.name], key=lambda r: r["No"])
    ]
    laporan.narasi = _narasi(rec[ps.NARASI.name], data, findings)
    return data, findings


def _identitas(rows: list[Record], findings: list[Finding]) -> IdentitasPemda | None:
    by_key = {str(r["Kunci"]).strip().casefold(): r for r in rows}
    values: dict[str, Any] = {}
    refs: dict[str, str] = {}
    ok = True
    for label, name in ps.IDENTITAS_KEYS:
        r = by_key.get(label.casefold())
        raw = r["Nilai"] if r else None
        refs[name] = ref(r, "Nilai") if r else ""
        if name in ps.IDENTITAS_REQUIRED and (raw is None or str(raw).strip() == ""):
            findings.append(
                kesalahan(
                    f"'{label}' pada tabel {ps.IDENTITAS.name} wajib diisi.",
                    sheet=ps.IDENTITAS.sheet,
                    cell=refs[name].rpartition("!")[2] or None,
                    table=ps.IDENTITAS.name,
                    column="Nilai" if r else "Kunci",
                    kode="wajib-diisi",
                    saran=f"Tambahkan baris Kunci '{label}' bila belum ada, lalu isi Nilai.",
                )
            )
            ok = False
            continue
        if name in ps.IDENTITAS_YEARS:
            try:
                raw = int(float(str(raw).strip()))
                if not 1900 <= raw <= 2200:
                    raise ValueError
            except (ValueError, OverflowError):  # "1E309" is an infinite float
                findings.append(
                    kesalahan(
                        f"'{label}' harus berupa tahun, mis. 2022 (terisi: {raw!r}).",
                        sheet=ps.IDENTITAS.sheet,
                        cell=refs[name].rpartition("!")[2] or None,
                        table=ps.IDENTITAS.name,
                        column="Nilai",
                        kode="identitas-tahun",
                    )
                )
                ok = False
                continue
        values[name] = raw if name in ps.IDENTITAS_YEARS else ("" if raw is None else str(raw))
    if not ok:
        return None
    ident = IdentitasPemda(**values, refs=refs)  # type: ignore[arg-type]
    ident.skala_predikat = ident.skala_predikat or "tabel_3_1"
    ident.skala_kategori = ident.skala_kategori or "tabel_3_2"
    ident.gaya_rupiah = (ident.gaya_rupiah or "puebi").strip().casefold()
    if not _choices_known(ident, findings):
        return None
    if not ident.rpjmd_awal <= ident.tahun <= ident.rpjmd_akhir:
        findings.append(
            kesalahan(
                f"Tahun Laporan {ident.tahun} di luar periode RPJMD {ident.rpjmd_awal}-"
                f"{ident.rpjmd_akhir}.",
                sheet=ps.IDENTITAS.sheet,
                cell=refs["tahun"].rpartition("!")[2] or None,
                table=ps.IDENTITAS.name,
                column="Nilai",
                kode="tahun-di-luar-rpjmd",
                saran="Periksa Tahun Laporan dan periode RPJMD.",
            )
        )
    return ident


def _choices_known(ident: IdentitasPemda, findings: list[Finding]) -> bool:
    """Scales and the Rupiah style exist (else every number of the report would fail later,
    far from the cell that caused it)."""
    from lkjip_xl.core.numbers import GAYA_RUPIAH
    from lkjip_xl.core.scales import band_scale

    bad: list[tuple[str, str, str]] = []
    for attr, label in (("skala_predikat", "Skala Predikat"), ("skala_kategori", "Skala Kategori")):
        try:
            band_scale(getattr(ident, attr))
        except InvalidValue as exc:
            bad.append((attr, f"'{label}' tidak dikenal: {exc}", "Pilih skala dari daftar."))
    if ident.gaya_rupiah not in GAYA_RUPIAH:
        choices = " atau ".join(f"'{g}'" for g in GAYA_RUPIAH)
        bad.append(
            (
                "gaya_rupiah",
                f"Gaya Rupiah '{ident.gaya_rupiah}' tidak dikenal; pilihannya {choices}.",
                f"Pilih {choices} (atau kosongkan untuk 'puebi').",
            )
        )
    for attr, message, saran in bad:
        findings.append(
            kesalahan(
                message,
                sheet=ps.IDENTITAS.sheet,
                cell=ident.refs.get(attr, "").rpartition("!")[2] or None,
                table=ps.IDENTITAS.name,
                column="Nilai",
                kode="pilihan-tidak-dikenal",
                saran=saran,
            )
        )
    return not bad


def _sasaran(rec: dict[str, list[Record]], data: PemdaData, findings: list[Finding]):  # type: ignore[no-untyped-def]
    tujuan = {t.kode: t.uraian for t in data.tujuan}
    rows = rec[ps.SASARAN.name]
    duplicates(rows, ("Kode Sasaran RPJMD",), findings)
    sasaran: dict[str, m.Sasaran] = {}
    for r in rows:
        kode_tujuan = r["Kode Tujuan"] or ""
        if kode_tujuan and kode_tujuan not in tujuan:
            unknown(findings, r, "Kode Tujuan", ps.TUJUAN.name)
        sasaran[r["Kode Sasaran RPJMD"]] = m.Sasaran(
            r["Kode Sasaran RPJMD"],
            r["Sasaran"],
            tujuan.get(kode_tujuan, ""),
            refs={c: ref(r, c) for c in ps.SASARAN.column_names},
        )
    iku: dict[str, m.Indikator] = {}
    duplicates(rec[ps.IKU.name], ("Kode IKU",), findings)
    for r in rec[ps.IKU.name]:
        if r["Kode Sasaran RPJMD"] not in sasaran:
            unknown(findings, r, "Kode Sasaran RPJMD", ps.SASARAN.name)
            continue
        try:
            polaritas = rules.normalise_polaritas(r["Polaritas"])
        except InvalidValue as exc:
            error(
                findings,
                r,
                "Polaritas",
                f"Polaritas tidak dikenal: {exc.message}",
                kode="polaritas-tidak-dikenal",
            )
            continue
        if r["Skala"]:
            try:
                get_scale(r["Skala"])
            except InvalidValue as exc:
                error(
                    findings,
                    r,
                    "Skala",
                    f"Skala tidak dikenal: {exc.message}",
                    kode="skala-tidak-dikenal",
                )
                continue
        ind = m.Indikator(
            kode=r["Kode IKU"],
            kode_sasaran=r["Kode Sasaran RPJMD"],
            uraian=r["Indikator"],
            satuan=r["Satuan"],
            polaritas=polaritas,
            skala=r["Skala"],
            target_akhir_renstra=r["Target Akhir RPJMD"],
            penanggung_jawab=r["Penanggung Jawab"] or "",
            refs={c: ref(r, c) for c in ps.IKU.column_names},
        )
        iku[ind.kode] = ind
        sasaran[ind.kode_sasaran].indikator.append(ind)
    _kinerja(rec[ps.KINERJA.name], iku, data, findings)
    for ind in iku.values():
        normalise_rentang(ind)  # contract 1, as for an OPD's indicators
    return list(sasaran.values())


def _kinerja(
    rows: list[Record], iku: dict[str, m.Indikator], data: PemdaData, findings: list[Finding]
) -> None:
    duplicates(rows, ("Kode IKU", "Tahun"), findings)
    for r in rows:
        ind = iku.get(r["Kode IKU"])
        if ind is None:
            unknown(findings, r, "Kode IKU", ps.IKU.name)
            continue
        kin = m.KinerjaTahun(
            r["Tahun"],
            r["Target"],
            r["Realisasi"],
            batas_atas=r["Batas Atas"],
            keterangan=r["Keterangan"] or "",
            refs={c: ref(r, c) for c in ps.KINERJA.column_names},
        )
        ind.kinerja[kin.tahun] = kin
        data.info[(ind.kode, kin.tahun)] = InfoKinerja(
            r["Sumber Realisasi"] or "", r["Standar Nasional"], r["Sumber Standar"] or ""
        )
        if r["Realisasi"] is not None and not r["Sumber Realisasi"]:
            warn(
                findings,
                r,
                "Sumber Realisasi",
                f"Realisasi {ind.kode} tahun {kin.tahun} diketik tanpa sumber data.",
                kode="sumber-realisasi-kosong",
                saran="Tulis sumbernya (mis. BPS, Berita Resmi Statistik); sumber ini dimuat di "
                "Jejak Data laporan.",
            )
    tahun = data.identitas.tahun
    for ind in iku.values():
        if tahun not in ind.kinerja:
            findings.append(
                kesalahan(
                    f"IKU {ind.kode} tidak memiliki target tahun {tahun} di tabel "
                    f"{ps.KINERJA.name}.",
                    sheet=ps.KINERJA.sheet,
                    table=ps.KINERJA.name,
                    column="Target",
                    kode="target-tahun-laporan",
                    saran=f"Tambahkan baris Kode IKU {ind.kode}, Tahun {tahun} dengan targetnya.",
                )
            )


def _opd(rows: list[Record], findings: list[Finding]) -> list[OPDEntry]:
    duplicates(rows, ("Kode OPD",), findings)
    return [
        OPDEntry(
            kode=r["Kode OPD"],
            nama=r["Nama OPD"],
            berkas=str(r["Berkas"]).strip(),
            kelompok=r["Kelompok"] or "",
            keterangan=r["Keterangan"] or "",
            refs={c: ref(r, c) for c in ps.OPD.column_names},
        )
        for r in rows
    ]


def _narasi(
    rows: list[Record], data: PemdaData, findings: list[Finding]
) -> dict[str, list[m.Narasi]]:
    """Narrative by section; a Bagian the report has no place for is a warning (its text would
    silently be left out)."""
    known = {k for k, _ in ps.NARASI_SECTIONS}
    codes = {
        **{p: {s.kode for s in data.laporan.sasaran} for p in ps.NARASI_PER_SASARAN},
        **{p: {i.kode for i in data.laporan.indikator} for p in ps.NARASI_PER_IKU},
    }
    out: dict[str, list[tuple[int, m.Narasi]]] = {}
    for r in rows:
        bagian = str(r["Bagian"]).strip()
        prefix, sep, code = bagian.partition(":")
        if bagian not in known and not (sep and code.strip() in codes.get(prefix.strip(), ())):
            warn(
                findings,
                r,
                "Bagian",
                f"Bagian '{bagian}' tidak dikenal; teksnya tidak dimuat di laporan.",
                kode="narasi-bagian-tidak-dikenal",
                saran="Pakai kunci dari daftar pada templat, atau 'sasaran:<Kode Sasaran "
                "RPJMD>', 'penyebab:<kode>', 'program:<kode>', 'iku:<Kode IKU>' dengan kode "
                "yang ada.",
            )
            continue
        key = f"{prefix.strip()}:{code.strip()}" if sep else bagian
        out.setdefault(key, []).append((r["Urutan"], m.Narasi(r["Gaya"], r["Teks"])))
    return {k: [n for _, n in sorted(v, key=lambda t: t[0])] for k, v in out.items()}
