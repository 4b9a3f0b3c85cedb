"""Page numbers of the Daftar Isi/Tabel/Gambar written into the .docx itself.

LibreOffice lays the saved document out (report.pdf.run_libreoffice, which can export the PDF
in the same pass) and reports each list's entries with their page numbers; these are paired
with the entries the builder wrote (report.toc) and stored as the PAGEREF results. The fields
stay marked dirty, so Word still renumbers on open. Without LibreOffice the lists keep their
entries without numbers.
"""

from __future__ import annotations

import contextlib
import zipfile
from pathlib import Path

from lxml import etree

from lkjip_xl.report import toc
from lkjip_xl.report.output import atomic_write
from lkjip_xl.report.pdf import PdfError, available, run_libreoffice

_KIND = {"ContentIndex": toc.ISI}


def _our_kind(instr: str) -> str:
    if "\\c" in instr:
        return instr.split("\\c", 1)[1].strip().split()[0].strip('"')
    return toc.ISI


def pages_for(body, lists: list[dict]) -> dict[str, str]:  # type: ignore[no-untyped-def,type-arg]
    """bookmark -> page for every entry of the document's TOC fields that LibreOffice's laid-out
    list of the same kind holds in the same order."""
    pages: dict[str, str] = {}
    for instr, entries in toc.toc_fields(body):
        kind = _our_kind(instr)
        candidates = [
            item["lines"]
            for item in lists
            if _KIND.get(item["kind"]) == kind or (item.get("category") or "") == kind
        ] or [item["lines"] for item in lists]
        best = max((toc.match_pages(entries, lines) for lines in candidates), key=len, default={})
        pages.update(best)
    return pages


def apply_lists(docx_path: Path, lists: list[dict]) -> int:  # type: ignore[type-arg]
    """Write the page numbers into the .docx (atomically); returns how many entries got one."""
    with zipfile.ZipFile(docx_path) as zin:
        root = etree.fromstring(zin.read("word/document.xml"))
    done = toc.set_pages(root, pages_for(root, lists))
    if not done:
        return 0

    def write(tmp: Path) -> None:
        with (
            zipfile.ZipFile(docx_path) as zin,
            zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zout,
        ):
            for item in zin.infolist():
                data = zin.read(item)
                if item.filename == "word/document.xml":
                    data = etree.tostring(
                        root, xml_declaration=True, encoding="UTF-8", standalone=True
                    )
                zout.writestr(item, data)

    atomic_write(docx_path, write)
    return done


def lay_out(docx_path: Path, pdf_path: Path | None = None) -> Path | None:
    """The LibreOffice pass after saving: page numbers into the .docx lists and, when asked,
    the PDF (atomically). Without LibreOffice, or when it fails, the lists keep their entries
    without numbers; only a PDF that cannot be made raises report.pdf.PdfError."""
    docx_path = Path(docx_path).resolve()
    if pdf_path is None:
        if available() is not None:
            return None
        with contextlib.suppress(PdfError):  # complete without numbers; Word adds them
            apply_lists(docx_path, run_libreoffice(docx_path))
        return None
    holder: dict[str, list] = {}  # type: ignore[type-arg]

    def make_pdf(tmp: Path) -> None:
        holder["lists"] = run_libreoffice(docx_path, pdf=tmp)

    written = atomic_write(Path(pdf_path), make_pdf)
    apply_lists(docx_path, holder["lists"])
    return written
