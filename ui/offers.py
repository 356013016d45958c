"""③ Offers: one offer at a time, each term's value, the company's stance, your note and reason.

The offer open here is chosen by its id (renaming it, adding or removing
another, or any button keeps you on it). Each term has its own labelled
inputs, keyed by offer and term id: what you type lands in the field you
clicked, and stays there when the page redraws.
"""

from __future__ import annotations

from functools import partial

import streamlit as st

from planner import Plan
from planner.catalog import load_catalog
from planner.draft import Draft, OfferDraft, Problem, TermRow
from planner.models import STANCES
from planner.wording import escape_page
from ui import session
from ui.editor import (
    NOT_SET,
    answers,
    choice_options,
    overridden,
    rules_of_thumb,
    usual_stance,
    your_line,
)
from ui.paging import page_of
from ui.plan import VERDICTS
from ui.workspace import Workspace

NOTHING_ENTERED = "nothing entered yet"
STANCE_WORDS = {
    "unknown": "unknown: not found out yet",
    "fixed": "fixed: set by policy, will not move",
    "limited": "limited: a little room",
    "negotiable": "negotiable: open to it",
}
VALUE_HINT = (
    "What this offer gives: a figure as you would write it (72000, 72k, 72,000). "
    "Leave empty if you do not know yet."
)
NOTE_HINT = "Private: for you and your mentor only. Never put in anything written for the company."
REASON_HINT = (
    "Goes to the company: the reason you give when you ask for more on this term "
    "(at most 300 characters)."
)


def offer_label(offer: OfferDraft) -> str:
    """An offer's name for a button or a list (escaped: it is the user's text)."""
    name = escape_page(offer.name.strip()) or "(no name)"
    return f"🏠 {name}" if offer.current else name


def verdict_line(plan: Plan | None, offer: OfferDraft) -> str | None:
    """The plan's verdict for an offer in one line of Markdown; "nothing entered yet" says so."""
    if offer.nothing_entered():
        return f":gray-badge[✏️ {NOTHING_ENTERED}] Enter what this offer gives to see a verdict."
    if plan is None:
        return None
    try:
        found = plan.offer(offer.name)
    except KeyError:
        return None
    label, colour, icon = VERDICTS[found.verdict]
    asks = ", ".join(escape_page(a) for a in found.asks)
    more = f" Ask for: {asks}." if asks and found.verdict == "negotiate" else ""
    return f":{colour}-badge[{icon} {label}] {escape_page(found.why)}.{more}"


def _option_words(options: list[str], value: str) -> str:
    if not value:
        return NOT_SET
    return value if value in options else f"{value} (not one of the options)"


def _cell(
    ws: Workspace, draft: Draft, offer: OfferDraft, row: TermRow, problems: list[Problem]
) -> None:
    catalog = load_catalog()
    value_key = ws.cell_key(offer.id, row.id, "value")
    with st.container(border=True, key=f"cellbox-{offer.id}-{row.id}"):
        about = [] if offer.current else [f"your {your_line(row)}"]
        usual = usual_stance(row, catalog)
        if usual:
            about.append(f"companies: {usual}")
        st.markdown(
            f"**{escape_page(row.name.strip())}**"
            + (f"  \n:gray[{escape_page(' · '.join(about))}]" if about else "")
        )
        value, stance = st.columns(2)
        with value:
            if row.type == "choice":
                options = choice_options(row)
                key = session.bind(ws.cell_key(offer.id, row.id, "value", "choice"))
                current = str(st.session_state.get(key) or "")
                choices = ["", *options]
                if current not in choices:
                    choices.append(current)
                st.selectbox(
                    "Their offer",
                    choices,
                    key=key,
                    on_change=session.edit,
                    args=(key,),
                    format_func=partial(_option_words, options),
                    accept_new_options=True,
                    help="One of the term's options; type a new one to see it marked.",
                )
            else:
                key = session.bind(value_key)
                st.text_input(
                    "Their offer",
                    key=key,
                    on_change=session.edit,
                    args=(key,),
                    placeholder=NOT_SET,
                    help=VALUE_HINT,
                )
        with stance:
            key = session.bind(ws.cell_key(offer.id, row.id, "stance"))
            st.selectbox(
                "Their stance",
                list(STANCES),
                key=key,
                on_change=session.edit,
                args=(key,),
                format_func=lambda s: STANCE_WORDS.get(s, s),
                help=" ".join(
                    part
                    for part in (
                        "How much room the company has on this term.",
                        rules_of_thumb(row, catalog),
                    )
                    if part
                ),
            )
        history = answers(offer, row.id)
        if history:
            value_moved, stance_moved = overridden(offer, row.id)
            what = " and ".join(
                part for part, moved in (("figure", value_moved), ("stance", stance_moved)) if moved
            )
            st.info(
                f"Company's answers: {escape_page(history)}. The plan uses their latest {what}; "
                f"the {what} above {'is' if ' and ' not in what else 'are'} what they first "
                "offered (change it only to correct it; record a new answer in ⑥ Coach).",
                icon="↪️",
            )
        if not offer.current:
            reason, note = st.columns(2)
            with reason:
                key = session.bind(ws.cell_key(offer.id, row.id, "reason"))
                st.text_input(
                    "✉️ Reason you will give them",
                    key=key,
                    on_change=session.edit,
                    args=(key,),
                    max_chars=300,
                    placeholder=NOT_SET,
                    help=REASON_HINT,
                )
        else:
            note = st.container()
        with note:
            key = session.bind(ws.cell_key(offer.id, row.id, "note"))
            st.text_input(
                "🔒 Private note",
                key=key,
                on_change=session.edit,
                args=(key,),
                max_chars=500,
                placeholder=NOT_SET,
                help=NOTE_HINT,
            )
        for problem in problems:
            if problem.offer_id == offer.id and problem.term_id == row.id:
                st.error(escape_page(problem.text(draft)), icon="⚠️")
        typed = offer.cell(row.id).value.strip()
        if (
            row.type == "choice"
            and typed
            and typed.casefold() not in {o.casefold() for o in choice_options(row)}
        ):
            st.button(
                f"Add “{escape_page(typed)}” to the options of {escape_page(row.name.strip())}",
                key=f"add-option-{ws.version}-{offer.id}-{row.id}",
                on_click=session.add_to_options,
                args=(row.id, typed),
                help="Options are listed worst first; a new one goes last, as the best.",
            )


