"""② Your terms: what you negotiate over, your bottom line and target, how much each matters.

One bordered box per term with its own labelled inputs, keyed by the term's id
(never a grid: a canvas grid can send what you type to the cell selected
before). The inputs shown follow the term's type: a money term asks how it is
paid and what kind of money it is, a number its unit, a choice its options.
"""

from __future__ import annotations

import streamlit as st

from planner.catalog import load_catalog
from planner.draft import Draft, Problem, TermRow
from planner.models import KINDS
from planner.wording import escape_page
from ui import market_picker, session
from ui.editor import NOT_SET, choice_options, usual_stance
from ui.paging import page_of
from ui.workspace import Workspace

TYPES = {
    "money": "money (in the scenario's currency)",
    "number": "a number (days, %, minutes…)",
    "choice": "a choice between options",
}
PER = {
    "year": "a year",
    "month": "a month (x 12 for a year)",
    "hour": "an hour (x hours per week x 52)",
    "once": "once (signing bonus, relocation)",
}
KIND_WORDS = {
    "pay": "pay: guaranteed",
    "variable": "variable: bonus, commission",
    "equity": "equity: stock or options",
    "benefit": "benefit: worth money, not paid to you",
}
BETTER = {"higher": "higher is better", "lower": "lower is better (commute…)"}
OPTIONS_FORMAT = (
    "Type the options separated by commas, **worst first, best last**: for a health plan "
    "`No plan, HMO, PPO, PPO with dental`; for a title `Account Executive, Senior Account "
    "Executive`. Use `|` between options when one has a comma in it."
)
EXPECTED_HINT = (
    "The percent of the stated figure you expect to receive: last year's quota attainment "
    "for commission, less than 100 for stock you cannot sell yet. 100 counts all of it."
)
VESTING_HINT = (
    "The percent of the grant that vests each year, year 1 first, adding up to 100: "
    "25/25/25/25 is common. Some firms back-load, e.g. 5/15/40/40 (compensation sites; "
    "may be dated): check your grant letter."
)
STEP_HINT = (
    "The smallest sensible change; what the plan asks for is a multiple of it. Empty: "
    "500 for figures of 10,000 and more, 100 from 1,000, else 1."
)
BOTTOM_LINE_HINT = (
    "The worst you would accept: your walk-away point for this term. Never said to the company."
)
TARGET_HINT = "What you will ask for."


def _text(
    label: str,
    key: str,
    *,
    max_chars: int | None = None,
    placeholder: str = NOT_SET,
    help: str | None = None,
) -> None:
    session.bind(key)
    st.text_input(
        label,
        key=key,
        on_change=session.edit,
        args=(key,),
        max_chars=max_chars,
        placeholder=placeholder,
        help=help,
    )


def _select(label: str, key: str, options: dict[str, str], help: str | None = None) -> None:
    """A list whose value is the draft's text; a value that is not in it is kept and shown."""
    session.bind(key)
    current = str(st.session_state.get(key) or "")
    choices = list(options)
    if current not in choices:
        choices.insert(0, current)

    def words(value: str) -> str:
        return options.get(value, f"{value or NOT_SET} (not valid here)")

    st.selectbox(
        label, choices, key=key, on_change=session.edit, args=(key,), format_func=words, help=help
    )


def _line_input(ws: Workspace, row: TermRow, field: str, label: str, hint: str) -> None:
    """A bottom line or target: a figure as typed, or one of the options for a choice."""
    if row.type == "choice":
        options = {"": NOT_SET}
        options.update({o: o for o in choice_options(row)})
        _select(label, ws.term_key(row.id, field, "choice"), options, help=hint)
    else:
        _text(label, ws.term_key(row.id, field), placeholder=NOT_SET, help=hint)


