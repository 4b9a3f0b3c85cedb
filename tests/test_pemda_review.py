"""The Pemda report after a professional review: names from tblOPD, no doubled words, units
printed once, sources named by OPD and indicator, Jejak Data that shows each indicator of an
average, BAB IV in order, honest efficiency wording, charts and closing pages. Each check is
on the generated document (or on the helper that makes the text), never on the example's
wording."""

from __future__ import annotations

import itertools
import re

import pytest
from docx.document import Document
from docx.oxml.ns import qn

from lkjip_xl.pemda.pipeline import load_pemda_file
from lkjip_xl.pemda.report import build_document
from lkjip_xl.pemda.workbook import EXAMPLE_PATH


@pytest.fixture(scope="module")
def kons():
    loaded = load_pemda_file(EXAMPLE_PATH, mode="serial")
    assert loaded.can_write
    return loaded.kons


@pytest.fixture(scope="module")
def doc(kons) -> Document:
    return build_document(kons)


def texts(doc: Document) -> list[str]:
    return [p.text for p in doc.paragraphs]


def table_after(doc: Document, caption_start: str):
    """The table right after the caption paragraph that starts with `caption_start`."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for el in doc.element.body.iterchildren():
        nxt = el.getnext()
        if (
            el.tag.endswith("}p")
            and nxt is not None
            and nxt.tag.endswith("}tbl")
            and Paragraph(el, doc._body).text.startswith(caption_start)
        ):
            return Table(nxt, doc._body)
    raise AssertionError(caption_start)


def rows_text(table) -> list[list[str]]:
    return [[c.text for c in row.cells] for row in table.rows]


# -- 1. Tabel 1.1 uses the tblOPD names ------------------------------------------------------


def test_perangkat_daerah_table_uses_tbl_opd_names(kons, doc):
    rows = rows_text(table_after(doc, "Tabel 1.1"))[1:]
    assert [r[1] for r in rows] == [o.nama for o in kons.pemda.opd]


# -- 2. no "Instansi Pemerintah Pemerintah" --------------------------------------------------


def test_no_doubled_words(doc):
    text = "\n".join(texts(doc))
    doubled = re.findall(r"\b(\w+) \1\b", text, flags=re.IGNORECASE)
    assert not doubled
    assert "Laporan Kinerja Instansi Pemerintah (LKjIP) Pemerintah Kota Contoh untuk" in text


# -- 3. narrative and generated lead-ins say "berikut" once ----------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Perangkat daerah yang dihimpun adalah sebagai berikut.", True),
        ("Langkah perbaikan adalah:", True),
        ("Hasilnya disajikan pada tabel berikut.  ", True),
        ("Anggaran berikut merupakan jumlah anggaran.", False),
        ("", False),
    ],
)
def test_introduces(text, expected):
    from lkjip_xl.pemda.report.common import introduces

    assert introduces(text) is expected


def test_no_two_lead_ins_before_a_table(doc):
    """No two paragraphs in a row both introduce what follows."""
    from lkjip_xl.pemda.report.common import introduces

    paras = [t.strip() for t in texts(doc) if t.strip()]
    pairs = [
        (a, b)
        for a, b in itertools.pairwise(paras)
        if introduces(a) and introduces(b) and "Tabel" in b
    ]
    assert not pairs


def test_generated_lead_in_is_skipped_after_a_narrative_that_introduces(kons):
    import copy

    from lkjip_xl.core.model import Narasi

    k = copy.deepcopy(kons)
    k.laporan.narasi["akuntabilitas_keuangan"] = [
        Narasi("Paragraf", "Rincian anggaran sebagai berikut:")
    ]
    text = texts(build_document(k))
    i = text.index("Rincian anggaran sebagai berikut:")
    assert text[i + 1].startswith("Tabel 3.")  # the caption, no generated lead-in between
    assert not any("disajikan pada Tabel 3.16 berikut" in t for t in text)


def test_example_narrative_has_no_meta_text(doc):
    text = "\n".join(texts(doc)).casefold()
    for meta in ("fiktif", "lkjip-xl", "contoh ini", "pemerintah daerah sesungguhnya"):
        assert meta not in text


# -- 4. a table with a Satuan column prints each value without the unit ----------------------


def _tables_with_satuan(doc):
    for table in doc.tables:
        rows = rows_text(table)
        if rows and "Satuan" in rows[0]:
            yield rows


def test_values_in_tables_with_a_satuan_column_carry_no_unit(doc):
    found = 0
    for rows in _tables_with_satuan(doc):
        col = rows[0].index("Satuan")
        for row in rows[1:]:
            unit = row[col].strip()
            if not unit or unit == "%" or unit.startswith("("):
                continue
            found += 1
            numbers = [c for i, c in enumerate(row) if i != col and re.match(r"^\d", c)]
            assert not [c for c in numbers if c.endswith(unit)], row
    assert found > 10
    captions = [p.text for p in doc.paragraphs if p.text.startswith("Tabel ")]
    for label in ("Tabel 2.2", "Tabel 2.3", "Tabel 3.2", "Tabel 3.3", "Tabel 3.4"):
        caption = next(c for c in captions if c.startswith(label + " "))
        assert "Satuan" in rows_text(table_after(doc, caption))[0], label


def test_percent_keeps_its_sign_without_unit():
    from lkjip_xl.pemda import format as fmt

    assert fmt.nilai(10.9, "Tahun", with_unit=False) == "10,9"
    assert fmt.nilai(8.3, "%", with_unit=False) == "8,3%"
    assert fmt.nilai(60, "%", 85, with_unit=False) == "60–85%"
    assert fmt.nilai("Sangat Tinggi", "Predikat", with_unit=False) == "Sangat Tinggi"


def test_end_target_header_says_it_is_the_rpjmd_end_target(kons, doc):
    akhir = kons.pemda.identitas.rpjmd_akhir
    caption = next(p.text for p in doc.paragraphs if p.text.startswith("Tabel 2.2 "))
    header = rows_text(table_after(doc, caption))[0]
    assert f"Target Akhir ({akhir})" in header and not any("RPJMD" in h for h in header)
    assert "Target Akhir RPJMD" in caption  # the period named once, in the caption


# -- 5. cascade sources: each OPD once, its indicators by name, the method once --------------


def test_cascade_sources_name_each_opd_once_and_indicators_by_name(kons):
    from lkjip_xl.pemda.jejak import METODE_KATA, find_indikator, sumber_realisasi

    tahun = kons.pemda.identitas.tahun
    results = {r.entry.kode: r for r in kons.opd}
    names = {o.kode: o.nama for o in kons.pemda.opd}
    checked = 0
    for ind in kons.laporan.indikator:
        rows = [k for k in kons.pemda.kaskade if k.kode_iku == ind.kode]
        if not rows:
            continue
        text = sumber_realisasi(kons, ind, tahun)
        for k in rows:
            assert text.count(names[k.kode_opd]) == 1, text
            src = find_indikator(results[k.kode_opd], k.kode_indikator)
            assert f"{src.uraian} ({src.kode})" in text, text
        for word in {METODE_KATA[k.metode] for k in rows} - {""}:
            assert text.count(word) == 1, text
        checked += 1
    assert checked >= 3


# -- 6. Jejak Data: an average lists its indicators; headings keep with their first row -------


def test_indikator_capaian_lists_polarity_capaian_and_na():
    from lkjip_xl.core import rules
    from lkjip_xl.core.model import Indikator, KinerjaTahun
    from lkjip_xl.pemda.rekap import indikator_capaian

    turun = Indikator("A 1", "S", "Angka kematian bayi", "per 1.000 KH", "turun")
    cap = rules.capaian(10, 12, "turun")
    turun.kinerja[2024] = KinerjaTahun(2024, 10, 12, capaian=cap)
    naik = Indikator("A 2", "S", "Cakupan imunisasi", "%", "naik")
    naik.kinerja[2024] = KinerjaTahun(2024, 90, "data belum tersedia")
    text = indikator_capaian([turun, naik], 2024)
    assert "A 1 Angka kematian bayi (turun) 80,00%" in text
    assert "A 2 Cakupan imunisasi (naik) N/A, tidak dihitung" in text


def test_jejak_of_an_opd_sasaran_average_shows_each_indicator(kons):
    tahun = kons.pemda.identitas.tahun
    by_code = {j.kode: j for j in kons.jejak}
    results = {r.entry.kode: r for r in kons.opd}
    seen_na = checked = 0
    for items in kons.pendukung.values():
        for p in items:
            if "capaian" not in p.jejak:
                continue
            cara = by_code[p.jejak["capaian"]].cara
            sas = next(s for s in results[p.opd.kode].laporan.sasaran if s.kode == p.kode_sasaran)
            for ind in sas.indikator:
                kin = ind.pada(tahun)
                cap = kin.capaian if kin else "N/A"
                from lkjip_xl.pemda import format as fmt

                assert f"{ind.kode} {ind.uraian} ({ind.polaritas}) {fmt.persen(cap)}" in cara
                if cap == "N/A":
                    seen_na += 1
                    assert f"({ind.polaritas}) N/A, tidak dihitung" in cara
            checked += 1
    assert checked >= 4 and seen_na >= 1


def test_jejak_data_group_headings_keep_with_their_first_row(doc):
    from docx.oxml.ns import qn

    table = doc.tables[-1]
    headings = [row for row in table.rows[1:] if len({id(c._tc) for c in row.cells}) == 1]
    assert len(headings) > 10
    for row in headings:
        for p in row._tr.iter(qn("w:p")):
            assert p.find(f"{qn('w:pPr')}/{qn('w:keepNext')}") is not None


# -- 7. BAB IV: conclusion first, no sentence of the Ikhtisar repeated; words once (3.5) -----


def _chapter(doc: Document, start: str) -> list[str]:
    """The non-empty paragraphs from the level-1 heading starting with `start` to the next."""
    out, inside = [], False
    for p in doc.paragraphs:
        if p.style.style_id == "Heading1":
            if inside:
                break
            inside = p.text.startswith(start)
            continue
        if inside and p.text.strip():
            out.append(p.text)
    assert out, start
    return out


def test_bab4_concludes_first_and_does_not_repeat_the_ikhtisar(doc):
    ikhtisar = _chapter(doc, "IKHTISAR EKSEKUTIF")
    bab4 = _chapter(doc, "BAB IV")
    assert bab4[0] == "Simpulan"
    assert bab4[1].startswith("Berdasarkan pengukuran kinerja")
    steps = bab4.index("Langkah Perbaikan")
    assert steps > 1
    sentences = {s.strip() for t in ikhtisar for s in re.split(r"(?<=[.;:])\s", t) if len(s) > 30}
    assert not [s for s in sentences if any(s in t for t in bab4)]


def test_budget_in_words_only_in_3_5(doc):
    paras = texts(doc)
    worded = [i for i, t in enumerate(paras) if "rupiah)" in t]
    assert len(worded) == 1
    head = max(i for i, t in enumerate(paras) if t.startswith("3.5 "))
    assert worded[0] > head
    ikhtisar = _chapter(doc, "IKHTISAR EKSEKUTIF")
    assert any("rinciannya disajikan pada subbab 3.5" in t for t in ikhtisar)


# -- 8. a sasaran that missed its target is never called efficient --------------------------


@pytest.mark.parametrize(
    ("capaian", "serapan", "efficient"),
    [(0.9554, 0.9554, False), (0.90, 0.60, False), (1.05, 0.95, True), (1.0, 1.0, True)],
)
def test_efisiensi_wording_follows_the_target(kons, capaian, serapan, efficient):
    import copy

    from lkjip_xl.core import rules
    from lkjip_xl.pemda.report.bab3_sasaran import _efisiensi

    sas = copy.deepcopy(next(s for s in kons.laporan.sasaran if s.anggaran is not None))
    sas.capaian, sas.persen_anggaran = capaian, serapan
    sas.efisiensi = rules.efisiensi(capaian, serapan)
    text = _efisiensi(None, kons, sas)
    assert ("tergolong" in text) is efficient
    assert ("belum mencapai target" in text) is not efficient


# -- 9. the note under Tabel 3.1 never repeats the caption ----------------------------------


def test_scale_note():
    from lkjip_xl.pemda.report.bab3 import scale_note

    cap = "Predikat Nilai Capaian Kinerja"
    assert scale_note(cap, cap, "") == ""
    assert scale_note(cap, "predikat nilai capaian kinerja", "") == ""
    assert scale_note(cap, cap, "Peraturan X.") == "Sumber skala: Peraturan X."
    assert scale_note(cap, "Skala Lain", "") == "Skala: Skala Lain."


def test_table_3_1_note_is_not_the_caption(doc):
    paras = texts(doc)
    i = max(k for k, t in enumerate(paras) if t.startswith("Tabel 3.1 "))
    after = [t for t in paras[i + 1 : i + 4]]
    assert not any(t.startswith("Skala: Predikat Nilai Capaian Kinerja") for t in after)


# -- 10. Tabel 3.15: room for the OPD names; minus sign as core prints it ---------------------


def _grid_cm(table) -> list[float]:
    from docx.oxml.ns import qn

    return [int(g.get(qn("w:w"))) / 567 for g in table._tbl.iter(qn("w:gridCol"))]


def test_rekap_table_gives_the_names_room_and_prints_core_percentages(kons, doc):
    from lkjip_xl.core.numbers import format_persen

    caption = next(p.text for p in doc.paragraphs if p.text.startswith("Tabel 3.15 "))
    table = table_after(doc, caption)
    widths = _grid_cm(table)
    assert widths[1] >= 1.8 * widths[0] and widths[1] == max(widths)
    rows = rows_text(table)[2:]
    by_name = {r.opd.nama: r for r in kons.rekap if not r.excluded}
    for row in rows:
        assert row[5] == format_persen(by_name[row[1]].efisiensi).rstrip("%")  # poin persen
    assert format_persen(-0.0131).startswith("-")  # the sign every other table prints


def test_terukur_note_names_opds_with_na_indicators(kons):
    from lkjip_xl.pemda.report.bab3_rekap import terukur_note

    used = [r for r in kons.rekap if not r.excluded]
    partial = [r for r in used if r.terukur < r.jumlah_indikator]
    note = terukur_note(used)
    assert partial  # the example has one
    for r in partial:
        assert f"{r.opd.nama} ({r.terukur} dari {r.jumlah_indikator} indikator" in note
    full = [r for r in used if r.terukur == r.jumlah_indikator]
    assert "seluruh indikator" in terukur_note(full)


# -- 11. charts: legend lists what occurs; text at least 8 pt as printed ----------------------


def test_legend_lists_only_categories_present():
    from lkjip_xl.pemda.report.charts import legend_of
    from lkjip_xl.report.charts import NA_COLOUR, Bar

    scale = [("Tidak Tercapai", "#C00000"), ("Tercapai", "#00B050"), ("Melebihi", "#0070C0")]
    bars = [Bar("a", 95.0, "95,00%", "#C00000"), Bar("b", 110.0, "110,00%", "#0070C0")]
    assert legend_of(bars, scale) == [scale[0], scale[2]]
    bars.append(Bar("c", None, "N/A", NA_COLOUR))
    assert legend_of(bars, scale)[-1] == ("N/A", NA_COLOUR)


def test_chart_text_is_at_least_8_pt_as_printed(doc):
    from docx.shared import Cm

    from lkjip_xl.pemda.report import charts as pc

    printed_pt = pc.FONT_PT * (pc.WIDTH_CM / 2.54) / pc.FIG_IN
    assert printed_pt >= 8
    widths = [s.width for s in doc.inline_shapes]
    assert len(widths) >= 3 and all(abs(w - Cm(pc.WIDTH_CM)) < Cm(0.01) for w in widths)


# -- 12. Lampiran 1: the PK's own date; its last rows keep with the closing ------------------


def test_pk_date_is_its_own_or_a_line_to_fill_in():
    from lkjip_xl.pemda.report.lampiran import pk_date

    assert pk_date("2022-02-14", 2022) == "2022-02-14"
    assert pk_date("  ", 2022) == "……………… 2022"


def _pk_paragraphs(doc: Document) -> list[str]:
    paras = texts(doc)
    i = max(k for k, t in enumerate(paras) if t.startswith("Demikian Perjanjian Kinerja"))
    return paras[i : i + 4]


def test_pk_signed_with_its_own_date(doc):
    assert any(t.endswith("14 Februari 2022") for t in _pk_paragraphs(doc))


def test_pk_without_date_gets_a_line_not_the_report_date(kons):
    import copy

    k = copy.deepcopy(kons)
    k.pemda.identitas.tanggal_pk = ""
    block = _pk_paragraphs(build_document(k))
    place = next(t for t in block if "……" in t)
    assert place.endswith(f"……………… {k.pemda.identitas.tahun}")
    assert "Maret 2023" not in " ".join(block)


def test_old_workbook_without_the_pk_date_row_still_reads(tmp_path):
    from test_pemda_support import make_pemda

    from lkjip_xl.pemda import schema as ps

    def drop(rows):
        rows[ps.IDENTITAS.name] = [
            r for r in rows[ps.IDENTITAS.name] if r["Kunci"] != "Tanggal Perjanjian Kinerja"
        ]

    loaded = load_pemda_file(make_pemda(tmp_path, drop), mode="serial")
    assert loaded.can_write and loaded.kons.pemda.identitas.tanggal_pk == ""


def test_pk_table_last_row_keeps_with_the_closing(doc):
    from docx.oxml.ns import qn

    body = list(doc.element.body.iterchildren())
    i = max(
        k
        for k, el in enumerate(body)
        if "".join(el.itertext()).startswith("Demikian Perjanjian Kinerja")
    )
    j = max(k for k in range(i) if body[k].tag == qn("w:tbl"))
    last = body[j].findall(qn("w:tr"))[-1]
    chain = [*last.iter(qn("w:p")), *body[j + 1 : i + 1]]  # the row, the air, "Demikian"
    assert all(p.find(f"{qn('w:pPr')}/{qn('w:keepNext')}") is not None for p in chain)


# -- second review ----------------------------------------------------------------------------


def _full_text(doc: Document) -> str:
    out = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        out += [c.text for row in table.rows for c in row.cells]
    return "\n".join(out)


def test_example_consolidates_one_pemerintah_daerah_only(kons, doc):
    """Every OPD workbook of the example belongs to the Pemda; no other city is named."""
    from lkjip_xl.pemda.checks import same_pemda

    assert "jambi" not in _full_text(doc).casefold()
    assert not any("jambi" in o.berkas.casefold() for o in kons.pemda.opd)
    names = [r.laporan.identitas.pemerintah_daerah for r in kons.opd if r.laporan]
    assert names and all(same_pemda(n, kons.pemda.identitas.nama) for n in names)


def test_no_workbook_jargon_outside_jejak_data(doc):
    """Official text speaks of LKjIP and data; only Lampiran Jejak Data names files and cells."""
    paras = texts(doc)
    end = next(i for i, t in enumerate(paras) if t.startswith("Lampiran 3."))
    body = "\n".join(paras[:end]).casefold()
    for word in ("buku kerja", "sel sumber", "diketik", "pada sel", "(data ilustrasi)"):
        assert word not in body, word
    # "kaskade" only where the report explains it
    assert all("penjenjangan kinerja (kaskade)" in t for t in paras[:end] if "kaskade" in t)
    assert "kerjasama" not in _full_text(doc).casefold()


def test_efisiensi_in_poin_persen(kons, doc):
    from lkjip_xl.pemda import format as fmt

    trail = [j for j in kons.jejak if "efisiensi" in j.angka]
    assert trail and all("poin persen" in j.angka and "%" not in j.nilai for j in trail)

    assert fmt.poin(0.0514) == "5,14" and fmt.poin(-0.021) == "-2,10" and fmt.poin("N/A") == "N/A"
    efis = [t for t in texts(doc) if "(efisiensi) adalah" in t or "realisasi anggaran -" in t]
    assert efis and all(re.search(r"adalah -?\d+,\d\d poin persen", t) for t in efis)
    caption = next(
        p.text
        for p in doc.paragraphs
        if p.text.startswith("Tabel 3.") and "Rekap Capaian Kinerja Perangkat" in p.text
    )
    table = rows_text(table_after(doc, caption))
    col = table[0].index(next(h for h in table[0] if h.startswith("Efisiensi")))
    assert "poin persen" in table[0][col]
    assert all("%" not in r[col] for r in table[2:])


def test_capaian_iku_section_states_the_result_and_names_its_figure(doc):
    paras = texts(doc)
    start = max(i for i, t in enumerate(paras) if t == "3.2 Capaian Indikator Kinerja Utama")
    end = next(i for i, t in enumerate(paras) if i > start and t.startswith("3.3 "))
    section = paras[start:end]
    assert any(t.startswith("Secara keseluruhan") and "IKU" in t for t in section)
    lead = next(i for i, t in enumerate(section) if "Gambar 3.1 berikut" in t)
    assert any(t.startswith("Gambar 3.1 ") for t in section[lead + 1 :])


def test_capaian_iku_table_stays_portrait(doc):
    """Tabel 3.2 fits the portrait page (smaller type if need be): the section that holds it
    (ended by the first section break after its caption) is not landscape."""
    caption = next(p for p in doc.paragraphs if p.text.startswith("Tabel 3.2 "))
    el = caption._p
    while el is not None:
        sect = el if el.tag.endswith("}sectPr") else el.find(".//{*}sectPr")
        if sect is not None:
            size = sect.find("{*}pgSz")
            assert int(size.get(qn("w:w"))) < int(size.get(qn("w:h")))
            return
        el = el.getnext()
    raise AssertionError("no section break after Tabel 3.2")


def test_pendukung_sentences_are_full_sentences(doc):
    paras = texts(doc)
    assert not [t for t in paras if re.match(r"Sasaran perangkat daerah pendukung yang.*:", t)]
    said = [t for t in paras if "sasaran perangkat daerah yang mencapai targetnya, yaitu" in t]
    assert said and all(t.startswith("Capaian sasaran ini didukung oleh") for t in said)


def test_bab4_order_and_end_target_progress(kons, doc):
    bab4 = _chapter(doc, "BAB IV")
    assert bab4[0] == "Simpulan"
    steps = bab4.index("Langkah Perbaikan")
    closing = [n.teks.strip() for n in kons.laporan.teks("penutup") if (n.teks or "").strip()]
    assert closing and all(bab4.index(c) > steps for c in closing)
    assert bab4.index(closing[-1]) >= len(bab4) - 4  # then only the signature lines
    simpulan = bab4[1:steps]
    assert not any("; sasaran yang belum tercapai:" in t for t in simpulan)
    assert any(t.startswith("Terhadap target akhir RPJMD") and "IKU" in t for t in simpulan)


def test_budget_totals_say_whose_budget(doc):
    paras = texts(doc)
    totals = [t for t in paras if "bukan keseluruhan APBD" in t]
    assert len(totals) >= 2  # Ikhtisar Eksekutif and 3.5
    assert all("perangkat daerah yang dihimpun dalam laporan ini" in t for t in totals)


def test_pernyataan_reviu_names_the_apip_and_the_guideline(kons, doc):
    from lkjip_xl.core.pejabat import unit_apip

    paras = texts(doc)
    head = paras.index("PERNYATAAN TELAH DIREVIU")
    kop = paras[head + 1]
    assert unit_apip(kons.pemda.identitas.nama).upper() in kop
    assert "Nomor 53 Tahun 2014" in paras[head + 2]


def test_pernyataan_reviu_derives_the_inspektur_when_identitas_is_empty(kons):
    import dataclasses

    from lkjip_xl.core.pejabat import inspektur

    ident = dataclasses.replace(kons.pemda.identitas, jabatan_apip="", nama_apip="")
    other = dataclasses.replace(kons, pemda=dataclasses.replace(kons.pemda, identitas=ident))
    paras = texts(build_document(other))
    head = paras.index("PERNYATAAN TELAH DIREVIU")
    after = "\n".join(paras[head : head + 20])
    assert inspektur(ident.nama).upper() in after and "." * 20 in after


def test_pengukuran_annex_flows_from_page_to_page(kons, doc):
    """Lampiran 2: no merged Sasaran column (a merged group stays on one page and left most of
    the first landscape page empty); each sasaran is a bold row across the table, kept with
    its first IKU row, then its IKU rows."""
    table = table_after(doc, "Pengukuran Kinerja Tahun")
    assert not table._tbl.xpath(".//w:vMerge")
    rows = rows_text(table)
    labels = [i for i, r in enumerate(rows) if r[0].startswith("Sasaran ")]
    assert len(labels) == len(kons.laporan.sasaran)
    assert sum(len(s.indikator) for s in kons.laporan.sasaran) == len(rows) - 2 - len(labels)
    for i in labels:
        assert len(set(rows[i])) == 1  # one cell across the table
        ppr = table.rows[i].cells[0].paragraphs[0].paragraph_format
        assert ppr.keep_with_next
