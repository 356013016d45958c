"""Equal-value packages (MESO): two or three alternatives to put on the table together.

Rule of thumb (Harvard Program on Negotiation): make several offers of equal
value to you at once rather than one counter. The company picks the one that
suits it, and what it picks tells you what it can move.

**Which terms move.** Only the terms the plan asks for (``push`` or ``trade``),
which are never ones the company fixed: the must-wins, then the others in ask
order, as many as ``max_asks`` leaves after the must-wins (at least two). Each
value lies between the offer's value (excluded) and your ask (the target, or the
bottom line where there is no target; included), direction-aware; a choice
moves by the options between. A must-win is in every package, always strictly
better than your bottom line (or at it where there is no target, because then
the line is the ask): a package without it would fail your bottom line, and one
at exactly your line would give the line away.

**Value to you.** A package is worth ``sum(priority * progress)`` points over the
terms it moves, where ``progress`` is the share of the gap between the offer's
value and your ask that the package closes (0 to 1; for a choice, option steps
over the steps to your ask). Money counts through that gap: 4,000 of an 8,000
gap is half the term's points. Terms are not converted into each other by money
(a remote day against a salary figure): that exchange rate is yours, and your
priorities say it. Each package also reports the money it adds per year and once.

**The packages.** A must-win with no target is asked at its line in every
package. Over the other terms, with ``S`` their points at full ask and ``m`` the
priority of the terms a package leans on, every package aims at the same points
``P = (m + S) / 2``: one *leans on* your first term (full ask, the others
partly), one leans on one-off money (a signing bonus, say) or on the next term,
and one *spreads* across every term evenly. Values are rounded to plain figures,
then the other terms are nudged step by step towards ``P``. Only packages whose
scores are within :data:`TOLERANCE` of each other are kept (the highest at most
15% above the lowest), and only packages that trade off against each other: no
package is at least as good as another on every term. Where none fit,
packages leaning on one term each (``P = m``) are tried. Fewer than two terms
that can take more than one value make no packages: there is nothing to trade.
"""

from __future__ import annotations

import math
from itertools import combinations, product

from planner import formatting as fmt
from planner.lookup import check_negotiated
from planner.models import Frozen, Number, OfferPlan, Scenario, Term, TermPlan, Value
from planner.rules import ask_order
from planner.wording import join_words

TOLERANCE = 0.15
"""The highest value to you of the packages returned is at most this much above the lowest."""

MAX_PACKAGES = 3
LETTERS = "ABC"


class Package(Frozen):
    """One alternative to put on the table: the terms it changes and what it is worth to you."""

    name: str
    """``Package A``, ``Package B``, ..."""
    idea: str
    """What the package leans on, in a few words."""
    values: dict[str, Value]
    """Term name -> the value this package asks for; only the terms it changes."""
    value_to_you: Number
    """Points: priority times the share of the gap to your ask closed, summed (see the module)."""
    summary: str
    """The values in words, in ask order: ``Base salary: 80,000 USD a year; ...``."""
    money_per_year: Number
    """Yearly money this package adds to the offer (a lower cost counts as a gain)."""
    money_once: Number
    """One-off money this package adds to the offer."""


class _Lever(Frozen):
    """A term a package can move: the offer's value, your ask and the plain steps between."""

    term: Term
    start: float | str
    ask: float | str
    priority: int
    steps: list[float | str]
    """The values a package may ask for, worst first, ending with the ask."""
    required: bool = False
    """A must-win: every package moves it (to a value past your bottom line)."""

    @property
    def name(self) -> str:
        return self.term.name

    def progress(self, value: float | str | None) -> float:
        """Share of the gap between the offer's value and the ask that ``value`` closes."""
        if value is None:
            return 0.0
        if isinstance(value, str):
            assert isinstance(self.start, str)
            assert isinstance(self.ask, str)
            span = self.term.rank(self.ask) - self.term.rank(self.start)
            return (self.term.rank(value) - self.term.rank(self.start)) / span
        assert isinstance(self.start, float)
        assert isinstance(self.ask, float)
        return (value - self.start) / (self.ask - self.start)

    @property
    def lowest(self) -> int:
        """The lowest step index allowed: -1 (left as offered), or 0 for a must-win."""
        return 0 if self.required else -1

    def nearest(self, fraction: float) -> int:
        """Index of the step closest to ``fraction`` of the gap; -1 means the offer's value."""
        best, best_gap = self.lowest, abs(self.progress(self.step(self.lowest)) - fraction)
        for i, step in enumerate(self.steps):
            gap = abs(self.progress(step) - fraction)
            if gap < best_gap - 1e-12:
                best, best_gap = i, gap
        return best

    def step(self, index: int) -> float | str | None:
        return self.steps[index] if index >= 0 else None


