"""Saving safely: atomic write, no temp files left, locked/unwritable targets, free names."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from docx import Document

from lkjip_xl.report import OutputError, free_name, save_document
from lkjip_xl.report.pdf import PdfError, convert_to_pdf


def _doc(text: str = "isi"):
    doc = Document()
    doc.add_paragraph(text)
    return doc


def test_save_writes_target_only(tmp_path):
    target = tmp_path / "LKjIP_2022.docx"
    assert save_document(_doc(), target) == target
    assert [p.name for p in tmp_path.iterdir()] == ["LKjIP_2022.docx"]
    assert Document(str(target)).paragraphs[0].text == "isi"


def test_failure_during_save_leaves_no_temp_and_keeps_old_file(tmp_path, monkeypatch):
    target = tmp_path / "LKjIP_2022.docx"
    save_document(_doc("versi lama"), target)
    doc = _doc("versi baru")

    def broken_save(path):
        Path(path).write_bytes(b"setengah")  # partial output, then a crash
        raise RuntimeError("gagal di tengah")

    monkeypatch.setattr(doc, "save", broken_save)
    with pytest.raises(RuntimeError):
        save_document(doc, target)
    assert [p.name for p in tmp_path.iterdir()] == ["LKjIP_2022.docx"]
    assert Document(str(target)).paragraphs[0].text == "versi lama"


def test_target_open_in_word_raises_with_alternative(tmp_path):
    target = tmp_path / "LKjIP_Setda_2022.docx"
    target.write_bytes(b"lama")
    (tmp_path / "~$jIP_Setda_2022.docx").write_bytes(b"lock")  # Word's owner file
    with pytest.raises(OutputError) as info:
        save_document(_doc(), target)
    assert "sedang dibuka" in info.value.message
    assert info.value.alternative == tmp_path / "LKjIP_Setda_2022_(2).docx"
    assert target.read_bytes() == b"lama"


def test_target_not_writable_raises_output_error(tmp_path):
    target = tmp_path / "LKjIP.docx"
    target.mkdir()  # os.replace cannot put a file over a folder, even as root
    with pytest.raises(OutputError) as info:
        save_document(_doc(), target)
    assert "LKjIP.docx" in info.value.message
    assert info.value.alternative == tmp_path / "LKjIP_(2).docx"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["LKjIP.docx"]


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root ignores chmod")
def test_read_only_folder(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(OutputError) as info:
            save_document(_doc(), folder / "LKjIP.docx")
        assert "Tidak dapat menulis" in info.value.message
    finally:
        folder.chmod(0o700)


def test_missing_folder(tmp_path):
    with pytest.raises(OutputError) as info:
        save_document(_doc(), tmp_path / "tidak-ada" / "LKjIP.docx")
    assert "tidak ada" in info.value.message


def test_free_name(tmp_path):
    base = tmp_path / "LKjIP_2022.docx"
    assert free_name(base) == tmp_path / "LKjIP_2022_(2).docx"
    (tmp_path / "LKjIP_2022_(2).docx").write_bytes(b"")
    assert free_name(base) == tmp_path / "LKjIP_2022_(3).docx"
    assert free_name(tmp_path / "LKjIP_2022_(2).docx") == tmp_path / "LKjIP_2022_(3).docx"


def test_pdf_of_missing_docx(tmp_path):
    with pytest.raises(PdfError) as info:
        convert_to_pdf(tmp_path / "tidak_ada.docx")
    assert "tidak ditemukan" in info.value.message


class _FailingLibreOffice:
    """Stands in for the LibreOffice child: exits 1 with a message on stderr."""

    pid = 0
    returncode = 1

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        pass

    def communicate(self, timeout=None):  # type: ignore[no-untyped-def]
        return b"", b"Error: source file could not be loaded"


def test_pdf_failure_with_libreoffice_present_gives_no_install_hint(tmp_path, monkeypatch):
    from lkjip_xl.report import pdf

    docx = save_document(_doc(), tmp_path / "LKjIP.docx")
    monkeypatch.setattr(pdf, "available", lambda: None)
    monkeypatch.setattr(pdf, "system_python", lambda: "/usr/bin/python3")
    monkeypatch.setattr(pdf.subprocess, "Popen", _FailingLibreOffice)
    with pytest.raises(PdfError) as info:
        convert_to_pdf(docx)
    assert "could not be loaded" in info.value.message
    assert "Cara memasang" not in info.value.message  # LibreOffice is there: no install hint
    assert "Ctrl+A lalu F9" in info.value.message
    assert sorted(p.name for p in tmp_path.iterdir()) == ["LKjIP.docx"]
