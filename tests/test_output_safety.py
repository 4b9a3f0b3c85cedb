"""Outputs never destroy (issue 12, Deliver 1), at the level of report.output: inputs and
non-regular or read-only targets refused, symlinks written through, modes kept, no temp file
after SIGTERM/SIGHUP, stale temp files of killed writers cleaned, names at the byte limit."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from docx import Document

from lkjip_xl.report.output import (
    Interrupted,
    OutputError,
    atomic_write,
    check_target,
    clean_stale,
    free_name,
    save_document,
)

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX file types and signals")
ROOT = Path(__file__).resolve().parents[1]


def _doc(text: str = "isi"):  # type: ignore[no-untyped-def]
    doc = Document()
    doc.add_paragraph(text)
    return doc


def _temps(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_output_equal_to_an_input_is_refused_in_every_spelling(tmp_path: Path) -> None:
    book = tmp_path / "buku.xlsm"
    book.write_bytes(b"isi buku kerja")
    (tmp_path / "sub").mkdir()
    spellings = [book, tmp_path / "sub" / ".." / "buku.xlsm", Path(os.path.relpath(book))]
    if os.name == "posix":
        (tmp_path / "tautan.docx").symlink_to(book)
        os.link(book, tmp_path / "keras.docx")
        spellings += [tmp_path / "tautan.docx", tmp_path / "keras.docx"]
    for target in spellings:
        with pytest.raises(OutputError) as info:
            save_document(_doc(), target, protect=[book])
        assert "berkas masukan" in info.value.message, target
    assert book.read_bytes() == b"isi buku kerja"
    assert _temps(tmp_path) == []


@posix_only
def test_non_regular_targets_are_refused(tmp_path: Path) -> None:
    fifo = tmp_path / "pipa.docx"
    os.mkfifo(fifo)
    for target in (fifo, Path("/dev/null")):
        with pytest.raises(OutputError) as info:
            check_target(target)
        assert "bukan berkas biasa" in info.value.message
    assert fifo.exists() and not fifo.is_file()


@pytest.mark.parametrize("target", ["", ".", "/", ".."])
def test_folders_and_empty_names_are_refused(target: str) -> None:
    with pytest.raises(OutputError) as info:
        check_target(target)
    assert "folder" in info.value.message


def test_read_only_target_is_refused_and_kept(tmp_path: Path) -> None:
    target = tmp_path / "LKjIP.docx"
    target.write_bytes(b"lama")
    target.chmod(0o444)
    try:
        with pytest.raises(OutputError) as info:
            save_document(_doc(), target)
        assert "hanya-baca" in info.value.message
        assert info.value.alternative == tmp_path / "LKjIP_(2).docx"
        assert target.read_bytes() == b"lama"
        assert (target.stat().st_mode & 0o777) == 0o444
    finally:
        target.chmod(0o644)


@posix_only
def test_symlink_is_written_through_and_mode_kept(tmp_path: Path) -> None:
    real = tmp_path / "arsip" / "LKjIP.docx"
    real.parent.mkdir()
    real.write_bytes(b"lama")
    real.chmod(0o640)
    link = tmp_path / "LKjIP.docx"
    link.symlink_to(real)
    assert save_document(_doc("baru"), link) == link
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert Document(str(real)).paragraphs[0].text == "baru"
    assert (real.stat().st_mode & 0o777) == 0o640
    assert _temps(tmp_path) == [] and _temps(real.parent) == []


def test_names_at_the_byte_limit(tmp_path: Path) -> None:
    fits = tmp_path / ("a" * 245 + ".docx")  # 250 bytes: the lock and temp names stay legal
    assert save_document(_doc(), fits) == fits
    assert fits.is_file()
    assert len(free_name(fits).name.encode()) <= 255
    with pytest.raises(OutputError) as info:
        check_target(tmp_path / ("b" * 300 + ".docx"))
    assert "terlalu panjang" in info.value.message


@posix_only
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_signal_during_write_leaves_no_temp(tmp_path: Path, signum: int) -> None:
    target = tmp_path / "LKjIP.docx"
    target.write_bytes(b"lama")

    def write(tmp: Path) -> None:
        tmp.write_bytes(b"setengah")
        os.kill(os.getpid(), signum)
        time.sleep(5)  # the handler raises before this ends

    with pytest.raises(Interrupted) as info:
        atomic_write(target, write)
    assert info.value.signum == signum
    assert target.read_bytes() == b"lama"
    assert _temps(tmp_path) == []
    assert signal.getsignal(signum) in (signal.SIG_DFL, signal.default_int_handler)


_WRITER = """
import sys, time
from pathlib import Path
from lkjip_xl.report.output import atomic_write
def write(tmp):
    Path(tmp).write_bytes(b"setengah")
    Path(sys.argv[2]).write_text("mulai")
    time.sleep(60)
atomic_write(Path(sys.argv[1]), write)
"""


def _writer(target: Path, started: Path) -> subprocess.Popen[bytes]:
    proc = subprocess.Popen(
        [sys.executable, "-c", _WRITER, str(target), str(started)],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    deadline = time.monotonic() + 60
    while not started.exists():
        assert proc.poll() is None and time.monotonic() < deadline
        time.sleep(0.05)
    return proc


@posix_only
def test_sigterm_from_outside_leaves_no_temp(tmp_path: Path) -> None:
    out = tmp_path / "keluar"
    out.mkdir()
    proc = _writer(out / "LKjIP.docx", tmp_path / "mulai")
    assert len(_temps(out)) == 1
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=60) != 0
    assert list(out.iterdir()) == []


@posix_only
def test_temp_of_a_killed_writer_is_cleaned_by_the_next_write(tmp_path: Path) -> None:
    out = tmp_path / "keluar"
    out.mkdir()
    proc = _writer(out / "LKjIP.docx", tmp_path / "mulai")
    proc.kill()  # SIGKILL cannot be handled: the temp file stays ...
    proc.wait(timeout=60)
    assert len(_temps(out)) == 1
    other = out / ".lain.abcdefgh.tmp"  # not ours: kept
    other.write_bytes(b"x")
    save_document(_doc(), out / "LKjIP.docx")  # ... until the next run writes that name
    assert _temps(out) == [other.name]


@posix_only
def test_temp_of_a_running_writer_is_kept(tmp_path: Path) -> None:
    out = tmp_path / "keluar"
    out.mkdir()
    proc = _writer(out / "LKjIP.docx", tmp_path / "mulai")
    try:
        clean_stale(out / "LKjIP.docx")
        assert len(_temps(out)) == 1
    finally:
        proc.kill()
        proc.wait(timeout=60)


def test_default_output_name_is_short_and_legal_on_windows() -> None:
    from lkjip_xl.core.model import Identitas, Laporan
    from lkjip_xl.pipeline import default_output_name

    def name(singkatan: str, nama: str = "Dinas") -> str:
        ident = Identitas(nama, singkatan, "Kabupaten Contoh", 2023, 2021, 2026)
        return default_output_name(Laporan(identitas=ident))

    assert name("DINKES") == "LKjIP_DINKES_2023.docx"
    assert name('Dinas <Kesehatan>: "A/B"\\C|D?*.') == "LKjIP_Dinas_Kesehatan_A_B_C_D_2023.docx"
    assert len(name("Sekretariat Daerah " * 20)) <= len("LKjIP__2023.docx") + 60
    assert name("...") == "LKjIP_2023.docx"
    assert name("", nama="Badan Pendapatan Daerah") == "LKjIP_Badan_Pendapatan_Daerah_2023.docx"
