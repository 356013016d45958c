"""The planning rules of SCENARIO_FORMAT.md: statuses, must-wins, verdicts, the ask list.

Pure functions of the scenario. The labels encode the advice the product grew
out of: negotiate, but in moderation; never ask for what the company has fixed;
know your bottom line and commit to it.
"""

from __future__ import annotations

import math
import sys

from planner import formatting as fmt
from planner.models import (
    Offer,
    OfferPlan,
    Plan,
    Scenario,
    Stance,
    Status,
    Term,
    TermPlan,
    Verdict,
    apply_rounds,
    at_least_as_good,
)

_STANCE_WORDS: dict[Stance, str] = {
    "fixed": "the company says it is fixed",
    "limited": "the company has limited room",
    "negotiable": "the company negotiates",
    "unknown": "the company's stance is not known",
}


def _gap_words(
    value: float | str,
    against: float | str,
    term: Term,
    currency: str,
    ranks: dict[str, int] | None = None,
) -> str:
    """``6,000 EUR below`` / ``20 min/day above`` / ``2 steps below``."""
    if isinstance(value, str) or isinstance(against, str):
        if ranks is not None and isinstance(value, str) and isinstance(against, str):
            steps = ranks[against] - ranks[value]
        else:
            steps = term.rank(against) - term.rank(value)
        plural = "s" if steps != 1 else ""
        return f'"{value}" is {steps} step{plural} below'
    gap = abs(value - against)
    side = "above" if term.better == "lower" else "below"
    if not math.isfinite(gap):
        return f"far {side}"
    return f"{fmt.amount(gap, term, currency)} {side}"


def _current_reason(value: float | str, term: Term, currency: str) -> str:
    """Your current job is not negotiated: say how it compares with your line."""
    if term.bottom_line is not None and not at_least_as_good(value, term.bottom_line, term):
        return f"Your current job: {_gap_words(value, term.bottom_line, term, currency)} your bottom line"
    if term.target is not None and not at_least_as_good(value, term.target, term):
        return f"Your current job: {_gap_words(value, term.target, term, currency)} your target"
    if term.target is not None:
        return "Your current job meets your target"
    if term.bottom_line is not None:
        return "Your current job meets your bottom line"
    return "Your current job (no bottom line or target set)"


def reason_for(
    status: Status,
    must_win: bool,
    value: float | str | None,
    term: Term,
    stance: Stance,
    currency: str,
    current: bool = False,
    ranks: dict[str, int] | None = None,
) -> str:
    """One line in plain words, with figures, saying why the term got its status.

    ``ranks`` (option -> position) saves looking choices up in the options list.
    """
    if value is None:
        return "Not known yet: ask the recruiter before you decide"
    if current:
        return _current_reason(value, term, currency)
    if status == "met":
        if term.target is not None:
            return "Meets your target"
        if term.bottom_line is not None:
            return "Meets your bottom line (you set no target)"
        return "No bottom line or target set for this term"
    if status == "deal_breaker" or must_win:
        assert term.bottom_line is not None
        gap = _gap_words(value, term.bottom_line, term, currency, ranks)
        if status == "deal_breaker":
            return f"{gap} your bottom line and {_STANCE_WORDS[stance]}"
        return f"{gap} your bottom line, a must-win: {_STANCE_WORDS[stance]}"
    assert term.target is not None
    gap = _gap_words(value, term.target, term, currency, ranks)
    if status == "drop":
        return (
            f"{gap} your target but within your bottom line; {_STANCE_WORDS[stance]}, so let it go"
        )
    if status == "push":
        return f"{gap} your target and {_STANCE_WORDS[stance]}"
    return f"{gap} your target and {_STANCE_WORDS[stance]}: ask modestly or trade it"


class _Spec:
    """One term made ready for fast comparison: values become keys where higher is better."""

    __slots__ = ("bottom", "divisor", "lower", "name", "ranks", "ref", "target", "term")

    def __init__(self, term: Term) -> None:
        self.term = term
        self.name = term.name
        self.lower = term.better == "lower"
        self.ranks = {o: i for i, o in enumerate(term.options)} if term.options else None
        self.bottom = self.key(term.bottom_line)
        self.target = self.key(term.target)
        self.ref = self.key(term.reference)
        reference = term.reference
        if self.ranks is not None:
            self.divisor: float = len(self.ranks) - 1
        else:
            self.divisor = abs(reference) if isinstance(reference, float) else 0.0

    def key(self, value: float | str | None) -> float | None:
        if value is None:
            return None
        if self.ranks is not None:
            return float(self.ranks[value])  # type: ignore[index]
        assert isinstance(value, float)
        return -value if self.lower else value


