"""Build the Pemda template and the bundled Pemda example from text.

    python scripts/build_pemda.py           # write every file
    python scripts/build_pemda.py --check   # exit 1 if a committed file differs
    python scripts/build_pemda.py --templat-opd PEMDA.xlsm OUT.xlsm
        # the OPD template with a dropdown of that Pemda's sasaran RPJMD codes

Writes workbook/LKjIP_Pemda_template.xlsm and examples/pemda/ (LKjIP_Pemda_Kota_Contoh_2022.xlsm
and opd/*.xlsm). Sources: lkjip_xl/pemda/schema.py and lkjip_xl/pemda/workbook/ (layout,
builder, Petunjuk), examples/pemda/data/*.yaml (the Pemda), examples/pemda/opd/<name>/*.yaml
(two OPDs) and the Setda example of scripts/build_template.py (copied byte for byte). Run
scripts/build_template.py first when the OPD layout or the Setda example changes.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from lkjip_xl.pemda.workbook import outputs
from lkjip_xl.workbook.vba import REPO_ROOT


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the committed files")
    parser.add_argument(
        "--templat-opd",
        nargs=2,
        type=Path,
        metavar=("PEMDA.xlsm", "OUT.xlsm"),
        help="write the OPD template with this Pemda's sasaran RPJMD codes as a dropdown",
    )
    args = parser.parse_args(argv)
    if args.templat_opd:
        from lkjip_xl.pemda.workbook import opd_template_for

        pemda, out = args.templat_opd
        out.write_bytes(opd_template_for(pemda))
        print(f"ditulis: {out}")
        return 0
    built = outputs()
    if args.check:
        stale = [p for p, data in built.items() if not p.exists() or p.read_bytes() != data]
        for path in stale:
            print(f"berbeda dari build baru: {path.relative_to(REPO_ROOT)}")
        if stale:
            print("Jalankan: python scripts/build_pemda.py")
            return 1
        print("OK: semua berkas Pemda sama dengan build baru.")
        return 0
    for path, data in built.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        print(f"ditulis: {path.relative_to(REPO_ROOT)} ({len(data):,} byte)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
