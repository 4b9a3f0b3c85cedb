"""The bad-input corpus through the real CLI, as subprocesses: the expected exit code and
message, no traceback, nothing left behind, the input unchanged."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "bad_inputs"
EXPECTED: dict[str, dict[str, object]] = yaml.safe_load(
    (CORPUS / "expected.yaml").read_text(encoding="utf-8")
)
CLI = ROOT / "lkjip_xl" / "cli.py"

needs_cli = pytest.mark.skipif(not CLI.exists(), reason="lkjip_xl/cli.py not written yet")


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "lkjip_xl", *args],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=cwd,
        env=env,
    )


def _digest(path: Path) -> str:
    if path.is_dir():
        return "dir:" + ",".join(sorted(p.name for p in path.iterdir()))
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _copy(name: str, into: Path) -> Path:
    src = CORPUS / name
    dst = into / name
    if src.is_dir():
        shutil.copytree(src, dst)
    else:
        shutil.copyfile(src, dst)
    return dst


def test_corpus_is_complete_and_small() -> None:
    files = sorted(
        p.name
        for p in CORPUS.iterdir()
        if p.name not in {"expected.yaml", "make_corpus.py", "__pycache__"}
    )
    assert files == sorted(EXPECTED)
    assert len(files) >= 25
    for name in files:
        path = CORPUS / name
        if path.is_file():
            assert path.stat().st_size < 1024 * 1024, name


@needs_cli
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_periksa_and_laporan(name: str, tmp_path: Path) -> None:
    expected = EXPECTED[name]
    inbox, outbox = tmp_path / "masuk", tmp_path / "keluar"
    inbox.mkdir()
    outbox.mkdir()
    path = _copy(name, inbox)
    before = _digest(path)

    periksa = _run("periksa", str(path), cwd=tmp_path)
    output = periksa.stdout + periksa.stderr
    assert "Traceback" not in output
    assert periksa.returncode == expected["exit"], output
    assert str(expected["fragment"]) in output, output

    out = outbox / "laporan.docx"
    laporan = _run("laporan", str(path), "-o", str(out), cwd=tmp_path)
    output = laporan.stdout + laporan.stderr
    assert "Traceback" not in output
    if expected["exit"] == 2:
        assert laporan.returncode == 2, output
        assert str(expected["fragment"]) in output, output
        assert list(outbox.iterdir()) == []
    else:
        assert laporan.returncode == 0, output
        assert [p.name for p in outbox.iterdir()] == ["laporan.docx"]
        assert zipfile.is_zipfile(out)

    assert _digest(path) == before, "the input was changed"
    assert [p.name for p in inbox.iterdir()] == [name], "a file was left next to the input"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keluar", "masuk"]


def test_generator_is_reproducible(tmp_path: Path) -> None:
    """Regenerated files hold the same cell values (when the example workbook changes, run
    `python tests/bad_inputs/make_corpus.py` and commit the corpus again)."""
    import openpyxl

    sys.path.insert(0, str(CORPUS))
    import make_corpus

    names = [n for n in make_corpus.CASES if n != "libreoffice.xlsx"]
    make_corpus.make_all(tmp_path, only=names)
    for name in names:
        fresh, kept = tmp_path / name, CORPUS / name
        if (
            fresh.is_dir()
            or not zipfile.is_zipfile(kept)
            or name.startswith(("zip_", "xml_", "billion", "entitas"))
        ):
            if name == "kata_sandi.xlsx":  # encryption is salted: same kind of container
                assert fresh.read_bytes()[:8] == kept.read_bytes()[:8]
            elif fresh.is_dir():
                assert _digest(fresh) == _digest(kept)
            elif zipfile.is_zipfile(kept):
                with zipfile.ZipFile(fresh) as a, zipfile.ZipFile(kept) as b:
                    assert a.namelist() == b.namelist(), name
            elif name == "zip_terpotong.xlsx":  # half of the example: follows its bytes
                assert fresh.read_bytes()[:4] == kept.read_bytes()[:4] == b"PK\x03\x04"
            else:
                assert fresh.read_bytes() == kept.read_bytes(), name
            continue
        a, b = openpyxl.load_workbook(fresh), openpyxl.load_workbook(kept)
        try:
            assert a.sheetnames == b.sheetnames, name
            for ws in a.worksheets:
                other = b[ws.title]
                assert ws.max_row == other.max_row, (name, ws.title)
                for row in ws.iter_rows():
                    for cell in row:
                        if cell.value is not None:
                            mine = getattr(cell.value, "text", cell.value)
                            theirs = other[cell.coordinate].value
                            theirs = getattr(theirs, "text", theirs)
                            assert str(mine) == str(theirs), (name, ws.title, cell.coordinate)
        finally:
            a.close()
            b.close()
