"""The output side of issue 12 through the real command (subprocesses, real exit codes):
outputs that would destroy an input, odd targets and style files, special input files, usage
errors, broken pipes, full disks and cp1252 consoles. Exit codes: lkjip_xl/cli.py."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from lkjip_xl.pipeline import example_workbook

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = example_workbook()
CORPUS = ROOT / "tests" / "bad_inputs"
posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX special files")


def run(
    *args: str, cwd: Path | None = None, encoding: str = "utf-8", **kw
) -> subprocess.CompletedProcess[str]:  # type: ignore[no-untyped-def]
    return subprocess.run(
        [sys.executable, "-m", "lkjip_xl", *args],
        capture_output=True,
        text=True,
        encoding=encoding,
        errors="strict",
        cwd=cwd,
        timeout=600,
        env={**os.environ, "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": encoding},
        **kw,
    )


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def clean(result: subprocess.CompletedProcess[str]) -> str:
    output = result.stdout + result.stderr
    assert "Traceback" not in output and "Exception ignored" not in output, output
    return output


@pytest.fixture
def book(tmp_path: Path) -> Path:
    path = tmp_path / "buku.xlsm"
    shutil.copyfile(EXAMPLE, path)
    return path


# -- outputs never destroy -----------------------------------------------------------------------


def test_output_equal_to_the_workbook_is_refused(book: Path, tmp_path: Path) -> None:
    before = digest(book)
    for target in (book, tmp_path / "." / "buku.xlsm", tmp_path / "x" / ".." / "buku.xlsm"):
        result = run("laporan", str(book), "-o", str(target))
        assert result.returncode == 3, clean(result)
        assert "berkas masukan" in clean(result)
    assert digest(book) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["buku.xlsm"]


def test_output_equal_to_the_style_file_is_refused(tmp_path: Path) -> None:
    from docx import Document

    style = tmp_path / "gaya.docx"
    Document().save(str(style))
    before = digest(style)
    result = run("laporan", "--gaya", str(style), "-o", str(style))
    assert result.returncode == 3, clean(result)
    assert digest(style) == before


@posix_only
def test_output_through_links_to_the_workbook_is_refused(book: Path, tmp_path: Path) -> None:
    before = digest(book)
    (tmp_path / "tautan.docx").symlink_to(book)
    os.link(book, tmp_path / "keras.docx")
    for name in ("tautan.docx", "keras.docx"):
        result = run("laporan", str(book), "-o", str(tmp_path / name))
        assert result.returncode == 3, clean(result)
    assert digest(book) == before


@posix_only
def test_special_and_read_only_targets(tmp_path: Path) -> None:
    fifo = tmp_path / "pipa.docx"
    os.mkfifo(fifo)
    readonly = tmp_path / "lama.docx"
    readonly.write_bytes(b"lama")
    readonly.chmod(0o444)
    for target, words in (
        (fifo, "bukan berkas biasa"),
        (Path("/dev/null"), "bukan berkas biasa"),
        (Path("/dev/full"), "bukan berkas biasa"),
        (readonly, "hanya-baca"),
    ):
        result = run("laporan", "-o", str(target))
        assert result.returncode == 3, clean(result)
        assert words in clean(result)
    assert readonly.read_bytes() == b"lama" and (readonly.stat().st_mode & 0o777) == 0o444
    readonly.chmod(0o644)


@pytest.mark.parametrize(("target", "code"), [(".", 3), ("/", 3), ("", 5), ("laporan.pdf", 5)])
def test_odd_output_names(target: str, code: int, tmp_path: Path) -> None:
    result = run("laporan", "-o", target, cwd=tmp_path)
    assert result.returncode == code, clean(result)
    clean(result)
    assert list(tmp_path.iterdir()) == []


def test_overlong_output_name(tmp_path: Path) -> None:
    result = run("laporan", "-o", str(tmp_path / ("x" * 300 + ".docx")))
    assert result.returncode == 3
    assert "terlalu panjang" in clean(result)


def test_pdf_failure_keeps_the_docx_and_says_so(tmp_path: Path) -> None:
    out = tmp_path / "laporan.docx"
    result = subprocess.run(
        [sys.executable, "-m", "lkjip_xl", "laporan", "-o", str(out), "--pdf"],
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "PYTHONPATH": str(ROOT), "LKJIP_SOFFICE": "tidak-ada-soffice"},
    )
    output = clean(result)
    assert result.returncode == 6, output
    assert "Laporan Word tetap tersimpan" in output
    assert "Cara memasang" in output  # LibreOffice really is missing here
    assert [p.name for p in tmp_path.iterdir()] == ["laporan.docx"]
    assert zipfile.is_zipfile(out)


def test_concurrent_writers_end_with_one_valid_docx(tmp_path: Path) -> None:
    out = tmp_path / "laporan.docx"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    cmd = [sys.executable, "-m", "lkjip_xl", "laporan", "-o", str(out)]
    procs = [
        subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for _ in range(3)
    ]
    codes = [p.wait(timeout=600) for p in procs]
    for p in procs:
        assert b"Traceback" not in p.stderr.read()  # type: ignore[union-attr]
    assert set(codes) <= {0, 3} and 0 in codes
    assert [p.name for p in tmp_path.iterdir()] == ["laporan.docx"]
    with zipfile.ZipFile(out) as zf:
        assert zf.testzip() is None


def test_default_name_of_a_long_singkatan_is_short(tmp_path: Path) -> None:
    result = run("laporan", str(CORPUS / "singkatan_panjang.xlsx"), cwd=tmp_path)
    assert result.returncode == 0, clean(result)
    (written,) = list(tmp_path.iterdir())
    assert written.suffix == ".docx" and len(written.name) < 90
    assert written.name.startswith("LKjIP_Sekretariat_Daerah_")


# -- style files ---------------------------------------------------------------------------------


def test_bad_style_files(tmp_path: Path) -> None:
    text = tmp_path / "gaya.docx"
    text.write_text("bukan dokumen")
    empty = tmp_path / "kosong.docx"
    with zipfile.ZipFile(empty, "w"):
        pass
    for style, words in (
        (text, "bukan dokumen Word"),
        (EXAMPLE, "buku kerja Excel"),
        (empty, "bukan dokumen Word"),
        (tmp_path, "folder"),
        (tmp_path / "tidak-ada.docx", "tidak ditemukan"),
    ):
        result = run("laporan", "--gaya", str(style), "-o", str(tmp_path / "x.docx"))
        assert result.returncode == 2, clean(result)
        assert words in clean(result)
    assert not (tmp_path / "x.docx").exists()


# -- special input files -------------------------------------------------------------------------


@posix_only
def test_pipe_and_device_workbooks_do_not_hang(tmp_path: Path) -> None:
    fifo = tmp_path / "pipa.xlsx"
    os.mkfifo(fifo)
    zero = tmp_path / "nol.xlsx"
    zero.symlink_to("/dev/zero")
    for path in (fifo, zero, Path("/dev/zero")):
        start = time.monotonic()
        result = run("periksa", str(path))
        assert result.returncode == 2, clean(result)
        assert "bukan berkas biasa" in clean(result)
        assert time.monotonic() - start < 60


@posix_only
@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads anything")
def test_unreadable_workbook(book: Path) -> None:
    book.chmod(0)
    try:
        result = run("periksa", str(book))
    finally:
        book.chmod(0o644)
    assert result.returncode == 2
    assert "izin" in clean(result)


# -- the command line ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "words"),
    [
        ((), "argumen wajib belum diisi"),
        (("cetak",), "pilihan 'cetak' tidak dikenal"),
        (("periksa", "a.xlsx", "b.xlsx"), "argumen tidak dikenal"),
        (("laporan", "-o"), "memerlukan satu nilai"),
        (("periksa", "--xml"), "argumen tidak dikenal"),
    ],
)
def test_usage_errors_are_indonesian_with_their_own_code(args: tuple[str, ...], words: str) -> None:
    result = run(*args)
    assert result.returncode == 5
    output = clean(result)
    assert words in output and "Penggunaan:" in output
    assert "usage:" not in output and "error:" not in output


def test_help_is_indonesian() -> None:
    result = run("laporan", "--help")
    assert result.returncode == 0
    assert "Penggunaan:" in result.stdout and "opsi:" in result.stdout


# -- consoles and pipes --------------------------------------------------------------------------


@posix_only
def test_closed_pipe_is_quiet() -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "lkjip_xl", "periksa", str(CORPUS / "banyak_temuan.xlsx")],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # what `| head -1` does once it has its line: nobody reads any more
    err = proc.stderr.read().decode("utf-8", "replace")
    proc.wait(timeout=600)
    assert "Traceback" not in err and "Exception ignored" not in err and "BrokenPipe" not in err
    assert proc.returncode == 2


@posix_only
def test_full_disk_on_stdout(tmp_path: Path) -> None:
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "lkjip_xl", "periksa", str(CORPUS / "banyak_temuan.xlsx")],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=600,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
    assert result.returncode == 3
    assert "Traceback" not in result.stderr and "Exception ignored" not in result.stderr
    assert "tidak dapat ditulis" in result.stderr


@pytest.mark.parametrize("encoding", ["cp1252", "cp437"])
def test_windows_console_encodings(encoding: str, tmp_path: Path) -> None:
    """A unicode path and a zero-width space in a finding, on a console that has neither."""
    folder = tmp_path / "Laporan_Dinas_ü_日本"
    folder.mkdir()
    path = folder / "buku\u200b.xlsx"
    shutil.copyfile(CORPUS / "narasi_bagian_salah.xlsx", path)
    result = run("periksa", str(path), encoding=encoding)
    assert result.returncode == 1, clean(result)
    assert "narasi-bagian-tidak-dikenal" in clean(result)
    missing = run("periksa", str(folder / "tidak_ada_\u200b.xlsx"), encoding=encoding)
    assert missing.returncode == 2 and "tidak ditemukan" in clean(missing)
