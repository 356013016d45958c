"""The money over the years in words and rows: what the brief, the terminal and the page say.

The figures come from the plan (:attr:`OfferPlan.money`); here they become a
table of years by kind, the offers ranked by their expected total, and
sentences that compare each offer with your current job. No pandas, no
Altair: the command line imports this.
"""

from __future__ import annotations

from collections.abc import Sequence

from planner import formatting as fmt
from planner.models import Money, OfferPlan, Plan, Scenario, YearMoney
from planner.valuation import COLUMN_LABELS, PAY_COLUMNS, Column, column_of

NOT_KNOWN = "not known"
TOTAL = "Total (expected)"
ON_PAPER = "On paper"


def span(years: int) -> str:
    """``over 4 years``."""
    return f"over {years} year{'s' if years != 1 else ''}"


def kinds_in(scenario: Scenario) -> list[Column]:
    """The kinds of money the scenario has a term of, in the order of the money view."""
    present = {column_of(t) for t in scenario.terms}
    return [c for c in (*PAY_COLUMNS, "benefits") if c in present]


def has_expected(scenario: Scenario) -> bool:
    """Whether on paper can differ from expected (a variable or equity term)."""
    return any(t.type == "money" and t.money_kind in ("variable", "equity") for t in scenario.terms)


def _figure(value: float | None) -> str:
    return NOT_KNOWN if value is None else fmt.number(value)


def year_rows(scenario: Scenario, money: Money) -> list[list[str]]:
    """A header and a row per year (then one for all the years): each kind, the totals.

    Only the kinds the scenario has a term of are columns; ``On paper`` only when
    a variable or equity term can make it differ. Benefits come last, after the
    totals they are not part of.
    """
    kinds = kinds_in(scenario)
    pay = [k for k in kinds if k != "benefits"]
    paper = has_expected(scenario)
    header = ["Year", *(COLUMN_LABELS[k] for k in pay), TOTAL]
    header += [ON_PAPER] if paper else []
    header += [COLUMN_LABELS["benefits"]] if "benefits" in kinds else []
    rows = [header]
    for year in money.years:
        rows.append(_year_row(year, pay, paper, "benefits" in kinds))
    last = ["All", *("" for _ in pay), _figure(money.total)]
    last += [_figure(money.on_paper)] if paper else []
    last += [""] if "benefits" in kinds else []
    rows.append(last)
    return rows


def _year_row(year: YearMoney, pay: Sequence[Column], paper: bool, benefits: bool) -> list[str]:
    row = [str(year.year), *(_figure(getattr(year, k)) for k in pay), _figure(year.total)]
    row += [_figure(year.on_paper)] if paper else []
    row += [_figure(year.benefits)] if benefits else []
    return row


def money_heading(scenario: Scenario) -> str:
    """What the year table is in, in one line."""
    return (
        f"Money by year ({scenario.currency}; variable pay and equity at what you expect "
        "to be paid; benefits apart, not added)"
    )


def the_current_job(plan: Plan) -> OfferPlan | None:
    """Your current job (the first offer marked current): the line to beat."""
    return next((offer for offer in plan.offers if offer.current), None)


def ranked(plan: Plan) -> list[OfferPlan]:
    """The offers other than your current job, best expected total first; not known last.

    Offers with equal totals keep the scenario's order.
    """
    current = the_current_job(plan)
    others = [o for o in plan.offers if o is not current]
    known = [o for o in others if o.money is not None and o.money.total is not None]
    unknown = [o for o in others if o not in known]
    known.sort(key=lambda o: -(o.money.total if o.money and o.money.total else 0.0))
    return known + unknown


def ranking_words(plan: Plan) -> list[str]:
    """The ranking in sentences: each offer ahead of or behind your current job over the years."""
    currency = plan.currency
    over = span(plan.years)
    current = the_current_job(plan)
    base = current.money.total if current is not None and current.money is not None else None
    lines = []
    for offer in ranked(plan):
        total = offer.money.total if offer.money is not None else None
        if total is None:
            lines.append(
                f"{offer.name}: not known {over} (a money value is missing; "
                "it is not counted as zero)."
            )
        elif current is None:
            lines.append(f"{offer.name}: {fmt.money(total, currency)} expected {over}.")
        elif base is None:
            lines.append(
                f"{offer.name}: {fmt.money(total, currency)} expected {over}; your current "
                "job's total is not known, so the two cannot be compared."
            )
        elif total > base:
            gap = fmt.money(total - base, currency)
            lines.append(f"{offer.name} is {gap} ahead of your current job {over}.")
        elif total < base:
            gap = fmt.money(base - total, currency)
            lines.append(f"{offer.name} is {gap} behind your current job {over}.")
        else:
            lines.append(f"{offer.name} pays the same as your current job {over}.")
    if current is not None and base is not None:
        named = "" if current.name.strip().lower() == "current job" else f" ({current.name})"
        lines.append(f"Your current job{named}: {fmt.money(base, currency)} expected {over}.")
    return lines
