"""Properties that must hold for every scenario, checked on random ones (hypothesis)."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from devtools import reference
from planner import Scenario, ScenarioError, make_plan, read_scenario, write_scenario
from planner.compare import comparison_table, offer_column
from planner.scenario_file import parse_scenario
from tests.strategies import examples, scenario_data

STATUS_RANK = {"deal_breaker": 0, "push": 1, "trade": 2, "drop": 3, "met": 4, "reference": 4}
VERDICT_RANK = {"walk_away": 0, "negotiate": 1, "accept": 2, "current": 3}

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4)
    ),
    max_leaves=20,
)


def _read_or_refuse(text: str) -> Scenario | ScenarioError:
    try:
        return read_scenario(text)
    except ScenarioError as error:
        assert str(error).strip(), "an error must say what is wrong"
        assert "\n" not in error.problem
        return error


@given(st.text(max_size=300))
def test_any_text_gives_a_scenario_or_a_scenario_error(text: str) -> None:
    _read_or_refuse(text)


@given(json_values)
def test_any_json_gives_a_scenario_or_a_scenario_error(value: Any) -> None:
    _read_or_refuse(json.dumps(value))


@st.composite
def damaged_scenarios(draw: st.DrawFn) -> str:
    """A valid scenario with one value somewhere replaced by random JSON."""
    data = draw(scenario_data(max_terms=3, max_offers=2))
    node: Any = data
    path: list[Any] = []
    while isinstance(node, (dict, list)) and node and draw(st.integers(0, 3)) > 0:
        key = draw(
            st.sampled_from(list(node.keys()) if isinstance(node, dict) else range(len(node)))
        )
        path.append(key)
        node = node[key]
    if not path:
        return json.dumps(data)
    parent: Any = data
    for key in path[:-1]:
        parent = parent[key]
    parent[path[-1]] = draw(json_values)
    return json.dumps(data)


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(damaged_scenarios())
def test_a_damaged_scenario_gives_a_scenario_or_a_scenario_error(text: str) -> None:
    _read_or_refuse(text)


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(scenario_data())
def test_a_scenario_written_out_and_read_back_is_equal(data: dict[str, Any]) -> None:
    scenario = parse_scenario(data)

    again = read_scenario(write_scenario(scenario))

    assert again == scenario
    assert write_scenario(again) == write_scenario(scenario)


@settings(suppress_health_check=[HealthCheck.too_slow], max_examples=examples(300))
@given(scenario_data())
def test_the_plan_agrees_with_a_minimal_reading_of_the_rules(data: dict[str, Any]) -> None:
    scenario = parse_scenario(data)

    plan = make_plan(scenario).model_dump(mode="json")
    expected = reference.plan(json.loads(write_scenario(scenario)))

    for got, want in zip(plan["offers"], expected, strict=True):
        assert got["verdict"] == want["verdict"]
        assert got["asks"] == want["asks"]
        assert [
            {k: t[k] for k in ("term", "status", "must_win", "ask")} for t in got["terms"]
        ] == want["terms"]


def _better(value: Any, term: dict[str, Any], step: float) -> Any:
    if term["type"] == "choice":
        options = term["options"]
        return options[min(options.index(value) + 1, len(options) - 1)]
    if term.get("better", "higher") == "lower":
        return max(value - step, 0) if term["type"] == "money" else value - step
    return value + step


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(scenario_data(), st.data())
def test_a_better_offer_value_never_makes_the_status_or_verdict_worse(
    data: dict[str, Any], pick: st.DataObject
) -> None:
    offer_index = pick.draw(st.integers(0, len(data["offers"]) - 1))
    offer = data["offers"][offer_index]
    assume(offer["values"])
    name = pick.draw(st.sampled_from(sorted(offer["values"])))
    term = next(t for t in data["terms"] if t["name"] == name)
    step = pick.draw(st.sampled_from([0.5, 1, 1000, 50_000]))
    before = make_plan(parse_scenario(data)).offers[offer_index]

    offer["values"][name] = _better(offer["values"][name], term, step)
    after = make_plan(parse_scenario(data)).offers[offer_index]

    assert STATUS_RANK[after.term(name).status] >= STATUS_RANK[before.term(name).status]
    assert VERDICT_RANK[after.verdict] >= VERDICT_RANK[before.verdict]


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(scenario_data())
def test_the_plan_and_the_comparison_table_agree(data: dict[str, Any]) -> None:
    scenario = parse_scenario(data)
    plan = make_plan(scenario)

    table = comparison_table(scenario, plan)

    assert list(table["Term"]) == [t.name for t in scenario.terms]
    for offer in plan.offers:
        assert list(table[offer_column(offer.name, "status")]) == [t.status for t in offer.terms]
        assert list(table[offer_column(offer.name, "must-win")]) == [
            "yes" if t.must_win else "" for t in offer.terms
        ]
        values = [
            None if v is None or v != v else v for v in table[offer_column(offer.name, "value")]
        ]
        assert values == [t.offer for t in offer.terms]
