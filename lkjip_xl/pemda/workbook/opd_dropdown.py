"""An OPD workbook whose "Kode Sasaran RPJMD" column offers the Pemda's sasaran RPJMD codes.

The generic OPD template cannot know a Pemda's codes, so its column is free text (the Pemda's
`periksa` names any code it does not know, with the list of valid ones). Once the codes are known,
the Pemda hands its OPDs a template with a dropdown: this module adds one data validation (an
inline list, any other code still accepted with a note) to the built OPD workbook's sheet part,
leaving every other part of the file, the VBA project included, byte for byte as built.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Sequence

from xlsxwriter.utility import xl_col_to_name

from lkjip_xl import schema

COLUMN = "Kode Sasaran RPJMD"
ROWS = 500  # data rows the list covers, from row 4 (as the OPD layout's other dropdowns)
_SHEET_REL = re.compile(r'<sheet [^>]*name="([^"]+)"[^>]*r:id="([^"]+)"')
_REL = re.compile(r'<Relationship [^>]*Id="([^"]+)"[^>]*Target="([^"]+)"')


def _sheet_part(zf: zipfile.ZipFile, sheet: str) -> str:
    workbook = zf.read("xl/workbook.xml").decode("utf-8")
    rels = zf.read("xl/_rels/workbook.xml.rels").decode("utf-8")
    rid = dict(_SHEET_REL.findall(workbook))[sheet]
    target = dict((i, t) for i, t in _REL.findall(rels))[rid]
    return target.lstrip("/") if target.startswith("/") else f"xl/{target}"


def _validation(sqref: str, codes: Sequence[str]) -> str:
    listed = ",".join(codes)
    if len(listed) > 255 or any('"' in c or "," in c for c in codes):
        raise ValueError("kode sasaran RPJMD terlalu panjang untuk daftar pilihan Excel")
    return (
        '<dataValidation type="list" errorStyle="information" allowBlank="1" '
        'showInputMessage="1" showErrorMessage="1" errorTitle="Kode di luar daftar" '
        'error="Kode ini tidak ada di daftar sasaran RPJMD Pemda." '
        f'sqref="{sqref}"><formula1>"{listed}"</formula1></dataValidation>'
    )


def with_sasaran_dropdown(workbook: bytes, codes: Sequence[str]) -> bytes:
    """The OPD workbook `workbook` with the dropdown of `codes` on its Kode Sasaran RPJMD cells."""
    from lkjip_xl.workbook import layout

    place = layout.PLACEMENTS[schema.SASARAN.name]
    letter = xl_col_to_name(place.col(COLUMN))
    first = layout.FIRST_DATA_ROW + 1
    sqref = f"{letter}{first}:{letter}{first + ROWS - 1}"
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(workbook)) as src, zipfile.ZipFile(out, "w") as dst:
        part = _sheet_part(src, schema.SASARAN.sheet)
        for info in src.infolist():
            data = src.read(info)
            if info.filename == part:
                data = _insert(data.decode("utf-8"), _validation(sqref, codes)).encode("utf-8")
            dst.writestr(info, data)
    return out.getvalue()


def _insert(xml: str, validation: str) -> str:
    match = re.search(r'<dataValidations count="(\d+)">', xml)
    if match:
        count = int(match.group(1)) + 1
        xml = xml.replace(match.group(0), f'<dataValidations count="{count}">', 1)
        return xml.replace("</dataValidations>", validation + "</dataValidations>", 1)
    anchor = re.search(r"<(hyperlinks|printOptions|pageMargins)\b", xml)
    if anchor is None:
        raise ValueError("sheet part without pageMargins")
    block = f'<dataValidations count="1">{validation}</dataValidations>'
    return xml[: anchor.start()] + block + xml[anchor.start() :]
