"""The comparison table: the offers side by side, a row per term.

This is what the app shows and what the CSV export writes. Each offer brings
four columns: its value, the company's stance, the plan's status and whether
the term is a must-win. Values keep their type (numbers stay numbers); a value
that is not known is empty, never zero.
"""

from __future__ import annotations

import pandas as pd

from planner import formatting as fmt
from planner.models import OfferPlan, Plan, Scenario, Term, TermPlan, _compact
from planner.rules import make_plan
from planner.valuation import PART_LABELS, value_offers
from planner.wording import CURRENT_JOB_WORDS, MUST_WIN, status_word

FIXED_COLUMNS = ["Term", "Type", "Unit", "Better", "Priority", "Bottom line", "Target"]
OFFER_FIELDS = ["value", "stance", "status", "must-win"]


def offer_column(offer: str, field: str) -> str:
    """``Northwind: value``: the column of one field of one offer."""
    return f"{offer}: {field}"


def unit_of(term: Term, currency: str) -> str:
    if term.type == "money":
        return f"{currency}/year" if term.per == "year" else f"{currency} once"
    if term.type == "choice":
        assert term.options is not None
        return " < ".join(term.options)
    return term.unit or ""


def _cell(value: float | str | None) -> float | int | str | None:
    if isinstance(value, float):
        return _compact(value)
    return value


def comparison_table(scenario: Scenario, plan: Plan | None = None) -> pd.DataFrame:
    """A row per term, in the scenario's order; your line and each offer's value and status."""
    plan = plan if plan is not None else make_plan(scenario)
    rows: list[dict[str, object]] = []
    for i, term in enumerate(scenario.terms):
        row: dict[str, object] = {
            "Term": term.name,
            "Type": term.type,
            "Unit": unit_of(term, scenario.currency),
            "Better": term.better or "",
            "Priority": term.priority,
            "Bottom line": _cell(term.bottom_line),
            "Target": _cell(term.target),
        }
        for offer in plan.offers:
            labels = offer.terms[i]
            row[offer_column(offer.name, "value")] = _cell(labels.offer)
            row[offer_column(offer.name, "stance")] = labels.stance
            row[offer_column(offer.name, "status")] = labels.status
            row[offer_column(offer.name, "must-win")] = "yes" if labels.must_win else ""
        rows.append(row)
    columns = FIXED_COLUMNS + [
        offer_column(offer.name, field) for offer in plan.offers for field in OFFER_FIELDS
    ]
    return pd.DataFrame(rows, columns=columns, dtype=object)


def money_table(scenario: Scenario) -> pd.DataFrame:
    """Each offer's money by kind (a row per offer); ``None`` where a part is not known."""
    rows = []
    for valuation in value_offers(scenario):
        row: dict[str, object] = {"Offer": valuation.offer, "Current job": valuation.current}
        for part, label in PART_LABELS.items():
            amount = valuation.part(part)
            row[label] = amount.total
            row[f"{label}: not known"] = ", ".join(amount.missing)
        row["First-year total"] = valuation.first_year
        rows.append(row)
    return pd.DataFrame(rows)


def status_words(labels: TermPlan, current: bool) -> str:
    """A term's status in words; your current job is compared, not negotiated."""
    if current:
        if labels.status == "unknown":
            return CURRENT_JOB_WORDS["unknown"]
        standing = {"below_bottom_line": "deal_breaker", "below_target": "trade"}
        return CURRENT_JOB_WORDS[standing.get(labels.standing or "", "met")]  # type: ignore[index]
    return status_word(labels.status, style="marked") + (
        f" · {MUST_WIN}" if labels.must_win else ""
    )


def offer_plan_table(scenario: Scenario, offer: OfferPlan) -> pd.DataFrame:
    """One offer's plan, a row per term, in words and figures for the page and the brief."""
    rows = []
    for labels in offer.terms:
        term = scenario.term(labels.term)
        rows.append(
            {
                "Term": labels.term,
                "Offer": fmt.value(labels.offer, term, scenario.currency),
                "Bottom line": fmt.cell(labels.bottom_line) or "—",
                "Target": fmt.cell(labels.target) or "—",
                "Company": labels.stance,
                "Status": status_words(labels, offer.current),
                "Why": labels.reason,
                "Your research": labels.note,
            }
        )
    return pd.DataFrame(rows)
