"""Numbers as people type them: ``60,000``, ``60 000 EUR``, ``60k``, ``2,5``, ``5%``.

Used wherever typed text becomes a figure (the draft's cells, the rounds the
user records) and where a figure must be recognised inside free text (the guard
that keeps a bottom line out of a script).
"""

from __future__ import annotations

import math
import re

from planner.errors import show

_SYMBOLS = re.compile(r"[\s\u00a0\u202f_$€£¥₹'’]")
_THOUSANDS = re.compile(r"^-?\d{1,3}(,\d{3})+(\.\d+)?$")
_SUFFIX = {"k": 1e3, "m": 1e6}


def parse_number(text: str, currency: str = "") -> float:
    """A number as typed: ``60000``, ``60,000``, ``60 000 EUR``, ``60k``, ``2,5``, ``5%``.

    Raises ``ValueError`` with a message in plain words for anything else.
    """
    original = text
    text = text.strip()
    if currency:
        text = re.sub(rf"(?i)\b{re.escape(currency)}\b", "", text)
    text = _SYMBOLS.sub("", text).removesuffix("%")
    scale = 1.0
    if text[-1:].lower() in _SUFFIX:
        scale = _SUFFIX[text[-1].lower()]
        text = text[:-1]
    if "," in text:
        if _THOUSANDS.match(text):
            text = text.replace(",", "")
        elif text.count(",") == 1 and "." not in text:
            text = text.replace(",", ".")
        else:
            raise ValueError(f"{show(original)} is not a number")
    if not re.fullmatch(r"-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?", text):
        raise ValueError(f"{show(original)} is not a number")
    value = float(text) * scale
    if not math.isfinite(value):
        raise ValueError(f"{show(original)} is too large")
    return value


def typed(value: float | str | None) -> str:
    """A value as it is shown in a text cell (without thousands separators)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(value)
