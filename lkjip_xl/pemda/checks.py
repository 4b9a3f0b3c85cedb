"""Cross-OPD checks: each names the file and the cell (kode in brackets).

Per OPD workbook listed in tblOPD (the finding sits on its "Berkas" cell of the Pemda workbook
unless it is inside the OPD workbook):
- ``opd-tidak-terbaca`` (kesalahan): missing, unreadable, password-protected, .xls, ... (the OPD
  reader's own message follows); the OPD is left out.
- ``opd-bukan-opd`` (kesalahan): the file is a Pemda workbook.
- ``opd-tahun-beda`` / ``opd-periode-beda`` (kesalahan): the OPD workbook reports another year,
  or its Renstra period does not contain the report year; the OPD is left out.
- ``opd-renstra-rpjmd`` (peringatan): Renstra period differs from the RPJMD period.
- ``opd-ganda`` (kesalahan, stops the report): the same file, or the same instansi from two
  files, listed twice; totals would count it twice.
- ``opd-nama-beda`` (peringatan): tblOPD "Nama OPD" matches neither the workbook's Nama Instansi
  nor its Singkatan (a wrong file?).
- ``opd-pemda-beda`` (peringatan): the OPD workbook's Identitas "Pemerintah Daerah" names another
  pemerintah daerah than this Pemda (another city's workbook?); "Pemerintah Kota X" and "Kota X"
  are the same.
- ``opd-berkas-huruf`` (peringatan): found only with different letter case.
- ``opd-berisi-kesalahan`` (peringatan): the OPD's own kesalahan touch its indicators or budget,
  so it is left out of the rekap; its findings follow, each with its own cell.
Cascading (sasaran):
- ``kaskade-sasaran-kosong`` (peringatan): an OPD sasaran linked to no sasaran RPJMD.
- ``kaskade-kode-tidak-dikenal`` (peringatan): an OPD sasaran naming an unknown sasaran RPJMD.
- ``kaskade-sasaran-opd-tidak-ada`` (peringatan): tblKaskadeSasaran names an OPD sasaran the OPD
  workbook lacks.
- ``kaskade-tautan-beda`` (peringatan): the OPD and tblKaskadeSasaran link the same OPD sasaran
  differently (the Pemda's link is used).
- ``sasaran-tanpa-opd`` (peringatan): a sasaran RPJMD no OPD sasaran supports.
The IKU cascade checks (source indicator missing, ...) are in pemda.consolidate.
"""

from __future__ import annotations

from lkjip_xl.core.findings import Finding, Severity, kesalahan, peringatan
from lkjip_xl.pemda import schema as ps
from lkjip_xl.pemda.model import ALL, OPDResult, PemdaData, TautanSasaran, Temuan
from lkjip_xl.pemda.opd import split


def at(ref: str, table: str = "", column: str = "") -> dict[str, str | None]:
    sheet, cell = split(ref)
    return {
        "sheet": sheet or None,
        "cell": cell or None,
        "table": table or None,
        "column": column or None,
    }


def _norm(text: str) -> str:
    return " ".join(str(text or "").split()).casefold()


def same_pemda(a: str, b: str) -> bool:
    """Two names of one pemerintah daerah, whatever the case, spacing or the leading word
    "Pemerintah" ("Pemerintah Kota Contoh" = "kota  contoh")."""

    def core(text: str) -> str:
        t = _norm(text)
        return t.removeprefix("pemerintah ").strip()

    return core(a) == core(b)


def _same_opd(listed: str, nama: str, singkatan: str) -> bool:
    """The tblOPD name names this workbook's instansi: equal to, or a part of, its Nama
    Instansi or Singkatan ("Dinas Pendidikan" for "Dinas Pendidikan Kota Contoh")."""
    a = _norm(listed)
    return any(a and b and (a in b or b in a) for b in (_norm(nama), _norm(singkatan)))


class Collector:
    """Temuan of one run, with the Pemda file's name for findings in the Pemda workbook."""

    def __init__(self, pemda: PemdaData) -> None:
        self.pemda = pemda
        self.temuan: list[Temuan] = []

    def pemda_finding(self, finding: Finding, *, menghambat: bool | None = None) -> None:
        block = finding.severity is Severity.KESALAHAN if menghambat is None else menghambat
        self.temuan.append(Temuan(finding, self.pemda.berkas, menghambat=block))

    def opd_finding(self, result: OPDResult, finding: Finding, menghambat: bool = False) -> None:
        self.temuan.append(Temuan(finding, result.entry.berkas, result.entry.kode, menghambat))

    def berkas_cell(self, result: OPDResult) -> dict[str, str | None]:
        return at(result.entry.refs.get("Berkas", ""), ps.OPD.name, "Berkas")


