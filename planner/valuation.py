"""What each offer is worth in money, year by year, shown honestly.

The contract's "Money over the years": guaranteed pay, variable pay at the
payout you expect, equity by its vesting schedule at the value you expect,
one-off money in year 1, and benefits apart (worth money, never added to pay).
A value that is not known makes what depends on it ``None`` ("not known"),
never a guess that counts it as zero. It is for comparing offers; it is not a
tax calculation.
"""

from __future__ import annotations

import math
from typing import Literal

from planner.models import Frozen, Money, Offer, Scenario, Term, YearMoney

Column = Literal["guaranteed", "variable", "equity", "one_off", "benefits"]
COLUMNS: tuple[Column, ...] = ("guaranteed", "variable", "equity", "one_off", "benefits")
PAY_COLUMNS: tuple[Column, ...] = ("guaranteed", "variable", "equity", "one_off")

COLUMN_LABELS: dict[Column, str] = {
    "guaranteed": "Guaranteed pay",
    "variable": "Variable pay (expected)",
    "equity": "Equity (expected)",
    "one_off": "One-off money",
    "benefits": "Benefits (not pay)",
}

Part = Literal["guaranteed", "variable", "one_off"]

PART_LABELS: dict[Part, str] = {
    "guaranteed": "Guaranteed yearly pay",
    "variable": "Variable yearly pay",
    "one_off": "One-off money",
}


def yearly(value: float, term: Term, hours_per_week: float) -> float:
    """A recurring figure as a yearly amount: ``month`` × 12, ``hour`` × hours × 52."""
    if term.per == "month":
        return value * 12
    if term.per == "hour":
        return value * hours_per_week * 52
    return value


def column_of(term: Term) -> Column | None:
    """Where a money term's money goes in year 1 (``None`` for a term that is not money)."""
    if term.type != "money":
        return None
    kind = term.money_kind
    if kind == "benefit":
        return "benefits"
    if kind == "equity":
        return "equity"
    if term.per == "once":
        return "one_off"
    return "variable" if kind == "variable" else "guaranteed"


def contribution(
    term: Term, value: float, year: int, hours_per_week: float, *, on_paper: bool = False
) -> float:
    """What one money term gives in one year (1-based), at the expected payout or on paper."""
    kind = term.money_kind
    share = 1.0 if on_paper or kind not in ("variable", "equity") else term.expected_percent / 100
    if term.per == "once":
        if kind == "equity":
            vesting = term.vesting_percents
            if year > len(vesting):
                return 0.0
            return value * vesting[year - 1] / 100 * share
        return value * share if year == 1 else 0.0
    return yearly(value, term, hours_per_week) * share


def contributes(term: Term, year: int) -> bool:
    """Whether a term gives anything in that year (so that not knowing it matters)."""
    if term.per != "once":
        return True
    if term.money_kind == "equity":
        vesting = term.vesting_percents
        return year <= len(vesting) and vesting[year - 1] > 0
    return year == 1


def _maybe_cents(value: float | None) -> float | None:
    return None if value is None else _cents(value)


def _sum_cents(figures: list[float | None]) -> float | None:
    """The sum of figures already in cents (``None`` when any is not known)."""
    if any(f is None for f in figures):
        return None
    return _cents(math.fsum(f or 0.0 for f in figures))


def _cents(value: float) -> float:
    rounded = round(value, 2)
    return 0.0 if rounded == 0 else rounded  # no "-0"


class _MoneyTerm:
    """A money term made ready to value: its column and its factor for each year."""

    __slots__ = ("column", "counts", "expected", "name", "paper")

    def __init__(self, term: Term, years: int, hours_per_week: float) -> None:
        column = column_of(term)
        assert column is not None
        self.name = term.name
        self.column = column
        self.expected = [contribution(term, 1.0, y, hours_per_week) for y in range(1, years + 1)]
        self.paper = [
            contribution(term, 1.0, y, hours_per_week, on_paper=True) for y in range(1, years + 1)
        ]
        self.counts = [contributes(term, y) for y in range(1, years + 1)]


def money_terms(scenario: Scenario) -> list[_MoneyTerm]:
    """The scenario's money terms made ready for :func:`money_of` (once for every offer)."""
    return [
        _MoneyTerm(t, scenario.years, scenario.hours_per_week)
        for t in scenario.terms
        if t.type == "money"
    ]


