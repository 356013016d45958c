"""④ Plan: per offer the verdict, the ranked asks, every term's label and the money by year;
then the offers ranked by pay, the market, and where each offer stands.

Every chart has its figures printed on it and a text alternative under it (a
caption that says what it shows), so nothing needs a hover, or a mouse. On a
narrow screen each offer's terms read as cards, status and reason first
(:mod:`ui.cards`).
"""

from __future__ import annotations

import json

import streamlit as st

from planner import formatting
from planner.charts import (
    market_notices,
    market_spec,
    market_terms,
    market_text,
    market_unit,
    money_spec,
    money_text,
    position_spec,
    position_text,
    ranking_spec,
)
from planner.compare import behind_words
from planner.draft import Draft, Problem
from planner.models import OfferPlan, Verdict
from planner.money_words import kinds_in, ranking_words, span, the_current_job
from planner.wording import VERDICT_WORDS, escape_page, plural
from ui.cards import CARD_CSS
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


def _bullets(lines: list[str]) -> str:
    return "\n".join(f"- {escape_page(line)}" for line in lines)


def _offer(views: Views, offer: OfferPlan, terms: str, index: int) -> None:
    scenario = views.scenario
    label, colour, icon = VERDICTS[offer.verdict]
    with st.container(border=True, key=f"plan_offer_{index}"):
        head, badge = st.columns([5, 1], vertical_alignment="center")
        head.markdown(f"### {escape_page(offer.name)}")
        badge.badge(label, color=colour, icon=icon)  # type: ignore[arg-type]
        badge.caption(f"verdict: `{offer.verdict}`")  # the label the JSON and CSV use
        st.markdown(escape_page(offer.why))
        said = list(offer.notices)
        behind = behind_words(offer)
        if behind:
            said.append(behind)
        if said:
            st.markdown(_bullets(said))
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
        with st.container(key=f"plan_terms_{index}"):
            st.html(terms)
        if kinds_in(scenario):
            _money(views, offer, index)


def _money(views: Views, offer: OfferPlan, index: int) -> None:
    currency = views.scenario.currency
    with st.container(key=f"plan_money_{index}"):
        st.markdown(f"**Money by year** ({escape_page(currency)}, expected)")
        st.vega_lite_chart(
            views.money[index],
            json.loads(money_spec(currency, views.plan.years)),
            width="stretch",
            alt=f"{offer.name}: money by year, stacked by kind; described below",
        )
        st.caption(escape_page(money_text(offer, currency)))


def _ranking(views: Views) -> None:
    plan = views.plan
    others = [o for o in plan.offers if o is not the_current_job(plan)]
    if not others or not kinds_in(views.scenario):
        return
    st.subheader(f"Which offer pays most {span(plan.years)}")
    st.caption(
        "Expected pay added up over the years: variable pay and equity at what you expect to "
        "be paid, benefits not added. A black line marks the total on paper, where it differs; "
        "the dashed red line is your current job, the line to beat."
    )
    with st.container(key="plan_ranking"):
        st.vega_lite_chart(
            views.ranking,
            json.loads(ranking_spec(plan.currency, plan.years)),
            width="stretch",
            alt=f"The offers ranked by expected pay {span(plan.years)}; described below",
        )
        st.markdown(_bullets(ranking_words(plan)))


def _markets(views: Views) -> None:
    scenario, plan = views.scenario, views.plan
    terms = market_terms(scenario)
    if not terms:
        return
    st.subheader("Against the market")
    st.caption(
        "The light band runs from the lowest to the highest percentile given, the darker one "
        "from the 25th to the 75th; ◆ your bottom line and target, ● each offer."
    )
    data = dict(views.markets)
    for index, term in enumerate(terms):
        assert term.market is not None
        with st.container(key=f"plan_market_{index}"):
            st.markdown(f"**{escape_page(term.name)}** · source: {escape_page(term.market.source)}")
            st.vega_lite_chart(
                data[term.name],
                json.loads(market_spec(market_unit(term, scenario.currency))),
                width="stretch",
                alt=f"{term.name} against the market ({term.market.source}); described below",
            )
            st.caption(escape_page(market_text(scenario, plan, term.name)))
            notices = market_notices(plan, term.name)
            if notices:
                st.warning(_bullets(notices), icon="📊")


def _positions(views: Views) -> None:
    plan = views.plan
    st.subheader("Side by side")
    st.caption(
        "Each dot is one term of one offer: 0 is your bottom line, 1 your target; left of 0 "
        "fails your bottom line. The figure is printed beside each dot; a red ring marks a "
        "must-win."
    )
    # Altair builds each chart's spec once per process; a rerun only sends new data.
    with st.container(key="plan_positions"):
        st.vega_lite_chart(
            views.positions,
            json.loads(position_spec()),
            width="stretch",
            alt="Where each offer stands on each term; described below",
        )
        st.caption(escape_page(position_text(plan)))


def render(views: Views | None, problems: list[Problem], draft: Draft) -> None:
    st.subheader("Your plan")
    _stale_warning(problems, draft)
    if views is None:
        st.info("Fill in at least one term and one offer to see a plan.")
        return
    st.html(CARD_CSS)
    empty = {o.name.strip().casefold() for o in draft.offers if o.nothing_entered()}
    for index, (offer, terms) in enumerate(zip(views.plan.offers, views.offer_html, strict=True)):
        if offer.name.strip().casefold() in empty:
            with st.container(border=True, key=f"plan_offer_{index}"):
                st.markdown(f"### {escape_page(offer.name)}")
                st.markdown(
                    ":gray-badge[✏️ nothing entered yet] Enter what this offer gives in "
                    "③ Offers to see its verdict."
                )
            continue
        _offer(views, offer, terms, index)
    _ranking(views)
    _markets(views)
    _positions(views)
    st.subheader("Take it with you")
    downloads(views, "plan")
    st.caption(
        "Rules of thumb used here are labelled with their source; they are not data. "
        "Raise all your asks at once and say how much each matters to you "
        "(Deepak Malhotra, HBR 2014)."
    )