def check_opd(c: Collector, results: list[OPDResult]) -> None:
    """Sets `excluded` on each OPD result and collects the per-OPD findings."""
    ident = c.pemda.identitas
    seen_path: dict[str, OPDResult] = {}
    seen_name: dict[str, OPDResult] = {}
    for r in results:
        e = r.entry
        label = f"Buku kerja OPD '{e.nama}' ({e.berkas})"
        if r.bukan_opd:
            r.exclude("bukan-opd", "berkas adalah buku kerja Pemda, bukan buku kerja OPD")
            c.pemda_finding(
                kesalahan(
                    f"{label} adalah buku kerja Pemda, bukan buku kerja OPD.",
                    **c.berkas_cell(r),
                    kode="opd-bukan-opd",
                    saran="Isi kolom Berkas dengan buku kerja LKjIP perangkat daerah tersebut.",
                ),
                menghambat=False,
            )
            continue
        if r.laporan is None:
            first = r.errors[0].message if r.errors else "tidak dapat dibaca"
            r.exclude("tidak-terbaca", f"buku kerja tidak dapat dibaca: {first}")
            c.pemda_finding(
                kesalahan(
                    f"{label} tidak dapat dipakai: {first}",
                    **c.berkas_cell(r),
                    kode="opd-tidak-terbaca",
                    saran=r.errors[0].saran if r.errors else "Periksa berkas tersebut.",
                ),
                menghambat=False,
            )
            for f in r.findings:
                if f.sheet:  # layout problems name their sheet; a file problem is said above
                    c.opd_finding(r, f)
            continue
        oi = r.laporan.identitas
        key = str(e.path.resolve()) if e.path else e.berkas
        if key in seen_path:
            _twice(c, r, seen_path[key], label)
            continue
        seen_path[key] = r
        if r.huruf_beda and e.path is not None:
            c.pemda_finding(
                peringatan(
                    f"{label} ditemukan sebagai '{e.path.name}' (huruf besar/kecil berbeda).",
                    **c.berkas_cell(r),
                    kode="opd-berkas-huruf",
                    saran="Samakan penulisan nama berkas agar juga terbaca di komputer lain.",
                )
            )
        refs = r.numbers.identitas_refs
        if oi.tahun != ident.tahun:
            r.exclude("tahun", f"buku kerja melaporkan tahun {oi.tahun}, bukan {ident.tahun}")
            c.opd_finding(
                r,
                kesalahan(
                    f"{label} melaporkan tahun {oi.tahun}, sedangkan LKjIP Pemda tahun "
                    f"{ident.tahun}.",
                    **at(refs.get("Tahun Laporan", ""), "tblIdentitas", "Nilai"),
                    kode="opd-tahun-beda",
                    saran="Minta buku kerja OPD tahun yang benar, lalu perbarui kolom Berkas.",
                ),
            )
            continue
        if not oi.renstra_awal <= ident.tahun <= oi.renstra_akhir:
            r.exclude(
                "periode",
                (
                    f"periode Renstra {oi.renstra_awal}-{oi.renstra_akhir} tidak mencakup "
                    f"tahun {ident.tahun}"
                ),
            )
            c.opd_finding(
                r,
                kesalahan(
                    f"{label}: periode Renstra {oi.renstra_awal}-{oi.renstra_akhir} tidak mencakup "
                    f"tahun laporan {ident.tahun}.",
                    **at(refs.get("Awal Periode Renstra", ""), "tblIdentitas", "Nilai"),
                    kode="opd-periode-beda",
                    saran="Periksa periode Renstra di tabel Identitas OPD.",
                ),
            )
            continue
        if _norm(oi.nama_instansi) in seen_name:
            _twice(c, r, seen_name[_norm(oi.nama_instansi)], label)
            continue
        seen_name[_norm(oi.nama_instansi)] = r
        if (oi.renstra_awal, oi.renstra_akhir) != (ident.rpjmd_awal, ident.rpjmd_akhir):
            c.opd_finding(
                r,
                peringatan(
                    f"{label}: periode Renstra {oi.renstra_awal}-{oi.renstra_akhir} berbeda dengan "
                    f"periode RPJMD {ident.rpjmd_awal}-{ident.rpjmd_akhir}.",
                    **at(refs.get("Awal Periode Renstra", ""), "tblIdentitas", "Nilai"),
                    kode="opd-renstra-rpjmd",
                    saran="Renstra perangkat daerah mengikuti periode RPJMD; periksa bila tidak "
                    "disengaja.",
                ),
            )
        if not _same_opd(e.nama, oi.nama_instansi, oi.singkatan):
            c.pemda_finding(
                peringatan(
                    f"Nama OPD '{e.nama}' berbeda dengan nama di buku kerjanya "
                    f"('{oi.nama_instansi}'"
                    f"{', ' + oi.singkatan if oi.singkatan else ''}): benarkah berkasnya?",
                    **at(e.refs.get("Nama OPD", ""), ps.OPD.name, "Nama OPD"),
                    kode="opd-nama-beda",
                    saran="Samakan nama, atau perbaiki kolom Berkas bila berkasnya keliru.",
                )
            )
        if oi.pemerintah_daerah.strip() and not same_pemda(oi.pemerintah_daerah, ident.nama):
            c.opd_finding(
                r,
                peringatan(
                    f"{label}: Pemerintah Daerah '{oi.pemerintah_daerah}' berbeda dengan "
                    f"'{ident.nama}': buku kerja pemerintah daerah lain?",
                    **at(refs.get("Pemerintah Daerah", ""), "tblIdentitas", "Nilai"),
                    kode="opd-pemda-beda",
                    saran="Pastikan berkas adalah LKjIP perangkat daerah pemerintah daerah ini, "
                    "atau perbaiki isian Pemerintah Daerah pada tabel Identitas OPD.",
                ),
            )
        _own_findings(c, r)


