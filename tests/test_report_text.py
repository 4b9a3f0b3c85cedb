"""The report's text as a reviewer reads it, for the example and the second synthetic office:
one source per statement (no paragraph printed more often than the workbook holds it), every
table and figure introduced by number right before it, no internal text, no example names in the
package."""

from __future__ import annotations

import ast
import re
from collections import Counter
from pathlib import Path

import pytest
from docx.oxml.ns import qn

from lkjip_xl.readers.to_model import build_model
from lkjip_xl.readers.yaml_source import read_yaml_tables
from lkjip_xl.report import build_document
from lkjip_xl.report.sections.teks import mengantar
from lkjip_xl.report.styles import BUTIR, BUTIR_2, KUTIPAN

ROOT = Path(__file__).resolve().parents[1]
OFFICES = {"contoh": ROOT / "examples" / "data", "dinkes": ROOT / "tests" / "offices" / "dinkes"}
MIN_CHARS = 60
#: Paragraph styles that carry statements (headings, captions, signature lines, letterheads,
#: table notes and the Daftar lists are labels, not statements).
STATEMENT_STYLES = {None, "Normal", BUTIR, BUTIR_2, KUTIPAN}
_MARKER = re.compile(r"^\s*(?:[0-9]+[.)]|[a-z][.)]|[•–-])\s*")


def _office(name: str):  # type: ignore[no-untyped-def]
    if not OFFICES[name].is_dir():
        pytest.skip(f"office {name} not in this checkout")
    book = read_yaml_tables(OFFICES[name])
    laporan, findings = build_model(book)
    assert laporan is not None, findings
    return book, laporan, build_document(laporan)


@pytest.fixture(scope="module", params=sorted(OFFICES))
def office(request):  # type: ignore[no-untyped-def]
    return request.param, *_office(request.param)


def _text(el) -> str:  # type: ignore[no-untyped-def]
    return "".join(t.text or "" for t in el.iter(qn("w:t")))


def _style(p) -> str | None:  # type: ignore[no-untyped-def]
    node = p.find(qn("w:pPr") + "/" + qn("w:pStyle"))
    return None if node is None else node.get(qn("w:val"))


def _style_ids(doc) -> set[str | None]:  # type: ignore[no-untyped-def]
    return {doc.styles[name].style_id if name else None for name in STATEMENT_STYLES}


def _norm(text: str) -> str:
    return " ".join(_MARKER.sub("", text).split())


def _workbook_counts(book) -> Counter[str]:  # type: ignore[no-untyped-def]
    """How often each paragraph-sized text occurs in the workbook's own cells."""
    counts: Counter[str] = Counter()
    for table in book.tables.values():
        for row in table.rows:
            for value in row.values.values():
                if isinstance(value, str):
                    for chunk in value.split("\n\n"):
                        counts[_norm(chunk)] += 1
    return counts


def test_no_paragraph_repeated_beyond_the_workbook(office) -> None:  # type: ignore[no-untyped-def]
    name, book, _laporan, doc = office
    ids = _style_ids(doc)
    body = [el for el in doc.element.body if el.tag == qn("w:p") and _style(el) in ids]
    counts = Counter(_norm(_text(p)) for p in body)
    held = _workbook_counts(book)
    repeated = {
        text: n
        for text, n in counts.items()
        if len(text) >= MIN_CHARS and n > max(1, held.get(text, 0))
    }
    assert repeated == {}, f"{name}: said more than once: {repeated}"


def _preceding_text(paragraphs: list, index: int, figure: bool) -> str:  # type: ignore[type-arg]
    """The nearest text paragraph before the caption (before the picture, for a figure)."""
    i = index - 1
    if figure:
        while i >= 0 and not paragraphs[i].findall(".//" + qn("w:drawing")):
            i -= 1
        i -= 1
    while i >= 0 and not _text(paragraphs[i]).strip():
        i -= 1
    return _text(paragraphs[i]) if i >= 0 else ""


def test_every_table_and_figure_is_introduced_by_number(office) -> None:  # type: ignore[no-untyped-def]
    name, _book, _laporan, doc = office
    paragraphs = [el for el in doc.element.body if el.tag == qn("w:p")]
    captions = [(i, p) for i, p in enumerate(paragraphs) if _style(p) == "Caption"]
    assert len(captions) > 10
    for i, p in captions:
        label = re.match(r"(Tabel|Gambar) \d+\.\d+", _text(p))
        assert label, _text(p)
        before = _preceding_text(paragraphs, i, label.group(1) == "Gambar")
        # a staff paragraph that already introduces it replaces the generated lead-in
        assert re.search(re.escape(label.group(0)) + r"(?!\d)", before) or mengantar(before), (
            f"{name}: {label.group(0)} is introduced by {before!r}"
        )


