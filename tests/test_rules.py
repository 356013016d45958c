"""The planning rules of SCENARIO_FORMAT.md, one rule per test, in the contract's words.

Statuses and must-wins per term and stance, verdicts per offer, the ask list
(moderation), and the plan result as JSON.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner import OfferPlan, Scenario, TermPlan, make_plan, read_scenario
from tests.builders import CONTRACT_EXAMPLE, make_scenario, offer, one_term, term
from tests.strategies import examples

NO_ENTRY = pytest.param(None, id="no-flexibility-entry")
"""A term missing from the offer's ``flexibility``: the stance is ``unknown``."""

ALL_STANCES = ["fixed", "limited", "negotiable", "unknown", NO_ENTRY]
NOT_FIXED = ["limited", "negotiable", "unknown", NO_ENTRY]
LIMITED_OR_UNKNOWN = ["limited", "unknown", NO_ENTRY]

# Each kind of term, with an offer's value for every place relative to the
# term's bottom line and target (direction-aware: for "lower", 90 is below 60).
KINDS: dict[str, dict[str, Any]] = {
    "money": {
        "term": {"name": "Base salary", "type": "money", "bottom_line": 50000, "target": 60000},
        "below_bottom_line": 45000,
        "at_bottom_line": 50000,
        "below_target": 55000,
        "at_target": 60000,
        "beyond_target": 70000,
    },
    "number": {
        "term": {"name": "Remote days", "type": "number", "bottom_line": 1, "target": 3},
        "below_bottom_line": 0,
        "at_bottom_line": 1,
        "below_target": 2,
        "at_target": 3,
        "beyond_target": 5,
    },
    "number-lower-is-better": {
        "term": {
            "name": "Commute minutes",
            "type": "number",
            "better": "lower",
            "unit": "min/day",
            "bottom_line": 60,
            "target": 30,
        },
        "below_bottom_line": 90,
        "at_bottom_line": 60,
        "below_target": 45,
        "at_target": 30,
        "beyond_target": 10,
    },
    "choice": {
        "term": {
            "name": "Dental plan",
            "type": "choice",
            "options": ["None", "Basic", "Standard", "Premium", "Comprehensive"],
            "bottom_line": "Basic",
            "target": "Premium",
        },
        "below_bottom_line": "None",
        "at_bottom_line": "Basic",
        "below_target": "Standard",
        "at_target": "Premium",
        "beyond_target": "Comprehensive",
    },
}

BELOW_TARGET_WITHIN_BOTTOM_LINE = ["below_target", "at_bottom_line"]
MET_PLACES = ["at_target", "beyond_target"]


def plan_of_only_term(kind: str, place: str | None, stance: str | None) -> TermPlan:
    """The plan for the one term of ``kind`` when the offer's value is at ``place``."""
    value = None if place is None else KINDS[kind][place]
    scenario = one_term(value, stance, **KINDS[kind]["term"])
    return make_plan(scenario).offers[0].terms[0]


def plan_of(scenario: Scenario) -> OfferPlan:
    """The plan for the first offer of the scenario."""
    return make_plan(scenario).offers[0]


def offer_plan(
    terms: list[dict[str, Any]],
    values: dict[str, Any],
    flexibility: dict[str, str] | None = None,
    current: bool = False,
    **scenario_fields: Any,
) -> OfferPlan:
    """The plan for one offer giving ``values`` on ``terms``."""
    one_offer = offer(values=values, flexibility=flexibility or {}, current=current)
    return plan_of(make_scenario(terms, [one_offer], **scenario_fields))


# --- statuses and must-wins, per kind of term and stance ---------------------------


@pytest.mark.parametrize("stance", ALL_STANCES)
@pytest.mark.parametrize("kind", KINDS)
def test_term_the_offer_gives_no_value_for_is_unknown(kind: str, stance: str | None) -> None:
    plan = plan_of_only_term(kind, None, stance)

    assert plan.status == "unknown"
    assert plan.must_win is False


@pytest.mark.parametrize("place", MET_PLACES)
@pytest.mark.parametrize("stance", ALL_STANCES)
@pytest.mark.parametrize("kind", KINDS)
def test_value_at_least_as_good_as_the_target_is_met_whatever_the_stance(
    kind: str, stance: str | None, place: str
) -> None:
    plan = plan_of_only_term(kind, place, stance)

    assert plan.status == "met"
    assert plan.must_win is False


