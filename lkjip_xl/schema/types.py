"""The layout's building blocks: column kinds, columns, Excel Tables and sheets (lkjip_xl.schema
uses them to describe the OPD workbook, lkjip_xl.pemda.schema the Pemda workbook)."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class Kind(str, Enum):
    """What a column holds; drives number formats, validation and parsing."""

    TEXT = "text"  # short text (with `choices`: a list of suggestions, any other text allowed)
    LONGTEXT = "longtext"  # narrative, wrapped
    CODE = "code"  # identifier typed by staff (S1, IKU1, I.1.2)
    INT = "int"  # whole number (year, count)
    NUMBER = "number"  # decimal number in the indicator's own unit (75,25 for 75,25%)
    VALUE = "value"  # number OR qualitative label ("Sangat Tinggi", "B", "Belum ada ...")
    RUPIAH = "rupiah"  # amount in Rupiah
    PERCENT = "percent"  # Excel fraction shown as percent (formula results)
    CHOICE = "choice"  # one of a dropdown list (`choices`), nothing else
    FORMULA = "formula"  # calculated column: computed by an Excel formula, never typed


@dataclass(frozen=True)
class Column:
    name: str  # header text in the workbook (Bahasa Indonesia), stable
    kind: Kind
    required: bool = False
    choices: str | None = None  # name of a CHOICES list: the only values (CHOICE) or suggestions
    width: float = 14
    help: str = ""  # shown as the header cell's input message
    # A column added after workbooks were already in use: a workbook without it is still read
    # (its cells count as empty) instead of failing the layout check.
    optional: bool = False


@dataclass(frozen=True)
class Table:
    name: str  # Excel Table name (ListObject), stable
    sheet: str
    title: str  # heading written above the table
    columns: tuple[Column, ...]
    help: str = ""

    def column(self, name: str) -> Column:
        for col in self.columns:
            if col.name == name:
                return col
        raise KeyError(name)

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(col.name for col in self.columns)

    @property
    def required_column_names(self) -> tuple[str, ...]:
        """Columns every workbook must have (optional columns may be missing in old ones)."""
        return tuple(col.name for col in self.columns if not col.optional)

    @property
    def input_columns(self) -> tuple[Column, ...]:
        """Columns staff type into (not the calculated ones)."""
        return tuple(col for col in self.columns if col.kind is not Kind.FORMULA)

    @property
    def input_column_names(self) -> tuple[str, ...]:
        return tuple(col.name for col in self.input_columns)

    @property
    def formula_columns(self) -> tuple[Column, ...]:
        """Calculated columns (results), in table order."""
        return tuple(col for col in self.columns if col.kind is Kind.FORMULA)


@dataclass(frozen=True)
class Sheet:
    name: str
    title: str
    tables: tuple[Table, ...] = field(default_factory=tuple)
