"""Session state: a few named keys, set up once; callbacks only move values in or out.

Keys (each session has its own; nothing here is shared between users):
- ``workspace``: the :class:`ui.workspace.Workspace`: the draft the user is editing;
- ``scenario``: the last valid :class:`planner.Scenario` (what the plan shows);
- ``notice``: a message about the last load (a sample, a file, a link), or ``None``;
- ``toast``: a short confirmation to pop up once (an offer added), or ``None``;
- ``main_tab``: the label of the page's open tab (the tabs are keyed and stateful);
- ``offer_pick``: the id of the offer open on the Offers page;
- ``upload_round``: bumped after each upload, so the upload box starts empty again;
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
    Problem,
    add_catalog_terms,
    add_offer,
    add_option,
    add_round,
    add_term,
    blank_draft,
    build_scenario,
    change_term,
    draft_from_scenario,
    remove_last_round,
    remove_offer,
    remove_term,
)
from planner.models import STANCES, Market
from planner.share import PARAM, read_link, single_param
from planner.upload import read_upload
from planner.wording import escape_page
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
MAIN_TAB = "main_tab"
OFFER_PICK = "offer_pick"


def init() -> None:
    """Set up this session's keys once; open a share link if the page came with one.

    Without a link the session starts blank and the Start tab asks what to do.
    (To restore saved work, call :func:`replace` after this, once per session.)
    """
    if "workspace" in st.session_state:
        return
    st.session_state.setdefault("notice", None)
    st.session_state.setdefault("toast", None)
    st.session_state.setdefault("upload_round", 0)
    draft = blank_draft()
    links = st.query_params.get_all(PARAM)
    if links:
        try:
            draft = draft_from_scenario(read_link(single_param(links)))
            st.session_state[MAIN_TAB] = TABS["plan"]
            st.session_state.notice = ("success", "Opened the plan from the link.")
        except ScenarioError as error:
            st.session_state.notice = (
                "error",
                f"This link could not be opened: {escape_page(str(error))}. "
                "Ask for the link again, or for the scenario file.",
            )
    st.session_state.workspace = Workspace.of(draft)
    scenario, _ = build_scenario(draft)
    st.session_state.scenario = scenario


def workspace() -> Workspace:
    ws: Workspace = st.session_state.workspace
    return ws


def current_draft() -> Draft:
    """The draft as the user sees it now (every input has written into it already)."""
    return workspace().draft


def read_draft(draft: Draft) -> tuple[Scenario | None, list[Problem]]:
    """The scenario the draft makes and its problems, read once per draft.

    A draft is immutable and replaced on every edit, so a rerun that changed nothing
    (a tab switch, a toggle) reuses the last reading instead of validating again.
    """
    built = st.session_state.get("built")
    if built is None or built[0] is not draft:
        built = (draft, *build_scenario(draft))
        st.session_state.built = built
    return built[1], built[2]


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
    if cached is None or (cached.scenario is not scenario and cached.scenario != scenario):
        cached = views_of(scenario)
        st.session_state.views = cached
    return cached


def replace(draft: Draft, notice: tuple[str, str] | None = None, tab: str | None = None) -> None:
    """Start the editors afresh from a whole new draft (and open a tab, when given)."""
    st.session_state.workspace = workspace().replace(draft)
    scenario, _ = build_scenario(draft)
    st.session_state.scenario = scenario
    st.session_state.notice = notice
    if tab is not None:
        st.session_state[MAIN_TAB] = TABS[tab]


def change(draft: Draft) -> None:
    """A change a button makes to the draft: inputs showing a value it changed start afresh."""
    ws = workspace()
    for key in ws.outdated(draft, list(st.session_state)):
        del st.session_state[key]
    st.session_state.workspace = ws.with_draft(draft)


def open_tab(tab: str) -> None:
    st.session_state[MAIN_TAB] = TABS[tab]


# --- inputs ----------------------------------------------------------------------------


def bind(key: str) -> str:
    """An input's key, its value set from the draft the first time it is drawn.

    Use with ``on_change=session.edit, args=(key,)``; never pass ``value=`` as well.
    """
    if key not in st.session_state:
        st.session_state[key] = workspace().start_value(key)
    return key


def edit(key: str) -> None:
    """Write what the user typed in an input into the draft (the inputs' one callback)."""
    st.session_state.workspace = workspace().edited(key, st.session_state.get(key))


def _forget_inputs_of(item_id: str) -> None:
    """Drop any input state left for an id that is given again (a new term or offer)."""
    marker = f"-{item_id}-"
    for key in [k for k in st.session_state if isinstance(k, str) and marker in f"{k}-"]:
        del st.session_state[key]


def selected_offer(draft: Draft) -> str | None:
    """The id of the offer open on the Offers page (the first, when none or a removed one)."""
    ids = [o.id for o in draft.offers]
    if not ids:
        return None
    if st.session_state.get(OFFER_PICK) not in ids:
        st.session_state[OFFER_PICK] = ids[0]
    return str(st.session_state[OFFER_PICK])


# --- callbacks -------------------------------------------------------------------------


def load_sample(name_key: str) -> None:
    name = st.session_state.get(name_key)
    path = sample_files().get(str(name))
    if path is not None:
        replace(
            draft_from_scenario(read_scenario_bytes(path.read_bytes())),
            (
                "success",
                f"Opened the sample “{escape_page(str(name))}”: its plan is below. "
                "Change anything in ② Your terms or ③ Offers and the plan follows.",
            ),
            tab="plan",
        )


def start_blank() -> None:
    replace(
        blank_draft(),
        (
            "success",
            "Started blank: name the terms you care about, with your bottom line and target. "
            "Then enter each offer in ③ Offers.",
        ),
        tab="terms",
    )


def upload_key() -> str:
    return f"upload_{st.session_state.get('upload_round', 0)}"


def load_upload() -> None:
    """Open the uploaded file; either way the upload box starts empty again."""
    key = upload_key()
    upload = st.session_state.get(key)
    st.session_state.upload_round = st.session_state.get("upload_round", 0) + 1
    if upload is None:
        return
    name = escape_page(upload.name)
    try:
        scenario = read_upload(upload.name, upload.getvalue())
    except ScenarioError as error:
        st.session_state.notice = ("error", f"Could not open “{name}”: {escape_page(str(error))}")
        return
    replace(draft_from_scenario(scenario), ("success", f"Opened “{name}”."), tab="plan")


def open_link(link_key: str) -> None:
    text = str(st.session_state.get(link_key) or "").strip()
    if not text:
        st.session_state.notice = ("error", "Paste a planner link first, then press Open link.")
        return
    try:
        scenario = read_link(text)
    except ScenarioError as error:
        st.session_state.notice = (
            "error",
            f"This link could not be opened: {escape_page(str(error))}. "
            "Ask for the link again, or for the scenario file.",
        )
        return
    st.session_state[link_key] = ""
    replace(draft_from_scenario(scenario), ("success", "Opened the plan from the link."), "plan")


def add_terms_from_catalog(pick_key: str) -> None:
    names = st.session_state.get(pick_key) or []
    if names:
        ws = workspace()
        draft = add_catalog_terms(ws.draft, names, load_catalog())
        for row in draft.terms[len(ws.draft.terms) :]:
            _forget_inputs_of(row.id)
        change(draft)
        added = ", ".join(escape_page(str(n)) for n in names)
        st.session_state.toast = f"Added {added}: each offer starts at the usual stance."
    st.session_state[pick_key] = []


def add_blank_term() -> None:
    ws = workspace()
    draft, term_id = add_term(ws.draft)
    _forget_inputs_of(term_id)
    change(draft)
    st.session_state.toast = "Added a term at the end of the list: give it a name."


def add_to_options(term_id: str, option: str) -> None:
    """Make a value typed for a choice term one of its options (as its best, last)."""
    ws = workspace()
    change(add_option(ws.draft, term_id, option))
    row = ws.draft.term_row(term_id)
    st.session_state.toast = (
        f"Added “{escape_page(option)}” to the options of {escape_page(row.name.strip())}, as the best: "
        "reorder them in ② Your terms if it is not."
    )


def drop_term(term_id: str) -> None:
    ws = workspace()
    row = next((t for t in ws.draft.terms if t.id == term_id), None)
    change(remove_term(ws.draft, term_id))
    if row is not None:
        st.session_state.toast = f"Removed the term “{escape_page(row.name.strip() or 'no name')}”."


def set_market(term_id: str, market: Market | None) -> None:
    """Give a term market data (figures and their source), or take it away (``None``)."""
    ws = workspace()
    row = next((t for t in ws.draft.terms if t.id == term_id), None)
    if row is None:
        return
    change(change_term(ws.draft, term_id, market=market))
    name = escape_page(row.name.strip() or "no name")
    st.session_state.toast = (
        f"Market data for “{name}”: {escape_page(market.source)}."
        if market is not None
        else f"Removed the market data of “{name}”."
    )


def add_new_offer(name_key: str) -> None:
    """Add an offer, open it on the Offers page and say so."""
    ws = workspace()
    name = str(st.session_state.get(name_key) or "").strip()
    if not name:
        name = f"Offer {len(ws.draft.offers) + 1}"
    draft = add_offer(ws.draft, name, load_catalog())
    new_id = draft.offers[-1].id
    _forget_inputs_of(new_id)
    change(draft)
    st.session_state[OFFER_PICK] = new_id
    st.session_state[name_key] = ""
    st.session_state.toast = f"Added the offer “{escape_page(name)}”: it is open below."


def drop_offer(offer_id: str) -> None:
    ws = workspace()
    ids = [o.id for o in ws.draft.offers]
    if offer_id not in ids or len(ids) <= 1:
        return
    gone = ws.draft.offers[ids.index(offer_id)]
    change(remove_offer(ws.draft, offer_id))
    rest = [i for i in ids if i != offer_id]
    st.session_state[OFFER_PICK] = rest[max(0, ids.index(offer_id) - 1)]
    st.session_state.toast = f"Removed the offer “{escape_page(gone.name.strip() or 'no name')}”."


def record_answer(offer_id: str) -> None:
    """Record what the company answered (the form's fields) as a round of that offer."""
    when = st.session_state.get("round_date")
    stance = st.session_state.get("round_stance")
    ws = workspace()
    try:
        updated = add_round(
            ws.draft,
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
    change(updated)


def undo_answer(offer_id: str) -> None:
    ws = workspace()
    change(remove_last_round(ws.draft, offer_id))


def state() -> dict[str, Any]:
    """This session's widget state as a plain mapping, for pure functions that read it."""
    return {key: st.session_state[key] for key in st.session_state}


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