@pytest.mark.parametrize("kind", KINDS)
def test_fixed_term_below_bottom_line_is_a_deal_breaker(kind: str) -> None:
    plan = plan_of_only_term(kind, "below_bottom_line", "fixed")

    assert plan.status == "deal_breaker"
    assert plan.must_win is False


@pytest.mark.parametrize("stance", NOT_FIXED)
@pytest.mark.parametrize("kind", KINDS)
def test_term_below_bottom_line_that_is_not_fixed_is_a_must_win_push(
    kind: str, stance: str | None
) -> None:
    plan = plan_of_only_term(kind, "below_bottom_line", stance)

    assert plan.status == "push"
    assert plan.must_win is True


@pytest.mark.parametrize("place", BELOW_TARGET_WITHIN_BOTTOM_LINE)
@pytest.mark.parametrize("kind", KINDS)
def test_fixed_term_below_target_that_meets_bottom_line_is_dropped(kind: str, place: str) -> None:
    plan = plan_of_only_term(kind, place, "fixed")

    assert plan.status == "drop"
    assert plan.must_win is False


@pytest.mark.parametrize("place", BELOW_TARGET_WITHIN_BOTTOM_LINE)
@pytest.mark.parametrize("kind", KINDS)
def test_negotiable_term_below_target_that_meets_bottom_line_is_pushed_but_not_a_must_win(
    kind: str, place: str
) -> None:
    plan = plan_of_only_term(kind, place, "negotiable")

    assert plan.status == "push"
    assert plan.must_win is False


@pytest.mark.parametrize("place", BELOW_TARGET_WITHIN_BOTTOM_LINE)
@pytest.mark.parametrize("stance", LIMITED_OR_UNKNOWN)
@pytest.mark.parametrize("kind", KINDS)
def test_limited_or_unknown_term_below_target_that_meets_bottom_line_is_traded(
    kind: str, stance: str | None, place: str
) -> None:
    plan = plan_of_only_term(kind, place, stance)

    assert plan.status == "trade"
    assert plan.must_win is False


# --- terms with only a bottom line, only a target, or neither -----------------------

BOTTOM_LINE_ONLY = {"name": "Base salary", "bottom_line": 50000}
TARGET_ONLY = {"name": "Relocation", "per": "once", "target": 5000}


@pytest.mark.parametrize("value", [50000, 80000])
@pytest.mark.parametrize("stance", ALL_STANCES)
def test_term_with_only_a_bottom_line_is_met_when_the_value_meets_it(
    stance: str | None, value: int
) -> None:
    plan = plan_of(one_term(value, stance, **BOTTOM_LINE_ONLY)).terms[0]

    assert plan.status == "met"
    assert plan.must_win is False


def test_fixed_term_with_only_a_bottom_line_below_it_is_a_deal_breaker() -> None:
    plan = plan_of(one_term(40000, "fixed", **BOTTOM_LINE_ONLY)).terms[0]

    assert plan.status == "deal_breaker"
    assert plan.must_win is False


@pytest.mark.parametrize("stance", NOT_FIXED)
def test_term_with_only_a_bottom_line_below_it_and_not_fixed_is_a_must_win_push(
    stance: str | None,
) -> None:
    plan = plan_of(one_term(40000, stance, **BOTTOM_LINE_ONLY)).terms[0]

    assert plan.status == "push"
    assert plan.must_win is True


@pytest.mark.parametrize("value", [5000, 8000])
@pytest.mark.parametrize("stance", ALL_STANCES)
def test_term_with_only_a_target_is_met_at_or_beyond_it(stance: str | None, value: int) -> None:
    plan = plan_of(one_term(value, stance, **TARGET_ONLY)).terms[0]

    assert plan.status == "met"


@pytest.mark.parametrize(
    ("stance", "status"),
    [
        ("fixed", "drop"),
        ("limited", "trade"),
        ("negotiable", "push"),
        ("unknown", "trade"),
        pytest.param(None, "trade", id="no-flexibility-entry"),
    ],
)
def test_term_with_only_a_target_below_it_follows_the_stance_and_is_never_a_must_win(
    stance: str | None, status: str
) -> None:
    plan = plan_of(one_term(0, stance, **TARGET_ONLY)).terms[0]

    assert plan.status == status
    assert plan.must_win is False


