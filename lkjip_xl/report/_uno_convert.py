"""Run by the SYSTEM python3 (Debian python3-uno): lay out a .docx with fields and indexes
updated; export the PDF and/or write the laid-out lists (text and page of each entry).

Usage: python3 _uno_convert.py INPUT.docx PROFILE_DIR [--pdf OUTPUT.pdf] [--lists OUTPUT.json]

Starts soffice headless on a private profile (-env:UserInstallation) listening on a pipe,
opens the document hidden, refreshes text fields and every index (TOC, tables, figures) twice
(the second pass fixes page numbers that moved when the lists grew), exports PDF, writes the
lists as JSON ([{"kind", "category", "lines": [[text, page], ...]}]) and stops soffice. Exit
code 0 on success; messages on stderr. Kept free of project imports on purpose.
"""

import contextlib
import json
import os
import subprocess
import sys
import time
import uuid


def _lists(doc):
    """Every index of the document with its lines split into (entry text, page)."""
    out = []
    indexes = doc.getDocumentIndexes()
    for i in range(indexes.getCount()):
        index = indexes.getByIndex(i)
        kind = next(
            (
                k
                for k in ("ContentIndex", "IllustrationIndex")
                if index.supportsService("com.sun.star.text." + k)
            ),
            "other",
        )
        category = ""
        with contextlib.suppress(Exception):
            category = index.LabelCategory or ""
        lines = []
        for line in index.getAnchor().getString().replace("\r", "").split("\n"):
            text, _, page = line.rpartition("\t")
            if text.strip():
                lines.append([text.strip(), page.strip()])
        out.append({"kind": kind, "category": category, "lines": lines})
    return out


def main(argv):
    src, profile = argv[1], argv[2]
    options = dict(zip(argv[3::2], argv[4::2], strict=False))
    dst, lists_path = options.get("--pdf"), options.get("--lists")
    import uno
    from com.sun.star.beans import PropertyValue

    def prop(name, value):
        p = PropertyValue()
        p.Name, p.Value = name, value
        return p

    pipe = "lkjip_" + uuid.uuid4().hex
    soffice = os.environ.get("LKJIP_SOFFICE", "soffice")
    proc = subprocess.Popen(
        [
            soffice,
            "--headless",
            "--invisible",
            "--nologo",
            "--norestore",
            "--nodefault",
            "--nolockcheck",
            "-env:UserInstallation=" + uno.systemPathToFileUrl(profile),
            f"--accept=pipe,name={pipe};urp;StarOffice.ComponentContext",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", local
        )
        ctx = None
        for _ in range(600):
            if proc.poll() is not None:
                raise RuntimeError(f"soffice berhenti sebelum siap (kode {proc.returncode})")
            try:
                ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
                break
            except Exception:
                time.sleep(0.1)
        if ctx is None:
            raise RuntimeError("tidak dapat terhubung ke soffice")
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        doc = desktop.loadComponentFromURL(
            uno.systemPathToFileUrl(os.path.abspath(src)),
            "_blank",
            0,
            (prop("Hidden", True), prop("ReadOnly", True)),
        )
        if doc is None:
            raise RuntimeError("LibreOffice tidak dapat membuka dokumen")
        try:
            for _ in range(2):
                doc.getTextFields().refresh()
                indexes = doc.getDocumentIndexes()
                for i in range(indexes.getCount()):
                    indexes.getByIndex(i).update()
                doc.refresh()
            if lists_path:
                with open(lists_path, "w", encoding="utf-8") as out:
                    json.dump(_lists(doc), out)
            if dst:
                doc.storeToURL(
                    uno.systemPathToFileUrl(os.path.abspath(dst)),
                    (prop("FilterName", "writer_pdf_Export"),),
                )
        finally:
            doc.close(True)
        with contextlib.suppress(Exception):
            desktop.terminate()
    finally:
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv))
    except Exception as exc:  # report any UNO failure as one line for the caller
        sys.stderr.write(f"{type(exc).__name__}: {exc}\n")
        sys.exit(2)
