"""`lkjip-xl pasang-excel`: point Excel at the Python environment where lkjip-xl is installed.

Why a command of our own rather than xlwings' `xlwings config create`: that command writes only
when %USERPROFILE%\\.xlwings\\xlwings.conf does not exist yet (without --force it leaves an old
interpreter in place and says nothing), writes python.exe rather than pythonw.exe, and checks
nothing. This one replaces only the INTERPRETER_WIN line (other settings stay), names the
pythonw.exe of the running environment (a virtual environment is not on PATH, so Excel finds it
only this way), and first checks what the workbook needs: Windows, 64-bit Python (xlwings 0.37.8
ships its DLLs only in the 64-bit Windows wheel, both xlwings32 and xlwings64 for 32- and 64-bit
Office), the xlwings version the workbook's VBA was built for, and its DLLs in the environment.

The file's format is what xlwings' VBA reads with `Input #` and its Python side with a regex:
one `"KEY","value"` per line, in the Windows ANSI code page.
"""

from __future__ import annotations

import os
import re
import struct
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

EXIT_OK, EXIT_FAILED = 0, 3
KEY = "INTERPRETER_WIN"
_LINE = re.compile(r'^\s*"([^"]*)"\s*,\s*"([^"]*)"\s*$')


@dataclass
class Environment:
    """What the command looks at; tests build one by hand."""

    platform: str = sys.platform
    executable: Path = Path(sys.executable)
    prefix: Path = Path(sys.prefix)
    bits: int = struct.calcsize("P") * 8
    home: Path = field(default_factory=Path.home)
    xlwings: str | None = None  # installed version
    pinned: str | None = None  # the version lkjip-xl requires (== the embedded VBA's)
    encoding: str = "mbcs" if sys.platform == "win32" else "cp1252"  # Windows' ANSI code page


def current() -> Environment:
    env = Environment()
    try:
        env.xlwings = metadata.version("xlwings")
    except metadata.PackageNotFoundError:
        env.xlwings = None
    try:
        requires = metadata.requires("lkjip-xl") or []
    except metadata.PackageNotFoundError:  # running from a checkout without installing
        requires = []
    for line in requires:
        found = re.match(r"xlwings\s*==\s*([\w.]+)", line)
        if found:
            env.pinned = found.group(1)
    return env


def interpreter(env: Environment) -> Path:
    """pythonw.exe next to the running python.exe (no console window), else python itself."""
    windowless = env.executable.with_name("pythonw.exe")
    return windowless if windowless.exists() else env.executable


def problems(env: Environment) -> list[str]:
    """What stops Excel from running this environment's Python (empty when nothing does)."""
    found = []
    if env.bits != 64:
        found.append(
            f"Python ini {env.bits}-bit. xlwings {env.pinned or env.xlwings or ''} hanya "
            "menyediakan DLL Windows di paket untuk Python 64-bit (untuk Office 32-bit maupun "
            "64-bit). Pasang Python 64-bit dari python.org, lalu pasang ulang lkjip-xl."
        )
    if env.xlwings is None:
        found.append("xlwings tidak terpasang di lingkungan ini. Jalankan: pip install .")
    elif env.pinned and env.xlwings != env.pinned:
        found.append(
            f"xlwings {env.xlwings} terpasang, padahal makro buku kerja dibuat untuk xlwings "
            f"{env.pinned}. Jalankan: pip install xlwings=={env.pinned}"
        )
    elif env.bits == 64:
        missing = [
            name
            for name in (f"xlwings32-{env.xlwings}.dll", f"xlwings64-{env.xlwings}.dll")
            if not (env.prefix / name).exists()
        ]
        if missing:
            found.append(
                f"{', '.join(missing)} tidak ada di {env.prefix}. Pasang ulang: "
                f"pip install --force-reinstall xlwings=={env.xlwings}"
            )
    return found


def updated(text: str, value: str) -> str:
    """The config text with INTERPRETER_WIN set to `value`, every other line kept."""
    lines = [
        line
        for line in text.splitlines()
        if not ((m := _LINE.match(line)) and m.group(1).upper() == KEY)
    ]
    return "".join(line + "\n" for line in [f'"{KEY}","{value}"', *lines] if line.strip())


def config_path(env: Environment) -> Path:
    return env.home / ".xlwings" / "xlwings.conf"


def atomic_write_text(path: Path, text: str, encoding: str) -> None:
    """Write next to `path`, then replace it: a crash or a full disk never leaves the user's
    xlwings.conf half written (its other lines are theirs)."""
    tmp = path.with_name(path.name + ".lkjip-tmp")
    try:
        tmp.write_text(text, encoding=encoding)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def configure(env: Environment, say: Callable[[str], None] = print) -> int:
    """Check, then write INTERPRETER_WIN; messages in Indonesian through `say`."""
    if not env.platform.startswith("win"):
        say(
            "Fungsi Excel (xlwings) hanya berjalan di Excel untuk Windows; di sistem ini tidak "
            "ada yang perlu dipasang. 'lkjip-xl periksa' dan 'lkjip-xl laporan' berjalan tanpa "
            "Excel."
        )
        return EXIT_OK
    found = problems(env)
    if found:
        say("Excel belum dapat memakai Python ini:")
        for text in found:
            say(f"- {text}")
        return EXIT_FAILED
    path, python = config_path(env), interpreter(env)
    old = ""
    try:
        if path.exists():
            old = path.read_text(encoding=env.encoding)  # strict: never write back "?" marks
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(path, updated(old, str(python)), env.encoding)
    except UnicodeDecodeError:
        say(
            f"Berkas '{path}' memuat huruf yang tidak dapat dibaca; berkas itu tidak diubah. "
            "Periksa isinya dengan Notepad, atau tambahkan sendiri baris INTERPRETER_WIN dengan "
            f"lokasi '{python}'."
        )
        return EXIT_FAILED
    except UnicodeEncodeError:
        say(
            f"Lokasi Python '{python}' memuat huruf yang tidak dapat dibaca makro Excel. Pasang "
            "Python di folder dengan nama biasa (huruf A-Z, angka, spasi), mis. C:\\Python311."
        )
        return EXIT_FAILED
    except OSError as exc:
        say(f"Tidak dapat menulis {path}: {exc.strerror or exc}.")
        return EXIT_FAILED
    say(f"Ditulis ke {path}:")
    say(f'  "{KEY}","{python}"')
    say(
        "Buka (ulang) buku kerja LKjIP di Excel, klik Enable Content, lalu tekan Ctrl+Alt+F9. "
        "Jangan mengisi Interpreter_Win di sheet xlwings.conf: isian di sana (juga yang kosong) "
        "menimpa pengaturan ini."
    )
    return EXIT_OK


def main(say: Callable[[str], None] = print) -> int:
    return configure(current(), say)
