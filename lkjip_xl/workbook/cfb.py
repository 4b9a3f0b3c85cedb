"""Tidy the VBA container (vbaProject.bin) to what the specifications and Excel itself write.

pyOpenVBA's output is read by Excel, LibreOffice and olevba, but carries three deviations an
audit found; a workbook that must open on any office PC should not rely on readers tolerating
them, so they are removed after every build:

- MS-CFB 2.6.4: two consecutive red directory entries (pyOpenVBA colours the entries it adds
  red). Every entry is made black, which the three constraints of 2.6.4 allow and which is what
  the Excel-made quickstart project has;
- MS-OVBA 2.3.4.2: bytes after the dir stream's Terminator record (0x0010 + Reserved);
- MS-OVBA 2.3.1: a blank line inside PROJECT's [Workspace] section (pyOpenVBA appends new
  modules after the blank line that ends Excel's section).

`check` lists what still deviates; tests/test_workbook_vba.py runs it on the built workbooks.
"""

from __future__ import annotations

import itertools
import struct

_ENTRY = 128
_COLOR_OFFSET = 0x43
_BLACK, _RED = 1, 0
_END_OF_CHAIN = 0xFFFFFFFE
_NO_STREAM = 0xFFFFFFFF
_TERMINATOR = b"\x10\x00\x00\x00\x00\x00"  # dir Terminator 0x0010 and its Reserved 0x00000000


def tidy(vba_project: bytes) -> bytes:
    """vbaProject.bin with black directory entries, a clean dir stream and PROJECT stream."""
    from pyopenvba.cfb import CFB
    from pyopenvba.vba import compress, decompress

    cfb = CFB.from_bytes(vba_project)
    cfb.write_stream("PROJECT", workspace_without_blank_lines(cfb.get_stream("PROJECT")))
    source = decompress(cfb.get_stream_in_storage("VBA", "dir"))
    cfb.write_stream_in_storage("VBA", "dir", compress(source[: dir_end(source)]))
    data = bytearray(cfb.to_bytes())
    for offset in _entry_offsets(data):
        if data[offset + 0x42] != 0:  # a used entry (object type not "unknown")
            data[offset + _COLOR_OFFSET] = _BLACK
    return bytes(data)


def workspace_without_blank_lines(project: bytes) -> bytes:
    """PROJECT with the [Workspace] records contiguous, ending with one CRLF."""
    text = project.decode("cp1252")
    head, marker, workspace = text.partition("[Workspace]\r\n")
    if not marker:
        return project
    records = [line for line in workspace.split("\r\n") if line.strip()]
    return (head + marker + "".join(r + "\r\n" for r in records)).encode("cp1252")


def dir_end(source: bytes) -> int:
    """Offset just after the Terminator record of a decompressed dir stream.

    Records are Id (2 bytes), Size (4) and Size bytes, except PROJECTVERSION (Id 0x0009),
    whose Reserved field holds 4 but is followed by 6 bytes (MS-OVBA 2.3.4.2.1.11).
    """
    pos = 0
    while pos + 6 <= len(source):
        record, size = struct.unpack_from("<HI", source, pos)
        if record == 0x0010:
            return pos + 6
        pos += 6 + (6 if record == 0x0009 else size)
    raise ValueError("dir stream without a Terminator record")


def _header(data: bytes | bytearray) -> tuple[int, int, list[int]]:
    sector_size = 1 << struct.unpack_from("<H", data, 0x1E)[0]
    first_dir = struct.unpack_from("<I", data, 0x30)[0]
    difat = [s for s in struct.unpack_from("<109I", data, 0x4C) if s < _END_OF_CHAIN]
    return sector_size, first_dir, difat


def _fat(data: bytes | bytearray) -> list[int]:
    sector_size, _first, difat = _header(data)
    fat: list[int] = []
    for sector in difat:  # vbaProject.bin stays far below the 7 MB the header's DIFAT covers
        start = (sector + 1) * sector_size
        fat.extend(struct.unpack_from(f"<{sector_size // 4}I", data, start))
    return fat


def _entry_offsets(data: bytes | bytearray) -> list[int]:
    """File offsets of every directory entry, following the directory's sector chain."""
    sector_size, sector, _difat = _header(data)
    fat, offsets, seen = _fat(data), [], set()
    while sector < _END_OF_CHAIN and sector not in seen:
        seen.add(sector)
        start = (sector + 1) * sector_size
        offsets += range(start, start + sector_size, _ENTRY)
        sector = fat[sector]
    return offsets


def _name(data: bytes | bytearray, offset: int) -> str:
    length = struct.unpack_from("<H", data, offset + 0x40)[0]
    return bytes(data[offset : offset + max(length - 2, 0)]).decode("utf-16-le")


def _less(a: str, b: str) -> bool:
    """MS-CFB 2.6.4 order: shorter names first, then code point by code point, upper-cased."""
    return (len(a), a.upper()) < (len(b), b.upper())


def _in_order(entries: dict[int, tuple], root: int) -> list[str]:
    """Names of one sibling tree in order (left, node, right); a cycle stops the walk."""
    names: list[str] = []
    stack, seen, sid = [], set(), root
    while (stack or sid in entries) and len(seen) <= len(entries):
        while sid in entries and sid not in seen:
            seen.add(sid)
            stack.append(sid)
            sid = entries[sid][2]
        if not stack:
            break
        sid = stack.pop()
        names.append(entries[sid][0])
        sid = entries[sid][3]
    return names


def check(vba_project: bytes) -> list[str]:
    """Deviations from MS-CFB 2.6.4 and MS-OVBA (empty when the container is tidy)."""
    from pyopenvba.cfb import CFB
    from pyopenvba.vba import decompress

    problems: list[str] = []
    offsets = _entry_offsets(vba_project)
    entries = {}
    for sid, offset in enumerate(offsets):
        kind = vba_project[offset + 0x42]
        if kind == 0:
            continue
        left, right, child = struct.unpack_from("<3I", vba_project, offset + 0x44)
        entries[sid] = (_name(vba_project, offset), vba_project[offset + _COLOR_OFFSET], left,
                        right, child)  # fmt: skip
    for name, colour, left, right, child in entries.values():
        if colour not in (_BLACK, _RED):
            problems.append(f"{name}: colour {colour}")
        for other in (left, right, child):
            if other != _NO_STREAM and other not in entries:
                problems.append(f"{name}: sibling or child {other} does not exist")
        for other in (left, right):
            if other in entries and colour == _RED and entries[other][1] == _RED:
                problems.append(f"{name} and {entries[other][0]}: two consecutive red entries")
        if child in entries:
            names = _in_order(entries, child)
            if any(not _less(a, b) for a, b in itertools.pairwise(names)):
                problems.append(f"{name}: children out of order ({', '.join(names)})")
    if entries and entries[0][1] != _BLACK:
        problems.append("root entry is not black")
    cfb = CFB.from_bytes(vba_project)
    source = decompress(cfb.get_stream_in_storage("VBA", "dir"))
    end = dir_end(source)
    if end != len(source) or not source[:end].endswith(_TERMINATOR):
        problems.append(f"dir stream: {len(source) - end} byte(s) after the Terminator")
    project = cfb.get_stream("PROJECT")
    if workspace_without_blank_lines(project) != project:
        problems.append("PROJECT: blank line inside [Workspace]")
    return problems
