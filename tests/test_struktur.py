"""The organisation structure (tblStruktur -> Laporan.struktur -> Gambar 1.1): model, findings
naming the cell (unknown Kode Atasan, cycles, duplicate codes) and the chart's limits."""

from __future__ import annotations

import copy
import io
from pathlib import Path

import pytest
from PIL import Image

from lkjip_xl.checks import run_checks
from lkjip_xl.checks.struktur import find_cycles
from lkjip_xl.core.findings import Severity
from lkjip_xl.readers.tables import Workbook
from lkjip_xl.readers.to_model import build_model
from lkjip_xl.readers.xlsx_file import read_workbook
from lkjip_xl.readers.yaml_source import read_yaml_tables
from lkjip_xl.report import charts

EXAMPLE_XLSM = Path(__file__).resolve().parents[1] / "examples" / "LKjIP_Setda_Kota_Jambi_2022.xlsm"


@pytest.fixture(scope="module")
def example_book() -> Workbook:
    if not EXAMPLE_XLSM.exists():
        pytest.skip("example workbook not built yet")
    return read_workbook(EXAMPLE_XLSM)


def _set(book: Workbook, kode: str, column: str, value: object) -> str:
    """Change one cell of the tblStruktur row of ``kode``; returns that cell's address."""
    row = next(r for r in book.tables["tblStruktur"].rows if r.values["Kode Unit"] == kode)
    row.values[column] = value
    return row.cell(column)  # type: ignore[return-value]


def _all(book: Workbook):
    laporan, findings = build_model(book)
    return laporan, findings + run_checks(book, laporan)


def test_model_has_units_with_parents() -> None:
    laporan, findings = build_model(read_yaml_tables())
    assert laporan is not None
    assert not [f for f in findings if f.severity is Severity.KESALAHAN]
    units = {u.kode: u for u in laporan.struktur}
    assert len(laporan.struktur) == 48
    head = laporan.struktur[0]
    assert (head.kode, head.nama, head.kode_atasan) == ("SEKDA", "Sekretaris Daerah", None)
    assert head.pejabat == "Drs. H. A. RIDWAN, M.Si"
    assert [u.kode for u in laporan.struktur if u.kode_atasan == "SEKDA"] == [
        "AS1",
        "AS2",
        "AS3",
        "SA1",
        "SA2",
        "SA3",
        "KJF",
    ]
    assert [units[k].nama for k in ("AS1", "AS2", "AS3")] == [
        "Asisten Pemerintahan dan Kesejahteraan Rakyat",
        "Asisten Perekonomian dan Pembangunan",
        "Asisten Administrasi Umum",
    ]
    bagian = {
        a: [u.nama for u in laporan.struktur if u.kode_atasan == a] for a in ("AS1", "AS2", "AS3")
    }
    assert bagian["AS1"] == [
        "Bagian Tata Pemerintahan",
        "Bagian Kesejahteraan Rakyat",
        "Bagian Hukum",
        "Bagian Kerja Sama",
    ]
    assert len(bagian["AS2"]) == 2 and len(bagian["AS3"]) == 4
    kewilayahan = next(
        u for u in laporan.struktur if u.nama == "Sub Bagian Administrasi Kewilayahan"
    )
    assert units[kewilayahan.kode_atasan].nama == "Bagian Tata Pemerintahan"
    assert all(u.pejabat == "" for u in laporan.struktur[1:])


def test_workbook_reads_struktur_with_cells(example_book: Workbook) -> None:
    laporan, findings = _all(example_book)
    assert laporan is not None and not [f for f in findings if f.severity is Severity.KESALAHAN]
    assert len(laporan.struktur) == 48
    assert laporan.struktur[0].refs["Kode Unit"] == "'Struktur'!A4"


def test_unknown_parent_is_a_finding_naming_the_cell(example_book: Workbook) -> None:
    book = copy.deepcopy(example_book)
    cell = _set(book, "B1.2", "Kode Atasan", "AS9")
    laporan, findings = _all(book)
    found = [f for f in findings if f.kode == "kode-tidak-dikenal"]
    assert len(found) == 1
    f = found[0]
    assert f.severity is Severity.KESALAHAN
    assert (f.sheet, f.cell, f.table, f.column) == ("Struktur", cell, "tblStruktur", "Kode Atasan")
    assert "AS9" in f.message
    assert laporan is not None
    assert next(u for u in laporan.struktur if u.kode == "B1.2").kode_atasan is None


