"""Regenerate workbook/vba/xlwings_udfs.bas from lkjip_xl.udf.functions with xlwings' generator.

Also writes workbook/vba/LKjIP_Wizard.bas (the functions' descriptions for Insert Function) and
refreshes workbook/vba/xlwings.bas and Dictionary.cls from the installed xlwings package (the
VBA must match the pinned Python-side xlwings). Then run scripts/build_template.py.

    python scripts/generate_udf_vba.py           # write the files
    python scripts/generate_udf_vba.py --check   # exit 1 if a file is stale
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from lkjip_xl.workbook import vba


def expected() -> dict[Path, bytes]:
    return {vba.VBA_DIR / name: data for name, data in vba.generated_sources().items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    files = expected()
    if args.check:
        stale = [p for p, data in files.items() if not p.exists() or p.read_bytes() != data]
        for path in stale:
            print(f"stale: {path.relative_to(vba.REPO_ROOT)}")
        return 1 if stale else 0
    for path, data in files.items():
        path.write_bytes(data)
        print(f"written: {path.relative_to(vba.REPO_ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