def _twice(c: Collector, r: OPDResult, other: OPDResult, label: str) -> None:
    """The same file, or the same instansi of the same year, listed again: totals would count
    it twice and the list itself is in doubt, so the Pemda report waits for a fix."""
    r.exclude("ganda", f"OPD ini sudah tercantum sebagai {other.entry.kode}")
    c.pemda_finding(
        kesalahan(
            f"{label} tercantum dua kali: sama dengan OPD {other.entry.kode} "
            f"({other.entry.refs.get('Berkas', '')}).",
            **c.berkas_cell(r),
            kode="opd-ganda",
            saran="Hapus salah satu baris tabel tblOPD atau perbaiki lokasi berkasnya.",
        ),
        menghambat=True,
    )


def _own_findings(c: Collector, r: OPDResult) -> None:
    """Relay the OPD's own findings; leave it out of the rekap when its errors touch numbers."""
    touches = {a for a in r.affected if a != "belanja"}
    if "belanja" in r.affected and r.numbers.anggaran_dari == "tblBelanja":
        touches.add("anggaran")
    if touches:
        what = "seluruh data" if ALL in touches else _describe(touches)
        r.exclude("kesalahan", f"buku kerja OPD memuat {len(r.errors)} kesalahan pada {what}")
        c.pemda_finding(
            peringatan(
                f"OPD '{r.entry.nama}' ({r.entry.berkas}) memuat {len(r.errors)} kesalahan pada "
                f"{what}; OPD ini tidak dimasukkan ke rekap.",
                **c.berkas_cell(r),
                kode="opd-berisi-kesalahan",
                saran="Minta OPD memperbaiki temuan di bawah ini (jalankan 'lkjip-xl periksa' pada "
                "buku kerjanya), lalu ulangi.",
            )
        )
    for f in r.findings:
        c.opd_finding(r, f)


def _describe(touches: set[str]) -> str:
    parts = []
    ind = sorted(t.split(":", 1)[1] for t in touches if t.startswith("ind:"))
    sas = sorted(t.split(":", 1)[1] for t in touches if t.startswith("sas:"))
    if ind:
        parts.append("indikator " + ", ".join(ind))
    if sas:
        parts.append("sasaran " + ", ".join(sas))
    if "anggaran" in touches:
        parts.append("anggaran")
    return " dan ".join(parts)


