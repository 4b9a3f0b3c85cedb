"""Build workbook/LKjIP_template.xlsm and examples/LKjIP_Setda_Kota_Jambi_2022.xlsm from text.

    python scripts/build_template.py           # write both files
    python scripts/build_template.py --check   # exit 1 if a committed file differs

Sources: lkjip_xl/schema/ (layout), lkjip_xl/workbook/ (builder), workbook/vba/*.bas|.cls
(VBA), examples/data/*.yaml (example rows). Regenerate workbook/vba/xlwings_udfs.bas first
with scripts/generate_udf_vba.py when lkjip_xl/udf/functions.py changes.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from lkjip_xl.workbook import REPO_ROOT, outputs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check",
        action="store_true",
        help="rebuild in memory and compare with the committed files",
    )
    args = parser.parse_args(argv)
    built = outputs()
    if args.check:
        stale = [p for p, data in built.items() if not p.exists() or p.read_bytes() != data]
        for path in stale:
            print(f"berbeda dari build baru: {path.relative_to(REPO_ROOT)}")
        if stale:
            print("Jalankan: python scripts/build_template.py")
            return 1
        print("OK: kedua buku kerja sama dengan build baru.")
        return 0
    for path, data in built.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        print(f"ditulis: {path.relative_to(REPO_ROOT)} ({len(data):,} byte)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
