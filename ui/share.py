"""⑤ Share & export: a link for a mentor, the scenario file, the comparison CSV, the brief."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from planner import Scenario
from planner.draft import Problem
from planner.share import DEFAULT_BASE_URL, PARAM, LinkError, link_with
from ui import mentor, persist
from ui.views import Views


def private_link(param: str, base_url: str) -> str:
    """A share link with the plan in its fragment (``#plan=``): browsers never send that part.

    Raises :class:`LinkError` like :func:`planner.share.link_with` when it is too long.
    """
    return link_with(param, base_url).replace(f"?{PARAM}=", f"#{PARAM}=", 1)


def _take(result: Scenario) -> None:
    persist.replace_keeping(result, "your work before you took their changes", mine=True)
    st.session_state.persist_message = (
        "success",
        "Taken into your work. Your work as it was is kept aside (see the top of the page).",
    )


def render(views: Views | None, problems: list[Problem]) -> None:
    st.subheader("Share with a mentor")
    if views is None:
        st.info("Fill in at least one term and one offer first.")
        mentor.compare_panel(None, _take)
        return
    if problems:
        st.warning(
            "These use your last valid plan: fix what is marked in red to include your latest edits."
        )
    try:
        link = private_link(views.link_param, st.context.url or DEFAULT_BASE_URL)
    except LinkError as error:
        st.warning(f"No link: the {error.problem}. Download the scenario file below and send that.")
    else:
        st.markdown(
            "**Anyone with this link can read your plan**, salaries and bottom lines included. "
            "The whole plan is inside the link itself, after the #: browsers never send that "
            "part to a server, and nothing is stored on one. Your mentor can change their "
            "copy and send you a link back: compare it below."
        )
        st.code(link, language=None, wrap_lines=True)
    st.subheader("Download")
    downloads(views, "share")
    if st.toggle("Preview the brief", key="brief_preview"):
        with st.container(border=True):
            st.markdown(views.brief_page)
    mentor.compare_panel(views.scenario, _take)


def downloads(views: Views, where: str) -> None:
    """The three files a user takes away."""
    files: list[tuple[str, bytes | Callable[[], bytes], str, str, str, str]] = [
        (
            "Scenario file (.json)",
            views.scenario_json.encode("utf-8"),
            ".json",
            "application/json",
            "scenario",
            "Open it again later from ① Start, or send it instead of a link.",
        ),
        (
            "Comparison (.csv)",
            views.comparison_csv,
            "-comparison.csv",
            "text/csv",
            "csv",
            "A row per term: your line, and each offer's value, stance and status.",
        ),
        (
            "One-page brief (.md)",
            lambda: views.brief.encode("utf-8"),  # made when clicked: the longest file
            "-brief.md",
            "text/markdown",
            "brief",
            "The plan on one page, to print or paste.",
        ),
    ]
    for column, (label, data, suffix, mime, name, tip) in zip(st.columns(3), files, strict=True):
        column.download_button(
            label,
            data=data,
            file_name=f"{views.file_stem}{suffix}",
            mime=mime,
            key=f"{where}_download_{name}",
            help=tip,
            on_click="ignore",
        )
