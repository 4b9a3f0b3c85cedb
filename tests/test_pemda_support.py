"""Helpers for the Pemda tests (no tests here): Pemda folders built from the example's text
sources with edits, OPD workbooks built from YAML with edits, the CLI run in-process."""

from __future__ import annotations

import copy
import shutil
from collections.abc import Callable
from functools import cache
from pathlib import Path

from lkjip_xl.pemda import schema as ps
from lkjip_xl.pemda.workbook import EXAMPLE_PATH, builder
from lkjip_xl.pemda.workbook.yaml_source import EXAMPLE_DATA, load_rows

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE_DIR = EXAMPLE_PATH.parent
DINKES = ROOT / "tests" / "offices" / "dinkes"

Rows = dict[str, list[dict[str, object]]]


@cache
def _pemda_vba() -> bytes:
    from lkjip_xl.workbook import vba

    return vba.build_vba_project(builder.sheet_code_names())


@cache
def _opd_vba() -> bytes:
    from lkjip_xl.workbook import builder as opd_builder
    from lkjip_xl.workbook import vba

    return vba.build_vba_project(opd_builder.sheet_code_names())


def pemda_rows() -> Rows:
    return copy.deepcopy(load_rows(EXAMPLE_DATA))


def opd_rows(folder: Path) -> Rows:
    from lkjip_xl.workbook.data import load_rows as load_opd_rows

    return copy.deepcopy(load_opd_rows(folder))


@cache
def _opd_bytes_cached(folder: str, tahun: int | None) -> bytes:
    rows = opd_rows(Path(folder))
    if tahun is not None:
        set_identitas(rows, "tblIdentitas", "Tahun Laporan", tahun)
    return build_opd(rows)


def build_opd(rows: Rows) -> bytes:
    from lkjip_xl.workbook import build_bytes

    return build_bytes(rows, _opd_vba())


def dinkes_bytes(tahun: int | None = 2022) -> bytes:
    """The synthetic Dinas Kesehatan (tests/offices/dinkes), its Tahun Laporan set to `tahun`."""
    return _opd_bytes_cached(str(DINKES), tahun)


def set_identitas(rows: Rows, table: str, key: str, value: object) -> None:
    for r in rows[table]:
        if r["Kunci"] == key:
            r["Nilai"] = value
            return
    raise KeyError(key)


def make_pemda(
    folder: Path,
    edit: Callable[[Rows], None] | None = None,
    *,
    extra_files: dict[str, bytes] | None = None,
    name: str = EXAMPLE_PATH.name,
) -> Path:
    """A Pemda folder: the example's OPD workbooks (and `extra_files`, relative names) and a
    Pemda workbook built from the example's YAML after `edit`."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copytree(EXAMPLE_DIR / "opd", folder / "opd", dirs_exist_ok=True)
    for rel, data in (extra_files or {}).items():
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / rel).write_bytes(data)
    rows = pemda_rows()
    if edit is not None:
        edit(rows)
    path = folder / name
    path.write_bytes(builder.build_bytes(rows, vba_project=_pemda_vba()))
    return path


def add_opd(rows: Rows, kode: str, nama: str, berkas: str, kelompok: str = "Dinas") -> None:
    rows[ps.OPD.name].append(
        {"Kode OPD": kode, "Nama OPD": nama, "Kelompok": kelompok, "Berkas": berkas}
    )


def run_cli(*args: str) -> tuple[int, str]:
    """`lkjip-xl` in-process; returns the exit code and everything printed to stdout."""
    import contextlib
    import io

    from lkjip_xl.cli import main

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(list(args))
    return code, out.getvalue()