def test_cycle_is_a_finding_naming_the_cell(example_book: Workbook) -> None:
    book = copy.deepcopy(example_book)
    cell = _set(book, "AS1", "Kode Atasan", "B1.1.1")  # AS1 -> B1.1.1 -> B1.1 -> AS1
    laporan, findings = _all(book)
    cycles = [f for f in findings if f.kode == "struktur-siklus"]
    assert len(cycles) == 1
    f = cycles[0]
    assert f.severity is Severity.KESALAHAN
    assert (f.sheet, f.cell, f.table, f.column) == ("Struktur", cell, "tblStruktur", "Kode Atasan")
    for kode in ("AS1", "B1.1", "B1.1.1"):
        assert kode in f.message
    # the report side still terminates and draws every unit
    assert laporan is not None
    chart = charts.org_chart(
        [charts.OrgUnit(u.kode, u.nama, u.kode_atasan, u.pejabat) for u in laporan.struktur]
    )
    assert chart.shown == chart.total == 48


def test_self_parent_and_duplicate_code(example_book: Workbook) -> None:
    book = copy.deepcopy(example_book)
    cell = _set(book, "KJF", "Kode Atasan", "KJF")
    _set(book, "SA3", "Kode Unit", "SA2")
    _, findings = _all(book)
    kodes = {f.kode: f for f in findings}
    assert kodes["struktur-siklus"].cell == cell
    assert "dirinya sendiri" in kodes["struktur-siklus"].message
    assert kodes["kode-ganda"].table == "tblStruktur"


def test_find_cycles_is_linear_and_finds_each_cycle_once() -> None:
    parent: dict[str, str | None] = {"a": "b", "b": "c", "c": "a", "d": "a", "e": None, "f": "f"}
    assert sorted(map(sorted, find_cycles(parent))) == [["a", "b", "c"], ["f"]]
    chain = {str(i): str(i + 1) for i in range(100_000)}
    chain["100000"] = "0"
    assert len(find_cycles(chain)[0]) == 100_001


def test_org_tree_breaks_cycles_and_keeps_everyone() -> None:
    units = [
        charts.OrgUnit("A", "a", "B"),
        charts.OrgUnit("B", "b", "A"),
        charts.OrgUnit("C", "c", "A"),
        charts.OrgUnit("D", "d", "X"),
        charts.OrgUnit("E", "e", "E"),
    ]
    roots, children, depth = charts.org_tree(units)
    assert sorted(depth) == [0, 1, 2, 3, 4]
    assert set(roots) == {0, 3, 4}
    assert sorted(children[0]) == [1, 2]


def _big(n_bagian: int, subs: int) -> list[charts.OrgUnit]:
    units = [charts.OrgUnit("K", "Kepala Dinas Pekerjaan Umum dan Penataan Ruang", None, "Nama")]
    for b in range(n_bagian):
        units.append(
            charts.OrgUnit(f"B{b}", f"Bidang Nomor {b} dengan Nama yang Cukup Panjang", "K")
        )
        for s in range(subs):
            units.append(charts.OrgUnit(f"B{b}.{s}", f"Seksi {s} Bidang {b}", f"B{b}"))
            units.append(charts.OrgUnit(f"B{b}.{s}.1", f"Subkelompok {s}", f"B{b}.{s}"))
    return units


def test_org_chart_scales_and_cuts_large_structures() -> None:
    small = charts.org_chart(_big(2, 2))
    assert small.shown == small.total == 11
    large = charts.org_chart(_big(6, 6))  # 1 + 6 + 72 units
    assert large.total == 79 and large.shown == 1 + 6 + 36  # three levels
    assert large.height_cm > small.height_cm
    image = Image.open(io.BytesIO(large.png.getvalue()))
    assert image.size[0] == pytest.approx(large.width_cm / 2.54 * charts.DPI, abs=2)


def _units(rows: list[dict]) -> list[charts.OrgUnit]:
    return [
        charts.OrgUnit(
            str(r["Kode Unit"]),
            str(r.get("Unit Organisasi") or ""),
            r.get("Kode Atasan"),
            str(r.get("Nama Pejabat") or ""),
        )
        for r in rows
    ]


