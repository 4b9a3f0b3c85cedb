"""Real Word lists (numbering.xml, a restart per list, nested levels, no typed numbers) and the
Daftar Isi/Tabel/Gambar written into the .docx (entries readable without Word)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

from lkjip_xl.core.model import Narasi
from lkjip_xl.readers.to_model import build_model
from lkjip_xl.readers.yaml_source import read_yaml_tables
from lkjip_xl.report import build_document, save_document
from lkjip_xl.report.styles import base_document, prepare
from lkjip_xl.report.toc import toc_fields
from lkjip_xl.report.wordlist import split_marker
from lkjip_xl.report.writer import Writer

DINKES = Path(__file__).parent / "offices" / "dinkes"
TYPED = re.compile(r"^\s*(\(?[0-9]{1,3}[.)]|\(?[a-zA-Z][.)]|[0-9]{1,2}(\.[0-9]{1,2})+\.?)\s")


def _laporan(folder: Path | None = None):
    lap, findings = build_model(read_yaml_tables(folder) if folder else read_yaml_tables())
    assert lap is not None, findings
    return lap


@pytest.fixture(scope="module", params=["contoh", "dinkes"])
def saved(request, tmp_path_factory):
    """Each office's report saved and opened again, as a reader would."""
    lap = _laporan(DINKES if request.param == "dinkes" else None)
    path = tmp_path_factory.mktemp(request.param) / "LKjIP.docx"
    save_document(build_document(lap), path)
    return Document(str(path))


def _numbered(doc):
    """(paragraph, numId, ilvl) of every Word-numbered paragraph of the body."""
    out = []
    for p in doc.paragraphs:
        num_pr = p._p.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
        if num_pr is not None:
            num_id = int(num_pr.find(qn("w:numId")).get(qn("w:val")))
            ilvl = int(num_pr.find(qn("w:ilvl")).get(qn("w:val")))
            out.append((p, num_id, ilvl))
    return out


def _levels(doc, num_id):
    """numFmt and lvlText per level of a list instance, from numbering.xml."""
    numbering = doc.part.numbering_part.element
    num = next(n for n in numbering.findall(qn("w:num")) if n.get(qn("w:numId")) == str(num_id))
    abstract_id = num.find(qn("w:abstractNumId")).get(qn("w:val"))
    abstract = next(
        a
        for a in numbering.findall(qn("w:abstractNum"))
        if a.get(qn("w:abstractNumId")) == abstract_id
    )
    starts = {
        o.get(qn("w:ilvl")): o.find(qn("w:startOverride")).get(qn("w:val"))
        for o in num.findall(qn("w:lvlOverride"))
    }
    levels = [
        (lvl.find(qn("w:numFmt")).get(qn("w:val")), lvl.find(qn("w:lvlText")).get(qn("w:val")))
        for lvl in abstract.findall(qn("w:lvl"))
    ]
    return levels, starts


def test_lists_are_word_numbered_without_typed_numbers(saved):
    numbered = _numbered(saved)
    assert len(numbered) > 20
    for p, _, _ in numbered:
        assert not TYPED.match(p.text), p.text  # never "1. " typed before Word's own number
        assert "\t" not in p.text[:6], p.text
    # every list instance restarts: each w:num overrides the start of all its levels
    for num_id in {n for _, n, _ in numbered}:
        levels, starts = _levels(saved, num_id)
        assert len(levels) == 9 and set(starts) == {str(i) for i in range(9)}


def test_each_list_restarts_and_nested_levels_use_their_own_format():
    lap = _laporan()
    doc, house = base_document()
    prepare(doc, house)
    w = Writer(doc, lap)
    first = w.items(["satu", ("dua", ["dua a", "dua b"]), "tiga"])
    second = w.items(["lagi satu", "lagi dua"], kind="lower-letter")
    bullets = w.items(["titik"], numbered=False)
    assert len({first.num_id, second.num_id, bullets.num_id}) == 3
    numbered = _numbered(doc)
    assert [(p.text, ilvl) for p, _, ilvl in numbered[:5]] == [
        ("satu", 0),
        ("dua", 0),
        ("dua a", 1),
        ("dua b", 1),
        ("tiga", 0),
    ]
    levels, starts = _levels(doc, first.num_id)
    assert levels[0] == ("decimal", "%1.") and levels[1] == ("lowerLetter", "%2.")
    assert starts["0"] == "1"
    assert _levels(doc, second.num_id)[0][0] == ("lowerLetter", "%1.")
    assert _levels(doc, bullets.num_id)[0][0][0] == "bullet"