def plan_term(term: Term, offer: Offer, currency: str, spec: _Spec | None = None) -> TermPlan:
    """The plan for one term of one offer: its status, must-win, ask, reason and shortfall.

    The shortfall is how far the value falls short of what you would ask for
    (the target, else the bottom line), relative to it: for a choice, option
    steps over the number of options less one; where that divisor is 0, the
    gap itself. Zero when the value is as good; ``None`` when either is unknown.
    """
    spec = spec or _Spec(term)
    name = spec.name
    value = offer.values.get(name)
    stance = offer.flexibility.get(name, "unknown")
    must_win = False
    gap = None
    if value is None:
        status: Status = "unknown"
    else:
        k = spec.key(value)
        assert k is not None
        if spec.bottom is not None and k < spec.bottom:
            status = "deal_breaker" if stance == "fixed" else "push"
            must_win = stance != "fixed"
        elif spec.target is None or k >= spec.target:
            status = "met"
        elif stance == "fixed":
            status = "drop"
        elif stance == "negotiable":
            status = "push"
        else:
            status = "trade"
        if spec.ref is not None:
            gap = max(spec.ref - k, 0.0)
            gap = gap / spec.divisor if spec.divisor else gap
            gap = min(gap, sys.float_info.max)  # finite, so the plan is always valid JSON
    asking = status == "push" or status == "trade"
    return TermPlan.trusted(
        term=name,
        status=status,
        must_win=must_win,
        offer=value,
        bottom_line=term.bottom_line,
        target=term.target,
        ask=term.reference if asking else None,
        reason=reason_for(
            status, must_win, value, term, stance, currency, offer.current, spec.ranks
        ),
        stance=stance,
        shortfall=gap,
        note=offer.notes.get(name, ""),
    )


def ask_order(terms: list[TermPlan], priorities: dict[str, int]) -> list[str]:
    """Every askable term (push or trade), in the order the format ranks them."""
    askable = [t for t in terms if t.status in ("push", "trade")]
    askable.sort(
        key=lambda t: (
            not t.must_win,
            -priorities[t.term],
            t.status != "push",
            -(t.shortfall or 0.0),
        )
    )
    return [t.term for t in askable]


def verdict_of(offer: Offer, terms: list[TermPlan]) -> Verdict:
    if offer.current:
        return "current"
    statuses = {t.status for t in terms}
    if "deal_breaker" in statuses:
        return "walk_away"
    if statuses <= {"met", "drop"}:
        return "accept"
    return "negotiate"


def _names(names: list[str], limit: int = 3) -> str:
    shown = names[:limit]
    more = len(names) - len(shown)
    text = ", ".join(shown)
    return text + (f" and {more} more" if more else "")


def why_of(verdict: Verdict, terms: list[TermPlan], asks: list[str]) -> str:
    """The verdict in one sentence a candidate can act on."""

    def named(status: Status) -> list[str]:
        return [t.term for t in terms if t.status == status]

    if verdict == "current":
        return "Your current job: the alternative you compare every offer with"
    if verdict == "walk_away":
        return (
            f"Fails your bottom line on {_names(named('deal_breaker'))}, "
            "which the company will not move"
        )
    if verdict == "accept":
        dropped = named("drop")
        if dropped:
            return (
                "Meets your bottom line everywhere; what is left below target "
                f"({_names(dropped)}) is fixed, so it is not worth the goodwill"
            )
        return "Meets your targets: nothing is worth asking for"
    must = [t.term for t in terms if t.must_win]
    parts: list[str] = []
    if must:
        parts.append(f"acceptable only if you win {_names(must)}")
    elif asks:
        parts.append("worth negotiating")
    if asks:
        extra = len([t for t in terms if t.status in ("push", "trade")]) - len(asks)
        asked = f"{len(asks)} ask{'s' if len(asks) != 1 else ''}, all at once"
        if extra > 0:
            asked += f" ({extra} smaller one{'s' if extra != 1 else ''} left out to stay moderate)"
        parts.append(asked)
    unknown = named("unknown")
    if unknown:
        parts.append(f"find out {_names(unknown)} first")
    text = "; ".join(parts)
    return text[:1].upper() + text[1:]


def plan_offer(
    scenario: Scenario,
    offer: Offer,
    priorities: dict[str, int],
    specs: list[_Spec] | None = None,
) -> OfferPlan:
    """Statuses, verdict and ask list of one offer."""
    specs = specs or [_Spec(term) for term in scenario.terms]
    currency = scenario.currency
    terms = [plan_term(spec.term, offer, currency, spec) for spec in specs]
    verdict = verdict_of(offer, terms)
    asks = [] if offer.current else ask_order(terms, priorities)[: scenario.max_asks]
    return OfferPlan.trusted(
        name=offer.name,
        current=offer.current,
        verdict=verdict,
        why=why_of(verdict, terms, asks),
        asks=asks,
        terms=terms,
    )


def make_plan(scenario: Scenario) -> Plan:
    """The plan for every offer of the scenario, in the scenario's order.

    It plans on what the company answered: where an offer has ``rounds``, each
    term's latest value and stance from them replace the ones first recorded
    (:func:`planner.models.apply_rounds`). A scenario without rounds is planned
    exactly as it stands.
    """
    scenario = apply_rounds(scenario)
    priorities = {term.name: term.priority for term in scenario.terms}
    specs = [_Spec(term) for term in scenario.terms]
    return Plan.trusted(
        format="negotiation-plan/1",
        title=scenario.title,
        currency=scenario.currency,
        max_asks=scenario.max_asks,
        offers=[plan_offer(scenario, offer, priorities, specs) for offer in scenario.offers],
    )
