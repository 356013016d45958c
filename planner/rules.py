"""The planning rules of SCENARIO_FORMAT.md: statuses, must-wins, verdicts, the ask list.

Pure functions of the scenario. The labels encode the advice the product grew
out of: negotiate, but in moderation; never ask for what the company has fixed;
know your bottom line and commit to it.
"""

from __future__ import annotations

import datetime
import itertools
import math
import sys

from planner import formatting as fmt
from planner.models import (
    Market,
    Offer,
    OfferPlan,
    Phase,
    Plan,
    Scenario,
    Stance,
    Standing,
    Status,
    Term,
    TermPlan,
    Verdict,
    at_least_as_good,
)
from planner.valuation import money_of, money_terms

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


def default_step(term: Term, offers: list[Offer]) -> float | None:
    """The term's ``step``: the smallest sensible change an ask or package makes.

    Given in the file, or by the format's default: for money 500 where the larger
    of the bottom line and target is at least 10,000, 100 where it is at least
    1,000, else 1; for numbers 1 where every figure of the term (bottom line,
    target, the offers' values and their rounds) is whole, else 0.5. ``None``
    for choices.
    """
    if term.type == "choice":
        return None
    if term.step is not None:
        return term.step
    if term.type == "money":
        figures = [x for x in (term.bottom_line, term.target) if isinstance(x, float)]
        top = max(figures, default=0.0)
        return 500.0 if top >= 10_000 else 100.0 if top >= 1_000 else 1.0
    seen: list[float | str | None] = [term.bottom_line, term.target]
    for offer in offers:
        seen.append(offer.values.get(term.name))
        if offer.rounds:
            seen.extend(r.value for r in offer.rounds if r.term == term.name)
    whole = all(not isinstance(x, float) or x.is_integer() for x in seen)
    return 1.0 if whole else 0.5


class _Spec:
    """One term made ready for fast comparison: values become keys where higher is better."""

    __slots__ = (
        "bottom",
        "divisor",
        "lower",
        "market",
        "name",
        "options",
        "ranks",
        "ref",
        "step",
        "target",
        "term",
    )

    def __init__(self, term: Term, step: float | None = None) -> None:
        self.term = term
        self.name = term.name
        self.lower = term.better == "lower"
        self.options = term.options
        self.ranks = {o: i for i, o in enumerate(term.options)} if term.options else None
        self.bottom = self.key(term.bottom_line)
        self.target = self.key(term.target)
        self.ref = self.key(term.reference)
        self.step = step if step is not None else (None if self.ranks is not None else 1.0)
        self.market = term.market
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

    def value_of(self, key: float) -> float | str:
        """The term's value for a key (the inverse of :meth:`key`)."""
        if self.options is not None:
            return self.options[int(key)]
        value = -key if self.lower else key
        return 0.0 if value == 0 else value

    def halfway(self, start: float, goal: float) -> float:
        """The key halfway from ``start`` towards ``goal``, rounded to the step towards the goal.

        For money and numbers: a whole multiple of the step (counted from 0),
        never past the goal; where that is no better than ``start`` (the gap is
        under one step), the goal itself. For a choice: the next option towards
        the goal.
        """
        if goal <= start:
            return goal
        if self.ranks is not None:
            return min(start + 1, goal)
        step = self.step or 1.0
        middle = (start + goal) / 2 / step
        nearest = round(middle)
        count = nearest if abs(middle - nearest) < 1e-9 else math.ceil(middle)
        figure = min(round(count * step, 9), goal)
        return goal if figure <= start else figure


def _status(spec: _Spec, key: float | None, stance: Stance) -> tuple[Status, bool]:
    """The status and must-win of a value (as a key) under a stance."""
    if key is None:
        return "unknown", False
    if spec.bottom is not None and key < spec.bottom:
        return ("deal_breaker", False) if stance == "fixed" else ("push", True)
    if spec.target is None or key >= spec.target:
        return "met", False
    if stance == "fixed":
        return "drop", False
    if stance == "negotiable":
        return "push", False
    return "trade", False


def _shortfall(spec: _Spec, key: float | None) -> float | None:
    if key is None or spec.ref is None:
        return None
    gap = max(spec.ref - key, 0.0)
    gap = gap / spec.divisor if spec.divisor else gap
    return min(gap, sys.float_info.max)  # finite, so the plan is always valid JSON


def _ask_key(spec: _Spec, status: Status, key: float) -> float | None:
    """The ask figure (as a key) of a push or trade term; ``None`` for other statuses."""
    if status == "push":
        return spec.ref
    if status == "trade":
        assert spec.target is not None
        return spec.halfway(key, spec.target)
    return None