def test_no_pointer_to_a_table_above_or_below(office) -> None:  # type: ignore[no-untyped-def]
    _name, _book, _laporan, doc = office
    wrong = re.compile(r"\b(tabel|gambar|bagan)\s+(di\s*)?(atas|bawah)\b", re.IGNORECASE)
    text = "\n".join(_text(p) for p in doc.element.body.iter(qn("w:p")))
    assert not wrong.search(text), wrong.search(text)


def test_no_internal_text(office) -> None:  # type: ignore[no-untyped-def]
    _name, _book, _laporan, doc = office
    rumus = doc.styles["Rumus"].style_id
    paragraphs = [p for p in doc.element.body.iter(qn("w:p")) if _style(p) != rumus]
    text = "\n".join(_text(p) for p in paragraphs)
    for internal in ("(tabel:", "Keterangan data", "buku kerja", "notes/", "praktik rekan", ">= "):
        assert internal not in text, internal
    # parentheses inside parentheses, or two groups in a row (formulas excepted)
    for paragraph in text.split("\n"):
        assert not re.search(r"\([^()]*\(|\)\s*\(", paragraph), paragraph
    # A label typed as realisasi ("Belum ada pengumuman ...") never sits capitalised mid-sentence.
    assert not re.search(r"realisasi (Belum|Data) ", text)


def test_seven_analyses_labelled_per_sasaran(office) -> None:  # type: ignore[no-untyped-def]
    _name, _book, laporan, doc = office
    text = "\n".join(p.text for p in doc.paragraphs)
    assert text.count("Realisasi terhadap target.") == len(laporan.indikator)
    assert "Perbandingan dengan tahun sebelumnya." in text
    assert "Efisiensi penggunaan sumber daya." in text
    # what cannot be compared is said once for all indicators, not once per indicator
    assert text.count("belum tersedia untuk") <= 4


def _string_constants(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef))
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
        if id(node) not in docstrings
    ]


def test_no_example_names_in_the_package() -> None:
    """Text the package can print never names the example office (issue 9 item 6)."""
    names = re.compile(r"Jambi|Setda|EKPPD|UKPBJ|Ridwan|RIDWAN|Sekretariat Daerah Kota")
    # the bundled examples' file names (the OPD example, and its copy in the Pemda example)
    allowed = {"LKjIP_Setda_Kota_Jambi_2022.xlsm", "LKjIP_Setda_Kota_Contoh_2022.xlsm"}
    found = []
    for path in sorted((ROOT / "lkjip_xl").rglob("*.py")):
        for text in _string_constants(path):
            if names.search(text) and not any(a in text for a in allowed):
                found.append((path.relative_to(ROOT), text[:80]))
    for path in sorted((ROOT / "lkjip_xl").rglob("*")):
        if path.suffix in (".bas", ".cls", ".txt", ".md", ".yaml"):
            for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
                if names.search(line) and not any(a in line for a in allowed):
                    found.append((path.relative_to(ROOT), line[:80]))
    assert found == []


def test_range_targets_printed_as_ranges(office) -> None:  # type: ignore[no-untyped-def]
    """A range typed as text ("60 - 85", in Target or Target Akhir Renstra) is printed the one
    way every range is printed (contract 1: "60–85%"), never as typed."""
    from lkjip_xl.core.numbers import format_target
    from lkjip_xl.core.rules import parse_rentang

    _, book, laporan, doc = office
    typed = [
        r.get(c)
        for t, c in (("tblTarget", "Target"), ("tblIndikator", "Target Akhir Renstra"))
        for r in book.tables[t].rows
        if isinstance(r.get(c), str) and parse_rentang(r.get(c)) is not None
    ]
    body = _norm(" ".join(_text(p) for p in doc.element.body.iter(qn("w:p"))))
    for text in typed:
        assert _norm(text) not in body, text
    for ind in laporan.indikator:
        if ind.batas_atas_akhir_renstra is not None:
            printed = format_target(
                ind.target_akhir_renstra, ind.batas_atas_akhir_renstra, ind.satuan
            )
            assert printed in body, printed