@pytest.mark.parametrize("value", [0, 1_000_000])
@pytest.mark.parametrize("stance", ALL_STANCES)
def test_term_with_neither_bottom_line_nor_target_is_met_whatever_the_value(
    stance: str | None, value: int
) -> None:
    plan = plan_of(one_term(value, stance, name="Base salary")).terms[0]

    assert plan.status == "met"
    assert plan.must_win is False


# --- verdicts -----------------------------------------------------------------------

SALARY = term("Base salary", bottom_line=50000, target=60000, priority=5)
BONUS = term("Signing bonus", per="once", target=10000, priority=2)
DENTAL = term("Dental plan", "choice", bottom_line="Basic", target="Comprehensive", priority=1)
THREE_TERMS = [SALARY, BONUS, DENTAL]
ALL_MET = {"Base salary": 60000, "Signing bonus": 10000, "Dental plan": "Comprehensive"}


def test_offer_where_every_term_is_met_is_accepted() -> None:
    plan = offer_plan(THREE_TERMS, ALL_MET)

    assert plan.verdict == "accept"
    assert plan.asks == []


def test_offer_where_every_term_is_met_or_dropped_is_accepted() -> None:
    values = {**ALL_MET, "Base salary": 55000, "Dental plan": "Basic"}
    fixed = {"Base salary": "fixed", "Dental plan": "fixed"}

    plan = offer_plan(THREE_TERMS, values, fixed)

    assert [t.status for t in plan.terms] == ["drop", "met", "drop"]
    assert plan.verdict == "accept"
    assert plan.asks == []


def test_offer_with_a_deal_breaker_is_walked_away_from_even_with_other_asks() -> None:
    values = {**ALL_MET, "Base salary": 45000, "Signing bonus": 0}
    flexibility = {"Base salary": "fixed", "Signing bonus": "negotiable"}

    plan = offer_plan(THREE_TERMS, values, flexibility)

    assert plan.term("Base salary").status == "deal_breaker"
    assert plan.term("Signing bonus").status == "push"
    assert plan.verdict == "walk_away"


@pytest.mark.parametrize(
    ("values", "flexibility", "status"),
    [
        pytest.param({"Base salary": 55000}, {"Base salary": "negotiable"}, "push", id="push"),
        pytest.param({"Signing bonus": 5000}, {"Signing bonus": "limited"}, "trade", id="trade"),
        pytest.param({"Base salary": 45000}, {"Base salary": "limited"}, "push", id="must-win"),
        pytest.param({"Dental plan": None}, {}, "unknown", id="unknown"),
    ],
)
def test_offer_with_anything_to_ask_for_or_find_out_is_negotiated(
    values: dict[str, Any], flexibility: dict[str, str], status: str
) -> None:
    offered = {k: v for k, v in {**ALL_MET, **values}.items() if v is not None}

    plan = offer_plan(THREE_TERMS, offered, flexibility)

    assert status in [t.status for t in plan.terms]
    assert plan.verdict == "negotiate"


def test_current_job_gets_verdict_current_and_an_empty_ask_list() -> None:
    values = {"Base salary": 45000, "Signing bonus": 0, "Dental plan": "None"}
    flexibility = {
        "Base salary": "negotiable",
        "Signing bonus": "negotiable",
        "Dental plan": "fixed",
    }

    plan = offer_plan(THREE_TERMS, values, flexibility, current=True)

    assert plan.verdict == "current"
    assert plan.asks == []


def test_current_job_does_not_change_the_verdict_of_the_other_offers() -> None:
    scenario = make_scenario(
        THREE_TERMS,
        [offer("Northwind", values=ALL_MET), offer("Current job", values={}, current=True)],
    )

    plan = make_plan(scenario)

    assert [o.verdict for o in plan.offers] == ["accept", "current"]


# --- the ask list -------------------------------------------------------------------