def _nice_step(gap: float) -> float:
    """A plain step for about ten steps across ``gap``: 1, 2 or 5 times a power of ten."""
    rough = gap / 10
    if not rough > 0 or not math.isfinite(rough):
        return gap
    base: float = 10.0 ** math.floor(math.log10(rough))
    for multiple in (5, 2, 1):
        if multiple * base <= rough:
            return multiple * base
    return base


def _steps(term: Term, start: float | str, ask: float | str) -> list[float | str]:
    if isinstance(start, str) or isinstance(ask, str):
        assert term.options is not None
        return list(term.options[term.rank(start) + 1 : term.rank(ask) + 1])
    gap = abs(ask - start)
    if not (math.isfinite(gap) and gap > 0):
        return [ask]  # too far apart to step through (or nothing between): ask outright
    step = _nice_step(gap)
    if term.type == "number" and start.is_integer() and ask.is_integer():
        step = max(step, 1.0 if gap >= 4 else 0.5)  # days and the like: whole or half
    low, high = sorted((start, ask))
    first = math.floor(low / step) + 1
    last = math.ceil(high / step) - 1
    digits = max(0, -math.floor(math.log10(step))) + 2
    between = [round(i * step, digits) for i in range(first, last + 1)]
    between = [v for v in between if low < v < high]
    if ask < start:
        between.reverse()
    return [*between, ask]


def _lever(term: Term, labels: TermPlan) -> _Lever | None:
    if labels.offer is None or labels.ask is None:
        return None
    line = term.bottom_line
    if labels.must_win and line is not None and line != labels.ask:
        # Only values strictly past your bottom line, so a package never names the line.
        steps = _steps(term, line, labels.ask)
    elif labels.must_win:
        steps = [labels.ask]
    else:
        steps = _steps(term, labels.offer, labels.ask)
    if not steps:
        return None
    return _Lever(
        term=term,
        start=labels.offer,
        ask=labels.ask,
        priority=term.priority,
        steps=steps,
        required=labels.must_win,
    )


Choice = dict[str, int]
"""A package under construction: lever name -> step index (-1: not moved)."""


def _score(levers: list[_Lever], choice: Choice) -> float:
    return sum(
        lever.priority * lever.progress(lever.steps[choice[lever.name]])
        for lever in levers
        if choice.get(lever.name, -1) >= 0
    )


def _nudge(levers: list[_Lever], choice: Choice, fixed: set[str], points: float) -> Choice:
    """Move the terms not in ``fixed`` one step at a time while it brings the score nearer."""
    choice = dict(choice)
    # Each lever's points at each of its steps, worked out once. A score adds them up
    # in the levers' order, as :func:`_score` does, so it is the same to the last bit;
    # trying a move then costs one sum instead of a call per lever.
    worth = [[lever.priority * lever.progress(step) for step in lever.steps] for lever in levers]
    for _ in range(200):
        parts = [
            worth[i][choice[lever.name]] if choice[lever.name] >= 0 else 0.0
            for i, lever in enumerate(levers)
        ]
        now = abs(sum(parts) - points)
        best: tuple[float, str, int] | None = None
        for i, lever in enumerate(levers):
            if lever.name in fixed:
                continue
            for move in (1, -1):
                index = choice[lever.name] + move
                if not lever.lowest <= index < len(lever.steps):
                    continue
                trial = parts.copy()
                trial[i] = worth[i][index] if index >= 0 else 0.0
                gap = abs(sum(trial) - points)
                if gap < now - 1e-9 and (best is None or gap < best[0] - 1e-12):
                    best = (gap, lever.name, index)
        if best is None:
            break
        choice[best[1]] = best[2]
    return choice


