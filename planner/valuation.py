"""What each offer is worth in money, shown honestly.

Guaranteed yearly pay, variable yearly pay (bonus, commission, equity: terms
marked ``variable``) and one-off money are kept apart. A money term whose
``better`` is ``lower`` is a cost you pay (a health premium, say) and counts
against the offer. A value that is not known is reported as not known: a total
that depends on it is ``None``, never a guess that counts it as zero.
"""

from __future__ import annotations

from typing import Literal

from planner.models import Frozen, Offer, Scenario, Term

Part = Literal["guaranteed", "variable", "one_off"]

PART_LABELS: dict[Part, str] = {
    "guaranteed": "Guaranteed yearly pay",
    "variable": "Variable yearly pay",
    "one_off": "One-off money",
}


class Amount(Frozen):
    """A sum of money terms; ``total`` is ``None`` when any of them is not known."""

    total: float | None
    known: float
    terms: list[str]
    missing: list[str]


class Valuation(Frozen):
    """One offer's money, by kind, and its first-year total."""

    offer: str
    current: bool
    guaranteed: Amount
    variable: Amount
    one_off: Amount
    first_year: float | None
    """Guaranteed + variable + one-off, or ``None`` when any part is not known."""

    def part(self, part: Part) -> Amount:
        amount: Amount = getattr(self, part)
        return amount


def part_of(term: Term) -> Part | None:
    """Which kind of money a term is, or ``None`` for a term that is not money."""
    if term.type != "money":
        return None
    if term.per == "once":
        return "one_off"
    return "variable" if term.variable else "guaranteed"


def _amount(offer: Offer, terms: list[Term]) -> Amount:
    known = 0.0
    missing: list[str] = []
    for term in terms:
        value = offer.values.get(term.name)
        if value is None:
            missing.append(term.name)
        elif isinstance(value, float):
            known += -value if term.better == "lower" else value
    return Amount(
        total=None if missing else known,
        known=known,
        terms=[t.name for t in terms],
        missing=missing,
    )


def value_offer(scenario: Scenario, offer: Offer) -> Valuation:
    """One offer's money, with the latest figures its rounds recorded (see Offer.learned)."""
    offer = offer.learned()
    parts: dict[Part, list[Term]] = {"guaranteed": [], "variable": [], "one_off": []}
    for term in scenario.terms:
        part = part_of(term)
        if part is not None:
            parts[part].append(term)
    amounts = {part: _amount(offer, terms) for part, terms in parts.items()}
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
    """The money of every offer, in the scenario's order."""
    return [value_offer(scenario, offer) for offer in scenario.offers]