def test_must_wins_come_first_on_the_ask_list() -> None:
    terms = [
        term("Signing bonus", per="once", target=10000, priority=5),
        term("Base salary", bottom_line=50000, target=60000, priority=1),
    ]
    values = {"Signing bonus": 0, "Base salary": 45000}
    flexibility = {"Signing bonus": "negotiable", "Base salary": "limited"}

    plan = offer_plan(terms, values, flexibility)

    assert plan.term("Base salary").must_win is True
    assert plan.asks == ["Base salary", "Signing bonus"]


def test_must_wins_among_themselves_come_by_priority() -> None:
    terms = [
        term("Base salary", bottom_line=50000, priority=2),
        term("Dental plan", "choice", bottom_line="Basic", priority=4),
    ]
    values = {"Base salary": 10000, "Dental plan": "None"}

    plan = offer_plan(terms, values)

    assert plan.asks == ["Dental plan", "Base salary"]


def test_higher_priority_comes_before_lower_on_the_ask_list() -> None:
    terms = [
        term("Relocation", per="once", target=5000, priority=2),
        term("Base salary", target=60000, priority=4),
    ]
    values = {"Relocation": 0, "Base salary": 57000}
    flexibility = {"Relocation": "negotiable", "Base salary": "limited"}

    plan = offer_plan(terms, values, flexibility)

    assert plan.asks == ["Base salary", "Relocation"]


def test_push_comes_before_trade_at_equal_priority() -> None:
    terms = [
        term("Relocation", per="once", target=5000),
        term("Base salary", target=60000),
    ]
    values = {"Relocation": 0, "Base salary": 57000}
    flexibility = {"Relocation": "limited", "Base salary": "negotiable"}

    plan = offer_plan(terms, values, flexibility)

    assert plan.asks == ["Base salary", "Relocation"]


def test_larger_shortfall_relative_to_the_target_comes_first_among_equals() -> None:
    terms = [
        term("Base salary", target=60000),
        term("Training budget", per="once", target=4000),
    ]
    values = {"Base salary": 54000, "Training budget": 2000}
    flexibility = {"Base salary": "negotiable", "Training budget": "negotiable"}

    plan = offer_plan(terms, values, flexibility)

    assert plan.asks == ["Training budget", "Base salary"]


def test_shortfall_is_relative_to_the_bottom_line_when_there_is_no_target() -> None:
    terms = [
        term("Base salary", bottom_line=100000),
        term("Training budget", per="once", bottom_line=1000),
    ]
    values = {"Base salary": 80000, "Training budget": 500}

    plan = offer_plan(terms, values)

    assert plan.asks == ["Training budget", "Base salary"]


def test_choice_shortfall_counts_option_steps_against_the_number_of_options_less_one() -> None:
    terms = [
        term("Base salary", target=60000),
        term("Dental plan", "choice", target="Comprehensive"),
    ]
    values = {"Base salary": 30001, "Dental plan": "Basic"}
    flexibility = {"Base salary": "negotiable", "Dental plan": "negotiable"}

    plan = offer_plan(terms, values, flexibility)

    assert plan.asks == ["Dental plan", "Base salary"]


def test_shortfall_against_a_target_of_zero_is_the_gap_itself() -> None:
    terms = [
        term("Remote days", "number", target=10),
        term("Overtime hours", "number", better="lower", target=0),
    ]
    values = {"Remote days": 1, "Overtime hours": 3}
    flexibility = {"Remote days": "negotiable", "Overtime hours": "negotiable"}

    plan = offer_plan(terms, values, flexibility)

    assert plan.asks == ["Overtime hours", "Remote days"]


@pytest.mark.parametrize(
    ("term_fields", "value", "expected"),
    [
        pytest.param({"bottom_line": 50000, "target": 60000}, 45000, 0.25, id="money-to-target"),
        pytest.param({"bottom_line": 50000}, 40000, 0.2, id="money-to-bottom-line"),
        pytest.param(
            {"type": "number", "better": "lower", "target": 30}, 45, 0.5, id="lower-is-better"
        ),
        pytest.param({"type": "number", "target": 0}, -4, 4.0, id="target-zero-higher"),
        pytest.param(
            {"type": "number", "better": "lower", "target": 0}, 3, 3.0, id="target-zero-lower"
        ),
        pytest.param(
            {"type": "choice", "target": "Comprehensive"}, "None", 1.0, id="choice-two-of-two"
        ),
        pytest.param(
            {"type": "choice", "options": ["A", "B", "C", "D", "E"], "target": "D"},
            "B",
            0.5,
            id="choice-two-of-four",
        ),
    ],
)
def test_shortfall_is_the_gap_to_what_you_ask_for_relative_to_it(
    term_fields: dict[str, Any], value: Any, expected: float
) -> None:
    scenario = one_term(value, "negotiable", name="Term", **term_fields)

    plan = plan_of(scenario).terms[0]

    assert plan.shortfall == pytest.approx(expected)


