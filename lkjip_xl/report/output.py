"""Saving the report so that nothing is ever destroyed: checked target, atomic replace, no
leftovers, Indonesian errors and a free alternative name.

`check_target` refuses, before anything is built, an output that is one of the inputs (the
workbook, the style file: same file also through a link or another spelling), a folder, a
device, pipe or socket, a read-only file, or a name the file system cannot hold. A symlink is
written through (its target is replaced, the link stays); an existing file keeps its mode.
`atomic_write` writes a temp file next to the target and moves it into place; SIGTERM/SIGHUP
during the write raise `Interrupted` so the temp file is removed, and a temp file left by a
killed run (SIGKILL, power loss) is removed by the next run that writes the same name.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import stat
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from docx.document import Document

MAX_NAME_BYTES = 255  # NTFS, ext4, APFS: one path component
STALE_AFTER_S = 3600  # a temp file of ours older than this belongs to no running writer


class OutputError(Exception):
    """The report could not be written; `message` is Indonesian, `alternative` a free name."""

    def __init__(self, message: str, alternative: Path | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.alternative = alternative


class BadOutputName(OutputError):
    """The output name is not a .docx name (a usage error rather than a failed write)."""


class PdfFailed(OutputError):
    """The .docx was written; only the PDF could not be made (`docx` is the written file)."""

    def __init__(self, docx: Path, cause: OutputError) -> None:
        super().__init__(
            f"Laporan Word tetap tersimpan: {docx}. PDF tidak dibuat: {cause.message}",
            cause.alternative,
        )
        self.docx = docx
        self.cause = cause


class Interrupted(BaseException):  # like KeyboardInterrupt: not caught by `except Exception`
    """SIGTERM or SIGHUP arrived while a file was being written (the temp file is removed)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


_SUFFIX_NUMBER = re.compile(r"^(.*)_\((\d+)\)$")


def _exists(path: Path) -> bool:
    try:
        return path.exists()
    except OSError:  # name too long, loop of links: nothing usable is there
        return False


def _fit(stem: str, suffix: str, extra: int = 0) -> str:
    """`stem` shortened (at a character boundary) so stem + suffix + extra bytes fit a name."""
    room = MAX_NAME_BYTES - len(os.fsencode(suffix)) - extra
    while stem and len(os.fsencode(stem)) > room:
        stem = stem[:-1]
    return stem


def free_name(path: str | Path) -> Path:
    """The first "name_(2).docx", "name_(3).docx", ... that does not exist yet."""
    path = Path(path)
    stem = path.stem
    match = _SUFFIX_NUMBER.match(stem)
    number = 2
    if match:
        stem, number = match.group(1), int(match.group(2)) + 1
    stem = _fit(stem, path.suffix, extra=12)
    while True:
        candidate = path.with_name(f"{stem}_({number}){path.suffix}")
        if not _exists(candidate) and not _exists(_word_lock(candidate)):
            return candidate
        number += 1


def _word_lock(path: Path) -> Path:
    """Word's owner file for an open document: "~$" + name (first 2 chars dropped if long)."""
    name = path.name
    return path.with_name("~$" + (name[2:] if len(name) > 11 else name))


def is_locked(path: Path) -> bool:
    """True when Word or LibreOffice has the file open (lock file next to it)."""
    return _exists(_word_lock(path)) or _exists(path.with_name(f".~lock.{path.name}#"))


