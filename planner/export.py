"""Files the user takes away: the comparison CSV, safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import re
import unicodedata

import pandas as pd

FORMULA_CHARS = "=+-@\uff1d\uff0b\uff0d\uff20\ufe62\ufe63\ufe66"
"""What a spreadsheet may take as the start of a formula: ``= + - @``, their full-width
forms (``＝ ＋ － ＠``, which some spreadsheets turn into the ASCII ones) and small forms."""

SPLIT_CHARS = ",;\t|\r\n"
"""Where a spreadsheet may guess a new cell starts: the delimiters it tries, and line breaks."""

_FORMULA_START = (*tuple(FORMULA_CHARS), "\t", "\r", "\n")
_PLAIN_NUMBER = re.compile(r"^-?\d+(\.\d+)?([eE][-+]?\d+)?$")
_INNER_FORMULA = re.compile(f"(?<=[{re.escape(SPLIT_CHARS)}])(\\s*)([{re.escape(FORMULA_CHARS)}])")


def neutralise(cell: object) -> object:
    """Make a cell inert in a spreadsheet, whatever delimiter it reads the file with.

    Following OWASP's CSV injection advice, text starting with ``=``, ``+``,
    ``-``, ``@`` (or a full-width form of one), a tab, CR or LF gets a leading
    apostrophe. So does every such character that follows ``, ; | tab CR LF``
    inside the text (spaces between allowed): a reader that splits the line
    there must not find a cell that starts a formula. Numbers, and text that is
    a plain negative number such as ``-5``, are left as they are.
    """
    if not isinstance(cell, str) or not cell or _PLAIN_NUMBER.match(cell):
        return cell
    inner = _INNER_FORMULA.sub(r"\1'\2", cell)
    if inner.startswith(_FORMULA_START) or inner.lstrip().startswith(tuple(FORMULA_CHARS)):
        return "'" + inner
    return inner


def csv_bytes(table: pd.DataFrame, lineterminator: str = "\r\n") -> bytes:
    """The table as UTF-8 CSV (with a byte-order mark, so spreadsheets read accents right).

    Every text cell is quoted and numbers are not, so a reader that guesses
    types keeps names as text and figures as numbers; cells that a spreadsheet
    would run as formulas are neutralised first (see :func:`neutralise`).
    """
    # Cell by cell into object columns: DataFrame.map would turn a column of whole numbers
    # with a gap (a year, a value not known) into floats, written "2.0".
    safe = pd.DataFrame(
        {
            i: pd.Series([neutralise(cell) for cell in table.iloc[:, i]], dtype=object)
            for i in range(table.shape[1])
        }
    )
    safe.columns = [neutralise(str(c)) for c in table.columns]
    # CRLF rows (RFC 4180); every text cell is quoted, so a line break inside a
    # note can never start a new row.
    text: str = safe.to_csv(
        index=False, lineterminator=lineterminator, quoting=csv.QUOTE_NONNUMERIC
    )
    return text.encode("utf-8-sig")


def file_stem(title: str, default: str = "negotiation-plan") -> str:
    """A file name stem from the scenario's title: ``Offers after March`` -> ``offers-after-march``."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    stem = re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-")[:60].strip("-")
    return stem or default
