"""Plan once and pass it along: a command plans once, a page rerun at most once."""

from __future__ import annotations

import io

import pytest

import planner.rules
from planner import Scenario, read_scenario_bytes
from planner.brief import brief
from planner.catalog import SAMPLES
from planner.cli import main
from planner.coach import call_sheet, counter_script
from planner.followup import acceptance_confirmation_text
from planner.packages import packages
from planner.rounds import stop_advice
from tests.apptest import open_tab, start_app

SALES_FILE = str(SAMPLES / "sales-hire.json")


@pytest.mark.parametrize(
    "argv",
    [
        ["plan", SALES_FILE],
        ["plan", SALES_FILE, "--format", "json"],
        ["plan", SALES_FILE, "--format", "csv"],
        ["script", SALES_FILE, "--offer", "Brightline Software"],
        ["script", SALES_FILE, "--offer", "Harbor Logistics"],
        ["packages", SALES_FILE, "--offer", "Brightline Software"],
        ["packages", SALES_FILE, "--offer", "Harbor Logistics"],
        ["packages", SALES_FILE, "--offer", "Brightline Software", "--format", "json"],
        ["callsheet", SALES_FILE, "--offer", "Brightline Software"],
    ],
    ids=" ".join,
)
def test_each_command_plans_exactly_once(argv: list[str], plans_made: list[Scenario]) -> None:
    out, err = io.StringIO(), io.StringIO()

    status = main(argv, stdout=out, stderr=err)

    assert status == 0, err.getvalue()
    assert out.getvalue()
    assert len(plans_made) == 1


def test_coaching_and_the_brief_work_from_the_plan_they_are_given(
    plans_made: list[Scenario],
) -> None:
    scenario = read_scenario_bytes((SAMPLES / "sales-hire.json").read_bytes())
    plan = planner.rules.make_plan(scenario)
    offer = plan.offer("Brightline Software")

    counter_script(scenario, offer)
    packages(scenario, offer)
    call_sheet(scenario, offer)
    stop_advice(scenario, offer)
    acceptance_confirmation_text(offer)
    brief(scenario, plan, call_sheets=True)

    assert len(plans_made) == 1  # the make_plan above, and nothing else


def test_a_page_rerun_plans_once_when_the_scenario_changed_and_never_otherwise(
    plans_made: list[Scenario],
) -> None:
    at = start_app()  # a blank start, then the sales sample opened: two scenarios
    assert not at.exception
    assert len(plans_made) == 2

    open_tab(at, "offers")
    assert len(plans_made) == 2

    ws = at.session_state["workspace"]
    at.text_input(key=ws.cell_key("o0", "t0", "value")).input("90000").run()

    assert not at.exception
    assert len(plans_made) == 3
    assert plans_made[-1].offers[0].values["Base salary"] == 90000
