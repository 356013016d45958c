"""This round's contract rules, one by one, on hand-made scenarios with figures worked by hand.

Each test reads SCENARIO_FORMAT.md's words for one rule and checks the plan result
(``make_plan(...).to_json()``, the JSON of ``python -m planner plan --format json``).
"""

from __future__ import annotations

import datetime
import io
import json
import subprocess
import sys
import warnings
from pathlib import Path
from typing import Any

import pytest

from planner import make_plan, parse_scenario
from planner.cli import main
from tests.builders import offer, scenario_data, term

TODAY = datetime.date(2026, 3, 15)


def plan_json(data: dict[str, Any], today: datetime.date = TODAY) -> dict[str, Any]:
    return make_plan(parse_scenario(data), today=today).to_json()


def offer_plan(data: dict[str, Any], name: str = "Northwind") -> dict[str, Any]:
    return next(o for o in plan_json(data)["offers"] if o["name"] == name)


def row(data: dict[str, Any], term_name: str = "Base salary", name: str = "Northwind") -> Any:
    return next(t for t in offer_plan(data, name)["terms"] if t["term"] == term_name)


def salary_offer(value: Any, stance: str | None = None, **spec: Any) -> dict[str, Any]:
    """One salary term (bottom line 50,000, target 60,000 unless told) and one offer."""
    spec = {
        k: v for k, v in {"bottom_line": 50_000, "target": 60_000, **spec}.items() if v is not None
    }
    name = spec.get("name", "Base salary")
    return scenario_data(
        [term(**spec)],
        [
            offer(
                values={} if value is None else {name: value},
                flexibility={} if stance is None else {name: stance},
            )
        ],
    )


# --- the modest ask for a trade term ---------------------------------------------------


def test_a_trade_ask_is_halfway_to_the_target_rounded_up_to_the_step() -> None:
    # halfway from 55,300 to 60,000 is 57,650; the step is 500, towards the target: 58,000
    assert row(salary_offer(55_300, "limited"))["ask"] == 58_000


def test_a_halfway_figure_already_on_the_step_is_the_ask() -> None:
    assert row(salary_offer(55_000, "unknown"))["ask"] == 57_500


def test_rounding_towards_the_target_stops_at_the_target() -> None:
    # halfway 60,195; the next multiple of 500 (60,500) would pass the target of 60,400
    assert row(salary_offer(59_990, "limited", target=60_400))["ask"] == 60_400


def test_a_gap_under_one_step_asks_for_the_target_itself() -> None:
    # 60,000 to 60,400: halfway 60,200 rounds to 60,500, past the target
    assert row(salary_offer(60_000, "limited", target=60_400))["ask"] == 60_400
    assert row(salary_offer(60_000, "limited", target=60_400, step=1_000))["ask"] == 60_400


def test_a_given_step_replaces_the_default() -> None:
    # halfway 57,650 rounded up to a multiple of 250
    assert row(salary_offer(55_300, "limited", step=250))["ask"] == 57_750


def test_lower_is_better_rounds_the_trade_ask_down_towards_the_target() -> None:
    data = scenario_data(
        [term("Commute minutes", "number", better="lower", bottom_line=90, target=30)],
        [offer(values={"Commute minutes": 61}, flexibility={"Commute minutes": "limited"})],
    )
    # halfway from 61 to 30 is 45.5; every figure is whole so the step is 1: 45
    assert row(data, "Commute minutes")["ask"] == 45


def test_a_lower_is_better_money_ask_stops_at_the_target() -> None:
    data = salary_offer(
        1_180, "limited", name="Monthly fee", better="lower", bottom_line=1_500, target=1_000
    )
    # step 100 (the larger of 1,500 and 1,000 is at least 1,000); halfway 1,090 -> 1,000
    assert row(data, "Monthly fee")["ask"] == 1_000
    data = salary_offer(
        1_480, "limited", name="Monthly fee", better="lower", bottom_line=1_500, target=1_000
    )
    # halfway 1,240, rounded down towards the target: 1,200
    assert row(data, "Monthly fee")["ask"] == 1_200


