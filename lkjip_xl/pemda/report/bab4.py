"""BAB IV PENUTUP of the Pemda report, in the order of the OPD report (report.sections.bab4):
"Simpulan" generated from the figures (in other words than the Ikhtisar Eksekutif), then
"Langkah Perbaikan" (tblNarasiPemda "perbaikan"), then the staff's closing words ("penutup")
right above the signature of the kepala daerah."""

from __future__ import annotations

from lkjip_xl.core import rules
from lkjip_xl.core.numbers import bilangan_dengan_kata
from lkjip_xl.core.values import NA
from lkjip_xl.pemda import format as fmt
from lkjip_xl.pemda.model import Konsolidasi
from lkjip_xl.pemda.report.common import sign
from lkjip_xl.report import styles
from lkjip_xl.report.sections.teks import daftar, has_text
from lkjip_xl.report.writer import Writer


def write(w: Writer, kons: Konsolidasi) -> None:
    w.captions.start_chapter(4)
    w.heading("BAB IV\nPENUTUP", 1, page_break=True)
    w.p("Simpulan", styles.SUBJUDUL)
    for text in simpulan(kons):
        w.p(text)
    if has_text(w, "perbaikan"):
        w.p("Langkah Perbaikan", styles.SUBJUDUL)
        w.p(
            "Langkah perbaikan yang akan dilakukan pada tahun berikutnya adalah sebagai berikut:"
        ).paragraph_format.keep_with_next = True
        w.narasi("perbaikan")
    # The staff's own closing words last, right above the signature, as in the OPD report.
    w.narasi("penutup")
    sign(w)


def _reached(capaian: object) -> bool:
    return capaian != NA and rules.tercapai(capaian)


def simpulan(kons: Konsolidasi) -> list[str]:
    """The conclusion in full sentences: the sasaran RPJMD reached and those not yet, the IKU
    count, progress toward the RPJMD end targets, the range of the OPDs' capaian and the
    budget absorbed."""
    return [_sasaran(kons), _iku(kons), *_akhir(kons), *_opd(kons)]


def _sasaran(kons: Konsolidasi) -> str:
    ident, sasaran = kons.pemda.identitas, kons.laporan.sasaran
    measured = [s for s in sasaran if s.capaian != NA]
    missed = [s for s in measured if not _reached(s.capaian)]
    reached = len(measured) - len(missed)
    text = (
        f"Berdasarkan pengukuran kinerja tahun {ident.tahun}, {bilangan_dengan_kata(reached)} "
        f"dari {bilangan_dengan_kata(len(sasaran))} sasaran RPJMD {ident.nama} telah mencapai "
        "target."
    )
    if missed:
        names = daftar(
            [f"sasaran “{s.uraian}” dengan capaian {fmt.persen(s.capaian)}" for s in missed]
        )
        verb = (
            "Sasaran yang belum mencapai target adalah"
            if len(missed) == 1
            else ("Sasaran-sasaran yang belum mencapai target adalah")
        )
        text += f" {verb} {names}."
    unmeasured = len(sasaran) - len(measured)
    if unmeasured:
        text += (
            f" Sebanyak {bilangan_dengan_kata(unmeasured)} sasaran belum dapat diukur karena "
            "realisasi IKU-nya belum tersedia."
        )
    return text


def _iku(kons: Konsolidasi) -> str:
    rk = kons.laporan.ringkasan
    text = (
        f"Pada tingkat indikator, {bilangan_dengan_kata(rk.tercapai)} dari "
        f"{bilangan_dengan_kata(rk.jumlah_indikator)} IKU memenuhi atau melampaui target"
    )
    if rk.tidak_terukur:
        text += f", sedangkan {bilangan_dengan_kata(rk.tidak_terukur)} IKU belum dapat diukur"
    return text + "."


def _akhir(kons: Konsolidasi) -> list[str]:
    """Progress toward the RPJMD end targets: how many IKU already reach them."""
    ident = kons.pemda.identitas
    with_end = [i for i in kons.laporan.indikator if i.target_akhir_renstra is not None]
    if not with_end:
        return []
    caps = [kons.capaian_akhir.get(i.kode, (NA, None))[0] for i in with_end]
    done = sum(1 for c in caps if _reached(c))
    open_ = sum(1 for c in caps if c != NA and not _reached(c))
    na = len(caps) - done - open_
    text = (
        f"Terhadap target akhir RPJMD tahun {ident.rpjmd_akhir}, {bilangan_dengan_kata(done)} "
        f"dari {bilangan_dengan_kata(len(with_end))} IKU telah mencapai target akhir tersebut "
        f"pada tahun {ident.tahun}"
    )
    if open_:
        text += (
            f", sedangkan {bilangan_dengan_kata(open_)} IKU masih memerlukan peningkatan "
            "kinerja untuk mencapainya"
        )
    if na:
        text += f"; {bilangan_dengan_kata(na)} IKU belum dapat dibandingkan"
    return [text + "."]


def _opd(kons: Konsolidasi) -> list[str]:
    ranked = sorted(
        (r for r in kons.rekap if not r.excluded and r.capaian != NA),
        key=lambda r: rules.round_percent(r.capaian),  # type: ignore[arg-type]
    )
    budget = (
        f"Penyerapan anggaran perangkat daerah yang dihimpun dalam laporan ini mencapai "
        f"{fmt.persen(kons.persen_anggaran)}."
        if kons.total_anggaran is not None
        else ""
    )
    if len(ranked) < 2:
        return [budget] if budget else []
    low, high = ranked[0], ranked[-1]
    text = (
        f"Rata-rata capaian kinerja perangkat daerah berkisar dari {fmt.persen(low.capaian)} "
        f"({low.opd.nama}) sampai {fmt.persen(high.capaian)} ({high.opd.nama})."
    )
    return [f"{text} {budget}".strip()]
