"""A one-page brief of the plan in Markdown, to print or paste.

Everything the user typed is escaped, so that a name or a note is shown as
written: never as a heading, a link or HTML.
"""

from __future__ import annotations

from planner import formatting as fmt
from planner.models import OfferPlan, Plan, Scenario
from planner.money_words import kinds_in, money_heading, ranking_words, span, year_rows
from planner.wording import escape

VERDICT_WORDS = {
    "accept": "Accept",
    "negotiate": "Negotiate",
    "walk_away": "Walk away",
    "current": "Current job",
}
STATUS_WORDS = {
    "unknown": "Unknown",
    "met": "Met",
    "deal_breaker": "Deal breaker",
    "drop": "Drop",
    "push": "Push",
    "trade": "Trade",
    "reference": "Current job",
}


def brief(scenario: Scenario, plan: Plan, *, call_sheets: bool = False) -> str:
    """The plan on one page: per offer the verdict, the asks in order and the terms.

    An offer with rounds also gets what the company answered and when to stop;
    with ``call_sheets``, each offer being negotiated gets its call sheet too.
    """
    title = escape(scenario.title) if scenario.title else "Negotiation plan"
    lines = [
        f"# {title}",
        "",
        f"Currency {scenario.currency}; at most {scenario.max_asks} asks per offer. "
        "Raise all your asks at once, in this order. Keep your bottom line to yourself.",
        "",
    ]
    for offer in plan.offers:
        lines += [
            f"## {escape(offer.name)}: {VERDICT_WORDS[offer.verdict]}",
            "",
            escape(offer.why),
            "",
        ]
        if offer.asks:
            lines.append("**Ask for:**")
            lines.append("")
            for n, name in enumerate(offer.asks, start=1):
                labels = offer.term(name)
                term = scenario.term(name)
                must = " (must win)" if labels.must_win else ""
                ask = escape(fmt.value(labels.ask, term, scenario.currency))
                lines.append(f"{n}. {escape(name)}: {ask}{must}")
            lines.append("")
        lines += [
            "| Term | Offer | Bottom line | Target | Company | Status | Why |",
            "| --- | --- | --- | --- | --- | --- | --- |",
        ]
        for labels in offer.terms:
            status = STATUS_WORDS[labels.status] + (" (must win)" if labels.must_win else "")
            why = labels.reason + (f" Note: {labels.note}" if labels.note else "")
            cells = [
                labels.term,
                fmt.cell(labels.offer) or "not known",
                fmt.cell(labels.bottom_line) or "-",
                fmt.cell(labels.target) or "-",
                labels.stance,
                status,
                why,
            ]
            lines.append("| " + " | ".join(escape(c) for c in cells) + " |")
        lines.append("")
        lines += _money_markdown(scenario, offer)
        lines += _rounds_markdown(scenario, offer)
    if kinds_in(scenario):
        lines += [f"## The offers by expected pay {span(plan.years)}", ""]
        lines += [f"- {escape(line)}" for line in ranking_words(plan)]
        lines += ["", "Benefits are worth money but are not pay: they are not added.", ""]
    if call_sheets:
        from planner.coach import call_sheet, call_sheet_markdown

        for offer in plan.offers:
            if offer.verdict == "negotiate":
                lines.append(call_sheet_markdown(call_sheet(scenario, offer.name)))
    return "\n".join(lines)


def _money_markdown(scenario: Scenario, offer: OfferPlan) -> list[str]:
    """The offer's money year by year, by kind, as a Markdown table (nothing without money)."""
    if offer.money is None or not kinds_in(scenario):
        return []
    rows = year_rows(scenario, offer.money)
    lines = [f"**{escape(money_heading(scenario))}:**", ""]
    lines.append("| " + " | ".join(escape(c) for c in rows[0]) + " |")
    lines.append("|" + " --- |" * len(rows[0]))
    lines += ["| " + " | ".join(escape(c) for c in row) + " |" for row in rows[1:]]
    return [*lines, ""]


def _rounds_markdown(scenario: Scenario, offer: OfferPlan) -> list[str]:
    if not scenario.offer(offer.name).rounds:
        return []
    from planner.rounds import round_lines, stop_advice

    lines = ["**What the company answered** (the plan above uses the latest):", ""]
    lines += [f"- {escape(line)}" for line in round_lines(scenario, offer.name)]
    advice = None if offer.current else stop_advice(scenario, offer.name)
    lines += ["", f"**{escape(advice)}**", ""] if advice else [""]
    return lines
