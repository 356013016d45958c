"""Session state: a few named keys, set up once; callbacks only move values in or out.

Keys (each session has its own; nothing here is shared between users):
- ``workspace``: the :class:`ui.workspace.Workspace` the editors start from;
- ``scenario``: the last valid :class:`planner.Scenario` (what the plan shows);
- ``notice``: a message about the last load (a sample, a file, a link), or ``None``;
- ``start_tab``: the tab to open first (the plan, when the page came from a link);
- ``views``: the tables, chart data and files of the last valid scenario, kept
  until it changes; ``coaching``: the same for the coached offer.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from planner import Scenario, ScenarioError, read_scenario_bytes
from planner.catalog import load_catalog, sample_files
from planner.draft import (
    Draft,
    add_catalog_terms,
    add_offer,
    add_round,
    blank_draft,
    build_scenario,
    draft_from_scenario,
    remove_last_round,
    remove_offer,
)
from planner.models import STANCES
from planner.share import PARAM, read_link, single_param
from ui.views import Coaching, Views, coaching_of, views_of
from ui.workspace import Workspace

FIRST_SAMPLE = "Account executive offers"
TABS = {
    "start": "① Start",
    "terms": "② Your terms",
    "offers": "③ Offers",
    "plan": "④ Plan",
    "share": "⑤ Share & export",
    "coach": "⑥ Coach",
}


def init() -> None:
    """Set up this session's keys once; open a share link if the page came with one."""
    if "workspace" in st.session_state:
        return
    st.session_state.setdefault("notice", None)
    st.session_state.setdefault("start_tab", None)
    draft = blank_draft()
    links = st.query_params.get_all(PARAM)
    if links:
        try:
            draft = draft_from_scenario(read_link(single_param(links)))
            st.session_state.start_tab = "plan"
            st.session_state.notice = ("success", "Opened the plan from the link.")
        except ScenarioError as error:
            st.session_state.notice = (
                "error",
                f"This link could not be opened: {error}. "
                "Ask for the link again, or for the scenario file.",
            )
    else:
        samples = sample_files()
        path = samples.get(FIRST_SAMPLE) or next(iter(samples.values()), None)
        if path is not None:
            draft = draft_from_scenario(read_scenario_bytes(path.read_bytes()))
    st.session_state.workspace = Workspace.of(draft)
    scenario, _ = build_scenario(draft)
    st.session_state.scenario = scenario


def workspace() -> Workspace:
    ws: Workspace = st.session_state.workspace
    return ws


def state() -> dict[str, Any]:
    """This session's widget state as a plain mapping, for the pure planner functions."""
    return {key: st.session_state[key] for key in st.session_state}


def first_tab() -> str:
    return str(st.session_state.get("start_tab") or "start")


def current_draft() -> Draft:
    """The draft as the user sees it now; the offer editors are rebuilt if the terms moved."""
    ws = workspace()
    draft = ws.current(state())
    if ws.needs_new_offer_rows(draft):
        st.session_state.workspace = ws.with_offers(draft)
    return draft


def last_scenario() -> Scenario | None:
    scenario: Scenario | None = st.session_state.scenario
    return scenario


def remember(scenario: Scenario) -> None:
    st.session_state.scenario = scenario


def views() -> Views | None:
    """What the page shows of the last valid scenario; recomputed only when it changed.

    Kept in this session only (never a process-wide cache), so it goes with the session.
    """
    scenario = last_scenario()
    if scenario is None:
        return None
    cached: Views | None = st.session_state.get("views")
    if cached is None or cached.scenario != scenario:
        cached = views_of(scenario)
        st.session_state.views = cached
    return cached


def replace(draft: Draft, notice: tuple[str, str] | None = None) -> None:
    """Start the editors afresh from a whole new draft."""
    st.session_state.workspace = workspace().replace(draft)
    scenario, _ = build_scenario(draft)
    st.session_state.scenario = scenario
    st.session_state.notice = notice


# --- callbacks -------------------------------------------------------------------------


def load_sample(name_key: str) -> None:
    name = st.session_state.get(name_key)
    path = sample_files().get(str(name))
    if path is not None:
        replace(
            draft_from_scenario(read_scenario_bytes(path.read_bytes())),
            ("success", f"Loaded the sample “{name}”."),
        )


def start_blank() -> None:
    replace(
        blank_draft(), ("success", "Started a blank scenario: name your terms, then your offers.")
    )


def load_upload(upload_key: str) -> None:
    upload = st.session_state.get(upload_key)
    if upload is None:
        return
    try:
        scenario = read_scenario_bytes(upload.getvalue())
    except ScenarioError as error:
        st.session_state.notice = (
            "error",
            f"“{upload.name}” is not a scenario file this planner can open: {error}",
        )
        return
    replace(draft_from_scenario(scenario), ("success", f"Opened “{upload.name}”."))


def add_terms_from_catalog(pick_key: str) -> None:
    names = st.session_state.get(pick_key) or []
    if names:
        draft = workspace().current(state())
        replace(add_catalog_terms(draft, names, load_catalog()))
    st.session_state[pick_key] = []


def add_new_offer(name_key: str) -> None:
    name = str(st.session_state.get(name_key) or "").strip()
    draft = workspace().current(state())
    if not name:
        name = f"Offer {len(draft.offers) + 1}"
    st.session_state.workspace = workspace().with_offers(add_offer(draft, name, load_catalog()))
    st.session_state[name_key] = ""


def drop_offer(offer_id: str) -> None:
    draft = workspace().current(state())
    st.session_state.workspace = workspace().with_offers(remove_offer(draft, offer_id))


def record_answer(offer_id: str) -> None:
    """Record what the company answered (the form's fields) as a round of that offer."""
    when = st.session_state.get("round_date")
    stance = st.session_state.get("round_stance")
    draft = workspace().current(state())
    try:
        updated = add_round(
            draft,
            offer_id,
            str(st.session_state.get("round_term") or ""),
            value=str(st.session_state.get("round_value") or ""),
            stance=stance if stance in STANCES else None,
            note=str(st.session_state.get("round_note") or ""),
            date=when.isoformat() if when else None,
        )
    except ValueError as error:
        st.session_state.round_error = f"Not recorded: {error}"
        return
    st.session_state.round_error = None
    st.session_state.workspace = workspace().with_offers(updated)


def undo_answer(offer_id: str) -> None:
    draft = workspace().current(state())
    st.session_state.workspace = workspace().with_offers(remove_last_round(draft, offer_id))


def coaching(views: Views, offer: str, anyway: bool) -> Coaching:
    """Script, packages and call sheet for one offer; recomputed only when the scenario changed."""
    cached: Coaching | None = st.session_state.get("coaching")
    if (
        cached is None
        or (cached.offer, cached.anyway) != (offer, anyway)
        or cached.scenario != views.scenario
    ):
        cached = coaching_of(views.scenario, views.plan.offer(offer), anyway=anyway)
        st.session_state.coaching = cached
    return cached
