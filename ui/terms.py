"""② Your terms: what you negotiate over, your bottom line and target, how much each matters."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from planner.catalog import load_catalog
from planner.draft import Draft, Problem
from planner.wording import escape_page
from ui import session
from ui.editor import TERM_COLUMNS, term_editor_rows

COLUMNS = {
    "name": st.column_config.TextColumn(
        "Term",
        required=True,
        max_chars=80,
        width="medium",
        help="What you negotiate over, e.g. Base salary",
    ),
    "type": st.column_config.SelectboxColumn(
        "Type",
        options=["money", "number", "choice"],
        required=True,
        default="money",
        help="money (in the scenario's currency), a number (days, %, minutes), or a choice "
        "between options",
    ),
    "bottom_line": st.column_config.TextColumn(
        "Bottom line",
        help="The worst you would accept: your walk-away point for this term. "
        "Never said to the company.",
    ),
    "target": st.column_config.TextColumn("Target", help="What you will ask for"),
    "priority": st.column_config.NumberColumn(
        "Priority",
        min_value=1,
        max_value=5,
        step=1,
        default=3,
        format="%d",
        help="How much it matters to you: 1 little, 5 most",
    ),
    "options": st.column_config.TextColumn(
        "Options, worst first",
        width="medium",
        help="Choices only: the possible values separated by commas, worst first, best last. "
        "e.g. None, Basic, Comprehensive (use | between options if one has a comma)",
    ),
    "per": st.column_config.SelectboxColumn(
        "Money paid",
        options=["year", "once"],
        default="year",
        help="Money only: every year (salary, bonus) or once (signing bonus, relocation)",
    ),
    "variable": st.column_config.CheckboxColumn(
        "Variable",
        default=False,
        help="Money only: bonus, commission or equity that may not be paid in full",
    ),
    "unit": st.column_config.TextColumn("Unit", max_chars=20, help="Numbers only, e.g. days/year"),
    "better": st.column_config.SelectboxColumn(
        "Better",
        options=["higher", "lower"],
        default="higher",
        help="Is more better (salary) or less (commute minutes)?",
    ),
}


def render(draft: Draft, problems: list[Problem]) -> None:
    ws = session.workspace()
    st.subheader("Your terms")
    st.caption(
        "A row per term. Type a bottom line (the worst you would accept) and a target "
        "(what you will ask for); leave either empty if you have none. Add a row at the "
        "bottom of the table; select a row and press Delete to remove it."
    )
    base = pd.DataFrame(term_editor_rows(ws.base()), columns=list(TERM_COLUMNS))
    st.data_editor(
        base,
        key=ws.terms_key,
        column_config=COLUMNS,
        column_order=list(COLUMNS),
        num_rows="dynamic",
        hide_index=True,
        width="stretch",
    )
    mine = [p for p in problems if p.place == "term" or p.field == "terms"]
    for problem in mine:
        st.error(escape_page(problem.text(draft)), icon="⚠️")

    catalog = load_catalog()
    present = {row.name.strip().casefold() for row in draft.terms}
    available = [e.name for e in catalog.terms if e.name.casefold() not in present]
    if available:
        st.markdown("**Add common terms** with their usual settings")
        pick, button = st.columns([4, 1], vertical_alignment="bottom")
        pick.multiselect(
            "Common terms",
            available,
            key="catalog_pick",
            placeholder="Health coverage, Signing bonus, Vacation days, ...",
            label_visibility="collapsed",
        )
        button.button(
            "Add terms",
            key="catalog_add",
            on_click=session.add_terms_from_catalog,
            args=("catalog_pick",),
            disabled=not st.session_state.get("catalog_pick"),
        )
        st.caption(
            "Each comes with the stance companies typically take, as a rule of thumb with "
            "its source, shown beside each offer."
        )
