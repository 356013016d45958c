"""① Start: what to do first (a sample, your own offers, a file, a link), and the scenario's settings."""

from __future__ import annotations

import streamlit as st

from planner.catalog import sample_files
from planner.draft import Draft, Problem
from planner.scenario_file import MAX_BYTES
from planner.wording import escape_page
from ui import session
from ui.session import TABS

CURRENCIES = [
    "USD",
    "EUR",
    "GBP",
    "CAD",
    "AUD",
    "CHF",
    "JPY",
    "INR",
    "SEK",
    "NOK",
    "DKK",
    "PLN",
    "CZK",
    "NZD",
    "SGD",
    "HKD",
    "CNY",
    "BRL",
    "MXN",
    "ZAR",
    "ILS",
    "AED",
]


STEPS = (
    f"**{TABS['terms']}**: what matters to you, the worst you would accept (your bottom line) "
    "and what you will ask for (your target).",
    f"**{TABS['offers']}**: what each company offers on each term, and how much room it has.",
    f"**{TABS['plan']}**: what to push for, what to let go and what you must win; it follows "
    "every change you make.",
    f"**{TABS['share']}** and **{TABS['coach']}**: a link for your mentor, a file to keep, "
    "and the words for the call.",
)
HOURS_HINT = (
    "Turns hourly pay into yearly pay: the hourly rate x these hours x 52 weeks. "
    "Used only by terms paid per hour."
)
YEARS_HINT = "How many years the money view adds up (an equity grant vests over several)."
DISCLOSE_HINT = (
    "When on, the words for a company may name another offer, and only on a term where that "
    "offer is better. When off, other offers are never mentioned to a company."
)


def notice() -> None:
    """The message about the last sample, file or link opened, and any confirmation to pop up.

    Always draws one container, so that the page below keeps its place (and its open tab)
    whether there is a message or not.
    """
    box = st.container()
    toast = st.session_state.get("toast")
    if toast:
        st.session_state.toast = None
        st.toast(toast, icon="✅")
    message = st.session_state.get("notice")
    if message:
        kind, text = message
        if kind == "error":
            box.error(text, icon="⚠️")  # escaped where it is made (ui/session.py)
        else:
            box.success(text, icon="✅")


def render(draft: Draft, problems: list[Problem]) -> None:
    st.subheader("What would you like to do?")
    sample, own = st.columns(2)
    with sample.container(border=True):
        st.markdown("**Look around a sample**: a made-up person's offers and their plan")
        names = list(sample_files())
        first = names.index(session.FIRST_SAMPLE) if session.FIRST_SAMPLE in names else 0
        st.selectbox("Sample", names, index=first, key="sample_choice")
        st.button(
            "Open sample", key="open_sample", on_click=session.load_sample, args=("sample_choice",)
        )
    with own.container(border=True):
        st.markdown("**Enter your own offers**, starting from a blank page")
        st.caption("One term (base salary) and one offer to begin with; add the rest as you go.")
        st.button("Start blank", key="start_blank", on_click=session.start_blank, type="primary")
    upload, link = st.columns(2)
    with upload.container(border=True):
        st.markdown("**Open a file** you saved from this planner (.json)")
        st.file_uploader(
            "Scenario file",
            key=session.upload_key(),
            on_change=session.load_upload,
            max_upload_size=max(1, MAX_BYTES // 1_000_000),
        )
    with link.container(border=True):
        st.markdown("**Open a link** someone sent you (a mentor's reply, your own)")
        st.text_input("Planner link", key="link_text", placeholder="https://…?plan=1.…")
        st.button("Open link", key="open_link", on_click=session.open_link, args=("link_text",))

    st.markdown("**How it works**, in four steps:")
    st.markdown("\n".join(f"{n}. {step}" for n, step in enumerate(STEPS, start=1)))

    _settings(draft, problems)


def _settings(draft: Draft, problems: list[Problem]) -> None:
    ws = session.workspace()
    st.subheader("This scenario")
    title, currency, asks = st.columns([3, 1, 1])
    key = session.bind(ws.scenario_key("title"))
    title.text_input(
        "Title",
        key=key,
        on_change=session.edit,
        args=(key,),
        max_chars=200,
        placeholder="e.g. Offers after the March interviews",
    )
    options = CURRENCIES if draft.currency in CURRENCIES else [draft.currency, *CURRENCIES]
    key = session.bind(ws.scenario_key("currency"))
    currency.selectbox(
        "Currency (all money terms)",
        options,
        key=key,
        on_change=session.edit,
        args=(key,),
        accept_new_options=True,
        help="An ISO 4217 code such as USD, EUR or GBP. Type another code if yours is not listed.",
    )
    key = session.bind(ws.scenario_key("max_asks"))
    asks.number_input(
        "Most asks per offer",
        min_value=1,
        max_value=10,
        step=1,
        key=key,
        on_change=session.edit,
        args=(key,),
        help="Negotiate in moderation: walk in with a short list of asks you can defend.",
    )
    years, hours, disclose = st.columns([1, 1, 3], vertical_alignment="bottom")
    key = session.bind(ws.scenario_key("years"))
    years.number_input(
        "Years to add up",
        min_value=1,
        max_value=10,
        step=1,
        key=key,
        on_change=session.edit,
        args=(key,),
        help=YEARS_HINT,
    )
    key = session.bind(ws.scenario_key("hours_per_week"))
    hours.number_input(
        "Hours per week",
        min_value=0.5,
        max_value=100.0,
        step=0.5,
        key=key,
        on_change=session.edit,
        args=(key,),
        help=HOURS_HINT,
    )
    key = session.bind(ws.scenario_key("disclose_competing"))
    disclose.toggle(
        "I am willing to mention my other offers to a company",
        key=key,
        on_change=session.edit,
        args=(key,),
        help=DISCLOSE_HINT,
    )
    st.caption(f"Hours per week: {HOURS_HINT}")
    for problem in problems:
        if problem.place == "scenario" and problem.field not in ("terms", "offers"):
            st.error(escape_page(problem.text(draft)), icon="⚠️")
