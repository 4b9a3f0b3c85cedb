"""Consolidation: OPD results + the Pemda workbook -> IKU Pemda, rekap per OPD, Jejak Data.

Order: per-OPD checks (who is used) -> sasaran links -> cascade (IKU realisasi from OPD
indicators) -> sasaran budgets from the linked OPD sasaran -> `core.evaluation.evaluate` on the
Pemda model (capaian, predikat, kategori by the same rules as every OPD) -> rekap and totals
(pemda.rekap) -> Jejak Data for every number printed. Pure: no Excel or Word.
"""

from __future__ import annotations

import difflib

from lkjip_xl.core import rules
from lkjip_xl.core.evaluation import evaluate
from lkjip_xl.core.findings import kesalahan, peringatan
from lkjip_xl.core.model import Indikator, KinerjaTahun
from lkjip_xl.core.values import NA, InvalidValue, is_not_available, parse_number
from lkjip_xl.pemda import format as fmt
from lkjip_xl.pemda import rekap
from lkjip_xl.pemda import schema as ps
from lkjip_xl.pemda.cascade import CARA, Sumber, gabung
from lkjip_xl.pemda.checks import Collector, at, check_opd, collect_links
from lkjip_xl.pemda.jejak import JejakBuilder, find_indikator, realisasi_cells
from lkjip_xl.pemda.jejak_iku import Cascaded, jejak_iku
from lkjip_xl.pemda.model import ALL, KaskadeIKU, Konsolidasi, OPDResult, PemdaData, Sel

Source = tuple[KaskadeIKU, OPDResult, Indikator]


def consolidate(
    pemda: PemdaData, results: list[OPDResult], pemda_findings: list | None = None
) -> Konsolidasi:
    """The consolidated Pemda LKjIP data; `temuan` says what stops the report (menghambat)."""
    kons = Konsolidasi(pemda, results)
    c = Collector(pemda)
    for finding in pemda_findings or []:
        c.pemda_finding(finding)
    check_opd(c, results)
    links = collect_links(c, results)
    jb = JejakBuilder(kons)
    cascaded = _cascade(kons, c)
    rekap.sasaran_budgets(kons, links)
    for finding in evaluate(pemda.laporan):
        c.pemda_finding(finding)
    _no_realisasi(kons, c)
    jejak_iku(kons, jb, cascaded)
    rekap.sasaran_jejak(kons, jb, links)
    rekap.pendukung(kons, links, jb)
    rekap.rekap_opd(kons, jb, c)
    rekap.totals(kons, jb)
    kons.temuan = c.temuan
    return kons


# -- cascade --------------------------------------------------------------------------------


def _source_problem(c: Collector, row: KaskadeIKU, r: OPDResult) -> Indikator | None:
    """The OPD indicator a cascade row names, or None after a finding that stops the report."""
    iku_cell = at(row.refs.get("Kode OPD", ""), ps.KASKADE_IKU.name, "Kode OPD")
    if not r.usable_as_source:
        c.pemda_finding(
            kesalahan(
                f"IKU {row.kode_iku} mengambil realisasi dari OPD {r.entry.kode} "
                f"({r.entry.berkas}), tetapi buku kerjanya tidak dapat dipakai: {r.excluded}.",
                **iku_cell,
                kode="kaskade-opd-tidak-terpakai",
                saran="Perbaiki berkas OPD tersebut (lihat temuannya), atau ketik realisasi IKU "
                "beserta sumbernya di tabel tblKinerjaIKU.",
            )
        )
        return None
    src = find_indikator(r, row.kode_indikator)
    ind_cell = at(row.refs.get("Kode Indikator OPD", ""), ps.KASKADE_IKU.name, "Kode Indikator OPD")
    if src is None:
        known = [i.kode for i in r.laporan.indikator]
        hint = difflib.get_close_matches(row.kode_indikator, known, n=1)
        c.pemda_finding(
            kesalahan(
                f"Indikator '{row.kode_indikator}' sumber IKU {row.kode_iku} tidak ada di buku "
                f"kerja OPD {r.entry.kode} ({r.entry.berkas}, tabel tblIndikator)"
                + (f"; mungkin '{hint[0]}'?" if hint else ".")
                + (f" Kode yang ada: {', '.join(known)}." if known and not hint else ""),
                **ind_cell,
                kode="kaskade-indikator-tidak-ada",
                saran="Samakan dengan Kode Indikator di buku kerja OPD.",
            )
        )
        return None
    if {ALL, f"ind:{src.kode}", f"sas:{src.kode_sasaran}"} & r.affected:
        c.pemda_finding(
            kesalahan(
                f"Indikator {src.kode} OPD {r.entry.kode} ({r.entry.berkas}), sumber IKU "
                f"{row.kode_iku}, memuat kesalahan; realisasi IKU tidak dapat dihitung.",
                **ind_cell,
                kode="kaskade-sumber-salah",
                saran="Minta OPD memperbaiki temuan pada indikator tersebut, lalu ulangi.",
            )
        )
        return None
    return src