def test_only_pushed_and_traded_terms_are_on_the_ask_list() -> None:
    terms = [
        term("Met", target=100),
        term("Dropped", target=100),
        term("Unknown", target=100),
        term("Pushed", target=100),
        term("Traded", target=100),
    ]
    values = {"Met": 100, "Dropped": 50, "Pushed": 50, "Traded": 50}
    flexibility = {"Dropped": "fixed", "Pushed": "negotiable", "Traded": "limited"}

    plan = offer_plan(terms, values, flexibility)

    assert plan.asks == ["Pushed", "Traded"]


def test_ask_list_holds_at_most_max_asks_keeping_the_highest_ranked() -> None:
    terms = [term(f"Term {p}", target=100, priority=p) for p in (1, 2, 3, 4, 5)]
    values = {f"Term {p}": 50 for p in (1, 2, 3, 4, 5)}

    plan = offer_plan(terms, values, max_asks=2)

    assert plan.asks == ["Term 5", "Term 4"]


def test_ask_list_holds_three_asks_when_max_asks_is_not_given() -> None:
    terms = [term(f"Term {p}", target=100, priority=p) for p in (1, 2, 3, 4, 5)]
    values = {f"Term {p}": 50 for p in (1, 2, 3, 4, 5)}

    plan = offer_plan(terms, values)

    assert plan.asks == ["Term 5", "Term 4", "Term 3"]


def test_ask_list_is_cut_per_offer_not_across_offers() -> None:
    terms = [term(f"Term {p}", target=100) for p in (1, 2, 3)]
    values = {f"Term {p}": 50 for p in (1, 2, 3)}
    scenario = make_scenario(
        terms, [offer("Northwind", values=values), offer("Contoso", values=values)], max_asks=2
    )

    plan = make_plan(scenario)

    assert [len(o.asks) for o in plan.offers] == [2, 2]


# --- what an ask asks for -----------------------------------------------------------


@pytest.mark.parametrize(
    ("term_fields", "value", "stance", "ask"),
    [
        pytest.param(
            {"bottom_line": 50000, "target": 60000}, 55000, "negotiable", 60000, id="push"
        ),
        pytest.param(
            {"bottom_line": 50000, "target": 60000}, 55000, "limited", 57500, id="trade-halfway"
        ),
        pytest.param(
            {"bottom_line": 50000, "target": 60000},
            59800,
            "unknown",
            60000,
            id="trade-under-a-step",
        ),
        pytest.param(
            {"bottom_line": 50000, "target": 60000}, 55200, "limited", 58000, id="trade-rounds-up"
        ),
        pytest.param(
            {"type": "choice", "bottom_line": "None", "target": "Comprehensive"},
            "None",
            "limited",
            "Basic",
            id="trade-choice-next-option",
        ),
        pytest.param(
            {"bottom_line": 50000, "target": 60000}, 40000, "limited", 60000, id="must-win"
        ),
        pytest.param({"bottom_line": 50000}, 40000, "negotiable", 50000, id="no-target"),
        pytest.param(
            {"type": "choice", "bottom_line": "Basic", "target": "Comprehensive"},
            "None",
            "negotiable",
            "Comprehensive",
            id="choice",
        ),
    ],
)
def test_ask_is_the_target_the_bottom_line_or_a_modest_step_for_a_trade(
    term_fields: dict[str, Any], value: Any, stance: str, ask: Any
) -> None:
    scenario = one_term(value, stance, name="Term", **term_fields)

    plan = plan_of(scenario).terms[0]

    assert plan.status in ("push", "trade")
    assert plan.ask == ask


# --- every offer and every term, in order -------------------------------------------


