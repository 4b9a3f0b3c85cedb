"""Budgets per sasaran RPJMD, the OPD sasaran supporting each, the rekap per OPD and the
Pemda totals, each number with its Jejak Data entry (pure; called by pemda.consolidate).

Rules (all from lkjip_xl.core.rules, as an OPD workbook computes them):
- capaian of an OPD: the mean of its indicators' report-year capaian, N/A left out
  (core.evaluation computes a sasaran's capaian the same way); predikat on the Pemda's scale;
- realisasi anggaran: total realisasi / total anggaran of the OPD's sasaran budgets (else its
  jenis belanja lines), as the OPD's own Ringkasan; efisiensi = capaian - realisasi anggaran;
- a sasaran RPJMD's budget: the sum over the OPD sasaran linked to it (used OPDs only);
- Pemda totals: the sum over the OPDs used (an OPD left out is named in the report).
"""

from __future__ import annotations

from decimal import Decimal

from lkjip_xl.core import rules
from lkjip_xl.core.findings import peringatan
from lkjip_xl.core.model import Indikator, Sasaran
from lkjip_xl.core.values import NA, InvalidValue
from lkjip_xl.pemda import format as fmt
from lkjip_xl.pemda.checks import Collector
from lkjip_xl.pemda.jejak import JejakBuilder, kinerja_cells, opd_sel
from lkjip_xl.pemda.model import Konsolidasi, OPDResult, Pendukung, RekapOPD, Sel, TautanSasaran


def _linked(kons: Konsolidasi, links: list[TautanSasaran], kode: str):  # type: ignore[no-untyped-def]
    """(OPD result, OPD sasaran) pairs linked to the sasaran RPJMD `kode`, used OPDs only."""
    by_opd = {r.entry.kode: r for r in kons.opd}
    for t in links:
        r = by_opd.get(t.kode_opd)
        if t.kode_sasaran_rpjmd != kode or r is None or not r.used:
            continue
        assert r.laporan is not None
        for sas in r.laporan.sasaran:
            if sas.kode == t.kode_sasaran_opd:
                yield r, sas


