"""The plan as readable text for a terminal (``--format table``)."""

from __future__ import annotations

import re

from planner import formatting as fmt
from planner.models import OfferPlan, Plan, Scenario
from planner.money_words import kinds_in, money_heading, ranking_words, span, year_rows
from planner.wording import MUST_WIN, status_word, verdict_word

_UNSAFE = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f"  # C0 but newline, DEL, C1 (ESC, CSI, OSC...)
    "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"  # bidirectional marks and overrides
    "\u2028\u2029"  # line and paragraph separators
    "\ud800-\udfff]"  # lone surrogates (no terminal can take them)
)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def terminal_safe(text: str, *, json: bool = False) -> str:
    """Text for a terminal: control characters shown visibly escaped, never raw.

    Escape sequences (ESC, CSI, OSC), carriage returns, bidirectional overrides
    and the like in names and notes could otherwise move the cursor, rewrite a
    line already shown, change the window title or reorder what is read. They
    come out as ``\\x1b``, ``\\u202e``...; a newline stays a newline. With ``json``,
    every escape is written ``\\u001b`` so that JSON text stays valid JSON meaning
    the same (its own escapes already cover C0 inside strings).
    """
    if json:
        return _UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)
    return _UNSAFE.sub(_escape, text)


def _grid(rows: list[list[str]]) -> list[str]:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in rows
    ]


def _money_text(scenario: Scenario, offer: OfferPlan) -> list[str]:
    """The offer's money year by year, by kind, as a small table (nothing without money terms)."""
    if offer.money is None or not kinds_in(scenario):
        return []
    return [f"  {money_heading(scenario)}:"] + [
        "    " + line for line in _grid(year_rows(scenario, offer.money))
    ]


def offer_text(scenario: Scenario, offer: OfferPlan) -> list[str]:
    lines = [f"{offer.name}: {verdict_word(offer.verdict, loud=True)}", f"  {offer.why}"]
    if offer.asks:
        lines.append("  Ask for, in this order (all at once):")
        for n, name in enumerate(offer.asks, start=1):
            labels = offer.term(name)
            term = scenario.term(name)
            must = f" ({MUST_WIN})" if labels.must_win else ""
            lines.append(f"    {n}. {name}: {fmt.value(labels.ask, term, scenario.currency)}{must}")
    rows = [["Term", "Offer", "Bottom line", "Target", "Stance", "Status", "Why"]]
    for labels in offer.terms:
        term = scenario.term(labels.term)
        status = status_word(labels.status, style="terminal")
        status += f" ({MUST_WIN})" if labels.must_win else ""
        rows.append(
            [
                labels.term,
                fmt.cell(labels.offer) or "?",
                fmt.cell(labels.bottom_line) or "-",
                fmt.cell(labels.target) or "-",
                labels.stance,
                status,
                labels.reason,
            ]
        )
    lines += ["  " + line for line in _grid(rows)]
    lines += _money_text(scenario, offer)
    lines += _rounds_text(scenario, offer)
    return lines


def _rounds_text(scenario: Scenario, offer: OfferPlan) -> list[str]:
    """What the company answered so far, and when to stop (only for an offer with rounds)."""
    if not scenario.offer(offer.name).rounds:
        return []
    from planner.rounds import round_lines, stop_advice

    lines = ["  What the company answered (the plan above uses the latest):"]
    lines += [f"    {line}" for line in round_lines(scenario, offer.name)]
    advice = None if offer.current else stop_advice(scenario, offer)
    if advice:
        lines.append(f"  {advice}")
    return lines


def plan_table(scenario: Scenario, plan: Plan) -> str:
    """Every offer: verdict, why, the ranked asks, then a row per term."""
    heading = scenario.title or "Negotiation plan"
    lines = [f"{heading} ({scenario.currency}; at most {scenario.max_asks} asks per offer)", ""]
    for offer in plan.offers:
        lines += offer_text(scenario, offer)
        lines.append("")
    if kinds_in(scenario):
        lines.append(f"The offers by expected pay {span(plan.years)} (benefits not added):")
        lines += [f"  {line}" for line in ranking_words(plan)]
        lines.append("")
    return "\n".join(lines)