def money_of(scenario: Scenario, offer: Offer, prepared: list[_MoneyTerm] | None = None) -> Money:
    """One offer's money for years 1 to ``scenario.years``, from the values it holds.

    Give it the offer as its rounds left it (:meth:`Offer.learned`); ``prepared``
    is :func:`money_terms` of the scenario, to share between offers.
    """
    prepared = money_terms(scenario) if prepared is None else prepared
    count = scenario.years
    span = range(count)
    sums: dict[Column, list[float | None]] = {c: [0.0] * count for c in COLUMNS}
    papers: dict[Column, list[float | None]] = {c: [0.0] * count for c in PAY_COLUMNS}
    values = offer.values
    for term in prepared:
        value = values.get(term.name)
        column = sums[term.column]
        paper = papers.get(term.column)
        if value is None:
            for y in span:
                if term.counts[y]:
                    column[y] = None
                    if paper is not None:
                        paper[y] = None
            continue
        assert isinstance(value, float)
        expected = term.expected
        for y in span:
            so_far = column[y]
            if so_far is not None:
                column[y] = so_far + value * expected[y]
        if paper is not None:
            factors = term.paper
            for y in span:
                on_paper = paper[y]
                if on_paper is not None:
                    paper[y] = on_paper + value * factors[y]
    years: list[YearMoney] = []
    for y in span:
        cents = {c: _maybe_cents(sums[c][y]) for c in COLUMNS}
        paper_cents = [_maybe_cents(papers[c][y]) for c in PAY_COLUMNS]
        years.append(
            YearMoney(
                year=y + 1,
                guaranteed=cents["guaranteed"],
                variable=cents["variable"],
                equity=cents["equity"],
                one_off=cents["one_off"],
                benefits=cents["benefits"],
                total=_sum_cents([cents[c] for c in PAY_COLUMNS]),
                on_paper=_sum_cents(paper_cents),
            )
        )
    return Money(
        years=years,
        total=_sum_cents([y.total for y in years]),
        on_paper=_sum_cents([y.on_paper for y in years]),
    )


def ranked_by_money(scenario: Scenario, moneys: list[Money]) -> list[int]:
    """Offer indexes, best expected total over the years first; not known last, in order."""
    known = [(i, m.total) for i, m in enumerate(moneys) if m.total is not None]
    unknown = [i for i, m in enumerate(moneys) if m.total is None]
    known.sort(key=lambda pair: -(pair[1] or 0.0))
    return [i for i, _ in known] + unknown


# --- the first year, as the earlier views show it ------------------------------


class Amount(Frozen):
    """A sum of money terms; ``total`` is ``None`` when any of them is not known."""

    total: float | None
    known: float
    terms: list[str]
    missing: list[str]


class Valuation(Frozen):
    """One offer's first-year money, by kind (benefits apart, never added)."""

    offer: str
    current: bool
    guaranteed: Amount
    variable: Amount
    one_off: Amount
    first_year: float | None
    """Guaranteed + variable (equity included, at the expected value) + one-off."""

    def part(self, part: Part) -> Amount:
        amount: Amount = getattr(self, part)
        return amount


def part_of(term: Term) -> Part | None:
    """Which first-year part a money term counts in (``None``: not money, or a benefit)."""
    column = column_of(term)
    if column is None or column == "benefits":
        return None
    if column == "equity":
        return "variable"
    return column


def _amount(scenario: Scenario, offer: Offer, terms: list[Term]) -> Amount:
    known = 0.0
    missing: list[str] = []
    for term in terms:
        value = offer.values.get(term.name)
        if value is None:
            if contributes(term, 1):
                missing.append(term.name)
        elif isinstance(value, float):
            known += contribution(term, value, 1, scenario.hours_per_week)
    return Amount(
        total=None if missing else known,
        known=known,
        terms=[t.name for t in terms],
        missing=missing,
    )


def value_offer(scenario: Scenario, offer: Offer) -> Valuation:
    """One offer's first-year money, with the latest figures its rounds recorded."""
    offer = offer.learned()
    parts: dict[Part, list[Term]] = {"guaranteed": [], "variable": [], "one_off": []}
    for term in scenario.terms:
        part = part_of(term)
        if part is not None:
            parts[part].append(term)
    amounts = {part: _amount(scenario, offer, terms) for part, terms in parts.items()}
    totals = [a.total for a in amounts.values()]
    first_year = None if any(t is None for t in totals) else sum(t for t in totals if t is not None)
    return Valuation(
        offer=offer.name,
        current=offer.current,
        guaranteed=amounts["guaranteed"],
        variable=amounts["variable"],
        one_off=amounts["one_off"],
        first_year=first_year,
    )


def value_offers(scenario: Scenario) -> list[Valuation]:
    """The first-year money of every offer, in the scenario's order."""
    return [value_offer(scenario, offer) for offer in scenario.offers]