def _days(values: dict[str, Any], rounds: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    spec = term("Remote days", "number", bottom_line=1, target=4)
    offers = [offer(values={"Remote days": 1}, flexibility={"Remote days": "limited"})]
    other = offer("Contoso", values=values)
    if rounds:
        other["rounds"] = rounds
    return scenario_data([spec], [*offers, other])


def test_a_number_step_is_1_when_every_figure_is_whole() -> None:
    # halfway from 1 to 4 is 2.5, rounded up to a whole day
    assert row(_days({"Remote days": 2}), "Remote days")["ask"] == 3


def test_a_number_step_is_half_when_any_value_of_the_term_is_fractional() -> None:
    assert row(_days({"Remote days": 2.5}), "Remote days")["ask"] == 2.5


def test_a_fractional_value_in_a_round_makes_the_number_step_half_too() -> None:
    data = _days({"Remote days": 2}, rounds=[{"term": "Remote days", "value": 1.5}])
    assert row(data, "Remote days")["ask"] == 2.5


def test_a_fractional_bottom_line_makes_the_number_step_half() -> None:
    data = scenario_data(
        [term("Remote days", "number", bottom_line=0.5, target=4)],
        [offer(values={"Remote days": 1}, flexibility={"Remote days": "limited"})],
    )
    assert row(data, "Remote days")["ask"] == 2.5


@pytest.mark.parametrize(
    ("bottom_line", "target", "value", "ask"),
    [
        # the larger of the two is at least 10,000: step 500 (halfway 10,550 -> 11,000)
        (9_000, 12_000, 9_100, 11_000),
        # at least 1,000: step 100 (halfway 2,005 -> 2,100)
        (1_000, 3_000, 1_010, 2_100),
        # under 1,000: step 1 (halfway 500.5 -> 501)
        (100, 900, 101, 501),
    ],
)
def test_the_money_step_defaults_to_500_100_or_1_by_the_larger_of_bottom_line_and_target(
    bottom_line: int, target: int, value: int, ask: int
) -> None:
    data = salary_offer(value, "limited", bottom_line=bottom_line, target=target)
    assert row(data)["ask"] == ask


def test_the_money_step_follows_the_target_when_there_is_no_bottom_line() -> None:
    data = scenario_data(
        [term(target=12_000)],
        [offer(values={"Base salary": 9_100}, flexibility={"Base salary": "limited"})],
    )
    assert row(data)["ask"] == 11_000


def test_a_choice_trade_asks_for_the_next_option_towards_the_target() -> None:
    data = scenario_data(
        [
            term(
                "Dental plan",
                "choice",
                options=["None", "Basic", "Plus", "Comprehensive"],
                bottom_line="Basic",
                target="Comprehensive",
            )
        ],
        [offer(values={"Dental plan": "Basic"}, flexibility={"Dental plan": "limited"})],
    )
    got = row(data, "Dental plan")
    assert (got["status"], got["ask"]) == ("trade", "Plus")


def test_a_push_still_asks_for_the_target_and_a_must_win_for_no_less_than_the_bottom_line() -> None:
    assert row(salary_offer(55_300, "negotiable"))["ask"] == 60_000
    must = row(salary_offer(45_000, "limited"))
    assert (must["status"], must["must_win"], must["ask"]) == ("push", True, 60_000)
    no_target = row(salary_offer(45_000, "unknown", target=None))
    assert no_target["ask"] == 50_000


# --- the current job ----------------------------------------------------------------------


def _with_current(current: dict[str, Any], **fields: Any) -> dict[str, Any]:
    return scenario_data(
        [
            term(bottom_line=58_000, target=66_000),
            term("Remote days", "number", bottom_line=2, target=3),
            term("Dental plan", "choice", bottom_line="Basic", target="Comprehensive"),
        ],
        [
            offer(
                values={"Base salary": 60_000, "Remote days": 2, "Dental plan": "Basic"},
                flexibility={"Base salary": "negotiable"},
            ),
            offer("Current job", current=True, **current),
        ],
        **fields,
    )


def test_every_known_value_of_the_current_job_is_a_reference_and_unknowns_stay_unknown() -> None:
    data = _with_current(
        {
            "values": {"Base salary": 52_000, "Remote days": 1},
            "flexibility": {"Base salary": "negotiable", "Remote days": "unknown"},
        }
    )
    current = offer_plan(data, "Current job")

    assert [t["status"] for t in current["terms"]] == ["reference", "reference", "unknown"]
    assert current["verdict"] == "current"
    assert current["asks"] == []
    assert current["opening_asks"] == []
    assert [t["must_win"] for t in current["terms"]] == [False, False, False]
    assert [t["ask"] for t in current["terms"]] == [None, None, None]


def test_the_current_job_gets_no_best_elsewhere_and_no_behind_current() -> None:
    current = offer_plan(_with_current({"values": {"Base salary": 50_000}}), "Current job")

    assert [t["best_elsewhere"] for t in current["terms"]] == [None, None, None]
    assert not current.get("behind_current")


def test_the_current_jobs_statuses_are_read_after_its_rounds() -> None:
    data = _with_current(
        {
            "values": {"Remote days": 1},
            "rounds": [{"term": "Base salary", "value": 63_000, "stance": "fixed"}],
        }
    )
    current = offer_plan(data, "Current job")

    salary = current["terms"][0]
    assert (salary["status"], salary["offer"], salary["ask"]) == ("reference", 63_000, None)
    assert current["verdict"] == "current"
    assert current["asks"] == []


# --- your alternatives -------------------------------------------------------------------


def _three(values: list[Any], current: list[bool] | None = None, **spec: Any) -> dict[str, Any]:
    flags = current or [False] * len(values)
    names = ["Northwind", "Contoso", "Fabrikam", "Tailspin"]
    key = spec.get("name", "Base salary")
    return scenario_data(
        [term(**spec)],
        [
            offer(names[i], current=flags[i], values={} if v is None else {key: v})
            for i, v in enumerate(values)
        ],
    )


def test_best_elsewhere_names_the_strictly_best_other_offer_the_current_job_included() -> None:
    data = _three([60_000, 62_000, 64_000], current=[False, False, True])

    assert row(data)["best_elsewhere"] == "Fabrikam"
    assert row(data, name="Contoso")["best_elsewhere"] == "Fabrikam"


def test_on_a_tie_best_elsewhere_names_the_first_in_the_scenarios_order() -> None:
    data = _three([60_000, 64_000, 64_000], current=[False, True, False])

    assert row(data)["best_elsewhere"] == "Contoso"


def test_best_elsewhere_is_null_when_no_other_offer_is_strictly_better() -> None:
    data = _three([64_000, 64_000, 50_000, None])

    assert row(data)["best_elsewhere"] is None
    assert row(data, name="Fabrikam")["best_elsewhere"] == "Northwind"
    assert row(data, name="Tailspin")["best_elsewhere"] is None


def test_best_elsewhere_follows_lower_is_better() -> None:
    data = _three([50, 40, 70], name="Commute", type="number", better="lower")

    assert row(data, "Commute")["best_elsewhere"] == "Contoso"
    assert row(data, "Commute", "Contoso")["best_elsewhere"] is None


def test_best_elsewhere_takes_every_offers_values_after_its_rounds() -> None:
    data = _three([60_000, 62_000, 61_000])
    data["offers"][1]["rounds"] = [{"term": "Base salary", "value": 59_000}]
    data["offers"][0]["rounds"] = [{"term": "Base salary", "value": 63_000}]

    assert row(data)["best_elsewhere"] is None
    assert row(data, name="Contoso")["best_elsewhere"] == "Northwind"


def test_behind_current_lists_the_terms_worse_than_the_first_current_job_in_the_scenarios_order() -> (
    None
):
    data = scenario_data(
        [
            term("Remote days", "number"),
            term(),
            term("Commute", "number", better="lower"),
            term("Dental plan", "choice"),
        ],
        [
            offer(
                values={
                    "Remote days": 1,
                    "Base salary": 60_000,
                    "Commute": 40,
                    "Dental plan": "Basic",
                }
            ),
            offer(
                "Current job",
                current=True,
                values={"Remote days": 3, "Commute": 30, "Dental plan": "Basic"},
            ),
            offer("Old job", current=True, values={"Base salary": 90_000, "Dental plan": "None"}),
        ],
    )

    assert offer_plan(data)["behind_current"] == ["Remote days", "Commute"]
    # the second current job is not "your current job", but it is somewhere else
    assert row(data)["best_elsewhere"] == "Old job"


def test_behind_current_is_empty_without_a_current_job() -> None:
    assert offer_plan(_three([10, 20, 30]))["behind_current"] == []


# --- rounds: after the company answers -------------------------------------------------------


def _rounds(rounds: list[dict[str, Any]], **fields: Any) -> dict[str, Any]:
    """Salary (priority 5), remote days (4) and a signing bonus (1), all three asked at first."""
    return scenario_data(
        [
            term(bottom_line=58_000, target=66_000, priority=5),
            term("Remote days", "number", bottom_line=1, target=3, priority=4),
            term("Signing bonus", per="once", target=5_000, priority=1),
        ],
        [
            offer(
                values={"Base salary": 60_000, "Remote days": 2, "Signing bonus": 0},
                flexibility={
                    "Base salary": "negotiable",
                    "Remote days": "limited",
                    "Signing bonus": "negotiable",
                },
                rounds=rounds,
            )
        ],
        **fields,
    )


def test_without_rounds_the_opening_asks_are_the_asks_and_the_phase_is_opening() -> None:
    plan = offer_plan(_rounds([]))

    assert plan["asks"] == ["Base salary", "Remote days", "Signing bonus"]
    assert plan["opening_asks"] == plan["asks"]
    assert plan["phase"] == "opening"


def test_opening_asks_are_the_ask_list_as_first_recorded() -> None:
    plan = offer_plan(
        _rounds([{"term": "Remote days", "value": 3}, {"term": "Base salary", "value": 63_000}])
    )

    assert plan["opening_asks"] == ["Base salary", "Remote days", "Signing bonus"]
    assert plan["asks"] == ["Base salary", "Signing bonus"]
    assert plan["phase"] == "countering"


def test_a_value_first_given_in_a_round_is_unknown_in_the_opening_plan() -> None:
    data = _rounds([{"term": "Remote days", "value": 2}])
    del data["offers"][0]["values"]["Remote days"]
    plan = offer_plan(data)

    assert plan["opening_asks"] == ["Base salary", "Signing bonus"]
    # not asked at first, so not asked now (raising new asks costs goodwill)
    assert plan["terms"][1]["status"] == "drop"


def test_the_counter_figure_is_halfway_from_their_value_to_the_opening_figure() -> None:
    # opening ask 66,000; they answered 61,000: halfway 63,500, on the step of 500
    assert row(_rounds([{"term": "Base salary", "value": 61_000}]))["ask"] == 63_500
    # they answered 61,300: halfway 63,650, rounded towards 66,000 -> 64,000
    assert row(_rounds([{"term": "Base salary", "value": 61_300}]))["ask"] == 64_000


def test_the_counter_figure_starts_from_a_trade_terms_modest_opening_figure() -> None:
    data = _rounds([{"term": "Remote days", "value": 2.5}])
    # 2.5 in a round makes the step 0.5, so the opening ask was halfway from 2 to 3: 2.5.
    # They gave 2.5: you got what you asked for.
    assert row(data, "Remote days")["status"] == "drop"
    data = _rounds([{"term": "Remote days", "value": 2.25}])
    # step 0.5 again; opening ask 2.5; halfway from 2.25 is 2.375 -> 2.5
    assert row(data, "Remote days")["ask"] == 2.5


def test_a_counter_within_one_step_of_the_opening_figure_is_the_opening_figure() -> None:
    # opening ask 66,000; they answered 65,800: halfway 65,900 -> 66,000, never past it
    assert row(_rounds([{"term": "Base salary", "value": 65_800}]))["ask"] == 66_000


def test_the_counter_figure_of_a_must_win_is_never_below_the_bottom_line() -> None:
    data = _rounds([{"term": "Base salary", "value": 51_000}], max_asks=3)
    data["terms"][0]["target"] = 60_000
    data["offers"][0]["values"]["Base salary"] = 50_000
    # opening ask 60,000; halfway from 51,000 is 55,500, below the bottom line of 58,000
    got = row(data)
    assert (got["status"], got["must_win"], got["ask"]) == ("push", True, 58_000)


def test_a_choice_counter_is_the_next_option_better_than_theirs() -> None:
    data = scenario_data(
        [term("Dental plan", "choice", options=list("ABCDE"), bottom_line="B", target="E")],
        [
            offer(
                values={"Dental plan": "B"},
                flexibility={"Dental plan": "negotiable"},
                rounds=[{"term": "Dental plan", "value": "C"}],
            )
        ],
    )
    assert row(data, "Dental plan")["ask"] == "D"


def test_after_rounds_an_ask_is_never_more_than_first_asked() -> None:
    data = salary_offer(55_000, "limited")
    data["offers"][0]["rounds"] = [{"term": "Base salary", "stance": "negotiable"}]
    got = row(data)
    # opening: trade, modest ask 57,500; now negotiable would push for 60,000, but never more
    assert (got["status"], got["ask"]) == ("push", 57_500)


def test_rounds_apply_in_the_order_of_the_list_not_by_date() -> None:
    data = _rounds(
        [
            {"term": "Base salary", "value": 64_000, "date": "2026-03-12"},
            {"term": "Base salary", "stance": "limited", "date": "2026-03-02"},
        ]
    )
    got = row(data)
    # the later entry in the list wins even with an earlier date; two answers: fixed
    assert (got["offer"], got["status"]) == (64_000, "drop")
    data["offers"][0]["rounds"] = [
        {"term": "Base salary", "value": 62_000, "date": "2026-03-12"},
        {"term": "Base salary", "value": 61_000, "date": "2026-03-02"},
    ]
    assert row(data)["offer"] == 61_000


def test_a_term_answered_twice_is_fixed_so_a_gap_above_the_bottom_line_is_dropped() -> None:
    plan = offer_plan(
        _rounds(
            [
                {"term": "Base salary", "value": 61_000},
                {"term": "Base salary", "stance": "negotiable"},
            ]
        )
    )
    salary = plan["terms"][0]

    assert (salary["status"], salary["ask"]) == ("drop", None)
    assert "Base salary" not in plan["asks"]


def test_a_must_win_answered_twice_is_a_deal_breaker() -> None:
    data = _rounds(
        [
            {"term": "Base salary", "value": 55_000},
            {"term": "Base salary", "value": 56_000, "note": "Final."},
        ]
    )
    plan = offer_plan(data)
    salary = plan["terms"][0]

    assert (salary["status"], salary["must_win"]) == ("deal_breaker", False)
    assert (plan["verdict"], plan["phase"]) == ("walk_away", "decide")


def test_notes_alone_do_not_answer_a_term() -> None:
    data = _rounds(
        [
            {"term": "Base salary", "note": "They will check with finance."},
            {"term": "Base salary", "note": "Still checking."},
        ]
    )
    plan = offer_plan(data)

    assert (plan["terms"][0]["status"], plan["terms"][0]["ask"]) == ("push", 66_000)
    assert plan["asks"] == plan["opening_asks"]
    assert plan["phase"] == "countering"


def test_a_value_and_a_stance_in_one_round_are_one_answer() -> None:
    data = _rounds([{"term": "Base salary", "value": 61_000, "stance": "limited"}])
    got = row(data)
    # answered once, with a value: the counter figure, halfway to 66,000
    assert (got["status"], got["ask"]) == ("trade", 63_500)


def test_a_term_that_falls_below_target_after_rounds_is_not_a_new_ask() -> None:
    data = _rounds([{"term": "Remote days", "value": 2}])
    data["offers"][0]["values"]["Remote days"] = 3
    plan = offer_plan(data)

    assert "Remote days" not in plan["opening_asks"]
    assert plan["terms"][1]["status"] == "drop"
    assert "Remote days" not in plan["asks"]


def test_an_ask_that_did_not_make_the_opening_list_is_not_asked_after_rounds() -> None:
    data = _rounds([{"term": "Base salary", "note": "Call on Monday."}], max_asks=2)
    plan = offer_plan(data)

    assert plan["opening_asks"] == ["Base salary", "Remote days"]
    assert plan["terms"][2]["status"] == "drop"
    assert plan["asks"] == ["Base salary", "Remote days"]


def test_getting_what_you_asked_for_turns_a_term_into_a_drop() -> None:
    data = salary_offer(55_000, "limited")
    data["offers"][0]["rounds"] = [{"term": "Base salary", "value": 57_500}]
    plan = offer_plan(data)

    assert plan["terms"][0]["status"] == "drop"
    assert (plan["verdict"], plan["phase"]) == ("accept", "decide")


def test_a_must_win_that_was_not_an_opening_ask_is_asked_with_its_usual_figure() -> None:
    data = _rounds([{"term": "Base salary", "value": 50_000}])
    data["offers"][0]["values"]["Base salary"] = 66_000
    plan = offer_plan(data)
    salary = plan["terms"][0]

    assert "Base salary" not in plan["opening_asks"]
    assert (salary["status"], salary["must_win"], salary["ask"]) == ("push", True, 66_000)
    assert plan["asks"][0] == "Base salary"


def test_the_phase_is_decide_when_the_rounds_leave_nothing_to_ask() -> None:
    data = _rounds(
        [
            {"term": "Base salary", "value": 66_000},
            {"term": "Remote days", "value": 3},
            {"term": "Signing bonus", "stance": "fixed"},
        ]
    )
    plan = offer_plan(data)

    assert [t["status"] for t in plan["terms"]] == ["met", "met", "drop"]
    assert (plan["verdict"], plan["phase"], plan["asks"]) == ("accept", "decide", [])


# --- deadlines --------------------------------------------------------------------------------


def _deadlines() -> dict[str, Any]:
    return scenario_data(
        [term(bottom_line=50_000, target=60_000)],
        [
            offer(values={"Base salary": 55_000}, deadline="2026-03-20"),
            offer("Contoso", values={"Base salary": 58_000}, deadline="2026-03-13"),
            offer("Fabrikam", values={"Base salary": 58_000}),
            offer("Current job", current=True, deadline="2026-04-14"),
        ],
    )


def _cli(args: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = main(args, stdout=out, stderr=err)
    return status, out.getvalue(), err.getvalue()


def test_days_left_counts_from_the_day_given_to_the_command_line(tmp_path: Path) -> None:
    path = tmp_path / "offers.json"
    path.write_text(json.dumps(_deadlines()), encoding="utf-8")

    status, out, err = _cli(["plan", str(path), "--format", "json", "--today", "2026-03-15"])

    assert (status, err) == (0, "")
    offers = json.loads(out)["offers"]
    assert [o["days_left"] for o in offers] == [5, -2, None, 30]
    assert [o["deadline"] for o in offers] == ["2026-03-20", "2026-03-13", None, "2026-04-14"]


def test_the_same_file_and_today_give_the_same_days_left_through_make_plan() -> None:
    plan = plan_json(_deadlines(), today=datetime.date(2026, 3, 20))

    assert [o["days_left"] for o in plan["offers"]] == [0, -7, None, 25]


@pytest.mark.parametrize("day", ["2026-02-30", "tomorrow", "15/03/2026", ""])
def test_an_invalid_today_is_refused_with_exit_status_2_and_one_line(
    tmp_path: Path, day: str
) -> None:
    path = tmp_path / "offers.json"
    path.write_text(json.dumps(_deadlines()), encoding="utf-8")

    status, out, err = _cli(["plan", str(path), "--format", "json", "--today", day])

    assert status == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert "--today" in err
    assert "Traceback" not in err


# --- money over the years ---------------------------------------------------------------------


def money_of(terms: list[dict[str, Any]], values: dict[str, Any], **fields: Any) -> Any:
    return offer_plan(scenario_data(terms, [offer(values=values)], **fields))["money"]


def column(money: dict[str, Any], key: str) -> list[Any]:
    return [year[key] for year in money["years"]]


def test_pay_per_year_month_and_hour_adds_up_to_yearly_guaranteed_pay() -> None:
    money = money_of(
        [
            term("Salary"),
            term("Allowance", per="month"),
            term("Overtime", per="hour"),
        ],
        {"Salary": 50_000, "Allowance": 200, "Overtime": 10},
        hours_per_week=37.5,
        years=2,
    )
    # 50,000 + 200 x 12 + 10 x 37.5 x 52 = 50,000 + 2,400 + 19,500
    assert column(money, "guaranteed") == [71_900, 71_900]
    assert column(money, "total") == [71_900, 71_900]
    assert (money["total"], money["on_paper"]) == (143_800, 143_800)


def test_hourly_pay_defaults_to_40_hours_a_week() -> None:
    money = money_of([term("Rate", per="hour")], {"Rate": 30}, years=1)
    assert column(money, "guaranteed") == [62_400]


@pytest.mark.parametrize(("expected", "figure"), [(0, 0), (100, 10_000), (200, 20_000)])
def test_variable_pay_counts_at_its_expected_percent_and_on_paper_at_100(
    expected: int, figure: int
) -> None:
    money = money_of(
        [term("Bonus", kind="variable", expected=expected)], {"Bonus": 10_000}, years=1
    )
    assert column(money, "variable") == [figure]
    assert column(money, "total") == [figure]
    assert column(money, "on_paper") == [10_000]


def test_variable_true_reads_as_kind_variable() -> None:
    money = money_of([term("Bonus", variable=True, expected=50)], {"Bonus": 10_000}, years=1)
    assert (column(money, "variable"), column(money, "guaranteed")) == ([5_000], [0])


def test_a_terms_kind_wins_over_variable_true() -> None:
    money = money_of(
        [term("Bonus", variable=True, kind="pay", expected=50)], {"Bonus": 10_000}, years=1
    )
    assert (column(money, "guaranteed"), column(money, "variable")) == ([10_000], [0])
    money = money_of(
        [term("Stock", variable=True, kind="equity", expected=50)], {"Stock": 10_000}, years=1
    )
    assert (column(money, "equity"), column(money, "variable")) == ([5_000], [0])


def test_expected_counts_only_for_variable_and_equity() -> None:
    money = money_of(
        [term("Salary", expected=50), term("Gym", kind="benefit", expected=50)],
        {"Salary": 40_000, "Gym": 600},
        years=1,
    )
    assert (column(money, "guaranteed"), column(money, "benefits")) == ([40_000], [600])


def test_an_equity_grant_vests_by_its_schedule_and_stops_at_the_years_counted() -> None:
    money = money_of(
        [term("Grant", per="once", kind="equity", vesting=[10, 20, 30, 40])],
        {"Grant": 100_000},
        years=2,
    )
    assert column(money, "equity") == [10_000, 20_000]
    assert money["total"] == 30_000


def test_an_equity_grant_gives_nothing_after_its_schedule() -> None:
    money = money_of(
        [term("Grant", per="once", kind="equity", vesting=[50, 50])], {"Grant": 100_000}, years=4
    )
    assert column(money, "equity") == [50_000, 50_000, 0, 0]
    assert money["total"] == 100_000


def test_an_equity_grant_vests_a_quarter_a_year_by_default_at_its_expected_percent() -> None:
    money = money_of(
        [term("Grant", per="once", kind="equity", expected=50)], {"Grant": 100_000}, years=5
    )
    assert column(money, "equity") == [12_500, 12_500, 12_500, 12_500, 0]
    assert column(money, "on_paper") == [25_000, 25_000, 25_000, 25_000, 0]
    assert (money["total"], money["on_paper"]) == (50_000, 100_000)


def test_equity_per_year_or_month_gives_the_same_amount_every_year() -> None:
    money = money_of(
        [
            term("RSU", kind="equity", expected=50),
            term("ESPP", per="month", kind="equity"),
        ],
        {"RSU": 8_000, "ESPP": 100},
        years=3,
    )
    # 8,000 x 50% + 100 x 12
    assert column(money, "equity") == [5_200, 5_200, 5_200]


def test_one_off_pay_and_variable_count_in_year_1_only() -> None:
    money = money_of(
        [
            term("Signing bonus", per="once"),
            term("Retention bonus", per="once", kind="variable", expected=50),
            term("Salary"),
        ],
        {"Signing bonus": 5_000, "Retention bonus": 4_000, "Salary": 60_000},
        years=3,
    )
    assert column(money, "one_off") == [7_000, 0, 0]
    assert column(money, "total") == [67_000, 60_000, 60_000]
    assert column(money, "on_paper") == [69_000, 60_000, 60_000]


def test_benefits_are_shown_apart_and_never_added_to_the_totals() -> None:
    money = money_of(
        [
            term("Salary"),
            term("Learning budget", kind="benefit"),
            term("Gym", per="month", kind="benefit"),
            term("Tuition", per="once", kind="benefit"),
        ],
        {"Salary": 60_000, "Learning budget": 1_000, "Gym": 50, "Tuition": 3_000},
        years=2,
    )
    assert column(money, "benefits") == [4_600, 1_600]
    assert column(money, "total") == [60_000, 60_000]
    assert column(money, "on_paper") == [60_000, 60_000]
    assert money["total"] == 120_000


def test_a_kind_with_no_term_is_zero_and_a_scenario_without_money_has_zero_totals() -> None:
    money = money_of([term("Remote days", "number")], {"Remote days": 2}, years=2)
    for key in ("guaranteed", "variable", "equity", "one_off", "benefits", "total", "on_paper"):
        assert column(money, key) == [0, 0]
    assert (money["total"], money["on_paper"]) == (0, 0)


def test_an_unknown_recurring_value_makes_every_year_not_known() -> None:
    money = money_of(
        [term("Salary"), term("Bonus", kind="variable", expected=0)], {"Salary": 60_000}, years=3
    )
    assert column(money, "variable") == [None, None, None]
    assert column(money, "guaranteed") == [60_000, 60_000, 60_000]
    assert column(money, "total") == [None, None, None]
    assert column(money, "on_paper") == [None, None, None]
    assert (money["total"], money["on_paper"]) == (None, None)


def test_an_unknown_one_off_makes_only_year_1_not_known() -> None:
    money = money_of(
        [term("Salary"), term("Signing bonus", per="once")], {"Salary": 60_000}, years=3
    )
    assert column(money, "one_off") == [None, 0, 0]
    assert column(money, "total") == [None, 60_000, 60_000]
    assert money["total"] is None


def test_an_unknown_grant_is_not_known_only_in_the_years_it_vests() -> None:
    money = money_of(
        [term("Salary"), term("Grant", per="once", kind="equity", vesting=[0, 50, 50])],
        {"Salary": 60_000},
        years=4,
    )
    assert column(money, "equity") == [0, None, None, 0]
    assert column(money, "total") == [60_000, None, None, 60_000]
    assert column(money, "on_paper") == [60_000, None, None, 60_000]


def test_an_unknown_benefit_leaves_the_totals_known() -> None:
    money = money_of(
        [term("Salary"), term("Gym", per="month", kind="benefit")], {"Salary": 60_000}, years=2
    )
    assert column(money, "benefits") == [None, None]
    assert column(money, "total") == [60_000, 60_000]
    assert money["total"] == 120_000


def test_money_uses_the_values_after_the_rounds_and_covers_the_current_job() -> None:
    data = scenario_data(
        [term("Salary")],
        [
            offer(values={"Salary": 60_000}, rounds=[{"term": "Salary", "value": 62_000}]),
            offer("Current job", current=True, values={"Salary": 55_000}),
        ],
        years=1,
    )
    plan = plan_json(data)
    assert [o["money"]["total"] for o in plan["offers"]] == [62_000, 55_000]


def test_money_is_rounded_to_cents() -> None:
    money = money_of([term("Bonus", kind="variable", expected=33)], {"Bonus": 1_001}, years=3)
    # 1,001 x 33% = 330.33 a year
    assert column(money, "variable") == [330.33, 330.33, 330.33]
    assert money["total"] == pytest.approx(990.99, abs=0.001)
    assert money["on_paper"] == 3_003


def test_on_paper_is_the_total_to_the_cent_when_nothing_is_discounted() -> None:
    money = money_of(
        [term("Salary"), term("Grant", per="once", kind="equity", vesting=[0.5, 99.5])],
        {"Salary": 123_457, "Grant": 1_005},
        years=1,
    )
    # every expected is 100: "on paper, the same with every expected taken as 100"
    # (the grant's first year is 5.025, a half cent)
    assert column(money, "on_paper") == column(money, "total")
    assert money["on_paper"] == money["total"]


def test_the_money_view_has_one_entry_per_year_numbered_from_1() -> None:
    money = money_of([term("Salary")], {"Salary": 1}, years=7)
    assert column(money, "year") == [1, 2, 3, 4, 5, 6, 7]
    assert len(money_of([term("Salary")], {"Salary": 1})["years"]) == 4


# --- market position ---------------------------------------------------------------------------


def market_of(value: Any, market: dict[str, Any], **spec: Any) -> Any:
    data = scenario_data(
        [term(market={"source": "A survey", **market}, **spec), term("Remote days", "number")],
        [offer(values={} if value is None else {"Base salary": value, "Remote days": 2})],
    )
    rows = offer_plan(data)["terms"]
    assert "market_position" not in rows[1], "only a term with market data has a position"
    return rows[0]["market_position"]


QUARTILES = {"p25": 60_000, "p50": 70_000, "p75": 90_000}


def test_the_market_position_is_read_on_a_straight_line_between_two_percentiles() -> None:
    assert market_of(65_000, QUARTILES) == pytest.approx(37.5)
    assert market_of(80_000, QUARTILES) == pytest.approx(62.5)


def test_a_value_equal_to_a_percentile_is_at_that_percentile() -> None:
    assert market_of(70_000, QUARTILES) == 50
    assert market_of(60_000, QUARTILES) == 25
    assert market_of(90_000, QUARTILES) == 75


def test_outside_the_percentiles_given_the_position_names_the_nearest_one() -> None:
    assert market_of(59_999, QUARTILES) == "<p25"
    assert market_of(90_001, QUARTILES) == ">p75"
    assert market_of(10, {"p10": 40_000, "p90": 80_000}) == "<p10"


def test_only_the_percentiles_given_count() -> None:
    # p10 40,000 and p90 80,000 only: 50,000 is a quarter of the way, 10 + 0.25 x 80
    assert market_of(50_000, {"p10": 40_000, "p90": 80_000}) == pytest.approx(30)


def test_the_market_position_is_in_the_terms_own_unit() -> None:
    assert market_of(30, {"p50": 25, "p75": 35}, per="hour") == pytest.approx(62.5)


def test_an_unknown_value_has_no_market_position() -> None:
    assert market_of(None, QUARTILES) is None


def test_a_position_on_a_percentile_is_written_without_a_warning() -> None:
    data = scenario_data(
        [term(market={"source": "A survey", **QUARTILES}, bottom_line=60_000, target=90_000)],
        [offer(values={"Base salary": 70_000})],
    )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        row(data)

    assert [str(w.message) for w in caught] == []


def test_the_command_line_writes_nothing_on_standard_error_for_a_plan_with_market_data(
    tmp_path: Path,
) -> None:
    path = tmp_path / "offers.json"
    path.write_text(
        json.dumps(
            scenario_data(
                [term(market={"source": "A survey", **QUARTILES})],
                [offer(values={"Base salary": 70_000})],
            )
        ),
        encoding="utf-8",
    )

    done = subprocess.run(
        [sys.executable, "-m", "planner", "plan", str(path), "--format", "json"],
        capture_output=True,
        text=True,
        check=False,
        cwd=Path(__file__).resolve().parent.parent,
    )

    assert (done.returncode, done.stderr) == (0, "")
    assert json.loads(done.stdout)["offers"][0]["terms"][0]["market_position"] == 50