def _design(levers: list[_Lever], lead: _Lever | None, points: float) -> Choice:
    """A package leaning on ``lead`` (full ask; ``None``: spread evenly) worth about ``points``."""
    total = sum(lever.priority for lever in levers)
    if lead is None:
        fraction = points / total
        choice = {lever.name: lever.nearest(fraction) for lever in levers}
        return _nudge(levers, choice, set(), points)
    rest = total - lead.priority
    fraction = (points - lead.priority) / rest if rest else 0.0
    choice = {lever.name: lever.nearest(fraction) for lever in levers}
    choice[lead.name] = len(lead.steps) - 1
    return _nudge(levers, choice, {lead.name}, points)


def _leads(levers: list[_Lever]) -> list[_Lever]:
    """The terms packages lean on: the first term, then one-off money or the next term."""
    leads = [levers[0]]
    one_off = next((lv for lv in levers[1:] if lv.term.is_money and lv.term.per == "once"), None)
    leads.append(one_off or levers[1])
    return leads


def _within(scores: list[float]) -> bool:
    return min(scores) > 0 and max(scores) <= min(scores) * (1 + TOLERANCE) + 1e-9


SEARCH_LIMIT = 5_000
"""Most combinations of steps tried when the designed packages do not fit (few, coarse terms)."""
SEARCH_ANCHORS = 100
"""Most combinations tried as the first package of such a search."""


def _search(
    levers: list[_Lever], fixed: Choice, moving: list[_Lever], points: float
) -> list[tuple[str, Choice, float]]:
    """Every combination of steps, for terms too coarse for the designs (choices, a few days).

    Combinations nearest the aimed-at ``points`` (over the ``moving`` terms) come
    first; the first two or three that trade off against each other within
    tolerance are taken.
    """
    ranges = [range(lever.lowest, len(lever.steps)) for lever in moving]
    if math.prod(len(r) for r in ranges) > SEARCH_LIMIT:
        return []
    scored = []
    for indexes in product(*ranges):
        choice = {**fixed, **dict(zip((lv.name for lv in moving), indexes, strict=True))}
        score = _score(levers, choice)
        if score > 0:
            distance = abs(_score(moving, choice) - points)
            scored.append((distance, [-i for i in indexes], score, choice))
    scored.sort(key=lambda item: (item[0], item[1]))
    for _, _, low, anchor in scored[:SEARCH_ANCHORS]:
        group = [(low, anchor)]
        for _, _, score, other in scored:
            scores = [s for s, _ in group] + [score]
            if _within(scores) and not any(
                _dominates(c, other) or _dominates(other, c) for _, c in group
            ):
                group.append((score, other))
                if len(group) == MAX_PACKAGES:
                    break
        if len(group) >= 2:
            return [(_leaning(moving, c), c, score) for score, c in group]
    return []


def _leaning(moving: list[_Lever], choice: Choice) -> str:
    """What a found package leans on: the term it moves furthest towards your ask."""
    top = max(moving, key=lambda lv: lv.progress(lv.step(choice.get(lv.name, -1))))
    return f"Leans on {top.name}"


def _dominates(a: Choice, b: Choice) -> bool:
    """``a`` is at least as good as ``b`` on every term (step indexes: higher is better)."""
    names = set(a) | set(b)
    return all(a.get(n, -1) >= b.get(n, -1) for n in names)


def _pick(candidates: list[tuple[str, Choice, float]]) -> list[tuple[str, Choice, float]]:
    """The largest set (in order) of candidates within tolerance that trade off each other."""
    for size in range(min(MAX_PACKAGES, len(candidates)), 1, -1):
        for group in combinations(candidates, size):
            if not _within([score for _, _, score in group]):
                continue
            if any(
                _dominates(a, b) or _dominates(b, a)
                for (_, a, _), (_, b, _) in combinations(group, 2)
            ):
                continue
            return list(group)
    return []


def _money(term: Term, start: float | str, value: float | str) -> float:
    if not isinstance(start, float) or not isinstance(value, float):
        return 0.0
    return start - value if term.better == "lower" else value - start


