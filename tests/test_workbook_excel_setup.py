"""`lkjip-xl pasang-excel`: Excel finds the Python where lkjip-xl is installed (a venv too)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from lkjip_xl import excel_setup
from lkjip_xl.cli import main
from lkjip_xl.excel_setup import EXIT_FAILED, EXIT_OK, Environment, configure

VERSION = "0.37.8"


def _venv(root: Path, *, dlls: bool = True) -> Environment:
    """A Windows virtual environment as pip lays it out, in a folder with spaces."""
    venv = root / "OneDrive - Pemda" / "lkjip venv"
    (venv / "Scripts").mkdir(parents=True)
    for exe in ("python.exe", "pythonw.exe"):
        (venv / "Scripts" / exe).write_bytes(b"")
    if dlls:  # the win_amd64 wheel's data files: both DLLs, for 32- and 64-bit Office
        for bits in (32, 64):
            (venv / f"xlwings{bits}-{VERSION}.dll").write_bytes(b"")
    home = root / "home"
    home.mkdir()
    return Environment(
        platform="win32",
        executable=venv / "Scripts" / "python.exe",
        prefix=venv,
        bits=64,
        home=home,
        xlwings=VERSION,
        pinned=VERSION,
        encoding="cp1252",
    )


def _said(env: Environment) -> tuple[int, str]:
    lines: list[str] = []
    return configure(env, lines.append), "\n".join(lines)


def test_writes_the_venvs_pythonw_for_excel(tmp_path):
    env = _venv(tmp_path)
    code, said = _said(env)
    assert code == EXIT_OK
    text = (env.home / ".xlwings" / "xlwings.conf").read_text(encoding="cp1252")
    pythonw = env.prefix / "Scripts" / "pythonw.exe"
    assert text == f'"INTERPRETER_WIN","{pythonw}"\n'
    # read back the way xlwings' Python side reads it (utils.read_user_config)
    key, value = (v.strip('"') for v in re.findall(r'"[^"]*"', text.splitlines()[0]))
    assert (key, value) == ("INTERPRETER_WIN", str(pythonw))
    assert "Ctrl+Alt+F9" in said
    said.encode("cp1252")  # a Windows console can show every message


def test_replaces_only_the_interpreter_line(tmp_path):
    env = _venv(tmp_path)
    conf = env.home / ".xlwings" / "xlwings.conf"
    conf.parent.mkdir()
    conf.write_text(
        '"interpreter_win","C:\\Python310\\pythonw.exe"\n"SHOW CONSOLE","True"\n', "cp1252"
    )
    assert _said(env)[0] == EXIT_OK
    lines = conf.read_text("cp1252").splitlines()
    assert lines == [f'"INTERPRETER_WIN","{env.prefix / "Scripts" / "pythonw.exe"}"',
                     '"SHOW CONSOLE","True"']  # fmt: skip


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"bits": 32}, "64-bit"),
        ({"xlwings": "0.33.1"}, "pip install xlwings==0.37.8"),
        ({"xlwings": None}, "tidak terpasang"),
    ],
)
def test_refuses_what_excel_cannot_use(tmp_path, change, message):
    env = _venv(tmp_path)
    for key, value in change.items():
        setattr(env, key, value)
    code, said = _said(env)
    assert code == EXIT_FAILED and message in said
    assert not (env.home / ".xlwings").exists()


def test_missing_dlls_are_named(tmp_path):
    env = _venv(tmp_path, dlls=False)
    code, said = _said(env)
    assert code == EXIT_FAILED
    assert "xlwings32-0.37.8.dll, xlwings64-0.37.8.dll" in said


def test_a_path_the_macro_cannot_read(tmp_path):
    env = _venv(tmp_path)
    env.executable = Path(str(env.executable).replace("lkjip venv", "lkjip 环境"))
    code, said = _said(env)
    assert code == EXIT_FAILED and "nama biasa" in said


def test_off_windows_nothing_is_written(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(excel_setup.Path, "home", lambda: tmp_path)
    assert main(["pasang-excel"]) == EXIT_OK
    assert "hanya berjalan di Excel untuk Windows" in capsys.readouterr().out
    assert not (tmp_path / ".xlwings").exists()


def test_the_pin_is_read_from_the_installed_package():
    env = excel_setup.current()
    assert env.pinned == VERSION and env.xlwings == VERSION