def _term(ws: Workspace, draft: Draft, row: TermRow, problems: list[Problem]) -> None:
    catalog = load_catalog()
    with st.container(border=True, key=f"termbox-{row.id}"):
        title = escape_page(row.name.strip()) or "*New term: give it a name*"
        usual = usual_stance(row, catalog)
        st.markdown(
            f"**{title}**" + (f"  \n:gray[Companies: {escape_page(usual)}]" if usual else "")
        )
        name, kind, priority = st.columns([3, 2, 1])
        with name:
            _text("Term", ws.term_key(row.id, "name"), max_chars=80, placeholder="e.g. Base salary")
        with kind:
            _select("Type", ws.term_key(row.id, "type"), TYPES)
        with priority:
            key = session.bind(ws.term_key(row.id, "priority"))
            st.number_input(
                "Priority (1-5)",
                min_value=1,
                max_value=5,
                step=1,
                key=key,
                on_change=session.edit,
                args=(key,),
                help="How much it matters to you: 1 little, 5 most.",
            )
        if row.type == "choice":
            _text(
                "Options, worst first",
                ws.term_key(row.id, "options"),
                placeholder="e.g. No plan, HMO, PPO",
            )
            st.caption(OPTIONS_FORMAT)
        line, target = st.columns(2)
        with line:
            _line_input(ws, row, "bottom_line", "Bottom line (worst you accept)", BOTTOM_LINE_HINT)
        with target:
            _line_input(ws, row, "target", "Target (what you ask for)", TARGET_HINT)
        if row.type == "money":
            _money_fields(ws, row)
        elif row.type == "number":
            unit, better, step = st.columns(3)
            with unit:
                _text(
                    "Unit", ws.term_key(row.id, "unit"), max_chars=20, placeholder="e.g. days/year"
                )
            with better:
                _select("Better", ws.term_key(row.id, "better"), BETTER)
            with step:
                _text("Step", ws.term_key(row.id, "step"), placeholder="automatic", help=STEP_HINT)
        for problem in problems:
            if problem.term_id == row.id:
                st.error(escape_page(problem.text(draft)), icon="⚠️")
        with st.popover("Remove this term", icon="🗑️"):
            st.caption("Its values in every offer go with it.")
            st.button(
                "Remove it",
                key=f"remove-term-{ws.version}-{row.id}",
                on_click=session.drop_term,
                args=(row.id,),
                type="primary",
            )


def _money_fields(ws: Workspace, row: TermRow) -> None:
    per, kind, better, step = st.columns(4)
    with per:
        _select("Paid", ws.term_key(row.id, "per"), PER)
    with kind:
        _select(
            "Kind of money",
            ws.term_key(row.id, "kind"),
            dict(zip(KINDS, KIND_WORDS.values(), strict=True)),
        )
    with better:
        _select("Better", ws.term_key(row.id, "better"), BETTER)
    with step:
        _text("Step", ws.term_key(row.id, "step"), placeholder="automatic", help=STEP_HINT)
    if row.money_kind in ("variable", "equity"):
        _text(
            "Expected, % of the stated figure",
            ws.term_key(row.id, "expected"),
            placeholder="100 (all of it)",
            help=EXPECTED_HINT,
        )
        st.caption(f"Expected: {EXPECTED_HINT}")
    if row.money_kind == "equity" and (row.per or "year") == "once":
        _text(
            "Vesting, % each year",
            ws.term_key(row.id, "vesting"),
            placeholder="25/25/25/25 (the usual)",
            help=VESTING_HINT,
        )
        st.caption(f"Vesting: {VESTING_HINT}")
    market_picker.render(ws, row)


def render(draft: Draft, problems: list[Problem]) -> None:
    ws = session.workspace()
    st.subheader("Your terms")
    st.caption(
        "One box per term. Your bottom line is the worst you would accept; your target is what "
        "you will ask for. Leave either empty if you have none. Nothing here is said to a "
        "company except the figures you ask for."
    )
    for row in page_of(draft.terms, "terms_page"):
        _term(ws, draft, row, problems)
    for problem in problems:
        if problem.field == "terms" and problem.term_id is None:
            st.error(escape_page(problem.text(draft)), icon="⚠️")
    st.button("➕ Add a term", key="add_term", on_click=session.add_blank_term)

    catalog = load_catalog()
    present = {row.name.strip().casefold() for row in draft.terms}
    available = [e.name for e in catalog.terms if e.name.casefold() not in present]
    if available:
        st.markdown("**Add common terms** with their usual settings")
        pick, button = st.columns([4, 1], vertical_alignment="bottom")
        fields = {e.name: ", ".join(e.fields) for e in catalog.terms}
        pick.multiselect(
            "Common terms",
            available,
            key="catalog_pick",
            format_func=lambda name: f"{name} ({fields[name]})" if fields.get(name) else name,
            placeholder="Health plan, Signing bonus, Remote days per week…",
        )
        button.button(
            "Add terms",
            key="catalog_add",
            on_click=session.add_terms_from_catalog,
            args=("catalog_pick",),
            disabled=not st.session_state.get("catalog_pick"),
        )
        st.caption(
            "Each comes with the kind of money it is and the stance companies usually take, "
            "as a rule of thumb with its source, shown beside each offer."
        )