def packages(scenario: Scenario, plan: OfferPlan, *, anyway: bool = False) -> list[Package]:
    """Two or three packages of about equal value to you, or none (see the module).

    None for an offer that fails your bottom line (verdict ``walk_away``) unless
    ``anyway``; none where fewer than two terms can be traded. ``plan`` is the
    offer's plan. Raises :class:`~planner.errors.ScenarioError` for your current job.
    """
    check_negotiated(plan)
    if plan.verdict == "walk_away" and not anyway:
        return []
    order, levers = _levers(scenario, plan)
    # A must-win with one possible value (its ask) is the same in every package.
    fixed = {lever.name: 0 for lever in levers if lever.required and len(lever.steps) == 1}
    moving = [lever for lever in levers if lever.name not in fixed]
    if len(moving) < 2:
        return []
    total = sum(lever.priority for lever in moving)
    leads = _leads(moving)
    lean = max(lead.priority for lead in leads)
    chosen: list[tuple[str, Choice, float]] = []
    for points in ((lean + total) / 2, lean):
        candidates = []
        for lead in [*leads, None]:
            choice = {**fixed, **_design(moving, lead, points)}
            candidates.append((_idea(lead, moving), choice, _score(levers, choice)))
        chosen = _pick(candidates)
        if chosen:
            break
    if not chosen:
        chosen = _search(levers, fixed, moving, (lean + total) / 2)
    by_name = {lever.name: lever for lever in levers}
    return [
        _package(LETTERS[i], idea, choice, score, by_name, order, scenario.currency)
        for i, (idea, choice, score) in enumerate(chosen)
    ]


def _levers(scenario: Scenario, plan: OfferPlan) -> tuple[list[str], list[_Lever]]:
    """The ask order, and the terms packages move: the must-wins, then the others."""
    priorities = {term.name: term.priority for term in scenario.terms}
    order = ask_order(plan.terms, priorities)
    must: list[_Lever] = []
    free: list[_Lever] = []
    for name in order:
        labels = plan.term(name)
        if labels.stance == "fixed":
            continue
        lever = _lever(scenario.term(name), labels)
        if lever is not None:
            (must if lever.required else free).append(lever)
    return order, must + free[: max(scenario.max_asks - len(must), 2)]


def traded_terms(scenario: Scenario, plan: OfferPlan) -> list[str]:
    """The terms packages move, trading them against each other (must-wins first)."""
    _, levers = _levers(scenario, check_negotiated(plan))
    return [lever.name for lever in levers]


def _idea(lead: _Lever | None, levers: list[_Lever]) -> str:
    if lead is None:
        return "Spreads across " + join_words(lever.name for lever in levers)
    if lead.term.is_money and lead.term.per == "once" and lead is not levers[0]:
        return f"Leans on one-off money: {lead.name}"
    return f"Leans on {lead.name}"


def _package(
    letter: str,
    idea: str,
    choice: Choice,
    score: float,
    levers: dict[str, _Lever],
    order: list[str],
    currency: str,
) -> Package:
    values: dict[str, Value] = {}
    words: list[str] = []
    per_year = once = 0.0
    for name in order:
        index = choice.get(name, -1)
        if name not in levers or index < 0:
            continue
        lever = levers[name]
        value = lever.steps[index]
        values[name] = value
        words.append(f"{name}: {fmt.value(value, lever.term, currency)}")
        gain = _money(lever.term, lever.start, value)
        if lever.term.is_recurring:
            per_year += gain
        elif lever.term.is_money:
            once += gain
    return Package(
        name=f"Package {letter}",
        idea=idea,
        values=values,
        value_to_you=round(score, 2),
        summary="; ".join(words),
        money_per_year=per_year,
        money_once=once,
    )


def package_progress(scenario: Scenario, plan: OfferPlan, package: Package, term: str) -> float:
    """Share of the gap to your ask that ``package`` closes on ``term`` (0 when it leaves it).

    The gap runs from the offer's value as planned (after the company's latest
    answer) to your ask (your target, or your bottom line where there is no target).
    """
    value = package.values.get(term)
    start = plan.term(term).offer
    spec = scenario.term(term)
    reference = spec.reference
    if value is None or start is None or reference is None:
        return 0.0
    lever = _Lever(term=spec, start=start, ask=reference, priority=spec.priority, steps=[value])
    return lever.progress(value)
