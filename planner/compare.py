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
from planner.valuation import COLUMN_LABELS, COLUMNS, PART_LABELS, value_offers
from planner.wording import CURRENT_JOB_WORDS, MUST_WIN, status_word

FIXED_COLUMNS = ["Term", "Type", "Unit", "Better", "Priority", "Bottom line", "Target"]
OFFER_FIELDS = ["value", "stance", "status", "must-win"]


def offer_column(offer: str, field: str) -> str:
    """``Northwind: value``: the column of one field of one offer."""
    return f"{offer}: {field}"


def unit_of(term: Term, currency: str) -> str:
    if term.type == "money":
        per = term.per or "year"
        return f"{currency} once" if per == "once" else f"{currency}/{per}"
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


CSV_COLUMNS = ["Section", "Year", "Kind"]
"""The columns the CSV adds after the comparison table's, to tell its two kinds of row apart."""
MONEY_KINDS = (*COLUMNS, "total", "on_paper")
"""The kinds of money the CSV gives per offer and year, in this order."""
KIND_WORDS: dict[str, str] = {
    **{str(k): v for k, v in COLUMN_LABELS.items()},
    "total": "Total (expected)",
    "on_paper": "Total on paper (every expected payout at 100%)",
}


def csv_table(scenario: Scenario, plan: Plan | None = None) -> pd.DataFrame:
    """The comparison CSV: the comparison table's rows, then each offer's money by year and kind.

    Every row of :func:`comparison_table` comes first, unchanged, with
    ``Section`` = ``term``. Then, with ``Section`` = ``money``, one row per year
    and kind (``guaranteed``, ``variable``, ``equity``, ``one_off``,
    ``benefits``, ``total``, ``on_paper``), and after the years one row per
    kind for the whole horizon (``total`` and ``on_paper``, ``Year`` empty).
    A money row gives each offer's amount in that offer's ``value`` column;
    an empty cell is not known (never zero). Benefits are a row of their own
    and are not in the totals.
    """
    plan = plan if plan is not None else make_plan(scenario)
    table = comparison_table(scenario, plan)
    table["Section"], table["Year"], table["Kind"] = "term", None, None
    unit = scenario.currency
    money_rows: list[dict[str, object]] = []
    for year in range(1, scenario.years + 1):
        for kind in MONEY_KINDS:
            row: dict[str, object] = {
                "Section": "money",
                "Year": year,
                "Kind": kind,
                "Term": f"Year {year}: {KIND_WORDS[kind]}",
                "Type": "money",
                "Unit": unit,
            }
            for offer in plan.offers:
                years = offer.money.years if offer.money is not None else []
                amount = getattr(years[year - 1], kind) if len(years) >= year else None
                row[offer_column(offer.name, "value")] = _cell(amount)
            money_rows.append(row)
    span = f"{scenario.years} year{'s' if scenario.years != 1 else ''}"
    for kind in ("total", "on_paper"):
        row = {
            "Section": "money",
            "Year": None,
            "Kind": kind,
            "Term": f"All {span}: {KIND_WORDS[kind]}",
            "Type": "money",
            "Unit": f"{scenario.currency} over {span}",
        }
        for offer in plan.offers:
            amount = getattr(offer.money, kind) if offer.money is not None else None
            row[offer_column(offer.name, "value")] = _cell(amount)
        money_rows.append(row)
    money = pd.DataFrame(money_rows, columns=table.columns, dtype=object)
    return pd.concat([table, money], ignore_index=True)


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
        if labels.offer is None:
            return CURRENT_JOB_WORDS["unknown"]
        standing: str = labels.standing or "meets"
        if standing == "meets" and labels.target is not None:
            standing = "meets_target"
        elif standing == "meets" and labels.bottom_line is not None:
            standing = "meets_bottom_line"
        return CURRENT_JOB_WORDS[standing]
    return status_word(labels.status, style="marked") + (
        f" · {MUST_WIN}" if labels.must_win else ""
    )


def elsewhere_words(scenario: Scenario, plan: Plan, offer: OfferPlan, labels: TermPlan) -> str:
    """The plan's best elsewhere for one term, in plain words: ``Northwind pays 4,000 USD more``.

    Empty when no other offer is better on this term (or for your current job).
    """
    other_name = labels.best_elsewhere
    if other_name is None or offer.current:
        return ""
    other = plan.offer(other_name).term(labels.term).offer
    term = scenario.term(labels.term)
    mine = labels.offer
    if other is None or mine is None:
        return ""
    if isinstance(other, str) or isinstance(mine, str):
        return f"{other_name} offers {other}"
    gap = fmt.amount(abs(other - mine), term, scenario.currency)
    if term.type == "money":
        per = {"year": " a year", "month": " a month", "hour": " an hour", "once": ""}
        more = ("more" if other > mine else "less") + per[term.per or "year"]
        return f"{other_name} {'pays' if other > mine else 'costs'} {gap} {more}"
    return f"{other_name}: {gap} {'more' if other > mine else 'less'}"


def behind_words(offer: OfferPlan) -> str:
    """Where an offer is worse than your current job, in plain words (empty when nowhere)."""
    behind = offer.behind_current or []
    if not behind:
        return ""
    names = behind if len(behind) <= 2 else [", ".join(behind[:-1]), behind[-1]]
    return "Worse than your current job on " + " and ".join(names)


PLAN_COLUMNS = [
    "Term",
    "Status",
    "Why",
    "Offer",
    "Bottom line",
    "Target",
    "Company",
    "Elsewhere",
    "Your research",
]
"""The plan table's columns: status and reason right after the term (they come first on a phone)."""


def offer_plan_table(
    scenario: Scenario, offer: OfferPlan, plan: Plan | None = None
) -> pd.DataFrame:
    """One offer's plan, a row per term, in words and figures for the page and the brief.

    With the ``plan``, the ``Elsewhere`` column says where another offer is better.
    """
    rows = []
    for labels in offer.terms:
        term = scenario.term(labels.term)
        elsewhere = "" if plan is None else elsewhere_words(scenario, plan, offer, labels)
        rows.append(
            {
                "Term": labels.term,
                "Status": status_words(labels, offer.current),
                "Why": labels.reason,
                "Offer": fmt.value(labels.offer, term, scenario.currency),
                "Bottom line": fmt.cell(labels.bottom_line) or "—",
                "Target": fmt.cell(labels.target) or "—",
                "Company": "" if offer.current else labels.stance,
                "Elsewhere": elsewhere,
                "Your research": labels.note,
            }
        )
    return pd.DataFrame(rows, columns=PLAN_COLUMNS)
