"""A one-page brief of the plan in Markdown, to print or paste.

Everything the user typed is escaped, so that a name or a note is shown as
written: never as a heading, a link or HTML.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from planner import formatting as fmt
from planner.coach import CallSheet, call_sheet, call_sheet_markdown
from planner.models import OfferPlan, Plan, Scenario
from planner.money_words import kinds_in, money_heading, ranking_words, span, year_rows
from planner.rounds import round_lines, stop_advice
from planner.wording import MUST_WIN, escape_file, status_word, verdict_word


def brief(
    scenario: Scenario,
    plan: Plan,
    *,
    call_sheets: bool | Sequence[CallSheet] = False,
    escape: Callable[[str], str] = escape_file,
) -> str:
    """The plan on one page: per offer the verdict, the asks in order and the terms.

    An offer with rounds also gets what the company answered and when to stop;
    with ``call_sheets``, each offer being negotiated gets its call sheet too
    (drafted here from ``plan``, or the sheets given, in the plan's order).
    ``escape`` is for a file (the default: reads cleanly as plain text) or
    :func:`~planner.wording.escape_page` for a preview on the page.
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
            f"## {escape(offer.name)}: {verdict_word(offer.verdict)}",
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
                must = f" ({MUST_WIN})" if labels.must_win else ""
                ask = escape(fmt.value(labels.ask, term, scenario.currency))
                lines.append(f"{n}. {escape(name)}: {ask}{must}")
            lines.append("")
        lines += [
            "| Term | Offer | Bottom line | Target | Company | Status | Why |",
            "| --- | --- | --- | --- | --- | --- | --- |",
        ]
        for labels in offer.terms:
            status = status_word(labels.status, style="title")
            status += f" ({MUST_WIN})" if labels.must_win else ""
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
        lines += _money_markdown(scenario, offer, escape)
        lines += _rounds_markdown(scenario, offer, escape)
    if kinds_in(scenario):
        lines += [f"## The offers by expected pay {span(plan.years)}", ""]
        lines += [f"- {escape(line)}" for line in ranking_words(plan)]
        lines += ["", "Benefits are worth money but are not pay: they are not added.", ""]
    if call_sheets is True:
        call_sheets = negotiated_call_sheets(scenario, plan)
    if call_sheets:
        for sheet in call_sheets:
            lines.append(call_sheet_markdown(sheet, escape))
    return "\n".join(lines)


def _money_markdown(
    scenario: Scenario, offer: OfferPlan, escape: Callable[[str], str]
) -> list[str]:
    """The offer's money year by year, by kind, as a Markdown table (nothing without money)."""
    if offer.money is None or not kinds_in(scenario):
        return []
    rows = year_rows(scenario, offer.money)
    lines = [f"**{escape(money_heading(scenario))}:**", ""]
    lines.append("| " + " | ".join(escape(c) for c in rows[0]) + " |")
    lines.append("|" + " --- |" * len(rows[0]))
    lines += ["| " + " | ".join(escape(c) for c in row) + " |" for row in rows[1:]]
    return [*lines, ""]


def _rounds_markdown(
    scenario: Scenario, offer: OfferPlan, escape: Callable[[str], str]
) -> list[str]:
    if not scenario.offer(offer.name).rounds:
        return []
    lines = ["**What the company answered** (the plan above uses the latest):", ""]
    lines += [f"- {escape(line)}" for line in round_lines(scenario, offer.name)]
    advice = None if offer.current else stop_advice(scenario, offer)
    lines += ["", f"**{escape(advice)}**", ""] if advice else [""]
    return lines


def negotiated_call_sheets(scenario: Scenario, plan: Plan) -> list[CallSheet]:
    """A call sheet for each offer the plan says to negotiate, in the plan's order."""
    return [call_sheet(scenario, offer) for offer in plan.offers if offer.verdict == "negotiate"]
