"""① Start: a sample, a blank scenario or a file; the scenario's title, currency and moderation."""

from __future__ import annotations

import streamlit as st

from planner.catalog import sample_files
from planner.draft import Draft, Problem
from planner.scenario_file import MAX_BYTES
from planner.wording import escape_page
from ui import session

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


def notice() -> None:
    """The message about the last sample, file or link opened, if any."""
    message = st.session_state.get("notice")
    if message:
        kind, text = message
        show = st.error if kind == "error" else st.success
        show(escape_page(text), icon="⚠️" if kind == "error" else "✅")


def render(draft: Draft, problems: list[Problem]) -> None:
    ws = session.workspace()
    st.subheader("Where to start")
    left, middle, right = st.columns(3)
    with left:
        st.markdown("**A sample**, to see how it works")
        names = list(sample_files())
        first = names.index(session.FIRST_SAMPLE) if session.FIRST_SAMPLE in names else 0
        st.selectbox(
            "Sample", names, index=first, key="sample_choice", label_visibility="collapsed"
        )
        st.button(
            "Open sample", key="open_sample", on_click=session.load_sample, args=("sample_choice",)
        )
    with middle:
        st.markdown("**A blank scenario**, for your own offers")
        st.button("Start blank", key="start_blank", on_click=session.start_blank)
    with right:
        st.markdown("**Your scenario file** (.json, from *Share & export*)")
        st.file_uploader(
            "Scenario file",
            type=["json"],
            key="upload",
            on_change=session.load_upload,
            args=("upload",),
            max_upload_size=max(1, MAX_BYTES // 1_000_000),
            label_visibility="collapsed",
        )

    st.subheader("This scenario")
    title, currency, asks = st.columns([3, 1, 1])
    title.text_input(
        "Title",
        value=ws.title,
        key=ws.field_key("title"),
        max_chars=200,
        placeholder="e.g. Offers after the March interviews",
    )
    options = CURRENCIES if ws.currency in CURRENCIES else [ws.currency, *CURRENCIES]
    currency.selectbox(
        "Currency (all money terms)",
        options,
        index=options.index(ws.currency),
        key=ws.field_key("currency"),
        accept_new_options=True,
        help="An ISO 4217 code such as USD, EUR or GBP. Type another code if yours is not listed.",
    )
    asks.number_input(
        "Most asks per offer",
        min_value=1,
        max_value=10,
        value=ws.max_asks,
        step=1,
        key=ws.field_key("max_asks"),
        help="Negotiate in moderation: walk in with a short list of asks you can defend.",
    )
    for problem in problems:
        if problem.place == "scenario" and problem.field in ("title", "currency", "max_asks"):
            st.error(escape_page(problem.text(draft)), icon="⚠️")
    st.markdown(
        "Next: **② Your terms**: what matters to you, your bottom line (the worst you "
        "would accept) and your target (what you will ask for). Then **③ Offers**: what "
        "each company offers and how much room it has. **④ Plan** updates as you type."
    )
