"""The counter-offer script and the call sheet: the plan's asks, all at once, never the line."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from planner import Scenario, ScenarioError, formatting, make_plan, parse_scenario
from planner.brief import brief
from planner.catalog import SAMPLES
from planner.coach import (
    CallSheet,
    Script,
    call_sheet,
    call_sheet_text,
    counter_script,
    script_text,
)
from planner.packages import packages
from planner.rules import default_step
from planner.scenario_file import read_scenario_bytes
from tests.builders import make_scenario, offer, plan_of, term
from tests.strategies import examples, scenario_data
from tests.test_cli import ROOT, assert_refused, run

SALES_FILE = SAMPLES / "sales-hire.json"
SALES = read_scenario_bytes(SALES_FILE.read_bytes())


def northwind(
    notes: dict[str, str] | None = None,
    flexibility: dict[str, str] | None = None,
    reasons: dict[str, str] | None = None,
) -> Scenario:
    """Salary and a signing bonus to push, a fixed dental plan to drop, a remote must-win."""
    return make_scenario(
        [
            term("Base salary", bottom_line=58000, target=66000, priority=5),
            term("Signing bonus", per="once", target=5000, priority=3),
            term("Remote days", "number", unit="days/week", bottom_line=2, target=3, priority=4),
            term("Dental plan", "choice", bottom_line="Basic", target="Comprehensive", priority=1),
        ],
        [
            offer(
                "Northwind",
                values={
                    "Base salary": 60000,
                    "Signing bonus": 0,
                    "Remote days": 1,
                    "Dental plan": "Basic",
                },
                flexibility=flexibility
                or {
                    "Base salary": "negotiable",
                    "Signing bonus": "negotiable",
                    "Remote days": "limited",
                    "Dental plan": "fixed",
                },
                notes=notes or {},
                reasons=reasons or {},
            ),
            offer("Current job", current=True, values={"Base salary": 55000}),
        ],
    )


def whole_text(script: Script) -> str:
    return "\n".join(
        [script.warning, script.notice, script.subject, script.email, *script.talking_points]
    )


# --- exactly the plan's asks, in order, with their figures ----------------------------------


def test_the_script_asks_for_exactly_the_plans_asks_in_order_with_their_figures() -> None:
    plan = make_plan(SALES).offer("Brightline Software")

    script = counter_script(SALES, plan_of(SALES, "Brightline Software"))

    assert script.asks == [(name, plan.term(name).ask) for name in plan.asks]
    assert [line.figure_text for line in script.lines] == [
        "70,000 USD a year",
        "82,000 USD a year",
        "10,000 USD",
    ]
    positions = [script.email.index(f"{n}. {name}: ") for n, name in enumerate(plan.asks, 1)]
    assert positions == sorted(positions)


def test_the_email_opens_with_thanks_and_enthusiasm_before_any_ask() -> None:
    script = counter_script(SALES, plan_of(SALES, "Brightline Software"))

    first_ask = script.email.index("1. ")
    assert script.email.index("Thank you for the offer") < first_ask
    assert script.email.index("excited") < first_ask
    assert script.talking_points[0].startswith("Open with thanks and enthusiasm")


def test_the_script_raises_all_asks_at_once_and_cites_the_rule_of_thumb_with_its_source() -> None:
    script = counter_script(SALES, plan_of(SALES, "Brightline Software"))

    assert "raise everything at once" in script.email
    assert script.rule.id == "all-at-once"
    assert "Malhotra" in script.rule.source
    assert "HBR 2014" in script.rule.source
    assert any("Rule of thumb" in p and "Malhotra" in p for p in script.talking_points)


def test_a_fixed_term_is_never_asked_for() -> None:
    scenario = northwind()

    script = counter_script(scenario, plan_of(scenario, "Northwind"))

    assert "Dental plan" not in [name for name, _ in script.asks]
    assert "Dental plan" not in script.email
    assert "Comprehensive" not in whole_text(script)


def test_a_reason_comes_from_reasons_and_a_note_is_never_given() -> None:
    scenario = northwind(
        notes={"Base salary": "the band for this role goes to 70k"},
        reasons={"Base salary": "the role covers two product lines"},
    )

    script = counter_script(scenario, plan_of(scenario, "Northwind"))

    salary = next(line for line in script.lines if line.term == "Base salary")
    assert salary.reason_source == "reasons"
    assert salary.justification == "The role covers two product lines."
    assert "2. Base salary: 66,000 USD a year. The role covers two product lines." in script.email
    assert "band for this role" not in whole_text(script)


def test_a_note_alone_is_not_a_reason_the_neutral_sentence_for_the_term_is() -> None:
    scenario = northwind(notes={"Base salary": "the band for this role goes to 70k"})

    script = counter_script(scenario, plan_of(scenario, "Northwind"))

    salary = next(line for line in script.lines if line.term == "Base salary")
    assert salary.reason_source == "neutral"
    assert "70k" not in whole_text(script)


def test_an_ask_without_a_reason_gets_a_neutral_sentence_for_its_kind_of_term() -> None:
    script = counter_script(northwind(), plan_of(northwind(), "Northwind"))

    reasons = {line.term: line.justification for line in script.lines}
    assert reasons == {
        "Remote days": "This way of working would help me do my best work.",
        "Base salary": "I believe this figure reflects the scope of the role and what I would "
        "bring to it.",
        "Signing bonus": "A one-off payment would help me make the move to the new role smoothly.",
    }
    assert all(line.reason_source == "neutral" for line in script.lines)
    assert "matters to me" not in whole_text(script)
    assert "essential" not in script.email


# --- never the bottom line -----------------------------------------------------------------


def test_the_bottom_line_figures_do_not_appear_in_the_script() -> None:
    script = counter_script(northwind(), plan_of(northwind(), "Northwind"))

    text = whole_text(script)
    assert "58,000" not in text
    assert "58000" not in text
    assert "2 days/week" not in text
    assert "Basic" not in text


@pytest.mark.parametrize(
    "note",
    [
        "I cannot go below 58000",
        "my floor is 58,000 EUR",
        "anything under 58k does not work",
        "need at least 2 remote days",
        "Basic is the least I would take",
    ],
)
def test_a_reason_that_gives_a_bottom_line_away_is_not_given(note: str) -> None:
    scenario = northwind(reasons={"Base salary": note})

    script = counter_script(scenario, plan_of(scenario, "Northwind"))

    salary = next(line for line in script.lines if line.term == "Base salary")
    assert salary.reason_source == "neutral"
    assert salary.justification.startswith("I believe this figure")
    assert note not in whole_text(script)


def test_where_a_term_has_no_target_the_ask_is_its_bottom_line_and_is_said_as_the_ask() -> None:
    scenario = make_scenario(
        [term("Base salary", bottom_line=58000)],
        [offer(values={"Base salary": 50000}, flexibility={"Base salary": "negotiable"})],
    )

    script = counter_script(scenario, plan_of(scenario, "Northwind"))

    assert script.asks == [("Base salary", 58000)]
    assert "1. Base salary: 58,000 USD a year." in script.email


def _forbidden(scenario: Scenario, script: Script) -> set[str]:
    """The bottom lines as the script would write them, less any figure the script asks for."""
    asked = set()
    for line in script.lines:
        spec = scenario.term(line.term)
        figure = line.figure
        asked.add(
            figure
            if isinstance(figure, str)
            else formatting.amount(figure, spec, scenario.currency)
        )
    lines = set()
    for spec in scenario.terms:
        line = spec.bottom_line
        if line is None:
            continue
        lines.add(
            line if isinstance(line, str) else formatting.amount(line, spec, scenario.currency)
        )
    return lines - asked


def _renderings(number: float) -> set[str]:
    """A number as a note might write it (as the strategy below writes it, and as shown)."""
    forms = {formatting.number(number)}
    if number.is_integer():
        number = int(number)
    return forms | {f"{number}", f"{number:,}", f"{number:,.2f}"}


def _appears(figure: str, text: str) -> bool:
    return re.search(rf"(?<![\w.,]){re.escape(figure)}(?!\w)", text) is not None


@st.composite
def plain_named_scenarios(draw: st.DrawFn) -> dict[str, Any]:
    """Random scenarios (tests.strategies) with names and options that carry no figures,
    and reasons that sometimes give a bottom line away, so that any figure in a script is
    one the script wrote."""
    data = draw(scenario_data(max_terms=5, max_offers=3))
    names = {t["name"]: f"Term{chr(65 + i)}" for i, t in enumerate(data["terms"])}
    renamed_options: dict[str, dict[str, str]] = {}
    lines = []
    for i, spec in enumerate(data["terms"]):
        spec["name"] = names[spec["name"]]
        if spec["type"] == "choice":
            mapping = {
                o: f"Choice{chr(65 + i)}{chr(97 + j)}" for j, o in enumerate(spec["options"])
            }
            renamed_options[spec["name"]] = mapping
            spec["options"] = [mapping[o] for o in spec["options"]]
            for key in ("bottom_line", "target"):
                if key in spec:
                    spec[key] = mapping[spec[key]]
        if "bottom_line" in spec:
            lines.append(spec["bottom_line"])
    for k, item in enumerate(data["offers"]):
        item["name"] = f"Company{chr(65 + k)}"
        values = {names[n]: v for n, v in item.get("values", {}).items()}
        for name, value in values.items():
            if name in renamed_options:
                values[name] = renamed_options[name][value]
        item["values"] = values
        item["flexibility"] = {names[n]: s for n, s in item.get("flexibility", {}).items()}
        notes = {}
        reasons: dict[str, str] = {}
        for spec in data["terms"]:
            kind = draw(st.integers(0, 3))
            if kind == 1:
                notes[spec["name"]] = draw(st.text(max_size=30))
            elif kind == 2 and lines:
                secret = draw(st.sampled_from(lines))
                shown = (
                    secret
                    if isinstance(secret, str)
                    else draw(st.sampled_from([f"{secret}", f"{secret:,}", f"{secret:,.2f}"]))
                )
                reasons[spec["name"]] = f"my line is {shown}, do not tell"
        item["notes"] = notes
        item["reasons"] = reasons
    return data


TINY_LINE_AND_A_ZERO_ASK = {
    "format": "negotiation-planner/1",
    "terms": [
        {"name": "TermA", "type": "number", "bottom_line": 0.00390625, "target": 5},
        {"name": "TermB", "type": "number", "bottom_line": 0},
    ],
    "offers": [
        {
            "name": "CompanyA",
            "values": {"TermA": 0.001, "TermB": -1},
            "flexibility": {"TermA": "negotiable", "TermB": "negotiable"},
            "reasons": {"TermA": "my line is 0.00, do not tell"},
        }
    ],
}
"""A bottom line of 0.00390625 is shown as 0.00, and another term asks for 0: a guard
that took the asked figures away from the *rounded* lines quoted "my line is 0.00"."""


@settings(max_examples=examples(300), suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(plain_named_scenarios(), st.booleans())
@example(TINY_LINE_AND_A_ZERO_ASK, False)
def test_no_script_ever_contains_a_bottom_line_figure_it_does_not_ask_for(
    data: dict[str, Any], anyway: bool
) -> None:
    scenario = parse_scenario(data)
    for item in scenario.offers:
        if item.current:
            continue

        script = counter_script(scenario, plan_of(scenario, item.name), anyway=anyway)

        text = whole_text(script)
        for line in script.lines:
            text = text.replace(line.figure_text, "<ask>")
        for figure in _forbidden(scenario, script):
            assert not _appears(figure, text), (figure, text)
        asked = {figure for _, figure in script.asks}
        secret = {
            spec.bottom_line
            for spec in scenario.terms
            if isinstance(spec.bottom_line, float) and spec.bottom_line not in asked
        }
        quoted = [line.justification for line in script.lines if line.reason_source == "reasons"]
        for number in secret:
            for form in _renderings(number):
                assert not any(_appears(form, note) for note in quoted), (form, quoted)


@settings(max_examples=examples(200), suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(scenario_data(max_terms=5, max_offers=3))
def test_every_script_asks_exactly_the_plans_asks_and_never_a_fixed_term(
    data: dict[str, Any],
) -> None:
    scenario = parse_scenario(data)
    plan = make_plan(scenario)
    for labels in plan.offers:
        if labels.current:
            continue

        script = counter_script(scenario, plan_of(scenario, labels.name), anyway=True)

        assert script.phase == "opening"
        assert script.asks == [(name, labels.term(name).ask) for name in labels.asks]
        assert all(labels.term(name).stance != "fixed" for name, _ in script.asks)
        assert script.fails_bottom_line == (labels.verdict == "walk_away")
        if labels.asks:
            assert script.drafted
            assert len(script.lines) == len(labels.asks)


@settings(max_examples=examples(200), suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(plain_named_scenarios())
@example(  # the step a counter rounds to (1 USD) is not the bottom line that happens to be 1
    {
        "format": "negotiation-planner/1",
        "terms": [
            {"name": "TermA", "type": "money", "per": "year", "bottom_line": 0, "target": 0},
            {
                "name": "TermB",
                "type": "money",
                "per": "once",
                "better": "lower",
                "bottom_line": 1,
                "target": 0,
            },
        ],
        "offers": [
            {"name": "CompanyA", "current": True},
            {"name": "CompanyB", "values": {"TermB": 1}},
        ],
    }
)
def test_no_call_sheet_ever_shows_a_bottom_line_figure_that_is_not_an_ask(
    data: dict[str, Any],
) -> None:
    scenario = parse_scenario(data)
    plan = make_plan(scenario)
    for labels in plan.offers:
        if labels.current:
            continue

        sheet = call_sheet(scenario, plan_of(scenario, labels.name), anyway=True)

        text = call_sheet_text(sheet)
        for package in sheet.packages:
            text = text.replace(package.summary, "<package>")
        for spec in scenario.terms:  # the step a counter rounds to is not a figure of yours
            step = default_step(spec, scenario.offers)
            if step is not None:
                shown = formatting.amount(step, spec, scenario.currency)
                text = text.replace(f"rounded to {shown} towards", "rounded to <step> towards")
        asked = set()
        for row in labels.terms:
            if row.ask is not None:
                spec = scenario.term(row.term)
                shown = formatting.value(row.ask, spec, scenario.currency)
                text = text.replace(shown, "<ask>")
                asked.add(
                    row.ask
                    if isinstance(row.ask, str)
                    else formatting.amount(row.ask, spec, scenario.currency)
                )
        for spec in scenario.terms:
            line = spec.bottom_line
            if line is None:
                continue
            figure = (
                line if isinstance(line, str) else formatting.amount(line, spec, scenario.currency)
            )
            if figure not in asked:
                assert not _appears(figure, text), (figure, text)


# --- an offer that fails the bottom line ------------------------------------------------


def test_an_offer_that_fails_the_bottom_line_is_called_out_and_gets_no_counter() -> None:
    script = counter_script(SALES, plan_of(SALES, "Harbor Logistics"))

    assert script.fails_bottom_line
    assert script.warning == (
        "Harbor Logistics fails your bottom line on Health coverage, "
        "and the company says it is fixed."
    )
    assert not script.drafted
    assert script.email == ""
    assert script.asks == []
    assert "No counter is drafted" in script.notice


def test_a_counter_for_a_failing_offer_is_drafted_when_asked_for_anyway() -> None:
    script = counter_script(SALES, plan_of(SALES, "Harbor Logistics"), anyway=True)

    assert script.drafted
    assert script.fails_bottom_line
    assert script.warning
    assert "Health coverage" not in [name for name, _ in script.asks]
    assert script.asks[0] == ("Commission (on-target)", 70000)
    assert script.talking_points[0].startswith("Know before you call: Harbor Logistics fails")


def test_an_offer_to_accept_has_nothing_to_counter() -> None:
    scenario = make_scenario(
        [term("Base salary", bottom_line=50000, target=60000)],
        [offer(values={"Base salary": 61000})],
    )

    script = counter_script(scenario, plan_of(scenario, "Northwind"))

    assert not script.drafted
    assert script.notice.startswith("Nothing to counter: meets your targets")
    assert not script.fails_bottom_line


def test_terms_not_known_yet_are_questions_to_ask_not_asks() -> None:
    scenario = make_scenario(
        [term("Base salary", target=60000), term("Relocation", per="once", target=5000)],
        [offer(values={"Base salary": 50000}, flexibility={"Base salary": "negotiable"})],
    )

    script = counter_script(scenario, plan_of(scenario, "Northwind"))

    assert script.find_out == ["Relocation"]
    assert [name for name, _ in script.asks] == ["Base salary"]
    assert "Relocation" not in script.email


# --- which offer ---------------------------------------------------------------------------


def test_your_current_job_is_not_negotiated() -> None:
    with pytest.raises(ScenarioError) as caught:
        counter_script(SALES, plan_of(SALES, "current job"))

    assert caught.value.path == "offer"
    assert caught.value.problem == "'Current job' is your current job: it is not negotiated"


def test_an_unknown_offer_is_named_with_the_offers_there_are() -> None:
    with pytest.raises(ScenarioError) as caught:
        counter_script(SALES, plan_of(SALES, "Globex"))

    assert caught.value.problem == (
        "no offer named 'Globex' (the offers are: 'Brightline Software', "
        "'Harbor Logistics', 'Current job')"
    )


def test_the_offer_name_ignores_case_and_surrounding_space() -> None:
    script = counter_script(SALES, plan_of(SALES, "  brightline SOFTWARE "))

    assert script.offer == "Brightline Software"


# --- the call sheet -------------------------------------------------------------------------


def replies_of(sheet: CallSheet, name: str) -> dict[str, Any]:
    item = next(i for i in sheet.items if i.term == name)
    return {reply.answer: reply for reply in item.replies}


def test_the_call_sheet_has_an_item_per_ask_in_the_plans_order() -> None:
    sheet = call_sheet(SALES, plan_of(SALES, "Brightline Software"))

    assert [item.term for item in sheet.items] == make_plan(SALES).offer("Brightline Software").asks
    assert sheet.items[0].ask_text == "70,000 USD a year"


def test_every_ask_on_the_call_sheet_expects_yes_a_lower_figure_no_and_fixed() -> None:
    sheet = call_sheet(SALES, plan_of(SALES, "Brightline Software"))

    for item in sheet.items:
        assert [reply.answer for reply in item.replies] == ["yes", "lower", "no", "fixed"]
        assert item.replies[0].action == "take"


def test_a_lower_figure_is_countered_once_by_the_rounds_rule_before_any_answer() -> None:
    sheet = call_sheet(SALES, plan_of(SALES, "Brightline Software"))

    for name in ("Base salary", "Signing bonus"):
        reply = replies_of(sheet, name)["lower"]
        assert reply.action == "counter"
        assert reply.you.startswith("Counter once:")
        assert "rounded to 500 USD" in reply.you
        assert "final word" in reply.you


def test_a_choice_is_countered_with_the_next_option_never_halfway() -> None:
    scenario = make_scenario(
        [
            term(
                "Dental plan",
                "choice",
                options=["None", "Basic", "Plus", "Comprehensive"],
                target="Comprehensive",
            )
        ],
        [offer(values={"Dental plan": "None"}, flexibility={"Dental plan": "negotiable"})],
    )

    reply = replies_of(call_sheet(scenario, plan_of(scenario, "Northwind")), "Dental plan")

    assert "next option above theirs" in reply["lower"].you
    assert "halfway" not in reply["lower"].you


def test_go_on_to_your_next_ask_is_never_said_after_the_last_ask() -> None:
    sheet = call_sheet(SALES, plan_of(SALES, "Brightline Software"))

    yeses = [item.replies[0].you for item in sheet.items]
    assert all("go on to your next ask" in you for you in yeses[:-1])
    assert "next ask" not in yeses[-1]
    assert "in writing" in yeses[-1]


def test_your_bottom_line_is_met_is_said_only_on_terms_that_have_one() -> None:
    scenario = make_scenario(
        [
            term("Signing bonus", per="once", target=5000),
            term("Base salary", bottom_line=4000, target=9000),
        ],
        [
            offer(
                values={"Signing bonus": 0, "Base salary": 5000},
                flexibility={"Signing bonus": "negotiable", "Base salary": "negotiable"},
                rounds=[
                    {"term": "Signing bonus", "value": 1000},
                    {"term": "Base salary", "value": 6000},
                ],
            )
        ],
    )
    plan = plan_of(scenario, "Northwind")

    sheet = call_sheet(scenario, plan)

    assert plan.phase == "countering"
    assert "bottom line is met" not in replies_of(sheet, "Signing bonus")["lower"].you
    assert "bottom line is met" in replies_of(sheet, "Base salary")["lower"].you


def test_no_falls_back_to_a_named_package_that_asks_less_of_that_term() -> None:
    sheet = call_sheet(SALES, plan_of(SALES, "Brightline Software"))
    offered = {p.name: p for p in packages(SALES, plan_of(SALES, "Brightline Software"))}

    reply = replies_of(sheet, "Base salary")["no"]

    assert reply.action == "fall_back"
    assert reply.fallback in offered
    asked = offered[reply.fallback].values["Base salary"]
    assert asked < 82000
    assert reply.fallback in reply.you


def test_that_is_fixed_lets_the_term_go_and_never_raises_a_term_off_the_ask_list() -> None:
    sheet = call_sheet(SALES, plan_of(SALES, "Brightline Software"))

    reply = replies_of(sheet, "Signing bonus")["fixed"]

    assert reply.action == "fall_back"
    assert reply.fallback == ""
    assert "Remote days per week" not in call_sheet_text(sheet).split("Questions they may")[0]
    assert "never ask for it again" in reply.you
    assert "round" in reply.you


def test_a_must_win_refused_or_fixed_means_walking_away_and_a_lower_figure_a_counter() -> None:
    sheet = call_sheet(northwind(), plan_of(northwind(), "Northwind"))

    replies = replies_of(sheet, "Remote days")

    assert replies["no"].action == "walk_away"
    assert replies["fixed"].action == "walk_away"
    assert replies["lower_below_line"].action == "counter"
    assert "walk away" in replies["lower_below_line"].you
    assert "still meets your bottom line" in replies["lower"].they_say


def test_a_must_win_without_a_target_has_no_lower_figure_that_meets_the_line() -> None:
    scenario = make_scenario(
        [term("Base salary", bottom_line=58000), term("Bonus", target=5000)],
        [offer(values={"Base salary": 50000, "Bonus": 0})],
    )

    sheet = call_sheet(scenario, plan_of(scenario, "Northwind"))

    assert set(replies_of(sheet, "Base salary")) == {"yes", "lower_below_line", "no", "fixed"}


def test_the_call_sheet_never_shows_a_bottom_line_figure() -> None:
    sheet = call_sheet(northwind(), plan_of(northwind(), "Northwind"))

    text = call_sheet_text(sheet)
    assert "58,000" not in text
    assert "2 days/week" not in text
    assert "Basic" not in text
    assert "Never say your bottom line" in text


def test_the_call_sheet_of_a_failing_offer_is_the_warning_only_unless_asked() -> None:
    sheet = call_sheet(SALES, plan_of(SALES, "Harbor Logistics"))
    anyway = call_sheet(SALES, plan_of(SALES, "Harbor Logistics"), anyway=True)

    assert sheet.warning.startswith("Harbor Logistics fails your bottom line")
    assert sheet.items == []
    assert anyway.items
    assert anyway.warning == sheet.warning


def test_the_brief_carries_the_call_sheets_only_when_asked() -> None:
    plan = make_plan(SALES)

    plain = brief(SALES, plan)
    with_sheets = brief(SALES, plan, call_sheets=True)

    assert "Call sheet" not in plain
    assert "## Call sheet: Brightline Software" in with_sheets
    assert "Call sheet: Harbor Logistics" not in with_sheets
    assert with_sheets.startswith(plain)


# --- the command line ------------------------------------------------------------------------


def test_the_script_command_prints_the_email_then_the_talking_points() -> None:
    result = run("script", str(SALES_FILE), "--offer", "Brightline Software")

    text = result.stdout.decode()
    assert result.returncode == 0, result.stderr
    assert result.stderr == b""
    assert text.startswith("Subject: ")
    assert text.index("Hello,") < text.index("Talking points for a call:")
    assert text == script_text(counter_script(SALES, plan_of(SALES, "Brightline Software")))


def test_the_script_command_calls_out_a_failing_offer_and_drafts_on_anyway() -> None:
    refused = run("script", str(SALES_FILE), "--offer", "Harbor Logistics")
    anyway = run("script", str(SALES_FILE), "--offer", "Harbor Logistics", "--anyway")

    assert refused.returncode == 0
    assert b"fails your bottom line on Health coverage" in refused.stdout
    assert b"Subject:" not in refused.stdout
    assert b"--anyway" in refused.stdout
    assert anyway.returncode == 0
    assert b"Subject:" in anyway.stdout


def test_the_script_command_reads_standard_input() -> None:
    result = run("script", "-", "--offer", "brightline software", stdin=SALES_FILE.read_bytes())

    assert result.returncode == 0
    assert b"1. Commission (on-target): 70,000 USD a year." in result.stdout


@pytest.mark.parametrize("command", ["script", "packages", "callsheet"])
def test_an_unknown_offer_is_one_line_naming_the_option_and_the_offers(command: str) -> None:
    result = run(command, str(SALES_FILE), "--offer", "Globex")

    err = assert_refused(result)
    assert err == (
        "--offer: no offer named 'Globex' (the offers are: 'Brightline Software', "
        "'Harbor Logistics', 'Current job')\n"
    )


@pytest.mark.parametrize("command", ["script", "packages", "callsheet"])
def test_the_current_job_is_refused_in_one_line(command: str) -> None:
    result = run(command, str(SALES_FILE), "--offer", "Current job")

    err = assert_refused(result)
    assert err == "--offer: 'Current job' is your current job: it is not negotiated\n"


@pytest.mark.parametrize("command", ["script", "packages", "callsheet"])
def test_a_missing_offer_option_or_a_bad_file_is_one_line_too(command: str) -> None:
    bad = json.dumps({"format": "negotiation-planner/1", "terms": [], "offers": []}).encode()

    assert_refused(run(command, str(SALES_FILE)), "--offer")
    assert_refused(run(command, "-", "--offer", "x", stdin=bad), "terms")
    assert_refused(run(command, "no-such-file.json", "--offer", "x"), "no-such-file.json")


def test_the_callsheet_command_prints_each_ask_with_the_answers_to_expect() -> None:
    result = run("callsheet", str(SALES_FILE), "--offer", "Brightline Software")

    text = result.stdout.decode()
    assert result.returncode == 0, result.stderr
    assert text.startswith("Call sheet: Brightline Software")
    assert text.count("If they say: That is fixed.") == 3
    assert "Package A" in text


@pytest.mark.parametrize("command", ["script", "packages", "callsheet"])
def test_the_coaching_commands_do_not_load_streamlit_altair_or_pandas(command: str) -> None:
    code = (
        "import io, sys, planner.cli; "
        f"planner.cli.main([{command!r}, sys.argv[1], '--offer', 'Brightline Software'], "
        "stdout=io.StringIO()); "
        "print(sorted(m for m in ('streamlit', 'altair', 'pandas') if m in sys.modules))"
    )

    result = subprocess.run(
        [sys.executable, "-c", code, str(SALES_FILE)], capture_output=True, cwd=ROOT, check=False
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.decode().strip() == "[]"


@pytest.mark.parametrize(
    "note",
    [
        "Below 70.000 EUR I would stay where I am",
        "min 70.000,00 EUR",
        "My floor is 70'000",
        "never under 70 000",
    ],
)
def test_a_note_that_writes_the_bottom_line_the_european_way_is_not_quoted(note: str) -> None:
    scenario = make_scenario(
        [term("Base salary", bottom_line=70000, target=80000, priority=5)],
        [
            offer(
                "Northwind",
                values={"Base salary": 60000},
                flexibility={"Base salary": "negotiable"},
                notes={"Base salary": note},
            )
        ],
        currency="EUR",
    )

    script = counter_script(scenario, plan_of(scenario, "Northwind"))

    assert "80,000 EUR" in script.email
    assert note not in script.email
    assert all(note not in point for point in script.talking_points)
