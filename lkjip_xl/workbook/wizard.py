"""The LKjIP_Wizard VBA module: descriptions of the UDFs for Excel's Insert Function dialog.

xlwings' "Import Functions" (ImportUDFs) registers every UDF with ``Application.MacroOptions``:
its docstring as the description, each ``@xw.arg(doc=...)`` as argument help, and the
``category`` given to ``@xw.func``. The workbook embeds the wrappers instead of importing them,
so it registers them itself: this module is generated from the same metadata and run from
``Workbook_Open`` (workbook/vba/ThisWorkbook.cls). The description is the docstring's first
paragraph (ImportUDFs takes the whole docstring cut at 255 characters, often mid-sentence).
"""

from __future__ import annotations

HEADER = (
    'Attribute VB_Name = "LKjIP_Wizard"\n'
    "' Dibuat otomatis oleh scripts/generate_udf_vba.py dari lkjip_xl.udf.functions: jangan\n"
    "' diubah di sini (perubahan hilang pada build berikutnya).\n"
    "Option Explicit\n"
    "\n"
    "' Deskripsi fungsi LKjIP dan argumennya untuk jendela Insert Function (fx), dalam\n"
    '\' kategori "LKjIP", seperti yang dilakukan ImportUDFs milik xlwings. Dipanggil oleh\n'
    "' Workbook_Open. Gagal diam-diam (mis. struktur buku kerja diproteksi): fungsinya tetap\n"
    "' berjalan, hanya tanpa keterangan.\n"
)
MAX_TEXT = 255  # Excel's limit for a description and for each argument description


def _vba_string(text: str) -> str:
    text = " ".join(text.split())[:MAX_TEXT]
    text.encode("cp1252")  # VBA source is cp1252: fail at build time, not in Excel
    return '"' + text.replace('"', '""') + '"'


def _description(meta: dict) -> str:
    doc = (meta["ret"].get("doc") or "").strip()
    return doc.split("\n\n")[0]


def wizard_module(functions: list[dict], category: str = "LKjIP") -> str:
    """VBA text (LF line endings) of Sub RegisterFunctions for these ``__xlfunc__`` records."""
    lines = [
        HEADER.rstrip("\n"),
        "",
        "Sub RegisterFunctions()",
        "    Dim book As String, wasSaved As Boolean",
        "    On Error Resume Next",
        "    wasSaved = ThisWorkbook.Saved",
        '    book = "\'" & Replace(ThisWorkbook.Name, "\'", "\'\'") & "\'!"',
    ]
    for meta in functions:
        args = [_vba_string(a["doc"]) for a in meta["args"] if not a.get("vba")]
        lines.append(
            f'    Application.MacroOptions Macro:=book & "{meta["name"]}", '
            f"Description:={_vba_string(_description(meta))}, _"
        )
        lines.append(f'        Category:="{category}", ArgumentDescriptions:=Array( _')
        lines += [f"            {a}, _" for a in args[:-1]]
        lines.append(f"            {args[-1]})" if args else "            )")
    lines += ["    ThisWorkbook.Saved = wasSaved", "End Sub", ""]
    return "\n".join(lines)
