"""The validation rules of SCENARIO_FORMAT.md, one rule per test.

A scenario that breaks a rule is refused with a ScenarioError whose ``path``
names the field (``offers[0].values.Base salary``) and whose ``problem`` says
what is wrong in plain words; a scenario at the edge of a rule is accepted.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

import planner
from tests.builders import CONTRACT_EXAMPLE, make_scenario, offer, scenario_data, term

DENTAL_OPTIONS = ["None", "Basic", "Comprehensive"]


def refusal(data: Any) -> planner.ScenarioError:
    """The error ``parse_scenario`` raises for ``data``; the test fails if it raises none."""
    with pytest.raises(planner.ScenarioError) as caught:
        planner.parse_scenario(data)
    return caught.value


def refusal_of_text(text: str) -> planner.ScenarioError:
    """The error ``read_scenario`` raises for JSON ``text``; the test fails if it raises none."""
    with pytest.raises(planner.ScenarioError) as caught:
        planner.read_scenario(text)
    return caught.value


def with_values(
    values: dict[str, Any], terms: list[dict[str, Any]] | None = None
) -> dict[str, Any]:
    """Scenario data with one offer giving ``values``."""
    return scenario_data(terms, [offer(values=values)])


def without(data: dict[str, Any], field: str) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k != field}


# --- the file as a whole ------------------------------------------------------------


def test_contracts_example_scenario_is_accepted() -> None:
    scenario = planner.read_scenario(CONTRACT_EXAMPLE)

    assert scenario.title == "Offers after the March interviews"
    assert scenario.terms[0].name == "Base salary"
    assert [o.name for o in scenario.offers] == ["Northwind", "Current job"]


def test_error_is_one_line_naming_the_field_then_the_problem() -> None:
    data = with_values({"Base salary": "sixty thousand"})

    error = refusal(data)

    assert (
        str(error) == 'offers[0].values.Base salary: must be a finite number, got "sixty thousand"'
    )
    assert (error.path, error.problem) == (
        "offers[0].values.Base salary",
        'must be a finite number, got "sixty thousand"',
    )


@pytest.mark.parametrize("text", ["[]", "42", "null", '"a scenario"', "true"])
def test_json_that_is_not_an_object_is_refused(text: str) -> None:
    error = refusal_of_text(text)

    assert error.path == ""
    assert "must be a JSON object" in error.problem


@pytest.mark.parametrize("data", [[], "scenario", None, 3])
def test_data_that_is_not_an_object_is_refused(data: Any) -> None:
    error = refusal(data)

    assert "must be a JSON object" in error.problem


@pytest.mark.parametrize(
    "text",
    ["{", '{"format": "negotiation-planner/1",}', "format: negotiation-planner/1", "{'a': 1}"],
)
def test_text_that_is_not_json_is_refused_saying_where(text: str) -> None:
    error = refusal_of_text(text)

    assert error.path == ""
    assert "not valid JSON" in error.problem
    assert "line 1, column" in error.problem


@pytest.mark.parametrize("text", ["", "   \n\t "])
def test_empty_text_is_refused_as_empty(text: str) -> None:
    error = refusal_of_text(text)

    assert "empty" in error.problem


def test_duplicate_key_in_the_scenario_is_refused() -> None:
    text = json.dumps(scenario_data(title="First")).replace(
        '"title": "First"', '"title": "A", "title": "B"'
    )

    error = refusal_of_text(text)

    assert 'the key "title" appears twice' in error.problem


def test_duplicate_key_inside_an_offers_values_is_refused() -> None:
    text = json.dumps(with_values({"Base salary": 1})).replace(
        '"Base salary": 1', '"Base salary": 1, "Base salary": 2'
    )

    error = refusal_of_text(text)

    assert '"Base salary" appears twice' in error.problem


def test_valid_scenario_text_is_read() -> None:
    text = json.dumps(scenario_data(title="March"))

    scenario = planner.read_scenario(text)

    assert scenario.title == "March"


# --- format, title, currency, max_asks ----------------------------------------------


@pytest.mark.parametrize("tag", ["negotiation-planner/2", "negotiation-plan/1", "", 1, None])
def test_format_tag_must_be_negotiation_planner_1(tag: Any) -> None:
    data = {**scenario_data(), "format": tag}

    error = refusal(data)

    assert error.path == "format"
    assert "negotiation-planner/1" in error.problem


def test_format_tag_is_required() -> None:
    data = without(scenario_data(), "format")

    error = refusal(data)

    assert (error.path, error.problem) == ("format", "is required")


def test_title_of_200_characters_is_accepted() -> None:
    scenario = make_scenario(title="t" * 200)

    assert len(scenario.title) == 200


def test_title_longer_than_200_characters_is_refused() -> None:
    error = refusal(scenario_data(title="t" * 201))

    assert error.path == "title"
    assert "at most 200 characters" in error.problem


def test_title_must_be_text() -> None:
    error = refusal(scenario_data(title=2024))

    assert error.path == "title"
    assert "must be text" in error.problem


def test_currency_defaults_to_usd() -> None:
    scenario = make_scenario()

    assert scenario.currency == "USD"


@pytest.mark.parametrize("code", ["EUR", "JPY", "CHF"])
def test_currency_of_three_capital_letters_is_accepted(code: str) -> None:
    scenario = make_scenario(currency=code)

    assert scenario.currency == code


@pytest.mark.parametrize("code", ["eur", "Eur", "EURO", "EU", "E1R", "", "ÉUR", " EUR"])
def test_currency_that_is_not_three_capital_letters_is_refused(code: str) -> None:
    error = refusal(scenario_data(currency=code))

    assert error.path == "currency"
    assert "3-letter" in error.problem
    assert "capitals" in error.problem


def test_max_asks_defaults_to_three() -> None:
    scenario = make_scenario()

    assert scenario.max_asks == 3


@pytest.mark.parametrize("count", [1, 10])
def test_max_asks_from_one_to_ten_is_accepted(count: int) -> None:
    scenario = make_scenario(max_asks=count)

    assert scenario.max_asks == count


@pytest.mark.parametrize(
    ("count", "words"), [(0, "at least 1"), (11, "at most 10"), (-1, "at least 1")]
)
def test_max_asks_outside_one_to_ten_is_refused(count: int, words: str) -> None:
    error = refusal(scenario_data(max_asks=count))

    assert error.path == "max_asks"
    assert words in error.problem


@pytest.mark.parametrize("count", [2.5, "3", None])
def test_max_asks_must_be_a_whole_number(count: Any) -> None:
    error = refusal(scenario_data(max_asks=count))

    assert error.path == "max_asks"
    assert "whole number" in error.problem


# --- how many terms and offers ------------------------------------------------------


@pytest.mark.parametrize("field", ["terms", "offers"])
def test_scenario_needs_at_least_one_term_and_one_offer(field: str) -> None:
    data = {**scenario_data(), field: []}

    error = refusal(data)

    assert error.path == field
    assert "at least 1 item" in error.problem


@pytest.mark.parametrize("field", ["terms", "offers"])
def test_terms_and_offers_are_required(field: str) -> None:
    data = without(scenario_data(), field)

    error = refusal(data)

    assert (error.path, error.problem) == (field, "is required")


@pytest.mark.parametrize("field", ["terms", "offers"])
def test_terms_and_offers_must_be_lists(field: str) -> None:
    data = {**scenario_data(), field: {"name": "Base salary"}}

    error = refusal(data)

    assert error.path == field
    assert "must be a list" in error.problem


def test_scenario_may_have_100_terms() -> None:
    terms = [term(f"Term {i}") for i in range(100)]

    scenario = make_scenario(terms)

    assert len(scenario.terms) == 100


def test_scenario_with_more_than_100_terms_is_refused() -> None:
    terms = [term(f"Term {i}") for i in range(101)]

    error = refusal(scenario_data(terms))

    assert error.path == "terms"
    assert "at most 100 items" in error.problem


def test_scenario_may_have_20_offers() -> None:
    offers = [offer(f"Offer {i}") for i in range(20)]

    scenario = make_scenario(offers=offers)

    assert len(scenario.offers) == 20


def test_scenario_with_more_than_20_offers_is_refused() -> None:
    offers = [offer(f"Offer {i}") for i in range(21)]

    error = refusal(scenario_data(offers=offers))

    assert error.path == "offers"
    assert "at most 20 items" in error.problem


def test_offer_that_is_not_an_object_is_refused() -> None:
    error = refusal(scenario_data(offers=["Northwind"]))

    assert error.path == "offers[0]"
    assert "must be an object" in error.problem


# --- names --------------------------------------------------------------------------


def named(where: str, name: Any) -> dict[str, Any]:
    """Scenario data whose first term or offer (``where``) has ``name``."""
    if where == "terms":
        return scenario_data(terms=[term(name)])
    return scenario_data(offers=[offer(name)])


@pytest.mark.parametrize("where", ["terms", "offers"])
def test_name_of_80_characters_is_accepted(where: str) -> None:
    scenario = planner.parse_scenario(named(where, "n" * 80))

    assert len(getattr(scenario, where)[0].name) == 80


@pytest.mark.parametrize("where", ["terms", "offers"])
def test_name_longer_than_80_characters_is_refused(where: str) -> None:
    error = refusal(named(where, "n" * 81))

    assert error.path == f"{where}[0].name"
    assert "at most 80 characters" in error.problem


@pytest.mark.parametrize("name", ["", "   "])
@pytest.mark.parametrize("where", ["terms", "offers"])
def test_empty_or_blank_name_is_refused(where: str, name: str) -> None:
    error = refusal(named(where, name))

    assert error.path == f"{where}[0].name"
    assert "must not be empty" in error.problem


@pytest.mark.parametrize("where", ["terms", "offers"])
def test_name_must_be_text(where: str) -> None:
    error = refusal(named(where, 42))

    assert error.path == f"{where}[0].name"
    assert "must be text" in error.problem


@pytest.mark.parametrize("where", ["terms", "offers"])
def test_name_is_required(where: str) -> None:
    data = named(where, "x")
    data[where] = [without(data[where][0], "name")]

    error = refusal(data)

    assert (error.path, error.problem) == (f"{where}[0].name", "is required")


@pytest.mark.parametrize(
    "second", ["Base salary", "base SALARY", "  Base salary ", "BASE SALARY\t"]
)
def test_term_names_must_differ_ignoring_case_and_surrounding_space(second: str) -> None:
    terms = [term("Base salary"), term("Bonus"), term(second)]

    error = refusal(scenario_data(terms))

    assert error.path == "terms[2].name"
    assert "already the name of terms[0]" in error.problem


@pytest.mark.parametrize("second", ["Northwind", "NORTHWIND", " northwind  "])
def test_offer_names_must_differ_ignoring_case_and_surrounding_space(second: str) -> None:
    offers = [offer("Northwind"), offer(second)]

    error = refusal(scenario_data(offers=offers))

    assert error.path == "offers[1].name"
    assert "already the name of offers[0]" in error.problem


def test_a_term_and_an_offer_may_share_a_name() -> None:
    scenario = make_scenario([term("Northwind")], [offer("Northwind")])

    assert scenario.terms[0].name == scenario.offers[0].name


# --- term type and the fields that belong to one type --------------------------------


def test_term_type_is_required() -> None:
    data = scenario_data([{"name": "Base salary", "bottom_line": 50000}])

    error = refusal(data)

    assert (error.path, error.problem) == ("terms[0].type", "is required")


@pytest.mark.parametrize("kind", ["text", "Money", "", 5, None])
def test_term_type_must_be_money_number_or_choice(kind: Any) -> None:
    data = scenario_data([{"name": "Base salary", "type": kind}])

    error = refusal(data)

    assert error.path == "terms[0].type"
    for kind_word in ("'money'", "'number'", "'choice'"):
        assert kind_word in error.problem


def test_money_term_is_per_year_unless_told() -> None:
    scenario = make_scenario([term(), term("Signing bonus", per="once")])

    assert [t.per for t in scenario.terms] == ["year", "once"]


def test_per_must_be_year_once_month_or_hour() -> None:
    error = refusal(scenario_data([term(per="week")]))

    assert error.path == "terms[0].per"
    for word in ("'year'", "'once'", "'month'", "'hour'"):
        assert word in error.problem


@pytest.mark.parametrize("kind", ["number", "choice"])
def test_per_applies_only_to_money_terms(kind: str) -> None:
    error = refusal(scenario_data([term("Term", kind, per="year")]))

    assert error.path == "terms[0].per"
    assert "applies only to money terms" in error.problem


def test_number_term_has_no_per() -> None:
    scenario = make_scenario([term("Remote days", "number")])

    assert scenario.terms[0].per is None


def test_unit_of_20_characters_is_accepted() -> None:
    scenario = make_scenario([term("Remote days", "number", unit="u" * 20)])

    assert scenario.terms[0].unit == "u" * 20


def test_unit_longer_than_20_characters_is_refused() -> None:
    error = refusal(scenario_data([term("Remote days", "number", unit="u" * 21)]))

    assert error.path == "terms[0].unit"
    assert "at most 20 characters" in error.problem


@pytest.mark.parametrize("kind", ["money", "choice"])
def test_unit_applies_only_to_number_terms(kind: str) -> None:
    error = refusal(scenario_data([term("Term", kind, unit="days")]))

    assert error.path == "terms[0].unit"
    assert "applies only to number terms" in error.problem


@pytest.mark.parametrize("kind", ["money", "number"])
def test_higher_is_better_unless_told(kind: str) -> None:
    scenario = make_scenario([term("Term", kind), term("Commute", "number", better="lower")])

    assert [t.better for t in scenario.terms] == ["higher", "lower"]


def test_better_must_be_higher_or_lower() -> None:
    error = refusal(scenario_data([term(better="more")]))

    assert error.path == "terms[0].better"
    assert "'higher'" in error.problem
    assert "'lower'" in error.problem


def test_better_applies_only_to_money_and_number_terms() -> None:
    error = refusal(scenario_data([term("Dental plan", "choice", better="higher")]))

    assert error.path == "terms[0].better"
    assert "applies only to money and number terms" in error.problem


@pytest.mark.parametrize("options", [None, []], ids=["missing", "null-or-empty"])
def test_choice_term_needs_its_options(options: list[str] | None) -> None:
    spec: dict[str, Any] = {"name": "Dental plan", "type": "choice"}
    if options is not None:
        spec["options"] = options
    data = scenario_data([spec])

    error = refusal(data)

    assert error.path == "terms[0].options"
    assert "options" in error.problem


@pytest.mark.parametrize("kind", ["money", "number"])
def test_options_apply_only_to_choice_terms(kind: str) -> None:
    error = refusal(scenario_data([term("Term", kind, options=["Low", "High"])]))

    assert error.path == "terms[0].options"
    assert "applies only to choice terms" in error.problem


@pytest.mark.parametrize("count", [2, 20])
def test_choice_term_may_have_2_to_20_options(count: int) -> None:
    options = [f"Option {i}" for i in range(count)]

    scenario = make_scenario([term("Plan", "choice", options=options)])

    assert scenario.terms[0].options == options


@pytest.mark.parametrize("count", [1, 21])
def test_choice_term_with_fewer_than_2_or_more_than_20_options_is_refused(count: int) -> None:
    options = [f"Option {i}" for i in range(count)]

    error = refusal(scenario_data([term("Plan", "choice", options=options)]))

    assert error.path == "terms[0].options"
    assert "2 to 20 options" in error.problem


def test_choice_options_must_be_distinct() -> None:
    error = refusal(scenario_data([term("Plan", "choice", options=["None", "Basic", "Basic"])]))

    assert error.path == "terms[0].options"
    assert '"Basic" twice' in error.problem


# --- bottom line and target ---------------------------------------------------------


def text_with_number(data: dict[str, Any], number_text: str) -> str:
    """The JSON text of ``data`` with the placeholder 123456789 written as ``number_text``."""
    return json.dumps(data).replace("123456789", number_text)


NOT_FINITE = ["NaN", "Infinity", "-Infinity", "1e999"]


@pytest.mark.parametrize("field", ["bottom_line", "target"])
@pytest.mark.parametrize("number_text", NOT_FINITE)
def test_bottom_line_and_target_must_be_finite_numbers(field: str, number_text: str) -> None:
    text = text_with_number(scenario_data([term(**{field: 123456789})]), number_text)

    error = refusal_of_text(text)

    assert error.path == f"terms[0].{field}"
    assert "must be a finite number" in error.problem


@pytest.mark.parametrize("number_text", NOT_FINITE)
def test_offer_value_must_be_a_finite_number(number_text: str) -> None:
    text = text_with_number(with_values({"Base salary": 123456789}), number_text)

    error = refusal_of_text(text)

    assert error.path == "offers[0].values.Base salary"
    assert "must be a finite number" in error.problem


@pytest.mark.parametrize("kind", ["money", "number"])
@pytest.mark.parametrize("field", ["bottom_line", "target"])
def test_money_and_number_bottom_line_and_target_must_be_numbers(kind: str, field: str) -> None:
    error = refusal(scenario_data([term("Term", kind, **{field: "a lot"})]))

    assert error.path == f"terms[0].{field}"
    assert 'must be a finite number, got "a lot"' in error.problem


@pytest.mark.parametrize("field", ["bottom_line", "target"])
def test_money_bottom_line_and_target_must_not_be_negative(field: str) -> None:
    error = refusal(scenario_data([term(**{field: -1})]))

    assert error.path == f"terms[0].{field}"
    assert "must not be negative" in error.problem


def test_number_term_may_have_negative_bottom_line_target_and_value() -> None:
    temperature = term("Office temperature change", "number", bottom_line=-3, target=-1)

    scenario = make_scenario([temperature], [offer(values={"Office temperature change": -2.5})])

    assert (scenario.terms[0].bottom_line, scenario.terms[0].target) == (-3, -1)
    assert scenario.offers[0].values["Office temperature change"] == -2.5


def test_money_may_be_zero() -> None:
    scenario = make_scenario([term(bottom_line=0, target=0)], [offer(values={"Base salary": 0})])

    assert scenario.offers[0].values["Base salary"] == 0


@pytest.mark.parametrize("field", ["bottom_line", "target"])
@pytest.mark.parametrize("given", ["Gold", 2])
def test_choice_bottom_line_and_target_must_be_among_the_options(field: str, given: Any) -> None:
    error = refusal(scenario_data([term("Dental plan", "choice", **{field: given})]))

    assert error.path == f"terms[0].{field}"
    assert "must be one of the options" in error.problem
    assert '"Comprehensive"' in error.problem


def test_choice_value_near_an_option_gets_a_did_you_mean_hint() -> None:
    error = refusal(scenario_data([term("Dental plan", "choice", bottom_line="basic")]))

    assert 'did you mean "Basic"?' in error.problem


@pytest.mark.parametrize(
    "spec",
    [
        pytest.param(term(bottom_line=60000, target=50000), id="higher-is-better"),
        pytest.param(
            term("Commute", "number", better="lower", bottom_line=30, target=60),
            id="lower-is-better",
        ),
        pytest.param(
            term("Dental plan", "choice", bottom_line="Comprehensive", target="Basic"),
            id="choice-options-worst-first",
        ),
    ],
)
def test_target_worse_than_the_bottom_line_is_refused(spec: dict[str, Any]) -> None:
    error = refusal(scenario_data([spec]))

    assert error.path == "terms[0].target"
    assert "must be at least as good as the bottom line" in error.problem


@pytest.mark.parametrize(
    "spec",
    [
        pytest.param(term(bottom_line=50000, target=50000), id="money-equal"),
        pytest.param(term(bottom_line=50000, target=60000), id="money-higher"),
        pytest.param(
            term("Commute", "number", better="lower", bottom_line=60, target=60), id="lower-equal"
        ),
        pytest.param(
            term("Commute", "number", better="lower", bottom_line=60, target=30), id="lower-smaller"
        ),
        pytest.param(
            term("Dental plan", "choice", bottom_line="Basic", target="Basic"), id="choice-equal"
        ),
        pytest.param(
            term("Dental plan", "choice", bottom_line="Basic", target="Comprehensive"),
            id="choice-later",
        ),
    ],
)
def test_target_at_least_as_good_as_the_bottom_line_is_accepted(spec: dict[str, Any]) -> None:
    scenario = make_scenario([spec])

    assert scenario.terms[0].target == spec["target"]


# --- priority -----------------------------------------------------------------------


def test_priority_defaults_to_three() -> None:
    scenario = make_scenario()

    assert scenario.terms[0].priority == 3


@pytest.mark.parametrize("priority", [1, 5])
def test_priority_from_one_to_five_is_accepted(priority: int) -> None:
    scenario = make_scenario([term(priority=priority)])

    assert scenario.terms[0].priority == priority


@pytest.mark.parametrize(("priority", "words"), [(0, "at least 1"), (6, "at most 5")])
def test_priority_outside_one_to_five_is_refused(priority: int, words: str) -> None:
    error = refusal(scenario_data([term(priority=priority)]))

    assert error.path == "terms[0].priority"
    assert words in error.problem


@pytest.mark.parametrize("priority", [2.5, "high", "3"])
def test_priority_must_be_a_whole_number(priority: Any) -> None:
    error = refusal(scenario_data([term(priority=priority)]))

    assert error.path == "terms[0].priority"
    assert "whole number" in error.problem


# --- offers: current, values, flexibility, notes ------------------------------------


def test_offer_is_not_the_current_job_unless_told() -> None:
    scenario = make_scenario(offers=[offer("Northwind"), offer("Current job", current=True)])

    assert [o.current for o in scenario.offers] == [False, True]


@pytest.mark.parametrize("flag", ["yes", "true", 1, 0, None])
def test_current_must_be_true_or_false(flag: Any) -> None:
    error = refusal(scenario_data(offers=[offer(current=flag)]))

    assert error.path == "offers[0].current"
    assert "must be true or false" in error.problem


@pytest.mark.parametrize("field", ["values", "flexibility", "notes"])
def test_values_flexibility_and_notes_must_name_terms_of_the_scenario(field: str) -> None:
    entry = {"values": 1, "flexibility": "fixed", "notes": "told so"}[field]
    data = scenario_data(
        offers=[offer("Northwind"), offer("Contoso", **{field: {"Stock options": entry}})]
    )

    error = refusal(data)

    assert error.path == f"offers[1].{field}.Stock options"
    assert "is not a term of this scenario" in error.problem


def test_name_near_a_term_gets_a_did_you_mean_hint() -> None:
    error = refusal(with_values({"Base salry": 60000}))

    assert error.path == "offers[0].values.Base salry"
    assert 'did you mean "Base salary"?' in error.problem


@pytest.mark.parametrize("field", ["values", "flexibility", "notes"])
def test_values_flexibility_and_notes_must_be_objects(field: str) -> None:
    error = refusal(scenario_data(offers=[offer(**{field: ["Base salary"]})]))

    assert error.path == f"offers[0].{field}"
    assert "must be an object" in error.problem


def test_missing_flexibility_entry_means_unknown() -> None:
    scenario = make_scenario(offers=[offer(values={"Base salary": 1})])

    assert scenario.offers[0].stance("Base salary") == "unknown"


@pytest.mark.parametrize("stance", ["fixed", "limited", "negotiable", "unknown"])
def test_each_stance_is_accepted(stance: str) -> None:
    scenario = make_scenario(offers=[offer(flexibility={"Base salary": stance})])

    assert scenario.offers[0].flexibility == {"Base salary": stance}


@pytest.mark.parametrize("stance", ["flexible", "Fixed", "", None, 1])
def test_stance_must_be_fixed_limited_negotiable_or_unknown(stance: Any) -> None:
    error = refusal(scenario_data(offers=[offer(flexibility={"Base salary": stance})]))

    assert error.path == "offers[0].flexibility.Base salary"
    for word in ("'fixed'", "'limited'", "'negotiable'", "'unknown'"):
        assert word in error.problem


def test_note_of_500_characters_is_accepted() -> None:
    scenario = make_scenario(offers=[offer(notes={"Base salary": "n" * 500})])

    assert len(scenario.offers[0].notes["Base salary"]) == 500


def test_note_longer_than_500_characters_is_refused() -> None:
    error = refusal(scenario_data(offers=[offer(notes={"Base salary": "n" * 501})]))

    assert error.path == "offers[0].notes.Base salary"
    assert "at most 500 characters" in error.problem


def test_note_must_be_text() -> None:
    error = refusal(scenario_data(offers=[offer(notes={"Base salary": 5})]))

    assert error.path == "offers[0].notes.Base salary"
    assert "must be text" in error.problem


# --- values fit their term's type ---------------------------------------------------

MIXED_TERMS = [
    term("Base salary"),
    term("Remote days", "number"),
    term("Dental plan", "choice", options=DENTAL_OPTIONS),
]


@pytest.mark.parametrize(
    ("name", "value", "words"),
    [
        ("Base salary", "sixty thousand", 'must be a finite number, got "sixty thousand"'),
        ("Remote days", "three", 'must be a finite number, got "three"'),
        ("Base salary", "Basic", 'must be a finite number, got "Basic"'),
        (
            "Dental plan",
            "Gold",
            'must be one of the options "None", "Basic", "Comprehensive", got "Gold"',
        ),
        ("Dental plan", 2, "must be one of the options"),
        ("Base salary", [60000], "got [60000]"),
        ("Base salary", {"amount": 60000}, 'got {"amount": 60000}'),
    ],
)
def test_offer_value_must_fit_its_terms_type(name: str, value: Any, words: str) -> None:
    error = refusal(with_values({name: value}, MIXED_TERMS))

    assert error.path == f"offers[0].values.{name}"
    assert words in error.problem


def test_money_value_must_not_be_negative() -> None:
    error = refusal(with_values({"Base salary": -1}))

    assert error.path == "offers[0].values.Base salary"
    assert "must not be negative" in error.problem


def test_values_of_every_type_are_accepted() -> None:
    values = {"Base salary": 60000.5, "Remote days": -1, "Dental plan": "Basic"}

    scenario = make_scenario(MIXED_TERMS, [offer(values=values)])

    assert scenario.offers[0].values == values


def test_offer_may_leave_a_term_out_as_not_known_yet() -> None:
    scenario = make_scenario(MIXED_TERMS, [offer(values={"Base salary": 60000})])

    assert scenario.offers[0].value("Remote days") is None


# --- booleans are not numbers -------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "path"),
    [
        pytest.param(
            scenario_data([term(bottom_line=True)]), "terms[0].bottom_line", id="bottom_line"
        ),
        pytest.param(scenario_data([term(target=False)]), "terms[0].target", id="target"),
        pytest.param(
            scenario_data([term("Remote days", "number", target=True)]),
            "terms[0].target",
            id="number-target",
        ),
        pytest.param(
            with_values({"Base salary": True}), "offers[0].values.Base salary", id="value"
        ),
        pytest.param(scenario_data(max_asks=True), "max_asks", id="max_asks"),
        pytest.param(scenario_data([term(priority=True)]), "terms[0].priority", id="priority"),
    ],
)
def test_booleans_are_not_numbers(data: dict[str, Any], path: str) -> None:
    error = refusal(data)

    assert error.path == path
    assert "got true" in error.problem or "got false" in error.problem


# --- unknown fields -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "path", "meant"),
    [
        pytest.param({**scenario_data(), "titel": "March"}, "titel", "title", id="scenario"),
        pytest.param(
            {**scenario_data(), "max_ask": 2}, "max_ask", "max_asks", id="scenario-plural"
        ),
        pytest.param(
            scenario_data([term(bottomline=1)]), "terms[0].bottomline", "bottom_line", id="term"
        ),
        pytest.param(
            scenario_data([term(priorty=4)]), "terms[0].priorty", "priority", id="term-priority"
        ),
        pytest.param(
            scenario_data(offers=[offer(flexibilty={})]),
            "offers[0].flexibilty",
            "flexibility",
            id="offer",
        ),
        pytest.param(
            scenario_data(offers=[offer(value={})]), "offers[0].value", "values", id="offer-values"
        ),
    ],
)
def test_unknown_field_is_refused_with_a_did_you_mean_hint(
    data: dict[str, Any], path: str, meant: str
) -> None:
    error = refusal(data)

    assert error.path == path
    assert "is not a field of the scenario format" in error.problem
    assert f'did you mean "{meant}"?' in error.problem


@pytest.mark.parametrize(
    ("data", "path"),
    [
        pytest.param({**scenario_data(), "zzz": 1}, "zzz", id="scenario"),
        pytest.param(scenario_data([term(zzz=1)]), "terms[0].zzz", id="term"),
        pytest.param(scenario_data(offers=[offer(zzz=1)]), "offers[0].zzz", id="offer"),
    ],
)
def test_unknown_field_far_from_any_is_refused_without_a_hint(
    data: dict[str, Any], path: str
) -> None:
    error = refusal(data)

    assert error.path == path
    assert "is not a field of the scenario format" in error.problem
    assert "did you mean" not in error.problem


# --- no jargon ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        scenario_data(max_asks=2.5),
        scenario_data([term(type="text")]),
        scenario_data([term(unit="days")]),
        scenario_data(offers=[offer(current="yes")]),
        scenario_data(offers=[offer(flexibility={"Base salary": "flexible"})]),
        with_values({"Base salary": "sixty thousand"}),
        {**scenario_data(), "terms": "Base salary"},
    ],
)
def test_messages_use_plain_words_not_library_jargon(data: dict[str, Any]) -> None:
    error = refusal(data)

    text = str(error)
    assert "\n" not in text
    for jargon in (
        "Input should",
        "validation error",
        "type=",
        "Value error",
        "pydantic",
        "Traceback",
    ):
        assert jargon not in text


@pytest.mark.parametrize("field", ["max_asks", "priority"])
def test_a_whole_number_written_with_a_decimal_point_is_accepted(field: str) -> None:
    data = scenario_data([term(priority=4.0)] if field == "priority" else None)
    if field == "max_asks":
        data["max_asks"] = 4.0

    scenario = planner.parse_scenario(data)

    assert (scenario.max_asks if field == "max_asks" else scenario.terms[0].priority) == 4


@pytest.mark.parametrize("field", ["values", "flexibility", "notes"])
def test_two_keys_naming_one_term_up_to_surrounding_space_are_refused(field: str) -> None:
    entries = {
        "values": {"Base salary": 1, " Base salary ": 2},
        "flexibility": {"Base salary": "fixed", "Base salary ": "negotiable"},
        "notes": {" Base salary": "a", "Base salary": "b"},
    }[field]

    with pytest.raises(planner.ScenarioError) as error:
        planner.parse_scenario(scenario_data([term("Base salary")], [offer(**{field: entries})]))

    assert error.value.path == f"offers[0].{field}"
    assert "twice" in error.value.problem