def _sum(values: list[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return sum(present) if present else None


def _budget_cells(r: OPDResult, sas: Sasaran) -> tuple[list[Sel], list[Sel]]:
    a = (
        [
            opd_sel(
                r,
                sas.refs.get("Anggaran Anggaran", ""),
                "tblAnggaranSasaran",
                "Anggaran",
                sas.anggaran,
            )
        ]
        if sas.anggaran is not None
        else []
    )
    b = (
        [
            opd_sel(
                r,
                sas.refs.get("Anggaran Realisasi", ""),
                "tblAnggaranSasaran",
                "Realisasi",
                sas.realisasi_anggaran,
            )
        ]
        if sas.realisasi_anggaran is not None
        else []
    )
    return a, b


def sasaran_budgets(kons: Konsolidasi, links: list[TautanSasaran]) -> None:
    for sas in kons.laporan.sasaran:
        pairs = list(_linked(kons, links, sas.kode))
        sas.anggaran = _sum([s.anggaran for _, s in pairs])
        sas.realisasi_anggaran = _sum([s.realisasi_anggaran for _, s in pairs])


def sasaran_jejak(kons: Konsolidasi, jb: JejakBuilder, links: list[TautanSasaran]) -> None:
    tahun, gaya = kons.pemda.identitas.tahun, kons.pemda.identitas.gaya_rupiah
    for sas in kons.laporan.sasaran:
        subject, where = f"sas:{sas.kode}", f"Sasaran {sas.kode} {sas.uraian}"
        dari = [jb.code(f"iku:{i.kode}", "capaian", tahun) for i in sas.indikator]
        cap = None
        if sas.capaian != NA:
            cap = jb.add(
                (subject, "capaian", 0),
                f"{where}: capaian {tahun}",
                fmt.persen(sas.capaian),
                "rata-rata capaian IKU sasaran ini yang terukur (IKU N/A tidak dihitung)",
                dari=dari,
                value=sas.capaian,
            )
        if sas.anggaran is None:
            continue
        cells_a, cells_r = [], []
        for r, s in _linked(kons, links, sas.kode):
            a, b = _budget_cells(r, s)
            cells_a += a
            cells_r += b
        a = jb.add(
            (subject, "anggaran", 0),
            f"{where}: anggaran",
            fmt.rupiah(sas.anggaran, gaya),
            "jumlah anggaran sasaran OPD yang mendukung",
            sel=cells_a,
            value=sas.anggaran,
        )
        r_ = jb.add(
            (subject, "realisasi_anggaran", 0),
            f"{where}: realisasi anggaran",
            fmt.rupiah(sas.realisasi_anggaran, gaya),
            "jumlah realisasi anggaran sasaran OPD yang mendukung",
            sel=cells_r,
            value=sas.realisasi_anggaran,
        )
        p = jb.add(
            (subject, "persen_anggaran", 0),
            f"{where}: realisasi anggaran (%)",
            fmt.persen(sas.persen_anggaran),
            "realisasi ÷ anggaran × 100%",
            dari=[a, r_],
            value=sas.persen_anggaran,
        )
        if sas.efisiensi != NA:
            jb.add(
                (subject, "efisiensi", 0),
                f"{where}: efisiensi (poin persen)",
                fmt.poin(sas.efisiensi),
                "capaian kinerja − realisasi anggaran",
                dari=[cap, p],
                value=sas.efisiensi,
            )


def pendukung(kons: Konsolidasi, links: list[TautanSasaran], jb: JejakBuilder) -> None:
    tahun, gaya = kons.pemda.identitas.tahun, kons.pemda.identitas.gaya_rupiah
    for sas in kons.laporan.sasaran:
        rows = kons.pendukung.setdefault(sas.kode, [])
        for r, s in _linked(kons, links, sas.kode):
            subject = f"dukung:{r.entry.kode}:{s.kode}"
            where = f"{r.entry.nama}, sasaran {s.kode} {s.uraian}"
            item = Pendukung(r.entry, s.kode, s.uraian, s.capaian, s.anggaran, s.realisasi_anggaran)
            item.indikator = [
                (i.uraian, i.pada(tahun).capaian if i.pada(tahun) else NA) for i in s.indikator
            ]
            cells = [c for i in s.indikator for c in kinerja_cells(r, i, i.pada(tahun))]
            if s.capaian != NA:
                item.jejak["capaian"] = jb.add(
                    (subject, "capaian", 0),
                    f"{where}: capaian {tahun}",
                    fmt.persen(s.capaian),
                    "rata-rata capaian indikator sasaran OPD yang terukur, tiap capaian dihitung "
                    "ulang dari target dan realisasi OPD menurut polaritasnya: "
                    + indikator_capaian(s.indikator, tahun),
                    sel=cells,
                    value=s.capaian,
                )
            a, b = _budget_cells(r, s)
            if a:
                item.jejak["anggaran"] = jb.add(
                    (subject, "anggaran", 0),
                    f"{where}: anggaran",
                    fmt.rupiah(s.anggaran, gaya),
                    "diketik di buku kerja OPD",
                    sel=a,
                    value=s.anggaran,
                )
            if b:
                item.jejak["realisasi"] = jb.add(
                    (subject, "realisasi_anggaran", 0),
                    f"{where}: realisasi anggaran",
                    fmt.rupiah(s.realisasi_anggaran, gaya),
                    "diketik di buku kerja OPD",
                    sel=b,
                    value=s.realisasi_anggaran,
                )
            rows.append(item)


def rekap_opd(kons: Konsolidasi, jb: JejakBuilder, c: Collector) -> None:
    ident = kons.pemda.identitas
    for r in kons.opd:
        row = RekapOPD(r.entry, excluded=r.excluded if not r.used else "")
        kons.rekap.append(row)
        if not r.used:
            continue
        assert r.laporan is not None
        row.nama_instansi = r.laporan.identitas.nama_instansi
        inds = r.laporan.indikator
        caps = [i.pada(ident.tahun).capaian if i.pada(ident.tahun) else NA for i in inds]
        row.jumlah_indikator, row.terukur = len(caps), sum(1 for x in caps if x != NA)
        try:
            # The OPD's own figure (mean of its sasaran), as its workbook and report print it.
            row.capaian = r.laporan.ringkasan.capaian
            row.anggaran, row.realisasi = r.numbers.anggaran, r.numbers.realisasi
            row.persen_anggaran = rules.realisasi_anggaran(row.anggaran, row.realisasi)
            row.efisiensi = rules.efisiensi(row.capaian, row.persen_anggaran)
        except InvalidValue as exc:
            row.capaian = row.persen_anggaran = row.efisiensi = NA
            c.pemda_finding(
                peringatan(
                    f"Rekap OPD {r.entry.kode} tidak dapat dihitung: {exc}",
                    kode="rekap-tidak-terhitung",
                    saran="Periksa angka di buku kerja OPD.",
                )
            )
        row.predikat = rules.predikat(row.capaian, ident.skala_predikat)
        _rekap_jejak(kons, jb, r, row)
    _rank(kons.rekap)


def _rekap_jejak(kons: Konsolidasi, jb: JejakBuilder, r: OPDResult, row: RekapOPD) -> None:
    assert r.laporan is not None
    ident, subject = kons.pemda.identitas, f"opd:{r.entry.kode}"
    where = r.entry.nama
    cells = [c for i in r.laporan.indikator for c in kinerja_cells(r, i, i.pada(ident.tahun))]
    if row.capaian != NA:
        na = row.jumlah_indikator - row.terukur
        row.jejak["capaian"] = jb.add(
            (subject, "capaian", 0),
            f"{where}: capaian {ident.tahun}",
            fmt.persen(row.capaian),
            f"rata-rata capaian {len(r.laporan.sasaran)} sasaran OPD, seperti di buku kerja dan "
            "LKjIP OPD itu ("
            + ", ".join(f"{s.kode} {fmt.persen(s.capaian)}" for s in r.laporan.sasaran)
            + f"); capaian sasaran = rata-rata {row.terukur} indikator terukur"
            + (f" ({na} indikator N/A tidak dihitung)" if na else "")
            + ", tiap capaian dihitung ulang dari target dan realisasi OPD menurut "
            "polaritasnya: " + indikator_capaian(r.laporan.indikator, ident.tahun),
            sel=cells,
            value=row.capaian,
        )
    if row.anggaran is None:
        return
    source = r.numbers.anggaran_dari
    row.jejak["anggaran"] = jb.add(
        (subject, "anggaran", 0),
        f"{where}: anggaran",
        fmt.rupiah(row.anggaran, ident.gaya_rupiah),
        f"jumlah kolom Anggaran tabel {source}",
        sel=r.numbers.anggaran_sel,
        value=row.anggaran,
    )
    row.jejak["realisasi"] = jb.add(
        (subject, "realisasi_anggaran", 0),
        f"{where}: realisasi anggaran",
        fmt.rupiah(row.realisasi, ident.gaya_rupiah),
        f"jumlah kolom Realisasi tabel {source}",
        sel=r.numbers.realisasi_sel,
        value=row.realisasi,
    )
    row.jejak["persen"] = jb.add(
        (subject, "persen_anggaran", 0),
        f"{where}: realisasi anggaran (%)",
        fmt.persen(row.persen_anggaran),
        "realisasi ÷ anggaran × 100%",
        dari=[row.jejak["anggaran"], row.jejak["realisasi"]],
        value=row.persen_anggaran,
    )
    if row.efisiensi != NA:
        row.jejak["efisiensi"] = jb.add(
            (subject, "efisiensi", 0),
            f"{where}: efisiensi (poin persen)",
            fmt.poin(row.efisiensi),
            "capaian kinerja − realisasi anggaran",
            dari=[row.jejak.get("capaian"), row.jejak["persen"]],
            value=row.efisiensi,
        )


def indikator_capaian(indikator: list[Indikator], tahun: int) -> str:
    """Each indicator of an average with its polarity and capaian, so a reader can redo the
    mean (a "turun" indicator recomputed as "naik" gives another number); an N/A one is
    named as left out: "I1 Angka putus sekolah (turun) 86,36%; I2 ... (naik) N/A, tidak
    dihitung"."""
    parts = []
    for ind in indikator:
        kin = ind.pada(tahun)
        cap = kin.capaian if kin else NA
        text = f"{ind.kode} {ind.uraian} ({ind.polaritas}) {fmt.persen(cap)}"
        parts.append(text + (", tidak dihitung" if cap == NA else ""))
    return "; ".join(parts)


def _rank(rows: list[RekapOPD]) -> None:
    """Competition ranking on the displayed capaian (equal percentages share a rank)."""
    scored = [(rules.round_percent(r.capaian), r) for r in rows if r.capaian != NA]  # type: ignore[arg-type]
    scored.sort(key=lambda t: -t[0])
    previous: Decimal | None = None
    rank = 0
    for i, (score, row) in enumerate(scored, 1):
        if score != previous:
            rank, previous = i, score
        row.peringkat = rank


def totals(kons: Konsolidasi, jb: JejakBuilder) -> None:
    used = [r for r in kons.rekap if not r.excluded and r.anggaran is not None]
    kons.total_anggaran = _sum([r.anggaran for r in used])
    kons.total_realisasi = _sum([r.realisasi for r in used])
    try:
        kons.persen_anggaran = rules.realisasi_anggaran(kons.total_anggaran, kons.total_realisasi)
    except InvalidValue:
        kons.persen_anggaran = NA
    if kons.total_anggaran is None:
        return
    gaya = kons.pemda.identitas.gaya_rupiah
    a = jb.add(
        ("pemda", "anggaran", 0),
        "Perangkat daerah pada rekap: jumlah anggaran",
        fmt.rupiah(kons.total_anggaran, gaya),
        f"jumlah anggaran {len(used)} OPD pada rekap",
        dari=[r.jejak.get("anggaran") for r in used],
        value=kons.total_anggaran,
    )
    b = jb.add(
        ("pemda", "realisasi_anggaran", 0),
        "Perangkat daerah pada rekap: jumlah realisasi anggaran",
        fmt.rupiah(kons.total_realisasi, gaya),
        f"jumlah realisasi anggaran {len(used)} OPD pada rekap",
        dari=[r.jejak.get("realisasi") for r in used],
        value=kons.total_realisasi,
    )
    jb.add(
        ("pemda", "persen_anggaran", 0),
        "Perangkat daerah pada rekap: realisasi anggaran (%)",
        fmt.persen(kons.persen_anggaran),
        "realisasi ÷ anggaran × 100%",
        dari=[a, b],
        value=kons.persen_anggaran,
    )
