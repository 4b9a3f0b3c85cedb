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
    """The table whose caption paragraph starts with `caption_start`."""
    body = doc.element.body
    for el in body.iterchildren():
        if el.tag.endswith("}p") and "".join(el.itertext()).startswith(caption_start):
            nxt = el.getnext()
            while nxt is not None and not nxt.tag.endswith("}tbl"):
                nxt = nxt.getnext()
            from docx.table import Table

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