def market_position(value: float | str | None, market: Market | None) -> float | str | None:
    """The percentile of a figure by straight lines between the percentiles given.

    Below the lowest given: ``"<pN"``; above the highest: ``">pN"``; ``None``
    when there is no figure or no market data.
    """
    if value is None or market is None or isinstance(value, str):
        return None
    points = market.points()
    low_p, low = points[0]
    high_p, high = points[-1]
    if value < low:
        return f"<p{low_p}"
    if value > high:
        return f">p{high_p}"
    for (p1, v1), (p2, v2) in itertools.pairwise(points):
        if v1 <= value <= v2:
            if v2 == v1:
                return p1
            position = p1 + (value - v1) / (v2 - v1) * (p2 - p1)
            return int(position) if position.is_integer() else position
    return high_p  # not reached: the points cover [low, high]


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
        if current:
            return "Not recorded for your current job"
        return "Not known yet: ask the recruiter before you decide"
    if current or status == "reference":
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


def _figure(value: float | str | None, term: Term, currency: str) -> str:
    if value is None:
        return "not known"
    if isinstance(value, str):
        return f'"{value}"'
    return fmt.amount(value, term, currency)


def _standing(spec: _Spec, key: float | None) -> Standing | None:
    """Your current job's value against your line."""
    if key is None:
        return None
    if spec.bottom is not None and key < spec.bottom:
        return "below_bottom_line"
    if spec.target is not None and key < spec.target:
        return "below_target"
    return "meets"


def _row(
    spec: _Spec,
    offer: Offer,
    currency: str,
    *,
    key: float | None,
    stance: Stance,
    status: Status,
    must_win: bool,
    ask: float | str | None,
    reason: str,
    best: str | None = None,
    opening_ask: float | str | None = None,
    answers: int = 0,
    standing: Standing | None = None,
) -> TermPlan:
    """One term plan, with its market positions where the term has market data."""
    term = spec.term
    name = spec.name
    value = offer.values.get(name)
    market = spec.market
    return TermPlan(
        name,
        status,
        must_win,
        value,
        term.bottom_line,
        term.target,
        ask,
        reason,
        stance,
        _shortfall(spec, key),
        offer.notes.get(name, ""),
        best,
        market_position(value, market) if market is not None else None,
        market_position(term.bottom_line, market) if market is not None else None,
        market_position(term.target, market) if market is not None else None,
        market is not None,
        opening_ask,
        answers,
        standing,
    )


def plan_term(
    term: Term,
    offer: Offer,
    currency: str,
    spec: _Spec | None = None,
    best: str | None = None,
) -> TermPlan:
    """The plan for one term of an offer without rounds: status, must-win, ask, reason.

    The shortfall is how far the value falls short of what you would ask for
    (the target, else the bottom line), relative to it: for a choice, option
    steps over the number of options less one; where that divisor is 0, the
    gap itself. Zero when the value is as good; ``None`` when either is unknown.
    ``best`` is the offer with the best value elsewhere (see :func:`make_plan`).
    """
    spec = spec or _Spec(term)
    name = spec.name
    value = offer.values.get(name)
    stance = offer.flexibility.get(name, "unknown")
    key = spec.key(value)
    if offer.current:
        status: Status = "unknown" if value is None else "reference"
        return _row(
            spec,
            offer,
            currency,
            key=key,
            stance=stance,
            status=status,
            must_win=False,
            ask=None,
            reason=reason_for(status, False, value, term, stance, currency, True, spec.ranks),
            standing=_standing(spec, key),
        )
    status, must_win = _status(spec, key, stance)
    ask_key = _ask_key(spec, status, key) if key is not None else None
    return _row(
        spec,
        offer,
        currency,
        key=key,
        stance=stance,
        status=status,
        must_win=must_win,
        ask=None if ask_key is None else spec.value_of(ask_key),
        reason=reason_for(status, must_win, value, term, stance, currency, False, spec.ranks),
        best=best,
    )


_NOT_KNOWN = "Not known yet: ask the recruiter before you decide"