def test_narasi_butir_rows_become_one_list_and_typed_markers_only_choose_its_kind():
    lap = _laporan()
    rows = [
        Narasi("Paragraf", "Unit kerja terdiri atas:"),
        Narasi("Butir", "c. Sekretariat;"),
        Narasi("Butir 2", "1. Sub Bagian Umum;"),
        Narasi("Butir 2", "2. Sub Bagian Keuangan;"),
        Narasi("Butir", "d. Bidang Pelayanan;"),
        Narasi("Butir 2", "1.1 Seksi Rujukan (tanpa nomor ganda)"),
        Narasi("Paragraf", "Pada tahun 2022 jumlah pegawai 1.250 orang."),
        Narasi("Butir", "2022 adalah tahun kedua Renstra."),
    ]
    lap.narasi = {**lap.narasi, "uji": rows}
    doc, house = base_document()
    prepare(doc, house)
    Writer(doc, lap).narasi("uji")
    numbered = _numbered(doc)
    texts = [p.text for p, _, _ in numbered]
    assert texts == [
        "Sekretariat;",
        "Sub Bagian Umum;",
        "Sub Bagian Keuangan;",
        "Bidang Pelayanan;",
        "Seksi Rujukan (tanpa nomor ganda)",
        "2022 adalah tahun kedua Renstra.",  # a year is not a list marker
    ]
    top = numbered[0][1]
    assert numbered[3][1] == top  # c., d. in one list, started at c (3)
    levels, starts = _levels(doc, top)
    assert levels[0][0] == "lowerLetter" and starts["0"] == "3"
    nested = {n for _, n, ilvl in numbered if ilvl == 1}
    assert all(_levels(doc, n)[0][1][0] == "decimal" for n in nested)  # typed "1." stays 1.
    assert numbered[-1][1] != top  # a paragraph ends a list; the next one restarts
    plain = [p.text for p in doc.paragraphs if "1.250 orang" in p.text]
    assert plain == ["Pada tahun 2022 jumlah pegawai 1.250 orang."]


@pytest.mark.parametrize(
    ("typed", "kind", "start", "rest"),
    [
        ("a. Sekretariat", "lower-letter", 1, "Sekretariat"),
        ("D) Bidang", "upper-letter", 4, "Bidang"),
        ("3. Tiga", "decimal", 3, "Tiga"),
        ("(2) Dua", "decimal", 2, "Dua"),
        ("iv. Empat", "lower-roman", 4, "Empat"),
        ("II. Dua", "upper-roman", 2, "Dua"),
        ("- strip", "dash", 1, "strip"),
        ("• titik", "bullet", 1, "titik"),
        ("1.2.3 Sub", "decimal", 1, "Sub"),
        ("1.250 pegawai", None, 1, "1.250 pegawai"),
        ("2022 tahun", None, 1, "2022 tahun"),
        ("Rp5 juta", None, 1, "Rp5 juta"),
    ],
)
def test_split_marker(typed, kind, start, rest):
    assert split_marker(typed) == (kind, start, rest)


# -- Daftar Isi, Daftar Tabel, Daftar Gambar -------------------------------------------------


def test_lists_carry_their_entries_in_the_docx(saved):
    fields = toc_fields(saved.element.body)
    assert [instr for instr, _ in fields] == [
        'TOC \\o "1-3" \\h \\z \\u',
        'TOC \\h \\z \\c "Tabel"',
        'TOC \\h \\z \\c "Gambar"',
    ]
    (_, isi), (_, tabel), (_, gambar) = fields
    headings = [
        " ".join(p.text.split())
        for p in saved.paragraphs
        if p.style.name in ("Heading 1", "Heading 2", "Heading 3")
    ]
    assert [text for _, text in isi] == headings
    assert {"KATA PENGANTAR", "BAB I PENDAHULUAN", "BAB IV PENUTUP"} <= set(headings)
    captions = [p.text for p in saved.paragraphs if p.style.name == "Caption"]
    assert [text for _, text in tabel] == [c for c in captions if c.startswith("Tabel ")]
    assert [text for _, text in gambar] == [c for c in captions if c.startswith("Gambar ")]
    assert len(tabel) >= 10 and gambar
    # every entry links to a bookmark on its heading or caption
    marks = {b.get(qn("w:name")) for b in saved.element.body.iter(qn("w:bookmarkStart"))}
    assert {bookmark for _, entries in fields for bookmark, _ in entries} <= marks
    # the entries are the field's result, still marked for Word to update
    dirty = [f for f in saved.element.body.iter(qn("w:fldChar")) if f.get(qn("w:dirty"))]
    assert len(dirty) == 3
    text = "\n".join(p.text for p in saved.paragraphs)
    assert "Update Field" not in text


def test_entries_use_words_builtin_list_styles(saved):
    styles = {
        p.style.style_id for p in saved.paragraphs if p._p.find(qn("w:hyperlink")) is not None
    }
    assert styles <= {"TOC1", "TOC2", "TOC3", "TableofFigures"}
    assert {"TOC1", "TOC2", "TableofFigures"} <= styles
    names = {s.style_id: s.name for s in saved.styles}
    assert names["TOC1"] == "toc 1" and names["TableofFigures"] == "table of figures"