def test_every_offer_appears_in_the_plan_in_the_scenarios_order() -> None:
    names = ["Zeta", "Acme", "Current job", "Mid"]
    offers = [offer(name, current=name == "Current job") for name in names]

    plan = make_plan(make_scenario(offers=offers))

    assert [o.name for o in plan.offers] == names


def test_every_term_appears_in_each_offer_in_the_scenarios_order() -> None:
    names = ["Vacation days", "Base salary", "Title", "Bonus"]
    terms = [term(name, priority=p) for name, p in zip(names, (1, 5, 2, 4), strict=True)]
    offers = [
        offer("Northwind", values={"Bonus": 10, "Title": 3}),
        offer("Contoso", values={}),
        offer("Current job", values={"Base salary": 1}, current=True),
    ]

    plan = make_plan(make_scenario(terms, offers))

    assert [[t.term for t in o.terms] for o in plan.offers] == [names, names, names]


# --- the plan as JSON ---------------------------------------------------------------

EXAMPLE_TERM = {
    "term": "Base salary",
    "status": "push",
    "must_win": False,
    "offer": 60000,
    "bottom_line": 58000,
    "target": 66000,
    "ask": 66000,
    "reason": "6,000 EUR below your target and the company negotiates",
}


def contract_example_plan() -> dict[str, Any]:
    return make_plan(read_scenario(CONTRACT_EXAMPLE)).model_dump(mode="json")


def test_plan_dumps_with_the_contracts_fields() -> None:
    dumped = contract_example_plan()

    assert dumped["format"] == "negotiation-plan/1"
    for each_offer in dumped["offers"]:
        assert {"name", "verdict", "asks", "terms"} <= set(each_offer)
        for each_term in each_offer["terms"]:
            assert set(EXAMPLE_TERM) <= set(each_term)


def test_contracts_example_plans_as_documented() -> None:
    dumped = contract_example_plan()

    northwind, current = dumped["offers"]
    assert (northwind["name"], northwind["verdict"]) == ("Northwind", "negotiate")
    assert northwind["asks"] == ["Base salary", "Relocation"]
    assert {k: northwind["terms"][0][k] for k in EXAMPLE_TERM} == EXAMPLE_TERM
    assert [t["status"] for t in northwind["terms"]] == ["push", "trade", "drop", "met", "drop"]
    assert (current["name"], current["verdict"], current["asks"]) == ("Current job", "current", [])


def test_whole_numbers_dump_as_json_integers() -> None:
    scenario = one_term(60000.0, "negotiable", bottom_line=58000.0, target=66000)

    dumped = make_plan(scenario).model_dump(mode="json")

    figures = {
        k: dumped["offers"][0]["terms"][0][k] for k in ("offer", "bottom_line", "target", "ask")
    }
    assert figures == {"offer": 60000, "bottom_line": 58000, "target": 66000, "ask": 66000}
    assert all(type(figure) is int for figure in figures.values())
    assert ".0" not in json.dumps(figures)


def test_fractional_numbers_dump_as_they_are() -> None:
    scenario = one_term(2.5, "negotiable", type="number", bottom_line=0.5, target=3.75)

    dumped = make_plan(scenario).model_dump(mode="json")["offers"][0]["terms"][0]

    assert (dumped["offer"], dumped["bottom_line"], dumped["target"]) == (2.5, 0.5, 3.75)


def test_unknown_value_dumps_as_null_and_choice_values_as_text() -> None:
    scenario = make_scenario(
        [term("Base salary"), term("Dental plan", "choice", target="Comprehensive")],
        [offer(values={"Dental plan": "Basic"})],
    )

    terms = make_plan(scenario).model_dump(mode="json")["offers"][0]["terms"]

    assert terms[0]["offer"] is None
    assert (terms[1]["offer"], terms[1]["target"]) == ("Basic", "Comprehensive")


@pytest.mark.parametrize("currency", ["EUR", "JPY", "GBP"])
def test_reason_gives_the_gap_in_the_scenarios_currency(currency: str) -> None:
    salary = term(bottom_line=58000, target=66000)
    scenario = make_scenario(
        [salary],
        [offer(values={"Base salary": 60000}, flexibility={"Base salary": "negotiable"})],
        currency=currency,
    )

    reason = plan_of(scenario).terms[0].reason

    assert f"6,000 {currency}" in reason