def collect_links(c: Collector, results: list[OPDResult]) -> list[TautanSasaran]:
    """Every OPD sasaran -> sasaran RPJMD link of the readable OPDs, with the gap checks."""
    kode_rpjmd = {s.kode for s in c.pemda.laporan.sasaran}
    by_opd = {r.entry.kode: r for r in results}
    pemda_links = {(t.kode_opd, t.kode_sasaran_opd): t for t in c.pemda.tautan}
    links: list[TautanSasaran] = []
    for t in pemda_links.values():
        r = by_opd.get(t.kode_opd)
        if r is None or r.laporan is None or r.sebab == "bukan-opd":
            continue
        if t.kode_sasaran_opd not in {s.kode for s in r.laporan.sasaran}:
            c.pemda_finding(
                peringatan(
                    f"Sasaran '{t.kode_sasaran_opd}' tidak ada di buku kerja OPD {t.kode_opd} "
                    f"({r.entry.berkas}).",
                    **at(t.ref, ps.KASKADE_SASARAN.name, "Kode Sasaran OPD"),
                    kode="kaskade-sasaran-opd-tidak-ada",
                    saran="Samakan dengan Kode Sasaran di tabel tblSasaran buku kerja OPD.",
                )
            )
    for r in results:
        if r.laporan is None or r.sebab in ("bukan-opd", "ganda"):
            continue
        for sas in r.laporan.sasaran:
            own = sas.kode_sasaran_rpjmd.strip()
            ref = sas.refs.get("Kode Sasaran RPJMD") or sas.refs.get("Kode Sasaran", "")
            where = at(ref, "tblSasaran", "Kode Sasaran RPJMD")
            pemda = pemda_links.get((r.entry.kode, sas.kode))
            if own and own not in kode_rpjmd:
                c.opd_finding(
                    r,
                    peringatan(
                        f"Sasaran OPD {sas.kode} menautkan sasaran RPJMD '{own}' yang tidak ada di "
                        "buku kerja Pemda.",
                        **where,
                        kode="kaskade-kode-tidak-dikenal",
                        saran="Pakai kode dari tabel tblSasaranRPJMD Pemda: "
                        + ", ".join(sorted(kode_rpjmd))
                        + ".",
                    ),
                )
                own = ""
            if pemda is not None:
                if own and own != pemda.kode_sasaran_rpjmd:
                    c.pemda_finding(
                        peringatan(
                            f"Sasaran {sas.kode} OPD {r.entry.kode} tertaut ke '{own}' di "
                            f"buku kerja OPD tetapi ke '{pemda.kode_sasaran_rpjmd}' di buku "
                            "kerja Pemda; yang dipakai tautan Pemda.",
                            **at(pemda.ref, ps.KASKADE_SASARAN.name, "Kode Sasaran RPJMD"),
                            kode="kaskade-tautan-beda",
                            saran="Samakan kedua tautan.",
                        )
                    )
                links.append(pemda)
            elif own:
                links.append(TautanSasaran(r.entry.kode, sas.kode, own, "opd", ref))
            else:
                c.opd_finding(
                    r,
                    peringatan(
                        f"Sasaran OPD {sas.kode} ('{sas.uraian}') belum ditautkan ke sasaran RPJMD "
                        "(celah kaskade).",
                        **where,
                        kode="kaskade-sasaran-kosong",
                        saran="Isi kolom 'Kode Sasaran RPJMD' di buku kerja OPD, atau tambahkan "
                        "barisnya di tabel tblKaskadeSasaran buku kerja Pemda.",
                    ),
                )
    supported = {t.kode_sasaran_rpjmd for t in links}
    for sas in c.pemda.laporan.sasaran:
        if sas.kode not in supported:
            c.pemda_finding(
                peringatan(
                    f"Sasaran RPJMD {sas.kode} ('{sas.uraian}') tidak didukung sasaran OPD "
                    "mana pun.",
                    **at(
                        sas.refs.get("Kode Sasaran RPJMD", ""),
                        ps.SASARAN.name,
                        "Kode Sasaran RPJMD",
                    ),
                    kode="sasaran-tanpa-opd",
                    saran="Tautkan sasaran OPD pendukungnya (kolom 'Kode Sasaran RPJMD' buku kerja "
                    "OPD atau tabel tblKaskadeSasaran).",
                )
            )
    return links
