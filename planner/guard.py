"""The guard that keeps a bottom line out of what the planner writes for the company.

A script quotes your own notes as the reasons for its asks. A note that gives a
bottom line away (``my line is 70k``) must not be quoted. :func:`bottom_lines`
collects the figures and options to keep back: every bottom line that is not
exactly one of the figures asked for (where a term has no target, the ask *is*
its bottom line, and saying it is the point). The comparison is on the exact
figures; only then is each kept line also taken as the planner would show it
(rounded to two decimals), so that a line of 0.00390625 keeps ``0.00`` back even
when another term asks for 0.

Numbers in a note are recognised as people type them (``70000``, ``70,000``,
``70k``, ``70.000``, ``70 000``); a line written out in words (``seventy
thousand``) is not.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterable
from dataclasses import dataclass

from planner.models import Scenario, Value
from planner.numbers import parse_number

_NUMBER_IN_TEXT = re.compile(r"-?\d[\d,.'\u00a0\u202f ]*(?:[eE][-+]?\d+)?(?:[kKmM](?![^\W\d_]))?")


def numbers_in(text: str) -> set[float]:
    """Every number written in ``text`` as people type them (``70,000``, ``70k``, ``70 000``).

    Generous on purpose: each run of digits is also read piece by piece, and with
    and without a minus sign, so that a note is left out rather than risk a line.
    """
    found: set[float] = set()
    for match in _NUMBER_IN_TEXT.finditer(text):
        run = match.group().strip(" ,.'\u00a0\u202f")
        pieces = {run, *run.split(), *re.split(r"[\s\u00a0\u202f]+", run)}
        for piece in pieces:
            piece = piece.strip(" ,.'")
            if not piece.lstrip("-"):
                continue
            with contextlib.suppress(ValueError):
                number = parse_number(piece)
                found |= {number, -number}
            for part in re.split(r"[,.-]", piece):
                if part.isdigit():
                    found |= {float(part), -float(part)}
            # 70.000 and 70.000,00 (dots between thousands, a decimal comma), and
            # every digit run read whole (70'000, 70 000): better too many than a leak.
            european = piece.replace(".", "").replace(",", ".")
            with contextlib.suppress(ValueError):
                number = parse_number(european)
                found |= {number, -number}
            whole = re.sub(r"[^\d]", "", piece.split(",")[0])
            if whole:
                found |= {float(whole), -float(whole)}
    return found


def shown_forms(figure: float) -> set[float]:
    """The figure and the figures it reads as when written to two decimals (``0.00390625``
    is also ``0``; ``59999.999`` is also ``60000``)."""
    return {figure, round(figure, 2)}


@dataclass(frozen=True)
class BottomLines:
    """The bottom lines to keep back: figures (as exact and as shown) and options."""

    numbers: frozenset[float]
    options: frozenset[str]

    def said_in(self, text: str) -> bool:
        """Whether ``text`` mentions one of these figures or options (options ignore case)."""
        if self.numbers & numbers_in(text):
            return True
        folded = text.casefold()
        return any(
            re.search(rf"(?<!\w){re.escape(option)}(?!\w)", folded) for option in self.options
        )


def bottom_lines(scenario: Scenario, asked: Iterable[Value]) -> BottomLines:
    """The scenario's bottom lines that are not exactly one of the ``asked`` figures or options."""
    asked = list(asked)
    asked_numbers = {v for v in asked if isinstance(v, float)}
    asked_options = {v.casefold() for v in asked if isinstance(v, str)}
    numbers: set[float] = set()
    options: set[str] = set()
    for term in scenario.terms:
        line = term.bottom_line
        if isinstance(line, float) and line not in asked_numbers:
            numbers |= shown_forms(line)
        elif isinstance(line, str) and line.casefold() not in asked_options:
            options.add(line.casefold())
    return BottomLines(numbers=frozenset(numbers), options=frozenset(options))