def test_reason_gives_the_gap_in_us_dollars_when_no_currency_is_set() -> None:
    scenario = one_term(60000, "negotiable", bottom_line=58000, target=66000)

    reason = plan_of(scenario).terms[0].reason

    assert "6,000 USD" in reason


# --- the product's standard, over many scenarios -------------------------------------

STANCE_CHOICES = ["fixed", "limited", "negotiable", "unknown", None]


@st.composite
def money_scenarios(draw: st.DrawFn) -> Scenario:
    """Scenarios of a few money terms and one offer, with any lines, values and stances."""
    terms: list[dict[str, Any]] = []
    values: dict[str, int] = {}
    flexibility: dict[str, str] = {}
    for i in range(draw(st.integers(1, 6))):
        name = f"Term {i}"
        bottom_line = draw(st.none() | st.integers(0, 100))
        above = draw(st.none() | st.integers(0, 100))
        target = None if above is None else (bottom_line or 0) + above
        fields = {"bottom_line": bottom_line, "target": target}
        priority = draw(st.integers(1, 5))
        terms.append(
            term(name, priority=priority, **{k: v for k, v in fields.items() if v is not None})
        )
        value = draw(st.none() | st.integers(0, 250))
        if value is not None:
            values[name] = value
        stance = draw(st.sampled_from(STANCE_CHOICES))
        if stance is not None:
            flexibility[name] = stance
    max_asks = draw(st.integers(1, 10))
    return make_scenario(terms, [offer(values=values, flexibility=flexibility)], max_asks=max_asks)


@settings(max_examples=examples(150), deadline=None)
@given(money_scenarios())
def test_plan_never_asks_for_what_is_fixed_nor_more_than_max_asks(scenario: Scenario) -> None:
    plan = plan_of(scenario)

    assert len(plan.asks) <= scenario.max_asks
    assert len(set(plan.asks)) == len(plan.asks)
    for name in plan.asks:
        assert plan.term(name).status in ("push", "trade")
        assert scenario.offers[0].flexibility.get(name) != "fixed"


@settings(max_examples=examples(150), deadline=None)
@given(money_scenarios())
def test_accepted_offer_is_known_and_meets_every_bottom_line(scenario: Scenario) -> None:
    plan = plan_of(scenario)

    if plan.verdict == "accept":
        for each in scenario.terms:
            value = scenario.offers[0].values.get(each.name)
            assert value is not None
            assert each.bottom_line is None or value >= each.bottom_line


# --- the words users read ----------------------------------------------------------------


def test_a_current_job_between_line_and_target_is_said_to_be_below_the_target() -> None:
    scenario = one_term(75000, current=True, bottom_line=70000, target=80000)

    reason = make_plan(scenario).offers[0].terms[0].reason

    assert reason.startswith("Your current job: ")
    assert reason.endswith("your target")
    assert "bottom line" not in reason


def test_a_current_job_below_the_line_is_said_to_be_below_the_bottom_line() -> None:
    scenario = one_term(65000, current=True, bottom_line=70000, target=80000)

    reason = make_plan(scenario).offers[0].terms[0].reason

    assert reason.endswith("your bottom line")


def _pushes(count: int, max_asks: int) -> Scenario:
    names = [f"Term {i}" for i in range(count)]
    return make_scenario(
        [term(name, bottom_line=50000, target=60000) for name in names],
        [
            offer(
                values=dict.fromkeys(names, 55000),
                flexibility=dict.fromkeys(names, "negotiable"),
            )
        ],
        max_asks=max_asks,
    )


def test_nothing_is_said_to_be_left_out_when_every_ask_fits() -> None:
    why = make_plan(_pushes(2, max_asks=2)).offers[0].why

    assert why == "Worth negotiating; 2 asks, all at once"
    assert "left out" not in why


def test_the_asks_left_out_to_stay_moderate_are_counted() -> None:
    one = make_plan(_pushes(3, max_asks=2)).offers[0].why
    two = make_plan(_pushes(4, max_asks=2)).offers[0].why

    assert one.endswith("2 asks, all at once (1 smaller one left out to stay moderate)")
    assert two.endswith("2 asks, all at once (2 smaller ones left out to stay moderate)")