def _negotiated_terms(
    ctx: _Context, offer: Offer, best: list[str | None] | None = None
) -> list[TermPlan]:
    """The term plans of a negotiated offer as it stands (no rounds rules): the hot loop.

    The same rules as :func:`plan_term`, written out in one loop because a plan
    has a row per offer and term (2,000 in the largest scenario).
    """
    values = offer.values
    flexibility = offer.flexibility
    notes = offer.notes
    currency = ctx.currency
    make = tuple.__new__
    rows: list[TermPlan] = []
    for t, spec in enumerate(ctx.specs):
        name = spec.name
        term = spec.term
        value = values.get(name)
        stance = flexibility.get(name, "unknown")
        market = spec.market
        if value is None:
            rows.append(
                make(
                    TermPlan,
                    (
                        name,
                        "unknown",
                        False,
                        None,
                        term.bottom_line,
                        term.target,
                        None,
                        _NOT_KNOWN,
                        stance,
                        None,
                        notes.get(name, ""),
                        None,
                        None,
                        market_position(term.bottom_line, market) if market else None,
                        market_position(term.target, market) if market else None,
                        market is not None,
                        None,
                        0,
                        None,
                    ),
                )
            )
            continue
        ranks = spec.ranks
        key: float = (
            float(ranks[value])  # type: ignore[index]
            if ranks is not None
            else (-value if spec.lower else value)  # type: ignore[operator, assignment]
        )
        bottom = spec.bottom
        target = spec.target
        must_win = False
        status: Status
        if bottom is not None and key < bottom:
            if stance == "fixed":
                status = "deal_breaker"
            else:
                status = "push"
                must_win = True
        elif target is None or key >= target:
            status = "met"
        elif stance == "fixed":
            status = "drop"
        elif stance == "negotiable":
            status = "push"
        else:
            status = "trade"
        ask: float | str | None = None
        if status == "push":
            ask = term.reference
        elif status == "trade":
            ask = spec.value_of(spec.halfway(key, target))  # type: ignore[arg-type]
        ref = spec.ref
        shortfall = None
        if ref is not None:
            gap = ref - key
            gap = gap if gap > 0 else 0.0
            if spec.divisor:
                gap = gap / spec.divisor
            shortfall = gap if gap < _LARGEST else _LARGEST
        rows.append(
            make(
                TermPlan,
                (
                    name,
                    status,
                    must_win,
                    value,
                    term.bottom_line,
                    term.target,
                    ask,
                    reason_for(status, must_win, value, term, stance, currency, False, ranks),
                    stance,
                    shortfall,
                    notes.get(name, ""),
                    None if best is None else best[t],
                    market_position(value, market) if market else None,
                    market_position(term.bottom_line, market) if market else None,
                    market_position(term.target, market) if market else None,
                    market is not None,
                    None,
                    0,
                    None,
                ),
            )
        )
    return rows


_LARGEST = sys.float_info.max


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


def why_of(
    verdict: Verdict, terms: list[TermPlan], asks: list[str], phase: Phase = "opening"
) -> str:
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
        if phase == "decide":
            return (
                "The company has answered and nothing is left worth asking for: "
                "decide on the offer as it stands"
            )
        dropped = named("drop")
        if dropped:
            return (
                "Meets your bottom line everywhere; what is left below target "
                f"({_names(dropped)}) is fixed, so it is not worth the goodwill"
            )
        return "Meets your targets: nothing is worth asking for"
    must = [t.term for t in terms if t.must_win]
    parts: list[str] = []
    if phase == "countering":
        if asks:
            parts.append(f"counter once on {_names(asks)}, then decide")
        if must:
            parts.append(f"acceptable only if you win {_names(must)}")
    else:
        if must:
            parts.append(f"acceptable only if you win {_names(must)}")
        elif asks:
            parts.append("worth negotiating")
        if asks:
            extra = len([t for t in terms if t.status in ("push", "trade")]) - len(asks)
            asked = f"{len(asks)} ask{'s' if len(asks) != 1 else ''}, all at once"
            if extra > 0:
                asked += (
                    f" ({extra} smaller one{'s' if extra != 1 else ''} left out to stay moderate)"
                )
            parts.append(asked)
    unknown = named("unknown")
    if unknown:
        parts.append(f"find out {_names(unknown)} first")
    text = "; ".join(parts)
    return text[:1].upper() + text[1:]


