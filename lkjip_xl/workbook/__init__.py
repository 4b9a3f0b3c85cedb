"""Build-time package: writes workbook/LKjIP_template.xlsm and the example workbook.

Imports XlsxWriter and pyOpenVBA (development dependencies); the runtime package never imports
it. Entry points: ``build_all`` (used by scripts/build_template.py) and ``build_bytes``.
"""

from __future__ import annotations

from pathlib import Path

from .builder import build_bytes, sheet_code_names
from .data import load_rows, template_rows
from .vba import REPO_ROOT, build_vba_project

TEMPLATE_PATH = REPO_ROOT / "workbook" / "LKjIP_template.xlsm"
EXAMPLE_PATH = REPO_ROOT / "examples" / "LKjIP_Setda_Kota_Jambi_2022.xlsm"

__all__ = ["EXAMPLE_PATH", "TEMPLATE_PATH", "build_all", "build_bytes", "outputs"]


def outputs() -> dict[Path, bytes]:
    """Both workbooks' bytes, keyed by their committed path."""
    project = build_vba_project(sheet_code_names())
    return {
        TEMPLATE_PATH: build_bytes(template_rows(), project),
        EXAMPLE_PATH: build_bytes(load_rows(), project),
    }


def build_all(out_dir: Path | None = None) -> list[Path]:
    """Write both workbooks (to their committed paths, or flat into ``out_dir``)."""
    written = []
    for path, data in outputs().items():
        target = path if out_dir is None else Path(out_dir) / path.name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        written.append(target)
    return written
