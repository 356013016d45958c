"""The draft the app edits: cells kept as typed, problems reported by place."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, assume, given, settings

from planner import Scenario, parse_scenario, read_scenario_bytes
from planner.catalog import load_catalog, sample_files
from planner.draft import (
    Cell,
    add_catalog_terms,
    add_offer,
    add_term,
    blank_draft,
    build_scenario,
    change_term,
    draft_from_scenario,
    remove_offer,
)
from planner.numbers import parse_number
from tests.strategies import scenario_data
from ui.editor import apply_edit, cell_key, term_key
from ui.workspace import Workspace

SALES = read_scenario_bytes(sample_files()["Account executive offers"].read_bytes())


@pytest.mark.parametrize(
    ("typed", "number"),
    [
        ("60000", 60000),
        ("60,000", 60000),
        ("60 000 EUR", 60000),
        ("€60.000,50", None),
        ("60k", 60000),
        ("1.5M", 1_500_000),
        ("2,5", 2.5),
        ("5%", 5),
        ("-3", -3),
        ("$70,000.50", 70000.5),
        ("1e3", 1000),
    ],
)
def test_numbers_are_read_as_people_type_them(typed: str, number: float | None) -> None:
    if number is None:
        with pytest.raises(ValueError, match="not a number"):
            parse_number(typed, "EUR")
    else:
        assert parse_number(typed, "EUR") == number


@pytest.mark.parametrize(
    "typed", ["sixty thousand", "", "1,2,3", "NaN", "inf", "1e999", "--5", "k"]
)
def test_text_that_is_not_a_number_is_refused_in_plain_words(typed: str) -> None:
    with pytest.raises(ValueError, match=r"not a number|too large"):
        parse_number(typed)


def without_explicit_unknown_stances(scenario: Scenario) -> Scenario:
    """The same scenario, with "unknown" stances left out (a missing stance means unknown)."""
    offers = [
        o.model_copy(
            update={
                "flexibility": {k: v for k, v in o.flexibility.items() if v != "unknown"},
                "notes": {k: v for k, v in o.notes.items() if v.strip()},
            }
        )
        for o in scenario.offers
    ]
    return scenario.model_copy(update={"offers": offers})


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(scenario_data())
def test_a_scenario_shown_in_the_editors_builds_back_the_same(data: dict) -> None:  # type: ignore[type-arg]
    scenario = parse_scenario(data)
    for term in scenario.terms:
        options = term.options or []
        assume(not any("|" in o or o != o.strip() for o in options))
        assume(len({o.casefold() for o in options}) == len(options))

    rebuilt, problems = build_scenario(draft_from_scenario(scenario))

    assert problems == []
    assert rebuilt == without_explicit_unknown_stances(scenario)


def test_a_bad_cell_is_reported_at_its_offer_and_term_and_kept_as_typed() -> None:
    draft = apply_edit(draft_from_scenario(SALES), cell_key(0, "o1", "t3", "value"), "Gold")

    scenario, problems = build_scenario(draft)

    assert scenario is None
    (problem,) = problems
    assert (problem.place, problem.offer_id, problem.term_id) == ("cell", "o1", "t3")
    assert problem.text(draft).startswith(
        'Offer "Harbor Logistics", term "Health coverage", value: "Gold"'
    )
    assert draft.offers[1].cell("t3").value == "Gold"


def test_choice_values_match_their_option_ignoring_case() -> None:
    draft = apply_edit(
        draft_from_scenario(SALES), cell_key(0, "o0", "t3", "value", "choice"), "comprehensive"
    )

    scenario, _ = build_scenario(draft)

    assert scenario is not None
    assert scenario.offers[0].values["Health coverage"] == "Comprehensive"


@pytest.mark.parametrize(
    ("edit", "field", "words"),
    [
        ({"name": "base salary"}, "name", "already called"),
        ({"target": "10"}, "target", "at least as good"),
        ({"bottom_line": "lots"}, "bottom line", "not a number"),
        ({"type": "choice", "options": ""}, "options", "options"),
        ({"name": ""}, "name", "needs a name"),
    ],
)
def test_term_problems_name_the_row_and_field(edit: dict, field: str, words: str) -> None:  # type: ignore[type-arg]
    draft = draft_from_scenario(SALES)
    for name, value in edit.items():
        draft = apply_edit(draft, term_key(0, "t1", name), value)

    scenario, problems = build_scenario(draft)

    assert scenario is None
    assert any(p.term_id == "t1" and p.field == field and words in p.message for p in problems)


def test_a_priority_that_is_not_whole_is_named_beside_its_term() -> None:
    draft = change_term(draft_from_scenario(SALES), "t1", priority=2.5)

    scenario, problems = build_scenario(draft)

    assert scenario is None
    assert [(p.term_id, p.field) for p in problems] == [("t1", "priority")]
    assert "whole number" in problems[0].message


def test_a_blank_added_term_is_ignored_until_something_is_typed_in_it() -> None:
    draft, _ = add_term(draft_from_scenario(SALES))

    scenario, problems = build_scenario(draft)

    assert problems == []
    assert scenario == SALES


def test_catalog_terms_arrive_with_their_usual_settings_and_typical_stance() -> None:
    draft = add_catalog_terms(
        blank_draft(), ["Health coverage", "Signing bonus", "Base salary"], load_catalog()
    )

    names = [t.name for t in draft.terms]
    health = next(t for t in draft.terms if t.name == "Health coverage")

    assert names == ["Base salary", "Health coverage", "Signing bonus"]
    assert health.type == "choice"
    assert draft.offers[0].cell(health.id) == Cell(stance="fixed")


def test_a_new_offer_starts_at_the_typical_stances_and_can_be_removed() -> None:
    draft = add_catalog_terms(blank_draft(), ["Vacation days"], load_catalog())

    added = add_offer(draft, "Contoso", load_catalog())
    removed = remove_offer(added, added.offers[-1].id)

    assert added.offers[-1].name == "Contoso"
    assert added.offers[-1].cell(added.terms[1].id).stance == "fixed"
    assert added.offers[-1].id not in {o.id for o in draft.offers}
    assert removed == draft


def test_the_workspace_replaced_by_a_new_draft_gets_new_input_keys() -> None:
    ws = Workspace.of(draft_from_scenario(SALES))

    new = ws.replace(blank_draft())

    assert new.term_key("t0", "name") != ws.term_key("t0", "name")
    assert new.scenario_key("title") != ws.scenario_key("title")
    assert new.edited(ws.term_key("t0", "name"), "Stale input").draft == blank_draft()
