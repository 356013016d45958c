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
from planner.diff import Change, apply, diff
from planner.share import encode, read_link
from planner.wording import escape_page

Take = Callable[[Scenario], None]
MAX_LISTED = 300
"""Most changes listed one by one (a mentor's edits are a handful; two unrelated files are not)."""


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


def _pair(mine: Scenario, theirs: Scenario) -> str:
    """A short name for a pair of versions: ticks and the diff are kept per pair."""
    return hashlib.sha1((encode(mine) + "|" + encode(theirs)).encode()).hexdigest()[:10]


def _changes(key: str, pair: str, mine: Scenario, theirs: Scenario) -> list[Change]:
    """The diff of this pair, kept in the session until the pair changes (reruns are free)."""
    kept = st.session_state.get(f"{key}_diff")
    if kept is not None and kept[0] == pair:
        changes: list[Change] = kept[1]
        return changes
    changes = diff(mine, theirs)
    st.session_state[f"{key}_diff"] = (pair, changes)
    return changes


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
    pair = _pair(mine, theirs)
    changes = _changes(key, pair, mine, theirs)
    if not changes:
        st.success(f"No differences: {theirs_label} is the same plan as {into}.")
        return
    count = len(changes)
    st.markdown(
        f"**{count:,} difference{'s' if count != 1 else ''}**: what {escape_page(theirs_label)} "
        f"changes in {escape_page(into)}. Tick what you want to take."
    )
    boxes = [f"{key}_{pair}_{i}" for i in range(count)]  # fresh ticks for each new pair
    words = {c.key: c.words for c in changes}
    area = None
    for change, box in list(zip(changes, boxes, strict=True))[:MAX_LISTED]:
        if change.area != area:
            area = change.area
            title = "Your terms" if area == "Terms" else area
            st.markdown(f"**{escape_page(title)}**")
        along = [words[k] for k in change.requires if k in words]
        label = escape_page(change.words)
        if along:
            more = f" and {len(along) - 3} more" if len(along) > 3 else ""
            label += " *(" + escape_page("takes along: " + "; ".join(along[:3]) + more) + ")*"
        st.checkbox(label, key=box)
    if count > MAX_LISTED:
        st.caption(
            f"And {count - MAX_LISTED:,} more not listed: these versions differ almost "
            "everywhere. Take them all, or compare versions that are closer."
        )
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


def _version(key: str, who: str) -> Scenario | None:
    """A version to compare: a pasted link, or (when chosen) an uploaded scenario file."""
    kind = st.radio(f"{who} is", ["a link", "a file"], key=f"{key}_kind", horizontal=True)
    if kind == "a file":
        upload = st.file_uploader(f"{who}: file (.json)", type=["json"], key=f"{key}_file")
        return read_version("", upload)
    text = st.text_input(f"{who}: link", key=f"{key}_link", placeholder="https://…#plan=1.…")
    return read_version(text, None)


def compare_panel(current: Scenario | None, on_take: Take) -> None:
    """Compare a mentor's link or file with your work, or two links or files with each other."""
    st.subheader("Compare with your mentor's version")
    st.caption(
        "Paste the link your mentor sent back, or open their scenario file: you see what "
        "they changed, term by term and offer by offer, and take all of it or only some."
    )
    theirs = _version("mentor", "Their version")
    base = st.radio(
        "Compare it with",
        ["your work", "another link or file"],
        key="mentor_base",
        horizontal=True,
    )
    mine: Scenario | None = current
    into = "your work"
    if base != "your work":
        mine = _version("mentor_b", "The other version")
        into = "the other version"
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