def _add_offer() -> None:
    with st.popover("➕ Add an offer", key="add_offer_menu"):
        st.text_input(
            "Name of the new offer", key="new_offer_name", max_chars=80, placeholder="Company name"
        )
        st.button(
            "Add offer",
            key="add_offer",
            on_click=session.add_new_offer,
            args=("new_offer_name",),
            type="primary",
        )


def render(draft: Draft, problems: list[Problem], plan: Plan | None = None) -> None:
    ws = session.workspace()
    st.subheader("Offers")
    st.caption(
        "One offer at a time: what it gives on each term, and how much room the company has. "
        "Fixed means set by policy (health plans, vacation and titles often are): the plan "
        "never asks for it. Mark your current job to compare against it."
    )
    selected = session.selected_offer(draft)
    pick, add = st.columns([4, 1], vertical_alignment="bottom")
    with pick:
        names = {o.id: offer_label(o) for o in draft.offers}
        st.pills(
            "Offer",
            list(names),
            key=session.OFFER_PICK,
            format_func=lambda i: names.get(i, i),
            required=True,
            wrap=True,
        )
    with add:
        _add_offer()
    for problem in problems:
        if problem.field == "offers" and problem.offer_id is None:
            st.error(escape_page(problem.text(draft)), icon="⚠️")
    offer = draft.offer(selected) if selected else None
    if offer is None:
        return
    with st.container(key="offer-head"):
        name, current, deadline = st.columns([5, 3, 3], vertical_alignment="bottom")
        with name:
            key = session.bind(ws.offer_key(offer.id, "name"))
            st.text_input("Offer name", key=key, on_change=session.edit, args=(key,), max_chars=80)
        with current:
            key = session.bind(ws.offer_key(offer.id, "current"))
            st.toggle(
                "My current job",
                key=key,
                on_change=session.edit,
                args=(key,),
                help="Your current job is your alternative: compared, not negotiated.",
            )
        with deadline:
            key = session.bind(ws.offer_key(offer.id, "deadline"))
            st.date_input(
                "Answer wanted by" if not offer.current else "Counter-offer expires",
                key=key,
                on_change=session.edit,
                args=(key,),
                format="YYYY-MM-DD",
                help="The date the company wants your answer by (empty: not set).",
            )
        for problem in problems:
            if problem.offer_id == offer.id and problem.term_id is None:
                st.error(escape_page(problem.text(draft)), icon="⚠️")
        line = verdict_line(None if problems else plan, offer)
        if line:
            st.markdown(line)
        elif problems:
            st.caption("✏️ The verdict comes back once the things marked in red are fixed.")
    named = [row for row in draft.terms if row.name.strip()]
    if not named:
        st.info(f"Name at least one term in {session.TABS['terms']} first.")
    for row in page_of(named, f"offer_terms_page_{offer.id}"):
        _cell(ws, draft, offer, row, problems)
    with st.popover("Remove this offer", icon="🗑️", disabled=len(draft.offers) <= 1):
        st.caption("Everything entered for it goes with it.")
        st.button(
            "Remove it",
            key=f"remove-offer-{ws.version}-{offer.id}",
            on_click=session.drop_offer,
            args=(offer.id,),
            type="primary",
        )


def sidebar(draft: Draft, plan: Plan | None, problems: list[Problem]) -> None:
    """The verdicts at a glance, on every tab; an offer with nothing entered says so."""
    with st.sidebar:
        st.markdown("**At a glance**")
        for offer in draft.offers:
            name = escape_page(offer.name.strip()) or "(no name)"
            if offer.nothing_entered():
                st.markdown(f"{name}  \n:gray-badge[✏️ {NOTHING_ENTERED}]")
                continue
            found = None
            if plan is not None:
                try:
                    found = plan.offer(offer.name)
                except KeyError:
                    found = None
            if found is None:
                st.markdown(f"{name}  \n:gray-badge[✏️ to fix]")
                continue
            label, colour, icon = VERDICTS[found.verdict]
            count = len(found.asks)
            asks = f" · {count} ask{'s' if count != 1 else ''}" if count else ""
            st.markdown(f"{name}  \n:{colour}-badge[{icon} {label}]{asks}")
        if problems:
            st.caption(f"✏️ {len(problems)} thing(s) to fix; showing the last valid plan.")
        st.divider()
        st.caption(
            "🔒 Private by default: your figures are kept in this browser only (this tab and "
            "this device's storage, until you press Forget). Nothing is stored on the server; "
            "sharing happens only when you copy a link or download a file."
        )
