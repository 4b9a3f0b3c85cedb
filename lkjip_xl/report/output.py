"""Saving the document atomically, with Indonesian errors and a free alternative name."""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

from docx.document import Document


class OutputError(Exception):
    """The report could not be written; `message` is Indonesian, `alternative` a free name."""

    def __init__(self, message: str, alternative: Path | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.alternative = alternative


_SUFFIX_NUMBER = re.compile(r"^(.*)_\((\d+)\)$")


def free_name(path: str | Path) -> Path:
    """The first "name_(2).docx", "name_(3).docx", ... that does not exist yet."""
    path = Path(path)
    stem = path.stem
    match = _SUFFIX_NUMBER.match(stem)
    number = 2
    if match:
        stem, number = match.group(1), int(match.group(2)) + 1
    while True:
        candidate = path.with_name(f"{stem}_({number}){path.suffix}")
        if not candidate.exists() and not _word_lock(candidate).exists():
            return candidate
        number += 1


def _word_lock(path: Path) -> Path:
    """Word's owner file for an open document: "~$" + name (first 2 chars dropped if long)."""
    name = path.name
    return path.with_name("~$" + (name[2:] if len(name) > 11 else name))


def is_locked(path: Path) -> bool:
    """True when Word or LibreOffice has the file open (lock file next to it)."""
    return _word_lock(path).exists() or path.with_name(f".~lock.{path.name}#").exists()


def _default_mode() -> int:
    """The mode open() would give a new file (0o666 minus the umask)."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def atomic_write(path: str | Path, write) -> Path:  # type: ignore[no-untyped-def]
    """Call write(temp_path) for a temp file in the target folder, then os.replace it.

    Nothing is left behind on failure; a target open in Word or not writable raises OutputError
    naming a free alternative.
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(
            f"Folder tujuan '{folder}' tidak ada. Buat foldernya atau pilih lokasi lain."
        )
    if is_locked(path):
        alt = free_name(path)
        raise OutputError(
            f"Berkas '{path.name}' sedang dibuka (mis. di Word). Tutup berkas itu lalu ulangi, "
            f"atau simpan dengan nama lain, mis. '{alt.name}'.",
            alt,
        )
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(
            f"Tidak dapat menulis di folder '{folder}' ({exc.strerror or exc}). Pilih folder "
            "lain yang dapat ditulisi.",
            free_name(path),
        ) from exc
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        write(tmp)
        os.chmod(tmp, _default_mode())  # mkstemp makes 0600; a report is an ordinary file
        os.replace(tmp, path)
    except PermissionError as exc:
        alt = free_name(path)
        raise OutputError(
            f"Berkas '{path.name}' tidak dapat ditimpa: mungkin sedang dibuka di Word atau "
            f"hanya-baca. Tutup berkasnya lalu ulangi, atau simpan sebagai '{alt.name}'.",
            alt,
        ) from exc
    except OSError as exc:
        raise OutputError(
            f"Gagal menyimpan '{path.name}': {exc.strerror or exc}.", free_name(path)
        ) from exc
    finally:
        if tmp.exists():
            tmp.unlink()
    return path


def save_document(doc: Document, path: str | Path) -> Path:
    """Save atomically (temp file in the target folder, then os.replace)."""
    return atomic_write(path, lambda tmp: doc.save(str(tmp)))
