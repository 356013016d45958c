"""Equal-value packages (MESO): movable terms only, in range, about equal in value to you."""

from __future__ import annotations

import json
from itertools import combinations
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import planner.packages
from planner import Scenario, ScenarioError, make_plan, parse_scenario
from planner.catalog import SAMPLES
from planner.models import Offer, at_least_as_good
from planner.packages import TOLERANCE, Package, packages, traded_terms
from planner.rounds import record_round
from planner.scenario_file import read_scenario_bytes
from tests.builders import make_scenario, offer, plan_of, term
from tests.strategies import examples, scenario_data
from tests.test_cli import assert_refused, run

SALES_FILE = SAMPLES / "sales-hire.json"
SALES = read_scenario_bytes(SALES_FILE.read_bytes())


def value_to_you(scenario: Scenario, offer_name: str, package: Package) -> float:
    """The documented score, recomputed: priority times the share of the gap closed."""
    item = next(o for o in scenario.offers if o.name == offer_name).learned()
    points = 0.0
    for name, value in package.values.items():
        spec = scenario.term(name)
        start = item.values[name]
        ask = spec.reference
        assert ask is not None
        if isinstance(value, str):
            assert isinstance(start, str)
            assert isinstance(ask, str)
            share = (spec.rank(value) - spec.rank(start)) / (spec.rank(ask) - spec.rank(start))
        else:
            assert isinstance(start, float)
            assert isinstance(ask, float)
            share = (value - start) / (ask - start)
        points += spec.priority * share
    return points


def at_least_as_good_everywhere(scenario: Scenario, item: Offer, a: Package, b: Package) -> bool:
    """Package ``a`` is at least as good as ``b`` for you on every term either moves."""
    for name in set(a.values) | set(b.values):
        spec = scenario.term(name)
        mine = a.values.get(name, item.values[name])
        theirs = b.values.get(name, item.values[name])
        if not at_least_as_good(mine, theirs, spec):
            return False
    return True


def assert_sound(scenario: Scenario, offer_name: str, found: list[Package]) -> None:
    """Every promise of the packages: movable terms, in range, equal value, must-wins in."""
    plan = make_plan(scenario).offer(offer_name)
    item = next(o for o in scenario.offers if o.name == offer_name).learned()
    assert len(found) in (0, 2, 3)
    for package in found:
        assert package.values
        for name, value in package.values.items():
            labels = plan.term(name)
            spec = scenario.term(name)
            start = item.values[name]
            assert labels.status in ("push", "trade"), (name, labels.status)
            assert labels.stance != "fixed"
            assert labels.ask is not None
            assert value != start, (name, value)
            assert at_least_as_good(value, start, spec), (name, value, start)
            assert at_least_as_good(labels.ask, value, spec), (name, value, labels.ask)
            if spec.options is not None:
                assert value in spec.options
            line = spec.bottom_line
            if line is not None and spec.target is not None and line != spec.target:
                assert value != line
        for labels in plan.terms:
            if labels.must_win:
                spec = scenario.term(labels.term)
                value = package.values[labels.term]
                assert spec.bottom_line is not None
                assert at_least_as_good(value, spec.bottom_line, spec)
                if labels.ask != spec.bottom_line:
                    assert value != spec.bottom_line
        assert package.value_to_you == pytest.approx(
            value_to_you(scenario, offer_name, package), abs=0.01
        )
    if found:
        scores = [value_to_you(scenario, offer_name, p) for p in found]
        assert max(scores) <= min(scores) * (1 + TOLERANCE) + 1e-9
        assert len({json.dumps(p.values, sort_keys=True) for p in found}) == len(found)
        for a, b in combinations(found, 2):
            assert not at_least_as_good_everywhere(scenario, item, a, b)
            assert not at_least_as_good_everywhere(scenario, item, b, a)


# --- the sales sample -----------------------------------------------------------------------


def test_three_packages_of_about_equal_value_for_the_sales_offer() -> None:
    found = packages(SALES, plan_of(SALES, "Brightline Software"))

    assert [p.name for p in found] == ["Package A", "Package B", "Package C"]
    assert_sound(SALES, "Brightline Software", found)