def _default_mode() -> int:
    """The mode open() would give a new file (0o666 minus the umask)."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.normcase(os.path.realpath(a)) == os.path.normcase(os.path.realpath(b))


def check_target(path: str | Path, protect: Sequence[str | Path | None] = ()) -> Path:
    """The file that writing `path` will replace (symlinks followed); OutputError when writing
    there would destroy an input or is impossible."""
    given = Path(path)
    if str(path) == "" or given.name in ("", ".", ".."):
        raise OutputError(
            f"Tujuan '{path}' adalah folder, bukan nama berkas. Tambahkan nama berkas, mis. "
            f"'{given / 'laporan.docx'}'."
        )
    if len(os.fsencode(given.name)) > MAX_NAME_BYTES:
        raise OutputError(
            f"Nama berkas tujuan terlalu panjang ({len(os.fsencode(given.name))} byte; batas "
            f"{MAX_NAME_BYTES}). Pilih nama yang lebih pendek."
        )
    real = Path(os.path.realpath(given))
    for source in protect:
        if source and _exists(Path(source)) and _same_file(real, Path(source)):
            raise OutputError(
                f"Tujuan '{given}' adalah berkas masukan ('{source}'); berkas itu tidak akan "
                "ditimpa. Pilih nama lain untuk laporan, mis. 'laporan.docx'."
            )
    folder = real.parent
    if not folder.is_dir():
        raise OutputError(
            f"Folder tujuan '{given.parent}' tidak ada. Buat foldernya atau pilih lokasi lain."
        )
    try:
        info = os.stat(real)
    except FileNotFoundError:
        return real
    except OSError as exc:
        raise OutputError(
            f"Tujuan '{given}' tidak dapat dipakai ({exc.strerror or exc}). Pilih nama lain."
        ) from None
    if stat.S_ISDIR(info.st_mode):
        raise OutputError(
            f"Tujuan '{given}' adalah folder. Tambahkan nama berkas, mis. "
            f"'{given / 'laporan.docx'}', atau pilih nama lain, mis. '{free_name(given).name}'.",
            free_name(given),
        )
    if not stat.S_ISREG(info.st_mode):
        raise OutputError(
            f"Tujuan '{given}' bukan berkas biasa (perangkat, pipa atau soket); laporan tidak "
            "ditulis ke sana. Pilih nama berkas .docx biasa."
        )
    if not info.st_mode & 0o222 or not os.access(real, os.W_OK):
        raise OutputError(
            f"Berkas '{given}' hanya-baca; berkas itu tidak ditimpa. Pilih nama lain, mis. "
            f"'{free_name(given).name}', atau hapus sifat hanya-baca lebih dulu.",
            free_name(given),
        )
    return real


def _alive(pid: int) -> bool:
    if os.name != "posix":
        return True  # no safe probe: such files go by age only
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def _temp_prefix(target: Path) -> str:
    return "." + _fit(target.stem, "", extra=40) + "."


def clean_stale(target: Path) -> None:
    """Remove temp files a killed earlier run left next to `target` (ours only: the exact
    ".<stem>.<pid>.<random>.tmp" pattern, from a process that is gone or over an hour old)."""
    prefix = _temp_prefix(target)
    pattern = re.compile(re.escape(prefix) + r"(?:(\d+)\.)?[a-z0-9_]{8}\.tmp")
    now = time.time()
    with contextlib.suppress(OSError), os.scandir(target.parent) as entries:
        for entry in entries:
            match = pattern.fullmatch(entry.name)
            if match is None or not entry.is_file(follow_symlinks=False):
                continue
            pid = int(match.group(1)) if match.group(1) else None
            old = now - entry.stat(follow_symlinks=False).st_mtime > STALE_AFTER_S
            orphan = pid is not None and pid != os.getpid() and not _alive(pid)
            if old or orphan:
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)


@contextlib.contextmanager
def signals_raise() -> Iterator[None]:
    """SIGTERM/SIGHUP raise Interrupted while inside (main thread only; elsewhere a no-op)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def handler(signum: int, _frame: object) -> None:
        raise Interrupted(signum)

    old = {}
    for name in ("SIGTERM", "SIGHUP"):
        sig = getattr(signal, name, None)
        if sig is not None:
            with contextlib.suppress(ValueError, OSError):
                old[sig] = signal.signal(sig, handler)
    try:
        yield
    finally:
        for sig, previous in old.items():
            with contextlib.suppress(ValueError, OSError, TypeError):
                signal.signal(sig, previous)


def atomic_write(
    path: str | Path, write: Callable[[Path], object], protect: Sequence[str | Path | None] = ()
) -> Path:
    """Call write(temp_path) for a temp file in the target folder, then os.replace it.

    Nothing is left behind on failure or SIGTERM/SIGHUP; a target open in Word, not writable,
    not a regular file or one of `protect` raises OutputError (with a free alternative name
    where one helps). Returns `path` as given.
    """
    path = Path(path)
    real = check_target(path, protect)
    if is_locked(real) or is_locked(path):
        alt = free_name(path)
        raise OutputError(
            f"Berkas '{path.name}' sedang dibuka (mis. di Word). Tutup berkas itu lalu ulangi, "
            f"atau simpan dengan nama lain, mis. '{alt.name}'.",
            alt,
        )
    clean_stale(real)
    mode = stat.S_IMODE(os.stat(real).st_mode) if _exists(real) else _default_mode()
    with signals_raise():
        try:
            fd, tmp_name = tempfile.mkstemp(
                prefix=f"{_temp_prefix(real)}{os.getpid()}.", suffix=".tmp", dir=real.parent
            )
        except OSError as exc:
            raise OutputError(
                f"Tidak dapat menulis di folder '{real.parent}' ({exc.strerror or exc}). Pilih "
                "folder lain yang dapat ditulisi.",
                free_name(path),
            ) from exc
        os.close(fd)
        tmp = Path(tmp_name)
        try:
            write(tmp)
            os.chmod(tmp, mode)  # mkstemp makes 0600; keep the old file's mode, else the default
            os.replace(tmp, real)
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
            with contextlib.suppress(OSError):
                tmp.unlink()
    return path


def save_document(
    doc: Document, path: str | Path, protect: Sequence[str | Path | None] = ()
) -> Path:
    """Save atomically (temp file in the target folder, then os.replace)."""
    return atomic_write(path, lambda tmp: doc.save(str(tmp)), protect)