class _Context:
    """What planning every offer shares: specs, priorities, values as keys, the current job."""

    __slots__ = (
        "behind",
        "best",
        "currency",
        "learned",
        "money",
        "priorities",
        "scenario",
        "specs",
        "today",
    )

    def __init__(self, scenario: Scenario, today: datetime.date) -> None:
        self.scenario = scenario
        self.currency = scenario.currency
        self.today = today
        self.priorities = {term.name: term.priority for term in scenario.terms}
        self.specs = [_Spec(t, default_step(t, scenario.offers)) for t in scenario.terms]
        self.learned = [offer.learned() for offer in scenario.offers]
        self.money = money_terms(scenario)
        self.best, self.behind = self._alternatives()

    def _alternatives(self) -> tuple[list[list[str | None]], list[list[str] | None]]:
        """Per offer and term, the best elsewhere; per offer, the terms behind the current job.

        Values are taken after each offer's rounds. Best elsewhere: among the
        other offers, the first with the strictly best known value, if it is
        strictly better than this offer's. Neither is given for a current job.
        """
        learned = self.learned
        keys = [[s.key(o.values.get(s.name)) for s in self.specs] for o in learned]
        current = next((i for i, o in enumerate(learned) if o.current), None)
        count = len(learned)
        best: list[list[str | None]] = [[None] * len(self.specs) for _ in learned]
        behind: list[list[str] | None] = [None if o.current else [] for o in learned]
        for t, spec in enumerate(self.specs):
            column = [row[t] for row in keys]
            top: int | None = None
            second: int | None = None
            for i in range(count):
                k = column[i]
                if k is None:
                    continue
                top_key = None if top is None else column[top]
                second_key = None if second is None else column[second]
                if top_key is None or k > top_key:
                    top, second = i, top
                elif second_key is None or k > second_key:
                    second = i
            mine = None if current is None else column[current]
            for i in range(count):
                k = column[i]
                listed = behind[i]
                if k is None or listed is None:
                    continue
                other = top if top != i else second
                other_key = None if other is None else column[other]
                if other is not None and other_key is not None and other_key > k:
                    best[i][t] = learned[other].name
                if mine is not None and k < mine:
                    listed.append(spec.name)
        return best, behind


def _rounds_of(offer: Offer) -> tuple[dict[str, int], dict[str, bool]]:
    """Per term: how many rounds answered it, and whether its one answer gave a value."""
    answers: dict[str, int] = {}
    valued: dict[str, bool] = {}
    for answer in offer.rounds:
        if answer.value is None and answer.stance is None:
            continue
        answers[answer.term] = answers.get(answer.term, 0) + 1
        valued[answer.term] = answer.value is not None
    return answers, valued


def _after_rounds(
    ctx: _Context, index: int, offer: Offer, learned: Offer
) -> tuple[list[TermPlan], list[str]]:
    """The term plans of an offer with rounds, by the contract's rounds rules; and its opening asks.

    Opening asks: the ask list of the offer as first recorded. A term answered
    twice is fixed. A push or trade that is not a must-win is dropped when it
    was not an opening ask, or when the company moved to what you asked for. A
    term answered once with a value gets the counter figure; no opening ask is
    asked above its opening figure.
    """
    currency = ctx.currency
    opening = _negotiated_terms(ctx, offer)
    opening_asks = ask_order(opening, ctx.priorities)[: ctx.scenario.max_asks]
    asked = set(opening_asks)
    answers, valued = _rounds_of(offer)
    best = ctx.best[index]
    terms: list[TermPlan] = []
    for t, (spec, first) in enumerate(zip(ctx.specs, opening, strict=True)):
        name = spec.name
        term = spec.term
        count = answers.get(name, 0)
        stance: Stance = "fixed" if count >= 2 else learned.flexibility.get(name, "unknown")
        value = learned.values.get(name)
        key = spec.key(value)
        status, must_win = _status(spec, key, stance)
        first_key = spec.key(first.ask) if name in asked else None
        reason = reason_for(status, must_win, value, term, stance, currency, False, spec.ranks)
        ask: float | str | None = None
        if status in ("push", "trade") and not must_win and value is not None:
            if name not in asked:
                status = "drop"
                gap = _gap_words(value, term.reference, term, currency, spec.ranks)  # type: ignore[arg-type]
                reason = (
                    f"{gap} your target, but not one of your first asks: a new ask after the "
                    "company answered costs goodwill, so let it go"
                )
            elif first_key is not None and key is not None and key >= first_key:
                status = "drop"
                reason = (
                    f"They moved to {_figure(value, term, currency)}, what you asked for: take it"
                )
        if status in ("push", "trade") and key is not None:
            rule_key = _ask_key(spec, status, key)
            assert rule_key is not None
            if first_key is None:
                ask_key = rule_key
            elif count == 1 and valued.get(name, False):
                ask_key = spec.halfway(key, first_key)
                if must_win and spec.bottom is not None:
                    ask_key = max(ask_key, spec.bottom)
                ask_key = min(ask_key, first_key)
                reason += (
                    "; they answered once: counter once at "
                    f"{_figure(spec.value_of(ask_key), term, currency)}"
                )
            else:
                ask_key = min(rule_key, first_key)
            ask = spec.value_of(ask_key)
        if count >= 2 and status in ("deal_breaker", "drop"):
            reason += " (they answered twice: treat it as fixed)"
        terms.append(
            _row(
                spec,
                learned,
                currency,
                key=key,
                stance=stance,
                status=status,
                must_win=must_win,
                ask=ask,
                reason=reason,
                best=best[t],
                opening_ask=first.ask if name in asked else None,
                answers=count,
            )
        )
    return terms, opening_asks


