"""A conversation with the mentor: what their version changes, and taking all or some of it.

:func:`compare` lists the differences (from :func:`planner.diff.diff`) grouped as
the page is (settings, your terms, each offer), one checkbox per change, and
takes the ticked ones (with what they need) into the user's version.
:func:`compare_panel` is the share tab's "compare with a link or file", which can
also compare two links or files with each other. Reading what was pasted or
uploaded is :func:`read_version`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any

import streamlit as st

from planner import Scenario, ScenarioError, read_scenario_bytes
from planner.diff import Change, apply, diff, needed
from planner.share import encode, read_link
from planner.wording import escape

Take = Callable[[Scenario], None]


def read_version(text: str, upload: Any) -> Scenario | None:
    """The scenario of a pasted link (``?plan=``, ``#plan=`` or bare) or an uploaded file.

    Shows a one-line message and gives ``None`` when it cannot be read.
    """
    try:
        if upload is not None:
            return read_scenario_bytes(upload.getvalue())
        text = text.strip()
        return read_link(text) if text else None
    except ScenarioError as error:
        what = f"“{upload.name}”" if upload is not None else "This link"
        st.error(f"{what} could not be read: {error}", icon="⚠️")
        return None


def _boxes(key: str, mine: Scenario, theirs: Scenario, count: int) -> list[str]:
    """Checkbox keys, fresh for each pair of versions (so old ticks never carry over)."""
    digest = hashlib.sha1((encode(mine) + "|" + encode(theirs)).encode()).hexdigest()[:10]
    return [f"{key}_{digest}_{i}" for i in range(count)]


def _take(
    mine: Scenario, changes: list[Change], boxes: list[str], every: bool, on_take: Take
) -> None:
    chosen = [
        c.key for c, box in zip(changes, boxes, strict=True) if every or st.session_state.get(box)
    ]
    if not chosen:
        st.session_state.mentor_message = "Tick at least one change to take, or take them all."
        return
    st.session_state.mentor_message = None
    on_take(apply(mine, changes, chosen))


def compare(
    mine: Scenario,
    theirs: Scenario,
    *,
    key: str,
    theirs_label: str,
    on_take: Take,
    into: str = "your work",
) -> None:
    """The differences from ``mine`` to ``theirs``, each to tick, and the buttons to take them."""
    changes = diff(mine, theirs)
    if not changes:
        st.success(f"No differences: {theirs_label} is the same plan as {into}.")
        return
    count = len(changes)
    st.markdown(
        f"**{count} difference{'s' if count != 1 else ''}**: what {escape(theirs_label)} "
        f"changes in {escape(into)}. Tick what you want to take."
    )
    boxes = _boxes(key, mine, theirs, count)
    words = {c.key: c.words for c in changes}
    area = None
    for change, box in zip(changes, boxes, strict=True):
        if change.area != area:
            area = change.area
            title = "Your terms" if area == "Terms" else area
            st.markdown(f"**{escape(title)}**")
        along = sorted(needed(changes, [change.key]) - {change.key})
        label = escape(change.words)
        if along:
            label += " *(" + escape("takes along: " + "; ".join(words[k] for k in along)) + ")*"
        st.checkbox(label, key=box)
    with st.container(horizontal=True):
        st.button(
            "Take selected",
            key=f"{key}_take",
            type="primary",
            on_click=_take,
            args=(mine, changes, boxes, False, on_take),
        )
        st.button(
            f"Take all {count}",
            key=f"{key}_take_all",
            on_click=_take,
            args=(mine, changes, boxes, True, on_take),
        )
    message = st.session_state.get("mentor_message")
    if message:
        st.warning(message, icon="☝️")


def compare_panel(current: Scenario | None, on_take: Take) -> None:
    """Compare a mentor's link or file with your work, or two links or files with each other."""
    st.subheader("Compare with your mentor's version")
    st.caption(
        "Paste the link your mentor sent back, or upload their scenario file: you see what "
        "they changed, term by term and offer by offer, and take all of it or only some."
    )
    link_col, file_col = st.columns(2)
    text = link_col.text_input("Their link", key="mentor_link", placeholder="https://…?plan=1.…")
    upload = file_col.file_uploader("Or their file (.json)", type=["json"], key="mentor_file")
    base = st.radio(
        "Compare it with",
        ["your work", "another link or file"],
        key="mentor_base",
        horizontal=True,
    )
    mine: Scenario | None = current
    into = "your work"
    if base != "your work":
        left, right = st.columns(2)
        other_text = left.text_input(
            "The other link", key="mentor_link_b", placeholder="https://…?plan=1.…"
        )
        other_upload = right.file_uploader(
            "Or the other file (.json)", type=["json"], key="mentor_file_b"
        )
        mine = read_version(other_text, other_upload)
        into = "the other version"
    theirs = read_version(text, upload)
    if theirs is None or mine is None:
        if current is None and base == "your work":
            st.info("Fill in at least one term and one offer first, or compare two links.")
        return
    compare(
        mine,
        theirs,
        key="mentor_panel",
        theirs_label="their version",
        on_take=on_take,
        into=into,
    )
    if into != "your work":
        st.caption("Taking changes here opens the result as your work; your work is kept aside.")
