"""Hypothesis strategies for valid scenario files (as plain JSON data)."""

from __future__ import annotations

from typing import Any

from hypothesis import settings
from hypothesis import strategies as st

STANCES = ["fixed", "limited", "negotiable", "unknown"]

names = (
    st.text(
        alphabet=st.characters(codec="utf-8", categories=["L", "N", "Zs", "P"]),
        min_size=1,
        max_size=12,
    )
    .map(str.strip)
    .filter(bool)
)


def _numbers(money: bool) -> st.SearchStrategy[float | int]:
    low = 0 if money else -1000
    return st.one_of(
        st.integers(min_value=low, max_value=200_000),
        st.floats(min_value=low, max_value=1e6, allow_nan=False, allow_infinity=False),
    )


@st.composite
def term_data(draw: st.DrawFn, name: str) -> dict[str, Any]:
    kind = draw(st.sampled_from(["money", "number", "choice"]))
    term: dict[str, Any] = {"name": name, "type": kind}
    if draw(st.booleans()):
        term["priority"] = draw(st.integers(1, 5))
    if kind == "choice":
        options = draw(st.lists(names, min_size=2, max_size=5, unique_by=str.casefold))
        term["options"] = options
        picks = sorted(draw(st.lists(st.integers(0, len(options) - 1), min_size=2, max_size=2)))
        line, target = draw(
            st.sampled_from([(True, True), (True, False), (False, True), (False, False)])
        )
        if line:
            term["bottom_line"] = options[picks[0]]
        if target:
            term["target"] = options[picks[1]]
        return term
    if kind == "money":
        term["per"] = draw(st.sampled_from(["year", "once"]))
        if term["per"] == "year" and draw(st.booleans()):
            term["variable"] = True
    else:
        term["unit"] = draw(st.sampled_from(["days/year", "min/day", "%"]))
    better = draw(st.sampled_from(["higher", "lower"]))
    term["better"] = better
    pair = sorted(draw(st.lists(_numbers(kind == "money"), min_size=2, max_size=2)))
    worst, best = (pair[1], pair[0]) if better == "lower" else (pair[0], pair[1])
    line, target = draw(
        st.sampled_from([(True, True), (True, False), (False, True), (False, False)])
    )
    if line:
        term["bottom_line"] = worst
    if target:
        term["target"] = best
    return term


def value_for(term: dict[str, Any]) -> st.SearchStrategy[Any]:
    """Values that land on, between and around the term's bottom line and target."""
    if term["type"] == "choice":
        return st.sampled_from(term["options"])
    near = [term[k] for k in ("bottom_line", "target") if k in term]
    money = term["type"] == "money"
    choices: list[st.SearchStrategy[Any]] = [_numbers(money)]
    if near:
        choices.append(st.sampled_from(near))
        choices.append(st.sampled_from(near).map(lambda v: max(v - 1, 0) if money else v - 1))
        choices.append(st.sampled_from(near).map(lambda v: v + 1))
    return st.one_of(*choices)


@st.composite
def offer_data(draw: st.DrawFn, name: str, terms: list[dict[str, Any]]) -> dict[str, Any]:
    offer: dict[str, Any] = {"name": name}
    if draw(st.integers(0, 5)) == 0:
        offer["current"] = True
    values = {}
    flexibility = {}
    for term in terms:
        if draw(st.integers(0, 4)) > 0:
            values[term["name"]] = draw(value_for(term))
        if draw(st.integers(0, 4)) > 0:
            flexibility[term["name"]] = draw(st.sampled_from(STANCES))
    offer["values"] = values
    offer["flexibility"] = flexibility
    if terms and draw(st.booleans()):
        offer["notes"] = {terms[0]["name"]: draw(st.text(max_size=40))}
    return offer


@st.composite
def scenario_data(draw: st.DrawFn, max_terms: int = 6, max_offers: int = 3) -> dict[str, Any]:
    """A valid scenario file's data."""
    term_names = draw(st.lists(names, min_size=1, max_size=max_terms, unique_by=str.casefold))
    terms = [draw(term_data(name)) for name in term_names]
    offer_names = draw(st.lists(names, min_size=1, max_size=max_offers, unique_by=str.casefold))
    data: dict[str, Any] = {
        "format": "negotiation-planner/1",
        "terms": terms,
        "offers": [draw(offer_data(name, terms)) for name in offer_names],
    }
    if draw(st.booleans()):
        data["max_asks"] = draw(st.integers(1, 10))
    if draw(st.booleans()):
        data["currency"] = draw(st.sampled_from(["USD", "EUR", "GBP", "JPY"]))
    if draw(st.booleans()):
        data["title"] = draw(st.text(max_size=30))
    return data


def examples(count: int) -> int:
    """``count`` examples under the ``ci`` profile, and as many times more under ``explore``
    as it raises hypothesis' default of 100 (see tests/conftest.py)."""
    return count * settings.default.max_examples // 100
