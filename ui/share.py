"""⑤ Share & export: a link for a mentor, the scenario file, the comparison CSV, the brief."""

from __future__ import annotations

import streamlit as st

from planner import Plan, Scenario, make_plan, write_scenario
from planner.brief import brief
from planner.compare import comparison_table
from planner.draft import Problem
from planner.export import csv_bytes, file_stem
from planner.share import DEFAULT_BASE_URL, LinkError, make_link


def render(scenario: Scenario | None, problems: list[Problem]) -> None:
    st.subheader("Share with a mentor")
    if scenario is None:
        st.info("Fill in at least one term and one offer first.")
        return
    if problems:
        st.warning(
            "These use your last valid plan: fix what is marked in red to include your latest edits."
        )
    base_url = st.context.url or DEFAULT_BASE_URL
    try:
        link = make_link(scenario, base_url)
    except LinkError as error:
        st.warning(f"No link: the {error.problem}. Download the scenario file below and send that.")
    else:
        st.markdown(
            "**Anyone with this link can read your plan**, salaries and bottom lines included. "
            "The whole plan is inside the link itself: it is not stored on any server. "
            "Your mentor can change their copy and send you a link back."
        )
        st.code(link, language=None, wrap_lines=True)

    plan = make_plan(scenario)
    st.subheader("Download")
    text = downloads(scenario, plan, "share")
    with st.expander("Preview the brief"):
        st.markdown(text)


def downloads(scenario: Scenario, plan: Plan, where: str) -> str:
    """The three files a user takes away; returns the brief's text."""
    stem = file_stem(scenario.title)
    files, csv, md = st.columns(3)
    files.download_button(
        "Scenario file (.json)",
        data=write_scenario(scenario).encode("utf-8"),
        file_name=f"{stem}.json",
        mime="application/json",
        key=f"{where}_download_scenario",
        help="Open it again later from ① Start, or send it instead of a link.",
        on_click="ignore",
    )
    csv.download_button(
        "Comparison (.csv)",
        data=csv_bytes(comparison_table(scenario, plan)),
        file_name=f"{stem}-comparison.csv",
        mime="text/csv",
        key=f"{where}_download_csv",
        help="A row per term: your line, and each offer's value, stance and status.",
        on_click="ignore",
    )
    text = brief(scenario, plan)
    md.download_button(
        "One-page brief (.md)",
        data=text.encode("utf-8"),
        file_name=f"{stem}-brief.md",
        mime="text/markdown",
        key=f"{where}_download_brief",
        help="The plan on one page, to print or paste.",
        on_click="ignore",
    )
    return text
