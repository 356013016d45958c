"""Files the user takes away: the comparison CSV, safe to open in a spreadsheet."""

from __future__ import annotations

import re
import unicodedata

import pandas as pd

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")
_PLAIN_NUMBER = re.compile(r"^-?\d+(\.\d+)?([eE][-+]?\d+)?$")


def neutralise(cell: object) -> object:
    """Make a cell inert in a spreadsheet (OWASP CSV injection advice).

    Text that a spreadsheet would run as a formula (starting with ``=``, ``+``,
    ``-``, ``@``, a tab, CR or LF) gets a leading apostrophe. Numbers, and text
    that is a plain negative number such as ``-5``, are left as they are.
    """
    if not isinstance(cell, str) or not cell:
        return cell
    if cell.startswith(_FORMULA_START) and not _PLAIN_NUMBER.match(cell):
        return "'" + cell
    return cell


def csv_bytes(table: pd.DataFrame) -> bytes:
    """The table as UTF-8 CSV (with a byte-order mark, so spreadsheets read accents right).

    Cells that a spreadsheet would run as formulas are neutralised first.
    """
    safe = table.rename(columns=lambda c: neutralise(str(c))).map(neutralise)
    # CRLF rows (RFC 4180) also make the writer quote any cell with a CR or LF in
    # it, so a line break inside a note can never start a new row.
    text: str = safe.to_csv(index=False, lineterminator="\r\n")
    return text.encode("utf-8-sig")


def file_stem(title: str, default: str = "negotiation-plan") -> str:
    """A file name stem from the scenario's title: ``Offers after March`` -> ``offers-after-march``."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    stem = re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-")[:60].strip("-")
    return stem or default