def _cascade(kons: Konsolidasi, c: Collector) -> Cascaded:
    """Realisasi of every cascaded IKU-year; returns the cells and rule of each for Jejak."""
    out: Cascaded = {}
    by_opd = {r.entry.kode: r for r in kons.opd}
    rows: dict[str, list[KaskadeIKU]] = {}
    for row in kons.pemda.kaskade:
        rows.setdefault(row.kode_iku, []).append(row)
    for ind in kons.laporan.indikator:
        group = rows.get(ind.kode)
        if not group:
            continue
        sources = []
        for row in group:
            r = by_opd[row.kode_opd]
            src = _source_problem(c, row, r)
            if src is None:
                continue
            _compatible(c, ind, row, r, src)
            sources.append((row, r, src))
        if len(sources) < len(group):
            for kin in ind.kinerja.values():  # the report is stopped; periksa shows N/A
                kin.realisasi = NA
            continue
        for kin in ind.kinerja.values():
            entry = _cascade_year(c, ind, kin, sources)
            if entry is not None:
                out[(ind.kode, kin.tahun)] = entry
    return out


def _compatible(
    c: Collector, ind: Indikator, row: KaskadeIKU, r: OPDResult, src: Indikator
) -> None:
    where = at(row.refs.get("Kode Indikator OPD", ""), ps.KASKADE_IKU.name, "Kode Indikator OPD")
    if " ".join(src.satuan.split()).casefold() != " ".join(ind.satuan.split()).casefold():
        c.pemda_finding(
            peringatan(
                f"Satuan indikator {src.kode} OPD {r.entry.kode} ('{src.satuan}') berbeda dengan "
                f"satuan IKU {ind.kode} ('{ind.satuan}').",
                **where,
                kode="kaskade-satuan-beda",
                saran="Pastikan indikator OPD mengukur hal yang sama dengan IKU Pemda.",
            )
        )
    if rules.normalise_polaritas(src.polaritas) != ind.polaritas:
        c.pemda_finding(
            peringatan(
                f"Polaritas indikator {src.kode} OPD {r.entry.kode} ({src.polaritas}) berbeda "
                f"dengan polaritas IKU {ind.kode} ({ind.polaritas}).",
                **where,
                kode="kaskade-polaritas-beda",
                saran="Samakan polaritasnya, atau pilih indikator sumber yang sesuai.",
            )
        )


def _cascade_year(
    c: Collector, ind: Indikator, kin: KinerjaTahun, sources: list[Source]
) -> tuple[list[Sel], str, list[Source]] | None:
    if all(src.pada(kin.tahun) is None for _, _, src in sources):
        return None  # no OPD reports this year: the typed realisasi (earlier LKjIP) stays
    metode = sources[0][0].metode
    parts = []
    for row, r, src in sources:
        k = src.pada(kin.tahun)
        parts.append(Sumber(f"{r.entry.kode} {src.kode}", k.realisasi if k else None, row.bobot))
    try:
        hasil = gabung(metode, parts)
    except InvalidValue as exc:
        c.pemda_finding(
            kesalahan(
                f"Realisasi IKU {ind.kode} tahun {kin.tahun} tidak dapat dihitung: {exc.message}.",
                **at(sources[0][0].refs.get("Metode", ""), ps.KASKADE_IKU.name, "Metode"),
                kode="kaskade-tidak-terhitung",
                saran="Pilih metode 'sama' untuk realisasi berupa label, atau indikator sumber "
                "yang berupa angka.",
            )
        )
        kin.realisasi = NA
        return None
    typed = kin.realisasi
    if typed is not None and not _same(typed, hasil.nilai):
        c.pemda_finding(
            peringatan(
                f"Realisasi IKU {ind.kode} tahun {kin.tahun} diketik {fmt.nilai(typed, ind.satuan)}"
                f", tetapi hasil kaskade dari OPD {fmt.nilai(hasil.nilai, ind.satuan)}; yang "
                "dipakai hasil kaskade.",
                **at(kin.refs.get("Realisasi", ""), ps.KINERJA.name, "Realisasi"),
                kode="realisasi-diketik-dan-kaskade",
                saran="Kosongkan sel Realisasi IKU yang diambil dari OPD.",
            )
        )
    kin.realisasi = hasil.nilai
    if hasil.alasan and not kin.keterangan:
        kin.keterangan = hasil.alasan
    cells = []
    for _row, r, src in sources:
        k = src.pada(kin.tahun)
        if k is not None:
            cells += realisasi_cells(r, src, k)
    rule = CARA[metode] + (
        " (bobot " + ", ".join(fmt.mentah(row.bobot) for row, _, _ in sources) + ")"
        if metode == "tertimbang"
        else ""
    )
    return cells, rule, sources


def _same(a: object, b: object) -> bool:
    if isinstance(a, str) or isinstance(b, str):
        return str(a).strip().casefold() == str(b).strip().casefold()
    try:
        x, y = parse_number(a), parse_number(b)
    except InvalidValue:
        return False
    return x is not None and y is not None and rules.round_half_up(x) == rules.round_half_up(y)


def _no_realisasi(kons: Konsolidasi, c: Collector) -> None:
    tahun = kons.pemda.identitas.tahun
    for ind in kons.laporan.indikator:
        kin = ind.pada(tahun)
        if kin is not None and is_not_available(kin.realisasi) and kin.capaian == NA:
            c.pemda_finding(
                peringatan(
                    f"IKU {ind.kode} belum mempunyai realisasi tahun {tahun}"
                    + (f" ({kin.keterangan})" if kin.keterangan else "")
                    + "; capaiannya N/A.",
                    **at(kin.refs.get("Realisasi", ""), ps.KINERJA.name, "Realisasi"),
                    kode="realisasi-kosong",
                    saran="Ketik realisasinya beserta sumber, atau tautkan indikator OPD di "
                    "sheet Kaskade.",
                )
            )