def test_packages_move_only_terms_the_company_can_move() -> None:
    found = packages(SALES, plan_of(SALES, "Brightline Software"))

    moved = {name for p in found for name in p.values}
    assert moved <= {"Commission (on-target)", "Base salary", "Signing bonus"}
    assert not moved & {"Health coverage", "Vacation days", "Title"}


def test_one_package_leans_on_the_top_term_one_on_one_off_money_one_spreads() -> None:
    found = packages(SALES, plan_of(SALES, "Brightline Software"))

    assert found[0].idea == "Leans on Commission (on-target)"
    assert found[0].values["Commission (on-target)"] == 70000
    assert found[1].idea == "Leans on one-off money: Signing bonus"
    assert found[1].values["Signing bonus"] == 10000
    assert found[2].idea.startswith("Spreads across")
    assert all(value != 0 for value in found[2].values.values())


def test_a_package_reports_the_money_it_adds_and_a_summary_in_words() -> None:
    package = packages(SALES, plan_of(SALES, "Brightline Software"))[0]

    added_yearly = (package.values["Commission (on-target)"] - 60000) + (
        package.values["Base salary"] - 74000
    )
    assert package.money_per_year == added_yearly
    assert package.money_once == package.values["Signing bonus"]
    assert package.summary.startswith("Commission (on-target): 70,000 USD a year; Base salary: ")


def test_packages_are_the_same_every_time() -> None:
    assert packages(SALES, plan_of(SALES, "Brightline Software")) == packages(
        SALES, plan_of(SALES, "Brightline Software")
    )


def test_an_offer_that_fails_the_bottom_line_gets_packages_only_when_asked() -> None:
    assert packages(SALES, plan_of(SALES, "Harbor Logistics")) == []

    found = packages(SALES, plan_of(SALES, "Harbor Logistics"), anyway=True)

    assert len(found) >= 2
    assert_sound(SALES, "Harbor Logistics", found)


def test_a_must_win_is_in_every_package_past_the_bottom_line_never_at_it() -> None:
    found = packages(SALES, plan_of(SALES, "Harbor Logistics"), anyway=True)

    commission = [p.values["Commission (on-target)"] for p in found]
    assert all(50000 < value <= 70000 for value in commission)


# --- built scenarios ---------------------------------------------------------------------------


def commute_and_dental() -> Scenario:
    """A lower-is-better number and a choice with room, beside a salary."""
    return make_scenario(
        [
            term("Base salary", bottom_line=50000, target=60000, priority=4),
            term(
                "Commute minutes",
                "number",
                unit="min/day",
                better="lower",
                bottom_line=90,
                target=30,
                priority=3,
            ),
            term(
                "Dental plan",
                "choice",
                options=["None", "Basic", "Standard", "Premium", "Comprehensive"],
                bottom_line="Basic",
                target="Comprehensive",
                priority=3,
            ),
        ],
        [
            offer(
                values={"Base salary": 52000, "Commute minutes": 80, "Dental plan": "Basic"},
                flexibility={
                    "Base salary": "negotiable",
                    "Commute minutes": "limited",
                    "Dental plan": "negotiable",
                },
            )
        ],
    )


def test_lower_is_better_terms_move_down_and_choices_move_by_the_options_between() -> None:
    scenario = commute_and_dental()

    found = packages(scenario, plan_of(scenario, "Northwind"))

    assert found
    assert_sound(scenario, "Northwind", found)
    for package in found:
        if "Commute minutes" in package.values:
            assert 30 <= float(package.values["Commute minutes"]) < 80
        if "Dental plan" in package.values:
            assert package.values["Dental plan"] in ("Standard", "Premium", "Comprehensive")


def test_a_fixed_term_is_never_in_a_package_even_below_target() -> None:
    scenario = make_scenario(
        [
            term("Base salary", target=60000, priority=5),
            term("Signing bonus", per="once", target=8000, priority=3),
            term("Vacation days", "number", unit="days/year", target=30, priority=5),
        ],
        [
            offer(
                values={"Base salary": 50000, "Signing bonus": 0, "Vacation days": 20},
                flexibility={"Vacation days": "fixed", "Base salary": "negotiable"},
            )
        ],
    )

    found = packages(scenario, plan_of(scenario, "Northwind"))

    assert found
    assert all("Vacation days" not in p.values for p in found)
    assert_sound(scenario, "Northwind", found)


