"""Negotiation rounds: the company's answers update the plan, the history stays in the file."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from planner import (
    ScenarioError,
    make_plan,
    parse_scenario,
    read_scenario,
    write_scenario,
)
from planner.catalog import SAMPLES
from planner.draft import build_scenario, draft_from_scenario
from planner.models import apply_rounds
from planner.rounds import record_round, round_lines, stop_advice
from planner.scenario_file import read_scenario_bytes
from planner.share import make_link, read_link
from planner.valuation import value_offer
from tests.builders import CONTRACT_EXAMPLE, make_scenario, offer, plan_of, scenario_data, term
from tests.strategies import examples
from tests.strategies import scenario_data as random_scenario_data
from tests.test_cli import assert_refused, run

SALES_FILE = SAMPLES / "sales-hire.json"
SALES = read_scenario_bytes(SALES_FILE.read_bytes())


def salary_offer(*rounds: dict[str, Any], stance: str = "negotiable", value: float = 60000) -> Any:
    """Salary (line 58,000, target 66,000) and a signing bonus, with these rounds recorded."""
    return make_scenario(
        [
            term("Base salary", bottom_line=58000, target=66000, priority=5),
            term("Signing bonus", per="once", target=5000, priority=2),
        ],
        [
            offer(
                values={"Base salary": value, "Signing bonus": 0},
                flexibility={"Base salary": stance, "Signing bonus": "limited"},
                rounds=list(rounds),
            )
        ],
    )


# --- the plan uses what was learned --------------------------------------------------------


def test_a_new_figure_from_the_company_changes_the_status() -> None:
    before = make_plan(salary_offer()).offers[0].term("Base salary")

    after = make_plan(salary_offer({"term": "Base salary", "value": 66000})).offers[0]

    assert before.status == "push"
    assert after.term("Base salary").status == "met"
    assert after.term("Base salary").offer == 66000
    assert after.asks == ["Signing bonus"]


def test_this_is_fixed_turns_a_push_below_the_bottom_line_into_a_deal_breaker() -> None:
    scenario = salary_offer({"term": "Base salary", "stance": "fixed"}, value=55000)

    plan = make_plan(scenario).offers[0]

    assert plan.term("Base salary").status == "deal_breaker"
    assert plan.term("Base salary").stance == "fixed"
    assert plan.verdict == "walk_away"
    advice = stop_advice(scenario, plan_of(scenario, "Northwind"))
    assert advice is not None
    assert advice.startswith("Stop: the company's answer on Base salary makes this offer fail")


def test_the_latest_answer_on_a_term_wins_and_a_second_answer_makes_it_fixed() -> None:
    scenario = salary_offer(
        {"term": "Base salary", "value": 61000, "date": "2026-03-02"},
        {"term": "Base salary", "value": 63000, "stance": "limited", "date": "2026-03-05"},
    )

    labels = make_plan(scenario).offers[0].term("Base salary")

    assert labels.offer == 63000
    assert labels.stance == "fixed"
    assert labels.status == "drop"
    assert labels.ask is None


def test_a_counter_on_another_term_is_planned_too() -> None:
    scenario = salary_offer({"term": "Signing bonus", "value": 5000, "note": "instead of salary"})

    plan = make_plan(scenario).offers[0]

    assert plan.term("Signing bonus").status == "met"
    assert plan.asks == ["Base salary"]


def test_a_note_only_round_keeps_the_labels_and_asks_but_starts_the_countering_phase() -> None:
    scenario = salary_offer({"term": "Base salary", "note": "they will call back on Friday"})

    after = make_plan(scenario).offers[0]
    before = make_plan(salary_offer()).offers[0]

    assert [(t.status, t.ask) for t in after.terms] == [(t.status, t.ask) for t in before.terms]
    assert after.asks == before.asks == after.opening_asks
    assert (before.phase, after.phase) == ("opening", "countering")


def test_the_money_shown_uses_the_latest_figures() -> None:
    scenario = salary_offer({"term": "Base salary", "value": 64000})

    money = value_offer(scenario, scenario.offers[0])

    assert money.guaranteed.total == 64000


def test_applying_the_rounds_keeps_the_history_and_applying_again_changes_nothing() -> None:
    scenario = salary_offer({"term": "Base salary", "value": 64000})

    once = apply_rounds(scenario)

    assert once.offers[0].values["Base salary"] == 64000
    assert once.offers[0].rounds == scenario.offers[0].rounds
    assert apply_rounds(once) == once
    assert scenario.offers[0].values["Base salary"] == 60000


@settings(max_examples=examples(150), suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(random_scenario_data())
def test_values_learned_in_rounds_leave_the_offer_exactly_like_the_same_values_written_in(
    data: dict[str, Any],
) -> None:
    as_rounds = copy.deepcopy(data)
    for item in as_rounds["offers"]:
        learned = [{"term": n, "value": v} for n, v in item["values"].items()]
        learned += [{"term": n, "stance": s} for n, s in item["flexibility"].items()]
        item["values"] = {}
        item["flexibility"] = {}
        item["rounds"] = learned

    learned = apply_rounds(parse_scenario(as_rounds))
    written = parse_scenario(data)

    for after, before in zip(learned.offers, written.offers, strict=True):
        assert after.values == before.values
        assert {t: s for t, s in after.flexibility.items() if s != "unknown"} == {
            t: s for t, s in before.flexibility.items() if s != "unknown"
        }


# --- older files, and the history in the file ------------------------------------------------


def test_a_file_without_rounds_loads_and_plans_exactly_as_before() -> None:
    scenario = read_scenario(CONTRACT_EXAMPLE)

    plan = make_plan(scenario).model_dump(mode="json")

    assert all(o.rounds == [] for o in scenario.offers)
    assert "rounds" not in write_scenario(scenario)
    northwind = plan["offers"][0]
    assert northwind["verdict"] == "negotiate"
    assert northwind["asks"] == ["Base salary", "Relocation"]
    assert northwind["phase"] == "opening"
    assert northwind["opening_asks"] == northwind["asks"]
    assert {
        key: northwind["terms"][0][key]
        for key in (
            "term",
            "status",
            "must_win",
            "offer",
            "bottom_line",
            "target",
            "ask",
            "reason",
            "stance",
            "shortfall",
            "note",
        )
    } == {
        "term": "Base salary",
        "status": "push",
        "must_win": False,
        "offer": 60000,
        "bottom_line": 58000,
        "target": 66000,
        "ask": 66000,
        "reason": "6,000 EUR below your target and the company negotiates",
        "stance": "negotiable",
        "shortfall": 6000 / 66000,
        "note": "",
    }


def test_rounds_survive_writing_and_reading_the_file() -> None:
    scenario = salary_offer(
        {"term": "Base salary", "value": 63000, "date": "2026-03-04", "note": "band max"},
        {"term": "Signing bonus", "stance": "fixed"},
    )

    back = read_scenario(write_scenario(scenario))

    assert back == scenario
    written = json.loads(write_scenario(scenario))["offers"][0]["rounds"]
    assert written == [
        {"term": "Base salary", "value": 63000, "note": "band max", "date": "2026-03-04"},
        {"term": "Signing bonus", "stance": "fixed"},
    ]


def test_rounds_survive_a_share_link_and_the_apps_editors() -> None:
    scenario = salary_offer({"term": "Base salary", "value": 63000})

    assert read_link(make_link(scenario)) == scenario
    rebuilt, problems = build_scenario(draft_from_scenario(scenario))
    assert problems == []
    assert rebuilt is not None
    assert rebuilt.offers[0].rounds == scenario.offers[0].rounds


def test_a_renamed_term_keeps_its_rounds_in_the_editors() -> None:
    draft = draft_from_scenario(salary_offer({"term": "Base salary", "value": 63000}))
    renamed = draft.model_copy(
        update={"terms": [draft.terms[0].model_copy(update={"name": "Salary"}), draft.terms[1]]}
    )

    rebuilt, problems = build_scenario(renamed)

    assert problems == []
    assert rebuilt is not None
    assert rebuilt.offers[0].rounds[0].term == "Salary"


# --- rounds that break a rule ---------------------------------------------------------------------


def with_round(answer: Any) -> dict[str, Any]:
    return scenario_data(
        [term("Base salary"), term("Dental plan", "choice")],
        [
            offer(
                values={"Base salary": 60000},
                rounds=[{"term": "Base salary", "value": 61000}, answer],
            )
        ],
    )


@pytest.mark.parametrize(
    ("answer", "path", "words"),
    [
        (
            {"term": "Base salry", "value": 1},
            "offers[0].rounds[1].term",
            '"Base salry" is not a term of this scenario (did you mean "Base salary"?)',
        ),
        (
            {"term": "Base salary", "value": "sixty"},
            "offers[0].rounds[1].value",
            'must be a finite number, got "sixty"',
        ),
        (
            {"term": "Base salary", "value": -5},
            "offers[0].rounds[1].value",
            "must not be negative (money), got -5",
        ),
        (
            {"term": "Dental plan", "value": "Gold"},
            "offers[0].rounds[1].value",
            'must be one of the options "None", "Basic", "Comprehensive", got "Gold"',
        ),
        (
            {"term": "Base salary", "stance": "maybe"},
            "offers[0].rounds[1].stance",
            "must be 'fixed', 'limited', 'negotiable' or 'unknown'",
        ),
        (
            {"term": "Base salary", "value": 1, "date": "4 March"},
            "offers[0].rounds[1].date",
            "must be a date written YYYY-MM-DD",
        ),
        (
            {"term": "Base salary", "value": 1, "date": "2026-02-30"},
            "offers[0].rounds[1].date",
            'is not a date in the calendar, got "2026-02-30"',
        ),
        (
            {"term": "Base salary"},
            "offers[0].rounds[1]",
            "a round must record a new value, a stance or a note",
        ),
        (
            {"term": "Base salary", "valeu": 1},
            "offers[0].rounds[1].valeu",
            'is not a field of the scenario format (did you mean "value"?)',
        ),
        ({"value": 1}, "offers[0].rounds[1].term", "is required"),
        ("61000", "offers[0].rounds[1]", "must be an object"),
    ],
)
def test_a_round_that_breaks_a_rule_is_refused_at_its_exact_place(
    answer: Any, path: str, words: str
) -> None:
    with pytest.raises(ScenarioError) as caught:
        parse_scenario(with_round(answer))

    assert caught.value.path == path
    assert words in caught.value.problem


def test_rounds_must_be_a_list() -> None:
    data = scenario_data(offers=[offer(rounds={"term": "Base salary"})])

    with pytest.raises(ScenarioError) as caught:
        parse_scenario(data)

    assert caught.value.path == "offers[0].rounds"


def test_recording_a_round_validates_it_like_the_file() -> None:
    with pytest.raises(ScenarioError) as caught:
        record_round(salary_offer(), "northwind", "Base salary", value=-1)

    assert caught.value.path == "offers[0].rounds[0].value"


def test_recording_a_round_adds_it_to_the_history() -> None:
    scenario = record_round(
        salary_offer(), "northwind", "Base salary", value=62000, date="2026-03-04"
    )

    again = record_round(scenario, "Northwind", "Base salary", stance="limited")

    assert [r.model_dump(exclude_defaults=True) for r in again.offers[0].rounds] == [
        {"term": "Base salary", "value": 62000, "date": "2026-03-04"},
        {"term": "Base salary", "stance": "limited"},
    ]


# --- when to stop ------------------------------------------------------------------------------


def test_before_any_answer_a_plan_to_negotiate_says_go_on() -> None:
    assert stop_advice(salary_offer(), plan_of(salary_offer(), "Northwind")) is None


def test_stop_when_the_bottom_line_is_met_and_what_is_left_is_not_worth_the_goodwill() -> None:
    scenario = salary_offer({"term": "Base salary", "value": 63000})

    advice = stop_advice(scenario, plan_of(scenario, "Northwind"))

    assert advice is not None
    assert advice.startswith("Stop here: the offer now meets your bottom line")
    assert "they have answered on Base salary" in advice
    assert "Signing bonus has little room" in advice
    assert "58,000" not in advice


def test_go_on_while_a_must_win_is_still_below_the_bottom_line() -> None:
    scenario = salary_offer({"term": "Signing bonus", "value": 1000}, value=55000)

    assert stop_advice(scenario, plan_of(scenario, "Northwind")) is None


def test_go_on_while_a_top_priority_push_has_not_been_answered() -> None:
    scenario = salary_offer({"term": "Signing bonus", "value": 1000})

    assert stop_advice(scenario, plan_of(scenario, "Northwind")) is None


def test_stop_when_everything_is_met_or_fixed() -> None:
    scenario = salary_offer(
        {"term": "Base salary", "value": 66000}, {"term": "Signing bonus", "value": 5000}
    )

    advice = stop_advice(scenario, plan_of(scenario, "Northwind"))

    assert make_plan(scenario).offers[0].verdict == "accept"
    assert advice is not None
    assert advice.startswith("Stop: the offer meets your bottom line and nothing left")


def test_stop_advice_names_the_offers_there_are_for_an_unknown_one() -> None:
    with pytest.raises(ScenarioError, match="no offer named 'Globex'"):
        stop_advice(SALES, plan_of(SALES, "Globex"))


def test_each_round_is_said_in_plain_words_without_the_bottom_line() -> None:
    scenario = salary_offer(
        {"term": "Base salary", "value": 63000, "date": "2026-03-04", "note": "top of band"},
        {"term": "Signing bonus", "stance": "fixed"},
    )

    lines = round_lines(scenario, "Northwind")

    assert lines == [
        'Round 1 (2026-03-04), Base salary: now 63,000 USD a year; "top of band"',
        "Round 2, Signing bonus: they say it is fixed",
    ]


# --- the command line ---------------------------------------------------------------------------


def sales_with_round(answer: dict[str, Any]) -> bytes:
    data = json.loads(SALES_FILE.read_text())
    data["offers"][0]["rounds"] = [answer]
    return json.dumps(data).encode()


def test_the_command_line_plans_on_the_latest_answer_and_says_when_to_stop() -> None:
    answered = sales_with_round({"term": "Health coverage", "value": "Basic"})

    result = run("plan", "-", "--format", "json", stdin=answered)
    table = run("plan", "-", stdin=answered)

    brightline = json.loads(result.stdout)["offers"][0]
    assert brightline["verdict"] == "walk_away"
    assert (
        next(t for t in brightline["terms"] if t["term"] == "Health coverage")["offer"] == "Basic"
    )
    text = table.stdout.decode()
    assert "Round 1, Health coverage: now Basic" in text
    assert "Stop: the company's answer on Health coverage makes this offer fail" in text


def test_the_plan_table_of_a_file_without_rounds_says_nothing_about_rounds() -> None:
    result = run("plan", str(SALES_FILE))

    assert b"Round" not in result.stdout
    assert b"Stop" not in result.stdout


def test_a_bad_round_on_the_command_line_is_one_line_with_its_place() -> None:
    bad = sales_with_round({"term": "Base salary", "value": "a lot"})

    err = assert_refused(run("plan", "-", stdin=bad))

    assert err == 'offers[0].rounds[0].value: must be a finite number, got "a lot"\n'
