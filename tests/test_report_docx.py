"""The .docx as a file (Word 2013+ mode, this report's properties, no stale thumbnail), the
copy LibreOffice numbers, chart texts taken literally, and the report package's structure."""

from __future__ import annotations

import ast
import datetime as dt
import zipfile
from pathlib import Path

import matplotlib.cbook
import pytest
from lxml import etree

from lkjip_xl import __version__
from lkjip_xl.readers.to_model import build_model
from lkjip_xl.readers.yaml_source import read_yaml_tables
from lkjip_xl.report import build_document, charts, save_document
from lkjip_xl.report.locopy import adjust, for_libreoffice

REPORT = Path(__file__).resolve().parents[1] / "lkjip_xl" / "report"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def saved(tmp_path_factory):
    lap, findings = build_model(read_yaml_tables())
    assert lap is not None, findings
    path = tmp_path_factory.mktemp("docx") / "LKjIP.docx"
    before = dt.datetime.now(dt.UTC).replace(microsecond=0)
    save_document(build_document(lap), path)
    return path, before


def test_word_2013_compatibility_mode(saved):
    with zipfile.ZipFile(saved[0]) as z:
        settings = etree.fromstring(z.read("word/settings.xml"))
    modes = [
        s.get(W + "val")
        for s in settings.iter(W + "compatSetting")
        if s.get(W + "name") == "compatibilityMode"
    ]
    assert modes == ["15"]


def test_properties_are_this_reports(saved):
    path, before = saved
    from docx import Document

    props = Document(str(path)).core_properties
    assert props.title.startswith("Laporan Kinerja Instansi Pemerintah (LKjIP) Sekretariat")
    assert props.author == "Sekretariat Daerah Kota Jambi"
    assert props.created >= before and props.modified >= before
    assert props.created <= dt.datetime.now(dt.UTC)
    with zipfile.ZipFile(path) as z:
        names = set(z.namelist())
        app = z.read("docProps/app.xml").decode("utf-8")
        rels = z.read("_rels/.rels").decode("utf-8")
    assert f"<Application>lkjip-xl {__version__}</Application>" in app
    assert "Macintosh" not in app and "<Pages>" not in app
    assert not any("thumbnail" in n for n in names) and "thumbnail" not in rels
    assert "word/stylesWithEffects.xml" not in names


def _para(*fields: tuple[str, str], heading: bool = False) -> str:
    def fld(kind: str) -> str:
        return f'<w:r><w:fldChar w:fldCharType="{kind}"/></w:r>'

    runs = [
        f"{fld('begin')}<w:r><w:instrText> {instr} </w:instrText></w:r>{fld('separate')}"
        f"<w:r><w:t>{result}</w:t></w:r>{fld('end')}"
        for instr, result in fields
    ]
    style = '<w:pPr><w:pStyle w:val="Heading1"/></w:pPr>' if heading else ""
    return f"<w:p>{style}{''.join(runs)}<w:r><w:t>teks</w:t></w:r></w:p>"


def test_libreoffice_copy_restarts_captions_per_chapter():
    caption = _para(("SEQ Bab \\c \\* ARABIC", "{c}"), ("SEQ Tabel \\* ARABIC \\s 1", "{n}"))
    body = "".join(
        [_para(("SEQ Bab \\r 1 \\h", ""), heading=True)]
        + [caption.format(c=1, n=n) for n in (1, 2)]
        + [_para(("SEQ Bab \\r 2 \\h", ""), heading=True)]
        + [caption.format(c=2, n=n) for n in (1, 2)]
    )
    root = etree.fromstring(f'<w:document xmlns:w="{W[1:-1]}"><w:body>{body}</w:body></w:document>')
    assert adjust(root) == 2
    instr = [" ".join((t.text or "").split()) for t in root.iter(W + "instrText")]
    assert instr == [
        "SEQ Tabel \\* ARABIC \\s 1 \\r 1",
        "SEQ Tabel \\* ARABIC \\s 1",
        "SEQ Tabel \\* ARABIC \\s 1 \\r 1",
        "SEQ Tabel \\* ARABIC \\s 1",
    ]
    texts = ["".join(t.text or "" for t in p.iter(W + "t")) for p in root.iter(W + "p")]
    assert texts == ["teks", "11teks", "12teks", "teks", "21teks", "22teks"]


def test_libreoffice_copy_of_the_report_keeps_every_part(saved, tmp_path):
    copy = tmp_path / "lo.docx"
    for_libreoffice(saved[0], copy)
    with zipfile.ZipFile(saved[0]) as a, zipfile.ZipFile(copy) as b:
        assert a.namelist() == b.namelist()
        root = etree.fromstring(b.read("word/document.xml"))
    assert not [t for t in root.iter(W + "instrText") if "SEQ Bab" in (t.text or "")]
    restarts = [t.text for t in root.iter(W + "instrText") if "\\r 1" in (t.text or "")]
    assert len(restarts) == 5  # Tabel in BAB I-III, Gambar in BAB I and III


@pytest.mark.parametrize("text", ["$5 juta dan $10 juta", "$\\frac{a}{b$", "Rp$ 1$"])
def test_chart_texts_are_never_mathtext(text):
    assert not matplotlib.cbook.is_math_text(charts.plain(text))
    bars = [charts.Bar(text, 95.0, text, "#0070C0")]
    charts.capaian_bars(bars, text, [(text, "#0070C0")])
    charts.trend_lines([(text, [(2021, 90.0, text), (2022, None, "N/A")])], text)
    charts.budget_bars([text], [1e9], [9e8], [text], text, unit_label=text)
    charts.trend_counts([2021], [(text, "#00B050", [1])], text)
    charts.org_chart([charts.OrgUnit("A", text, None, text)])


# -- structure of the report package ---------------------------------------------------------

#: Modules owned by the report's form (content's section modules are checked by their owner).
FORM_MODULES = sorted([p for p in REPORT.glob("*.py")] + [REPORT / "sections" / "lists.py"])


@pytest.mark.parametrize("path", FORM_MODULES, ids=lambda p: p.name)
def test_no_report_module_over_400_lines(path):
    assert len(path.read_text(encoding="utf-8").splitlines()) <= 400


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.module == "lkjip_xl.report":
                out |= {f"lkjip_xl.report.{a.name}" for a in node.names}
            elif node.module.startswith("lkjip_xl.report."):
                out.add(node.module)
        elif isinstance(node, ast.Import):
            out |= {a.name for a in node.names if a.name.startswith("lkjip_xl.report.")}
    return out


def test_report_modules_call_one_way():
    graph = {
        f"lkjip_xl.report.{p.stem}": _imports(p)
        for p in REPORT.glob("*.py")
        if p.stem != "__init__"
    }
    assert graph["lkjip_xl.report.ooxml"] == set()  # the raw OOXML helpers are a leaf
    for low in ("ooxml", "tables", "tablelayout", "numbering", "toc", "captions", "styles"):
        assert "lkjip_xl.report.writer" not in graph[f"lkjip_xl.report.{low}"], low
    seen: dict[str, int] = {}

    def visit(node: str, trail: tuple[str, ...]) -> None:  # no import cycle among them
        assert node not in trail, " -> ".join((*trail, node))
        if seen.get(node):
            return
        for nxt in graph.get(node, ()):
            visit(nxt, (*trail, node))
        seen[node] = 1

    for module in graph:
        visit(module, ())