def test_a_must_win_and_one_other_term_can_trade_against_each_other() -> None:
    scenario = make_scenario(
        [
            term("Base salary", bottom_line=60000, target=70000, priority=5),
            term("Bonus", target=8000),
        ],
        [
            offer(
                values={"Base salary": 55000, "Bonus": 0}, flexibility={"Base salary": "negotiable"}
            )
        ],
    )

    found = packages(scenario, plan_of(scenario, "Northwind"))

    assert len(found) >= 2
    assert all(60000 < p.values["Base salary"] <= 70000 for p in found)
    assert_sound(scenario, "Northwind", found)


def test_a_must_win_without_a_target_is_asked_at_its_line_in_every_package() -> None:
    scenario = make_scenario(
        [
            term("Base salary", bottom_line=60000, priority=5),
            term("Bonus", target=8000),
            term("Signing bonus", per="once", target=5000),
        ],
        [offer(values={"Base salary": 55000, "Bonus": 0, "Signing bonus": 0})],
    )

    found = packages(scenario, plan_of(scenario, "Northwind"))

    assert found
    assert all(p.values["Base salary"] == 60000 for p in found)
    assert_sound(scenario, "Northwind", found)


def test_when_no_designed_packages_fit_a_search_of_the_steps_finds_sound_ones(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(planner.packages, "_pick", lambda candidates: [])
    scenario = commute_and_dental()

    found = packages(scenario, plan_of(scenario, "Northwind"))

    assert len(found) >= 2
    assert all(p.idea.startswith("Leans on ") for p in found)
    assert_sound(scenario, "Northwind", found)


def test_fewer_than_two_terms_to_trade_make_no_packages() -> None:
    scenario = make_scenario(
        [term("Base salary", target=60000), term("Vacation days", "number", target=30)],
        [
            offer(
                values={"Base salary": 50000, "Vacation days": 20},
                flexibility={"Base salary": "negotiable", "Vacation days": "fixed"},
            )
        ],
    )

    assert packages(scenario, plan_of(scenario, "Northwind")) == []
    assert traded_terms(scenario, plan_of(scenario, "Northwind")) == ["Base salary"]


def test_two_one_step_choices_of_equal_priority_make_an_either_or_pair() -> None:
    options = ["Junior", "Mid", "Senior"]
    scenario = make_scenario(
        [
            term("Title", "choice", options=options, target="Senior", priority=3),
            term("Team", "choice", options=options, target="Senior", priority=3),
        ],
        [offer(values={"Title": "Mid", "Team": "Mid"})],
    )

    found = packages(scenario, plan_of(scenario, "Northwind"))

    assert [p.values for p in found] == [{"Title": "Senior"}, {"Team": "Senior"}]
    assert_sound(scenario, "Northwind", found)


def test_packages_plan_on_what_the_rounds_taught() -> None:
    answered = record_round(SALES, "Brightline Software", "Signing bonus", stance="fixed")

    found = packages(answered, plan_of(answered, "Brightline Software"))

    assert found
    assert all("Signing bonus" not in p.values for p in found)
    assert_sound(answered, "Brightline Software", found)


def test_an_unknown_offer_or_the_current_job_is_refused() -> None:
    with pytest.raises(ScenarioError, match="no offer named 'Globex'"):
        packages(SALES, plan_of(SALES, "Globex"))
    with pytest.raises(ScenarioError, match="is your current job"):
        packages(SALES, plan_of(SALES, "Current job"))


@settings(max_examples=examples(300), suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(scenario_data(max_terms=6, max_offers=2))
def test_on_any_scenario_packages_move_movable_terms_within_range_and_equal_in_value(
    data: dict[str, Any],
) -> None:
    scenario = parse_scenario(data)
    for item in scenario.offers:
        if item.current:
            continue

        found = packages(scenario, plan_of(scenario, item.name), anyway=True)

        assert_sound(scenario, item.name, found)


@st.composite
def offers_with_room(draw: st.DrawFn) -> dict[str, Any]:
    """Random scenarios whose first offer falls short of most targets on terms that move."""
    data = draw(scenario_data(max_terms=6, max_offers=1))
    item = data["offers"][0]
    item.pop("current", None)
    for spec in data["terms"]:
        target = spec.get("target")
        if target is None or draw(st.integers(0, 5)) == 0:
            continue
        if spec["type"] == "choice":
            below = spec["options"][: spec["options"].index(target)]
            if not below:
                continue
            value = draw(st.sampled_from(below))
        else:
            gap = draw(st.sampled_from([1, 2.5, 10, 500, 7000]))
            value = target + gap if spec["better"] == "lower" else target - gap
            if spec["type"] == "money":
                value = max(value, 0)
        item["values"][spec["name"]] = value
        item["flexibility"][spec["name"]] = draw(st.sampled_from(["negotiable", "limited"]))
    return data


@settings(max_examples=examples(300), suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(offers_with_room())
def test_offers_with_room_get_sound_packages(data: dict[str, Any]) -> None:
    scenario = parse_scenario(data)
    name = scenario.offers[0].name

    found = packages(scenario, plan_of(scenario, name), anyway=True)

    assert_sound(scenario, name, found)


# --- the command line ---------------------------------------------------------------------------


def test_the_json_is_exactly_a_list_of_packages_with_the_values_they_change() -> None:
    result = run("packages", str(SALES_FILE), "--offer", "Brightline Software", "--format", "json")

    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert list(data) == ["packages"]
    assert [p["name"] for p in data["packages"]] == ["Package A", "Package B", "Package C"]
    assert data["packages"][0]["values"]["Commission (on-target)"] == 70000
    assert data["packages"] == [
        p.model_dump(mode="json") for p in packages(SALES, plan_of(SALES, "Brightline Software"))
    ]


def test_the_table_shows_each_package_with_its_values_and_the_rule_of_thumb() -> None:
    result = run("packages", str(SALES_FILE), "--offer", "brightline software")

    text = result.stdout.decode()
    assert result.returncode == 0
    assert "Harvard Program on Negotiation" in text
    assert "Package A: leans on Commission (on-target); value to you" in text
    assert "  Commission (on-target): 70,000 USD a year" in text


def test_the_command_line_says_plainly_when_there_are_no_packages() -> None:
    first_job = SAMPLES / "first-job.json"

    result = run("packages", str(first_job), "--offer", "Riverside Analytics")
    as_json = run("packages", str(first_job), "--offer", "Riverside Analytics", "--format", "json")

    assert result.returncode == 0
    assert result.stdout.decode().startswith(
        "No equal-value packages for Riverside Analytics: packages need at least two terms"
    )
    assert json.loads(as_json.stdout) == {"packages": []}


def test_the_command_line_drafts_no_packages_for_a_failing_offer_unless_anyway() -> None:
    refused = run("packages", str(SALES_FILE), "--offer", "Harbor Logistics", "--format", "json")
    anyway = run(
        "packages", str(SALES_FILE), "--offer", "Harbor Logistics", "--format", "json", "--anyway"
    )
    table = run("packages", str(SALES_FILE), "--offer", "Harbor Logistics")

    assert json.loads(refused.stdout) == {"packages": []}
    assert len(json.loads(anyway.stdout)["packages"]) >= 2
    assert b"fails your bottom line on Health coverage" in table.stdout


def test_a_wrong_format_is_one_line() -> None:
    result = run("packages", str(SALES_FILE), "--offer", "Brightline Software", "--format", "csv")

    assert_refused(result, "--format")


def test_extreme_but_finite_figures_give_packages_or_none_never_an_error() -> None:
    scenario = parse_scenario(
        {
            "format": "negotiation-planner/1",
            "terms": [
                {
                    "name": "Far",
                    "type": "number",
                    "bottom_line": -1e308,
                    "target": 1e308,
                    "priority": 5,
                },
                {"name": "Near", "type": "number", "target": 10, "priority": 3},
            ],
            "offers": [
                {
                    "name": "A",
                    "values": {"Far": -1e308, "Near": 1},
                    "flexibility": {"Far": "negotiable", "Near": "negotiable"},
                }
            ],
        }
    )

    found = planner.packages.packages(scenario, plan_of(scenario, "A"))

    assert len(found) <= 3
