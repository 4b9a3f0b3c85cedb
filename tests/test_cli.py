"""The `lkjip-xl` command end to end, as staff run it (subprocesses, real exit codes)."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from lkjip_xl.pipeline import example_workbook

EXAMPLE = example_workbook()


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "lkjip_xl", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=300,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_periksa_example_is_clean() -> None:
    # The example's only findings are its history as published (warnings, exit 1).
    result = run("periksa", str(EXAMPLE), "--json")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    data = json.loads(result.stdout)
    assert {t["kode"] for t in data["temuan"]} == {"capaian-dilaporkan-beda"}


def test_laporan_default_uses_bundled_example(tmp_path: Path) -> None:
    before = digest(EXAMPLE)
    result = run("laporan", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["LKjIP_Setda_Kota_Jambi_2022.docx"]
    assert digest(EXAMPLE) == before  # the input is never written


def test_missing_workbook_is_a_clear_error(tmp_path: Path) -> None:
    out = tmp_path / "laporan.docx"
    result = run("laporan", str(tmp_path / "tidak-ada.xlsm"), "-o", str(out))
    assert result.returncode == 2
    assert "tidak ditemukan" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr
    assert list(tmp_path.iterdir()) == []


def test_missing_style_file(tmp_path: Path) -> None:
    result = run("laporan", "--gaya", str(tmp_path / "gaya.docx"), "-o", str(tmp_path / "x.docx"))
    assert result.returncode == 2
    assert "gaya" in result.stderr + result.stdout
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(
    sys.platform == "win32" or os.geteuid() == 0, reason="root ignores directory permissions"
)
def test_unwritable_output_folder(tmp_path: Path) -> None:
    locked = tmp_path / "terkunci"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        result = run("laporan", "-o", str(locked / "laporan.docx"))
    finally:
        locked.chmod(0o700)
    assert result.returncode == 3
    assert list(locked.iterdir()) == []


def test_output_is_a_directory(tmp_path: Path) -> None:
    target = tmp_path / "laporan.docx"
    target.mkdir()
    result = run("laporan", "-o", str(target))
    assert result.returncode == 3, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert list(target.iterdir()) == []
