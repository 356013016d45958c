"""Long lists of terms, a page at a time: the page stays quick with 100 terms.

A scenario may have up to 100 terms; drawing every field of every term at once makes
each edit redraw hundreds of inputs. Past :data:`PAGE` terms, a control above the list
picks which block of terms is shown. Every field writes into the draft as it changes,
so a term on another page keeps what was typed in it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

import streamlit as st

T = TypeVar("T")

PAGE = 25
"""Terms shown at once; a real offer has far fewer, so paging is rare."""


def page_of(items: Sequence[T], key: str) -> Sequence[T]:
    """The block of ``items`` the user picked (all of them when there are few)."""
    if len(items) <= PAGE:
        return items
    starts = list(range(0, len(items), PAGE))
    labels = {s: f"{s + 1}–{min(s + PAGE, len(items))}" for s in starts}
    start = st.segmented_control(
        f"Terms ({len(items)}), a page at a time",
        starts,
        format_func=lambda s: labels[s],
        default=starts[0],
        key=key,
    )
    start = starts[0] if start is None else start
    return items[start : start + PAGE]
