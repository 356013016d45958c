"""④ Plan: per offer the verdict, the ranked asks and every term's label; the charts."""

from __future__ import annotations

import json

import pandas as pd
import streamlit as st

from planner import Plan, Scenario, formatting
from planner.charts import money_spec, position_spec
from planner.draft import Draft, Problem
from planner.models import OfferPlan, Verdict
from planner.wording import VERDICT_WORDS, escape_page, plural
from ui.share import downloads
from ui.views import Views

BADGES: dict[Verdict, tuple[str, str]] = {
    "accept": ("green", "✅"),
    "negotiate": ("blue", "💬"),
    "walk_away": ("red", "⛔"),
    "current": ("gray", "🏠"),
}
VERDICTS = {
    verdict: (VERDICT_WORDS[verdict], colour, icon) for verdict, (colour, icon) in BADGES.items()
}
"""Each verdict's words (from planner.wording), badge colour and icon."""


def _stale_warning(problems: list[Problem], draft: Draft) -> None:
    if problems:
        st.warning(
            f"{plural(len(problems), 'thing')} to fix in your terms or "
            "offers (marked there in red). The plan below is from before that edit: "
            + escape_page(problems[0].text(draft)),
            icon="✏️",
        )


def _offer(scenario: Scenario, offer: OfferPlan, table: pd.DataFrame) -> None:
    label, colour, icon = VERDICTS[offer.verdict]
    with st.container(border=True):
        head, badge = st.columns([5, 1], vertical_alignment="center")
        head.markdown(f"### {escape_page(offer.name)}")
        badge.badge(label, color=colour, icon=icon)  # type: ignore[arg-type]
        badge.caption(f"verdict: `{offer.verdict}`")  # the label the JSON and CSV use
        st.markdown(escape_page(offer.why))
        if offer.asks:
            lines = []
            for n, name in enumerate(offer.asks, start=1):
                labels = offer.term(name)
                ask = formatting.value(labels.ask, scenario.term(name), scenario.currency)
                must = " — **must win**" if labels.must_win else ""
                lines.append(f"{n}. {escape_page(name)}: **{escape_page(ask)}**{must}")
            asks = "\n".join(lines)
            if offer.verdict == "walk_away":
                with st.expander("Asks, only if the company moves on what it fixed"):
                    st.markdown(asks)
            else:
                st.markdown("**Ask for, all at once, in this order:**\n\n" + asks)
        st.dataframe(
            table,
            hide_index=True,
            width="stretch",
        )


def render(views: Views | None, problems: list[Problem], draft: Draft) -> None:
    st.subheader("Your plan")
    _stale_warning(problems, draft)
    if views is None:
        st.info("Fill in at least one term and one offer to see a plan.")
        return
    scenario, plan = views.scenario, views.plan
    for offer, table in zip(plan.offers, views.offer_tables, strict=True):
        _offer(scenario, offer, table)
    st.subheader("Side by side")
    st.caption(
        "Each dot is one term of one offer: 0 is your bottom line, 1 your target. Left of 0 "
        "fails your bottom line. Hover for the figures."
    )
    # Altair builds each chart's spec once per process; a rerun only sends new data.
    st.vega_lite_chart(views.positions, json.loads(position_spec()), width="stretch")
    if not views.money.empty:
        st.caption(
            "Money by kind for the first year. A faded bar is incomplete: some of it is not "
            "known yet, and it is not counted as zero."
        )
        st.vega_lite_chart(views.money, json.loads(money_spec(scenario.currency)), width="stretch")
    st.subheader("Take it with you")
    downloads(views, "plan")
    st.caption(
        "Rules of thumb used here are labelled with their source; they are not data. "
        "Raise all your asks at once and say how much each matters to you "
        "(Deepak Malhotra, HBR 2014)."
    )


def sidebar(plan: Plan | None, problems: list[Problem]) -> None:
    """The verdicts at a glance, on every tab, so each edit shows its effect at once."""
    with st.sidebar:
        st.markdown("**At a glance**")
        if plan is None:
            st.caption("No plan yet.")
        else:
            for offer in plan.offers:
                label, colour, icon = VERDICTS[offer.verdict]
                asks = f" · {plural(len(offer.asks), 'ask')}" if offer.asks else ""
                st.markdown(f"{escape_page(offer.name)}  \n:{colour}-badge[{icon} {label}]{asks}")
        if problems:
            st.caption(f"✏️ {plural(len(problems), 'thing')} to fix; showing the last valid plan.")
        st.divider()
        st.caption(
            "🔒 Private by default: your figures live only in this browser tab. Nothing is "
            "stored on the server; sharing happens only when you copy a link or download a file."
        )
