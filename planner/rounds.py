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
from planner.scenario_file import parse_scenario, scenario_to_dict
from planner.wording import STANCE_ANSWERS
from planner.wording import join_words as _names

__all__ = ["Round", "apply_rounds", "record_round", "round_lines", "stop_advice"]


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
    """What the verdict and the phase say about going on, in one sentence; ``None``: go on.

    A reading of the plan, never a second opinion: ``walk_away`` says stop and
    walk away; ``accept`` says stop and decide; ``negotiate`` (opening or
    countering) says nothing here, because the plan's asks are the advice.
    ``plan`` is the offer's plan; raises :class:`~planner.errors.ScenarioError`
    for your current job.
    """
    offer = find_offer(scenario.offers, check_negotiated(plan).name)
    if plan.verdict == "walk_away":
        breakers = [t.term for t in plan.terms if t.status == "deal_breaker"]
        answered = {answer.term for answer in offer.rounds}
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
        if plan.phase == "decide":
            return (
                "Stop here: the company has answered, and nothing left is worth asking for. "
                "Decide on the offer as it stands: accept it if you mean to take it, or "
                "decline it."
            )
        return (
            "Stop: the offer meets your bottom line and nothing left is worth asking for. "
            "Decide: accept it if you mean to take it, or decline it."
        )
    return None
