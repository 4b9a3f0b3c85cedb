"""One table cell as the section modules describe it (text, formatting, fill, merging)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Cell:
    """One cell: text (\\n makes a new line), formatting, optional fill and merging."""

    text: object = ""
    bold: bool = False
    italic: bool = False
    align: str = "left"
    fill: str | None = None
    span: int = 1
    vmerge: str | None = None  # "restart" on the first cell, "continue" below it
    colour: str | None = None  # font colour; default: white on dark fills, else automatic


CellLike = Cell | str | int | float | None


def as_cell(value: CellLike) -> Cell:
    if isinstance(value, Cell):
        return value
    return Cell("" if value is None else value)
