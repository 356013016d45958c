"""Negotiation rounds: what the company answered, the plan it leads to, and when to stop.

Each offer may keep a history of ``rounds`` in the scenario file (an optional
field; see :class:`planner.models.Round`). The plan is made on what was learned:
each term's latest value and stance replace the ones first recorded, and the
history stays in the file.
"""

from __future__ import annotations

from typing import Any

from planner import formatting as fmt
from planner.lookup import check_negotiated, find_offer
from planner.models import OfferPlan, Round, Scenario, Stance, apply_rounds
from planner.rules import ask_order
from planner.scenario_file import parse_scenario, scenario_to_dict
from planner.wording import STANCE_ANSWERS
from planner.wording import join_words as _names

__all__ = ["Round", "apply_rounds", "record_round", "round_lines", "stop_advice"]

WORTH_PRIORITY = 3
"""Once your bottom line is met, an ask is worth more goodwill only if it is a
``push`` (the company negotiates) of at least this priority that the company has
not answered yet."""


def record_round(
    scenario: Scenario,
    offer_name: str,
    term: str,
    *,
    value: float | str | None = None,
    stance: Stance | None = None,
    note: str = "",
    date: str | None = None,
) -> Scenario:
    """The scenario with one more round recorded for that offer (validated like a file).

    Raises :class:`~planner.errors.ScenarioError` naming the place
    (``offers[0].rounds[2].value: ...``) when the round does not fit, and for an
    unknown offer or your current job.
    """
    offer = find_offer(scenario.offers, offer_name, negotiated=True)
    data = scenario_to_dict(scenario)
    index = next(i for i, o in enumerate(scenario.offers) if o.name == offer.name)
    answer: dict[str, Any] = {"term": term}
    if value is not None:
        answer["value"] = value
    if stance is not None:
        answer["stance"] = stance
    if note:
        answer["note"] = note
    if date is not None:
        answer["date"] = date
    entry = data["offers"][index]
    entry["rounds"] = [*entry.get("rounds", []), answer]
    return parse_scenario(data)


def round_lines(scenario: Scenario, offer_name: str) -> list[str]:
    """Each round of the offer in plain words, oldest first (never your bottom line)."""
    offer = find_offer(scenario.offers, offer_name)
    lines = []
    for n, answer in enumerate(offer.rounds, start=1):
        term = scenario.term(answer.term)
        parts = []
        if answer.value is not None:
            parts.append(f"now {fmt.value(answer.value, term, scenario.currency)}")
        if answer.stance is not None:
            parts.append(STANCE_ANSWERS[answer.stance])
        if answer.note.strip():
            parts.append(f'"{" ".join(answer.note.split())}"')
        when = f" ({answer.date})" if answer.date else ""
        lines.append(f"Round {n}{when}, {answer.term}: " + "; ".join(parts))
    return lines


def stop_advice(scenario: Scenario, plan: OfferPlan) -> str | None:
    """When to stop negotiating this offer, in one sentence; ``None`` means go on.

    Stop when an answer (or what you knew) made the offer fail your bottom line;
    when everything is met or fixed; or, once the company has answered at least
    once, when your bottom line is met on every term and the asks left are not
    worth the goodwill: each is a ``trade`` (limited room or an unknown stance),
    below priority :data:`WORTH_PRIORITY`, or already answered by the company.
    Before any answer, a ``negotiate`` plan means: go and ask. ``plan`` is the
    offer's plan; raises :class:`~planner.errors.ScenarioError` for your current job.
    """
    offer = find_offer(scenario.offers, check_negotiated(plan).name)
    answered = {answer.term for answer in offer.rounds}
    if plan.verdict == "walk_away":
        breakers = [t.term for t in plan.terms if t.status == "deal_breaker"]
        by_answer = [name for name in breakers if name in answered]
        if by_answer:
            return (
                f"Stop: the company's answer on {_names(by_answer)} makes this offer fail your "
                "bottom line, and they say it is fixed. Walk away politely, or keep your "
                "current alternative."
            )
        return (
            f"Stop: this offer fails your bottom line on {_names(breakers)}, which the company "
            "will not move. Walk away politely, or keep your current alternative."
        )
    if plan.verdict == "accept":
        return (
            "Stop: the offer meets your bottom line and nothing left is worth asking for. "
            "Decide: accept it if you mean to take it, or decline it."
        )
    if not offer.rounds:
        return None
    if any(t.must_win for t in plan.terms):
        return None
    if any(t.status == "unknown" and t.bottom_line is not None for t in plan.terms):
        return None
    priorities = {term.name: term.priority for term in scenario.terms}
    left = ask_order(plan.terms, priorities)
    if not left:
        return None
    worth = [
        name
        for name in left
        if plan.term(name).status == "push"
        and priorities[name] >= WORTH_PRIORITY
        and name not in answered
    ]
    if worth:
        return None
    answered_left = [name for name in left if name in answered]
    little_room = [n for n in left if n not in answered and plan.term(n).status == "trade"]
    low = [n for n in left if n not in answered and n not in little_room]
    reasons = []
    if answered_left:
        reasons.append(f"they have answered on {_names(answered_left)}")
    if little_room:
        verb = "has" if len(little_room) == 1 else "have"
        reasons.append(f"{_names(little_room)} {verb} little room")
    if low:
        verb = "matters" if len(low) == 1 else "matter"
        reasons.append(f"{_names(low)} {verb} little to you")
    return (
        "Stop here: the offer now meets your bottom line, and what is left is not worth more "
        f"goodwill ({'; '.join(reasons)}). Decide on the offer as it stands."
    )
