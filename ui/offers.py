"""③ Offers: per offer, each term's value, the company's stance and your research note."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from planner import Plan
from planner.catalog import load_catalog
from planner.draft import Draft, Problem
from planner.models import STANCES
from planner.wording import escape_page
from ui import session
from ui.editor import OFFER_COLUMNS, offer_editor_rows
from ui.plan import VERDICTS

COLUMNS = {
    "term": st.column_config.TextColumn("Term", disabled=True, width="medium"),
    "line": st.column_config.TextColumn(
        "Your line", disabled=True, help="Your bottom line and target, from Your terms"
    ),
    "value": st.column_config.TextColumn(
        "Their offer",
        help="What this offer gives: a number (60000, 60k, 60,000) or one of the "
        "term's options. Leave empty if you do not know yet.",
    ),
    "stance": st.column_config.SelectboxColumn(
        "Company's stance",
        options=list(STANCES),
        required=True,
        default="unknown",
        help="fixed: set by policy, will not move (a deal breaker); limited: a little room; "
        "negotiable: open to it; unknown: you have not found out",
    ),
    "note": st.column_config.TextColumn(
        "Your research",
        max_chars=500,
        width="large",
        help="What the recruiter said, the careers page, Glassdoor...",
    ),
    "advice": st.column_config.TextColumn(
        "Rule of thumb (source)",
        disabled=True,
        width="large",
        help="What companies typically do, with its source. A rule of thumb, not data.",
    ),
}


def _live_verdict(plan: Plan | None, name: str) -> None:
    """The plan for this offer, right under its table, so each edit shows its effect here."""
    if plan is None:
        return
    try:
        offer = plan.offer(name)
    except KeyError:
        return
    label, colour, icon = VERDICTS[offer.verdict]
    asks = ", ".join(offer.asks)
    more = f" Ask for: {escape_page(asks)}." if asks and offer.verdict == "negotiate" else ""
    st.markdown(f":{colour}-badge[{icon} {label}] {escape_page(offer.why)}.{more}")


def render(draft: Draft, problems: list[Problem], plan: Plan | None = None) -> None:
    ws = session.workspace()
    st.subheader("Offers")
    st.caption(
        "For each offer: what it gives, and how much room the company has on each term. "
        "Fixed means set by policy (health coverage, vacation and title often are): the plan "
        "never asks for it. Mark your current job to compare against it."
    )
    base = ws.base()
    labels = [escape_page(o.name) or "(no name)" for o in draft.offers] + ["➕ Add an offer"]
    tabs = st.tabs(labels)
    catalog = load_catalog()
    for tab, offer in zip(tabs, base.offers, strict=False):
        with tab:
            name, current, remove = st.columns([3, 1, 1], vertical_alignment="bottom")
            name.text_input(
                "Offer name", value=offer.name, key=ws.offer_key(offer.id, "name"), max_chars=80
            )
            current.toggle(
                "My current job",
                value=offer.current,
                key=ws.offer_key(offer.id, "current"),
                help="Your current job is your alternative: compared, not negotiated.",
            )
            remove.button(
                "Remove offer",
                key=ws.offer_key(offer.id, "remove"),
                on_click=session.drop_offer,
                args=(offer.id,),
                disabled=len(base.offers) <= 1,
            )
            # Rows come from the terms as they are now (the workspace rebuilt these
            # editors if their names or lines moved) and cells as the editor began.
            rows = offer_editor_rows(draft, offer, catalog)
            st.data_editor(
                pd.DataFrame(rows, columns=list(OFFER_COLUMNS)),
                key=ws.offer_key(offer.id),
                column_config=COLUMNS,
                column_order=["term", "value", "stance", "note", "line", "advice"],
                num_rows="fixed",
                hide_index=True,
                width="stretch",
            )
            mine = [p for p in problems if p.offer_id == offer.id]
            for problem in mine:
                st.error(escape_page(problem.text(draft)), icon="⚠️")
            if not problems:
                _live_verdict(plan, offer.name)
    with tabs[-1]:
        new, add = st.columns([3, 1], vertical_alignment="bottom")
        new.text_input(
            "Name of the new offer", key="new_offer_name", max_chars=80, placeholder="Company name"
        )
        add.button(
            "Add offer", key="add_offer", on_click=session.add_new_offer, args=("new_offer_name",)
        )
        for problem in problems:
            if problem.field == "offers":
                st.error(escape_page(problem.text(draft)), icon="⚠️")