def _example_units() -> list[charts.OrgUnit]:
    laporan, _ = build_model(read_yaml_tables())
    assert laporan is not None
    return [charts.OrgUnit(u.kode, u.nama, u.kode_atasan, u.pejabat) for u in laporan.struktur]


def _dinkes_units() -> list[charts.OrgUnit]:
    from lkjip_xl.workbook.data import load_rows

    return _units(load_rows(Path(__file__).parent / "offices" / "dinkes")["tblStruktur"])


def _fits_the_page(chart: charts.OrgChart) -> None:
    """Drawn at (nearly) the size printed: at most the text width and the page below the
    caption; every line of text inside its box, every box inside the image."""
    assert chart.width_cm <= 14.5 and chart.height_cm <= 21.5, (chart.width_cm, chart.height_cm)
    assert chart.height_cm >= 3 and chart.width_cm >= 3
    from lkjip_xl.report import orgchart

    for kode, x, y, w, h, name, who, bold in chart.boxes:
        assert x >= 0 and y >= 0 and x + w <= chart.width_cm + 1e-6
        assert y + h <= chart.height_cm + 1e-6, kode
        inner = w - 2 * orgchart.PAD_CM
        for line in name:  # each line fits as drawn (wrap would keep it whole)
            assert orgchart.wrap(line, inner, bold=bold) == [line], (kode, line)
        for line in who:
            assert orgchart.wrap(line, inner) == [line], (kode, line)
        assert (len(name) + len(who)) * orgchart.ORG_FONT_PT * 1.25 * 2.54 / 72 < h


@pytest.mark.parametrize("office", ["contoh", "dinkes"])
def test_org_chart_fits_with_text_inside_the_boxes(office: str) -> None:
    units = _example_units() if office == "contoh" else _dinkes_units()
    assert len(units) in (48, 25)
    chart = charts.org_chart(units)
    assert chart.shown == chart.total == len(units) and not chart.note
    _fits_the_page(chart)
    image = Image.open(io.BytesIO(chart.png.getvalue()))
    assert image.size[0] == pytest.approx(chart.width_cm / 2.54 * charts.DPI, abs=2)


def test_org_chart_without_any_kode_atasan_is_a_grid_not_a_strip() -> None:
    flat = [charts.OrgUnit(u.kode, u.nama, None, u.pejabat) for u in _example_units()]
    chart = charts.org_chart(flat)
    assert chart.shown == 48
    _fits_the_page(chart)
    assert chart.height_cm > 10  # several rows of boxes, not a 0,2 cm strip


def test_org_chart_of_2000_units_is_bounded_and_says_what_it_leaves_out() -> None:
    flat = [charts.OrgUnit(f"U{i}", f"Unit Pelaksana Teknis Daerah {i}") for i in range(2000)]
    chart = charts.org_chart(flat)
    assert chart.total == 2000 and chart.shown == charts.MAX_ORG_UNITS
    assert chart.note == "Bagan memuat 60 unit pertama dari 2000 unit organisasi."
    _fits_the_page(chart)
    tree = [charts.OrgUnit("K", "Kepala Dinas")] + [
        charts.OrgUnit(f"S{i}", f"Seksi {i}", f"S{i % 20}" if i >= 20 else "K") for i in range(2000)
    ]
    chart = charts.org_chart(tree)
    assert chart.shown == 21
    assert chart.note == "Bagan memuat 2 tingkat teratas, yaitu 21 dari 2001 unit organisasi."
    _fits_the_page(chart)
    image = Image.open(io.BytesIO(chart.png.getvalue()))
    assert max(image.size) <= 21.5 / 2.54 * charts.DPI


def test_org_chart_uses_the_report_font() -> None:
    from matplotlib.font_manager import FontProperties, findfont

    from lkjip_xl.report.chartstyle import FONTS

    assert FONTS[0] == "Arial"
    found = Path(findfont(FontProperties(family=["sans-serif"]))).name
    if "DejaVu" in found:
        pytest.skip("neither Arial nor Liberation Sans is installed here")
    assert found.startswith(("Arial", "arial", "Liberation"))


def test_org_chart_single_unit_and_empty_names() -> None:
    chart = charts.org_chart([charts.OrgUnit("X", "")])
    assert chart.shown == 1 and chart.width_cm > 0
