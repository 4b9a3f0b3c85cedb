"""The one mark-up staff may type in Narasi text: a foreign or Latin term between underscores,
``_good governance_``, is printed in italics (PUEBI: foreign terms in italics). Underscores
inside a word (``LKjIP_2022``) are left alone, so file names and codes stay as typed."""

from __future__ import annotations

import re

Part = tuple[str, str]  # (text, flags), as report.writer takes them

_ITALIC = re.compile(r"(?<![\w_])_([^_\n]{1,200}?)_(?![\w_])")


def miring(text: str) -> list[Part]:
    """Runs of `text`: the marked stretches italic ("i"), the rest plain, markers dropped."""
    parts: list[Part] = []
    pos = 0
    for match in _ITALIC.finditer(text):
        inner = match.group(1)
        if inner != inner.strip():  # "_ x _" is no mark-up
            continue
        if match.start() > pos:
            parts.append((text[pos : match.start()], ""))
        parts.append((inner, "i"))
        pos = match.end()
    if pos < len(text):
        parts.append((text[pos:], ""))
    return parts or [("", "")]
