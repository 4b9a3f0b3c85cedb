"""DOCX -> PDF through LibreOffice with the TOC, SEQ and PAGE fields updated, and the layout pass
that reads the page numbers of the Daftar Isi/Tabel/Gambar (report.pages).

``soffice --convert-to pdf`` prints stale lists; opening the document through UNO and refreshing
fields and indexes fills them (XRefreshable, XDocumentIndex.update). The UNO bridge lives in
Debian's python3-uno for the SYSTEM interpreter, so `_uno_convert.py` runs in /usr/bin/python3
as a child process with a private LibreOffice profile in a temp folder. LibreOffice lays out a
copy whose caption fields it understands (report.locopy). The PDF is written to a temp file next
to the target and moved into place only when complete.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from lkjip_xl.report.locopy import for_libreoffice
from lkjip_xl.report.output import OutputError, atomic_write

TIMEOUT_S = 120
SCRIPT = Path(__file__).with_name("_uno_convert.py")
INSTALL_HINT = (
    "Cara memasang: Debian/Ubuntu: sudo apt-get install libreoffice-writer-nogui python3-uno. "
    "Windows: pasang LibreOffice, atau buka berkas .docx di Word, tekan Ctrl+A lalu F9 untuk "
    "memperbarui daftar isi, daftar tabel dan nomor halaman, kemudian Simpan Sebagai PDF."
)
# Only when LibreOffice or its Python bridge is really missing (not after a timeout or a
# refused document, where installing would not help).
WORD_HINT = (
    "Buka berkas .docx di Word, tekan Ctrl+A lalu F9 untuk memperbarui daftar isi, daftar "
    "tabel dan nomor halaman, kemudian Simpan Sebagai PDF."
)


class PdfError(OutputError):
    """PDF conversion failed (LibreOffice missing, timed out or refused the document)."""


def system_python() -> str | None:
    """The interpreter that has the `uno` module (env LKJIP_UNO_PYTHON overrides)."""
    candidates = [os.environ.get("LKJIP_UNO_PYTHON"), "/usr/bin/python3", shutil.which("python3")]
    for exe in candidates:
        if not exe or not Path(exe).exists():
            continue
        probe = subprocess.run([exe, "-c", "import uno"], capture_output=True, timeout=30)
        if probe.returncode == 0:
            return exe
    return None


def available() -> str | None:
    """None when conversion can run, else the Indonesian reason (for tests and the CLI)."""
    if shutil.which(os.environ.get("LKJIP_SOFFICE", "soffice")) is None:
        return "LibreOffice (soffice) tidak ditemukan."
    if system_python() is None:
        return "Modul Python 'uno' (python3-uno) tidak ditemukan."
    return None


def convert_to_pdf(docx_path: str | Path, pdf_path: str | Path | None = None) -> Path:
    """Write the PDF next to the .docx (or at pdf_path); returns the PDF path."""
    docx_path = Path(docx_path).resolve()
    target = Path(pdf_path) if pdf_path else docx_path.with_suffix(".pdf")
    return atomic_write(target, lambda tmp: run_libreoffice(docx_path, pdf=tmp))


def run_libreoffice(docx_path: Path, *, pdf: Path | None = None) -> list[dict]:  # type: ignore[type-arg]
    """Lay the document out in LibreOffice; write the PDF to `pdf` when given. Returns the
    laid-out lists ([{"kind", "category", "lines": [[text, page], ...]}])."""
    if not docx_path.is_file():
        raise PdfError(f"Berkas '{docx_path}' tidak ditemukan.")
    reason = available()
    if reason:
        raise PdfError(f"PDF tidak dapat dibuat: {reason} {INSTALL_HINT}")
    python = system_python()
    assert python is not None
    with tempfile.TemporaryDirectory(prefix="lkjip_lo_") as profile:
        folder = Path(profile)
        source = folder / "masukan.docx"
        for_libreoffice(docx_path, source)
        # LibreOffice picks the export format from the extension: give the temp file one.
        out = folder / "keluaran.pdf"
        lists = folder / "daftar.json"
        args = [python, str(SCRIPT), str(source), str(folder / "profil"), "--lists", str(lists)]
        if pdf is not None:
            args += ["--pdf", str(out)]
        proc = subprocess.Popen(
            args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True
        )
        try:
            _, err = proc.communicate(timeout=TIMEOUT_S)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
            raise PdfError(
                f"LibreOffice tidak selesai dalam {TIMEOUT_S} detik; PDF tidak dibuat. {WORD_HINT}"
            ) from None
        except BaseException:  # SIGTERM/Ctrl+C: no LibreOffice left running
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
            raise
        failed = proc.returncode != 0 or not lists.is_file()
        if pdf is not None and not failed:
            failed = not out.is_file() or out.stat().st_size == 0
        if failed:
            detail = err.decode("utf-8", "replace").strip().splitlines()
            raise PdfError(
                "LibreOffice gagal membuat PDF"
                + (f" ({detail[-1]})" if detail else "")
                + f". {WORD_HINT}"
            )
        if pdf is not None:
            shutil.copyfile(out, pdf)
        return json.loads(lists.read_text(encoding="utf-8"))
