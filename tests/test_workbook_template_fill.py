"""From the empty template to one office, as the Petunjuk says: the committed template's tables
filled with another office's rows the way a user does (first row into the table's empty row,
the rest appended below it, so the table grows and Excel copies every calculated column's
formula into the new rows), then evaluated as Excel would with the real UDFs. Excel must show
exactly what the office's report prints, although the template never saw this office's data.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

pytest.importorskip("formulas")

sys.path.insert(0, str(Path(__file__).resolve().parent))

import excel_formulas as xf
import synthetic_office

from lkjip_xl.pipeline import load_file
from lkjip_xl.workbook import TEMPLATE_PATH
from lkjip_xl.workbook.data import load_rows

OFFICES_DIR = Path(__file__).resolve().parent / "offices"
#: The offices written for these tests (tests/offices/<name>/*.yaml); the generated one when
#: none is there yet. Each evaluation takes the `formulas` package most of a minute.
OFFICES = {p.name: p for p in sorted(OFFICES_DIR.glob("*")) if p.is_dir()} or {"sintetis": None}


@pytest.fixture(scope="module", params=sorted(OFFICES), ids=str)
def filled(request, tmp_path_factory):
    folder = OFFICES[request.param]
    rows = load_rows(folder) if folder is not None else synthetic_office.rows()
    out = tmp_path_factory.mktemp("isi") / f"LKjIP_{request.param}.xlsm"
    xf.fill_template(TEMPLATE_PATH, rows, out)
    return rows, out


def test_excel_shows_what_the_report_prints(filled):
    rows, path = filled
    values = xf.evaluate(path)
    laporan = xf.model(path)
    assert not xf.mismatches(path, values, laporan)
    assert len(laporan.indikator) == len(rows["tblIndikator"])
    assert len(laporan.sasaran) == len(rows["tblSasaran"])


def test_the_filled_template_is_checked_like_any_workbook(filled):
    _rows, path = filled
    loaded = load_file(path)
    assert loaded.laporan is not None
    codes = {f.kode for f in loaded.findings}
    assert not codes & {"rumus-ditimpa", "hasil-beda", "kualitatif-tanpa-skala"}