def _notices(
    ctx: _Context, offer: Offer, verdict: Verdict, days_left: int | None, terms: list[TermPlan]
) -> list[str]:
    notes: list[str] = []
    if days_left is not None:
        when = offer.deadline
        if offer.current:
            if days_left < 0:
                notes.append(f"Your employer's counter-offer expired on {when}")
            else:
                notes.append(
                    f"Your employer's counter-offer expires on {when} ({_days(days_left)})"
                )
        elif days_left < 0:
            notes.append(
                f"The deadline ({when}) has passed: ask whether the offer still stands "
                "before anything else"
            )
        elif verdict == "negotiate" and days_left <= 2:
            notes.append(
                f"The deadline is {when} ({_days(days_left)}): ask politely for a few more days "
                "to decide"
            )
        else:
            notes.append(f"Answer by {when} ({_days(days_left)})")
    for spec, row in zip(ctx.specs, terms, strict=True):
        market = spec.market
        if market is None:
            continue
        points = dict(market.points())
        p90 = points.get(90)
        p25 = points.get(25)
        target = spec.term.target
        if p90 is not None and isinstance(target, float) and target > p90:
            notes.append(
                f"{spec.name}: your target is above the market's 90th percentile "
                f"({_figure(p90, spec.term, ctx.currency)}, {market.source}): "
                "expect pushback; have a reason ready"
            )
        if (
            p25 is not None
            and isinstance(row.offer, float)
            and row.offer < p25
            and not offer.current
        ):
            notes.append(
                f"{spec.name}: the offer is below the market's 25th percentile "
                f"({_figure(p25, spec.term, ctx.currency)}, {market.source})"
            )
    return notes


def _days(days: int) -> str:
    if days == 0:
        return "today"
    if days == 1:
        return "tomorrow"
    return f"in {days} days"


def plan_offer(ctx: _Context, index: int) -> OfferPlan:
    """Statuses, verdict, ask list, alternatives, money and deadline of one offer."""
    scenario = ctx.scenario
    offer = scenario.offers[index]
    learned = ctx.learned[index]
    negotiated = not offer.current
    if offer.rounds and negotiated:
        terms, opening_asks = _after_rounds(ctx, index, offer, learned)
    else:
        if negotiated:
            terms = _negotiated_terms(ctx, learned, ctx.best[index])
        else:
            currency = ctx.currency
            terms = [plan_term(s.term, learned, currency, s) for s in ctx.specs]
        opening_asks = []
    verdict = verdict_of(offer, terms)
    asks = ask_order(terms, ctx.priorities)[: scenario.max_asks] if negotiated else []
    if not offer.rounds and negotiated:
        opening_asks = list(asks)
    phase: Phase
    if not offer.rounds:
        phase = "opening"
    elif negotiated:
        phase = "countering" if verdict == "negotiate" else "decide"
    else:
        phase = "decide"
    days_left = None
    if offer.deadline is not None:
        days_left = (datetime.date.fromisoformat(offer.deadline) - ctx.today).days
    return OfferPlan(
        name=offer.name,
        current=offer.current,
        verdict=verdict,
        why=why_of(verdict, terms, asks, phase),
        asks=asks,
        terms=terms,
        phase=phase,
        opening_asks=opening_asks,
        deadline=offer.deadline,
        days_left=days_left,
        behind_current=ctx.behind[index],
        money=money_of(scenario, learned, ctx.money),
        notices=_notices(ctx, offer, verdict, days_left, terms),
    )


def make_plan(scenario: Scenario, *, today: datetime.date | None = None) -> Plan:
    """The plan for every offer of the scenario, in the scenario's order.

    Offers with ``rounds`` are planned by the contract's rounds rules (opening
    asks, counter once, answered twice means fixed, no new asks). ``today``
    counts the days left to each deadline (the local date when not given).
    """
    day = today or datetime.date.today()
    ctx = _Context(scenario, day)
    return Plan(
        offers=[plan_offer(ctx, i) for i in range(len(scenario.offers))],
        title=scenario.title,
        currency=scenario.currency,
        max_asks=scenario.max_asks,
        years=scenario.years,
        today=day.isoformat(),
    )
