"""What a mentor changed: the diff between two scenarios, and taking some of it."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner import parse_scenario
from planner.catalog import sample_files
from planner.diff import Change, apply, diff, needed
from planner.errors import ScenarioError
from planner.models import Scenario
from planner.scenario_file import read_scenario_bytes, scenario_to_dict
from tests import strategies
from tests.builders import make_scenario, offer, term

SALES = read_scenario_bytes(sample_files()["Account executive offers"].read_bytes())


def edited(scenario: Scenario, change: Any) -> Scenario:
    """The scenario with its JSON data changed in place by ``change(data)``."""
    data = copy.deepcopy(scenario_to_dict(scenario))
    change(data)
    return parse_scenario(data)


def by_path(changes: list[Change]) -> dict[tuple[str, ...], Change]:
    return {c.path: c for c in changes}


def mine() -> Scenario:
    return make_scenario(
        terms=[
            term("Base salary", bottom_line=60000, target=70000, priority=5),
            term("Health coverage", "choice", bottom_line="Basic"),
            term("Vacation days", "number", unit="days/year", target=25),
        ],
        offers=[
            offer(
                "Acme",
                values={"Base salary": 64000, "Health coverage": "Basic", "Vacation days": 20},
                flexibility={"Base salary": "negotiable"},
                notes={"Base salary": "recruiter said the band tops at 72k"},
            ),
            offer("Globex", values={"Base salary": 61000}),
        ],
    )


# --- the list of changes -------------------------------------------------------------


def test_equal_scenarios_have_no_changes() -> None:
    assert diff(SALES, SALES) == []
    assert diff(mine(), mine()) == []


def test_a_changed_value_stance_note_and_reason_are_each_one_change_in_words() -> None:
    def mentor(data: dict[str, Any]) -> None:
        acme = data["offers"][0]
        acme["values"]["Base salary"] = 68000
        acme["flexibility"]["Base salary"] = "limited"
        acme["notes"]["Base salary"] = "band is 60-75k"
        acme["reasons"] = {"Base salary": "I bring a book of clients."}

    changes = by_path(diff(mine(), edited(mine(), mentor)))
    value = changes[("offers", "Acme", "values", "Base salary")]
    assert (value.before, value.after) == (64000, 68000)
    assert value.words == "Acme, Base salary: value 64,000 → 68,000"
    assert value.area == "Acme"
    stance = changes[("offers", "Acme", "flexibility", "Base salary")]
    assert stance.words == "Acme, Base salary: stance negotiable → limited"
    note = changes[("offers", "Acme", "notes", "Base salary")]
    assert "“band is 60-75k”" in note.words
    reason = changes[("offers", "Acme", "reasons", "Base salary")]
    assert reason.what == "added"
    assert reason.words == (
        "Acme, Base salary: reason to give not set → “I bring a book of clients.”"
    )
    assert len(changes) == 4


def test_your_bottom_line_and_target_are_one_change_that_names_both() -> None:
    def mentor(data: dict[str, Any]) -> None:
        data["terms"][0]["bottom_line"] = 65000
        data["terms"][0]["target"] = 75000
        data["terms"][0]["priority"] = 4

    changes = by_path(diff(mine(), edited(mine(), mentor)))
    line = changes[("terms", "Base salary", "line")]
    assert line.words == (
        "Base salary: your bottom line 60,000 → 65,000, your target 70,000 → 75,000"
    )
    assert changes[("terms", "Base salary", "priority")].words == ("Base salary: priority 5 → 4")


def test_added_and_removed_terms_and_offers_are_named() -> None:
    def mentor(data: dict[str, Any]) -> None:
        data["terms"].append(term("Signing bonus", per="once", target=5000))
        data["offers"][0]["values"]["Signing bonus"] = 3000
        del data["offers"][1]
        data["offers"].append(offer("Initech", values={"Base salary": 66000}))

    changes = by_path(diff(mine(), edited(mine(), mentor)))
    assert changes[("terms", "Signing bonus")].what == "added"
    assert changes[("terms", "Signing bonus")].words.startswith("New term “Signing bonus” (money")
    assert changes[("offers", "Globex")].what == "removed"
    assert changes[("offers", "Globex")].words == "Offer “Globex” removed"
    assert changes[("offers", "Initech")].words == "New offer “Initech” (1 value known)"
    bonus = changes[("offers", "Acme", "values", "Signing bonus")]
    assert bonus.requires == (("terms", "signing bonus"),)


def test_a_rename_by_case_is_a_rename_not_a_new_offer() -> None:
    def mentor(data: dict[str, Any]) -> None:
        data["offers"][0]["name"] = "ACME"
        data["terms"][0]["name"] = "Base Salary"
        for o in data["offers"]:
            for part in ("values", "flexibility", "notes"):
                if part in o:
                    o[part] = {
                        ("Base Salary" if k == "Base salary" else k): v for k, v in o[part].items()
                    }

    changes = diff(mine(), edited(mine(), mentor))
    assert [c.words for c in changes] == [
        "Term “Base salary” renamed “Base Salary”",
        "Offer “Acme” renamed “ACME”",
    ]


def test_rounds_say_which_answers_were_added() -> None:
    def mentor(data: dict[str, Any]) -> None:
        data["offers"][0]["rounds"] = [
            {"term": "Base salary", "value": 66000, "stance": "limited", "date": "2026-03-02"}
        ]

    (change,) = diff(mine(), edited(mine(), mentor))
    assert change.path == ("offers", "Acme", "rounds")
    assert change.words == (
        "Acme: company's answers recorded: 0 → 1 (added Base salary 66,000 limited on 2026-03-02)"
    )


def test_a_redefined_term_takes_the_values_that_fit_it_along() -> None:
    def mentor(data: dict[str, Any]) -> None:
        data["terms"][1] = term(
            "Health coverage", "choice", options=["HMO", "PPO"], bottom_line="HMO"
        )
        data["offers"][0]["values"]["Health coverage"] = "PPO"

    changes = diff(mine(), edited(mine(), mentor))
    redefined = by_path(changes)[("terms", "Health coverage")]
    assert redefined.words.startswith("Term “Health coverage” redefined: choice, options None")
    value = by_path(changes)[("offers", "Acme", "values", "Health coverage")]
    # Either one taken alone would leave a value that is not an option: they go together.
    for chosen in (redefined.key, value.key):
        assert needed(changes, [chosen]) == {redefined.key, value.key}
        result = apply(mine(), changes, [chosen])
        assert result.offer("Acme").values["Health coverage"] == "PPO"


def test_taking_some_changes_leaves_the_others_as_they_were() -> None:
    def mentor(data: dict[str, Any]) -> None:
        data["offers"][0]["values"]["Base salary"] = 68000
        data["offers"][1]["values"]["Base salary"] = 63000
        data["terms"][0]["target"] = 75000

    changes = diff(mine(), edited(mine(), mentor))
    acme = by_path(changes)[("offers", "Acme", "values", "Base salary")]
    result = apply(mine(), changes, [acme.key])
    assert result.offer("Acme").values["Base salary"] == 68000
    assert result.offer("Globex").values["Base salary"] == 61000
    assert result.term("Base salary").target == 70000
    assert [c.path for c in diff(result, edited(mine(), mentor))] == [
        ("terms", "Base salary", "line"),
        ("offers", "Globex", "values", "Base salary"),
    ]


def test_taking_a_removed_term_removes_what_the_offers_said_about_it() -> None:
    def mentor(data: dict[str, Any]) -> None:
        del data["terms"][0]
        for o in data["offers"]:
            for part in ("values", "flexibility", "notes"):
                o.get(part, {}).pop("Base salary", None)
        data["offers"][1]["values"]["Vacation days"] = 30

    changes = diff(mine(), edited(mine(), mentor))
    removal = by_path(changes)[("terms", "Base salary")]
    result = apply(mine(), changes, [removal.key])
    assert [t.name for t in result.terms] == ["Health coverage", "Vacation days"]
    assert "Base salary" not in result.offer("Acme").notes
    assert "Vacation days" not in result.offer("Globex").values


def test_a_new_offer_order_is_a_change_of_its_own() -> None:
    def mentor(data: dict[str, Any]) -> None:
        data["offers"].reverse()

    (change,) = diff(mine(), edited(mine(), mentor))
    assert change.words == "Order of the offers: Acme, Globex → Globex, Acme"
    assert [o.name for o in apply(mine(), [change], [change.key]).offers] == ["Globex", "Acme"]


def test_settings_say_the_default_when_one_side_left_it_out() -> None:
    changed = edited(mine(), lambda d: d.update(years=6, title="March offers"))
    assert [c.words for c in diff(mine(), changed)] == [
        "Title: not set → “March offers”",
        "Years the money view adds up: 4 → 6",
    ]


def test_changes_not_made_from_this_scenario_are_refused_in_words() -> None:
    changes = diff(
        mine(), edited(mine(), lambda d: d["offers"][0]["values"].update({"Base salary": 69000}))
    )
    other = make_scenario(terms=[term("Base salary")], offers=[offer("Initech")])
    with pytest.raises(ScenarioError, match=r"^changes: were not made from this scenario \(Acme"):
        apply(other, changes, [changes[0].key])


# --- properties ---------------------------------------------------------------------


@st.composite
def related_pairs(draw: st.DrawFn) -> tuple[Scenario, Scenario]:
    """Two scenarios that share some terms and offers, as a user's and a mentor's copy."""
    pool = draw(st.lists(strategies.names, min_size=1, max_size=6, unique_by=str.casefold))
    versions: dict[str, tuple[dict[str, Any], dict[str, Any]]] = {}
    for name in pool:
        first = draw(strategies.term_data(name))
        kind = draw(st.sampled_from(["same", "priority", "no line", "renamed", "other"]))
        second = copy.deepcopy(first)
        if kind == "priority":
            second["priority"] = draw(st.integers(1, 5))
        elif kind == "no line":
            second.pop(draw(st.sampled_from(["bottom_line", "target"])), None)
        elif kind == "renamed" and name.isascii():
            second["name"] = name.swapcase()
        elif kind == "other":
            second = draw(strategies.term_data(name))
        versions[name] = (first, second)

    def terms_of(side: int) -> list[dict[str, Any]]:
        chosen = draw(st.lists(st.sampled_from(pool), min_size=1, unique=True))
        return [versions[n][side] for n in draw(st.permutations(chosen))]

    terms_a, terms_b = terms_of(0), terms_of(1)
    offer_pool = draw(st.lists(strategies.names, min_size=1, max_size=4, unique_by=str.casefold))
    offers_a = {n: draw(strategies.offer_data(n, terms_a)) for n in offer_pool}
    for n in offer_pool:
        if draw(st.booleans()):
            t = draw(st.sampled_from(terms_a))
            offers_a[n]["rounds"] = [{"term": t["name"], "value": draw(strategies.value_for(t))}]
            offers_a[n]["reasons"] = {t["name"]: "a reason"}
    offers_b: dict[str, dict[str, Any]] = {}
    for n in offer_pool:
        mentor = draw(strategies.offer_data(n, terms_b))
        if draw(st.booleans()):  # the mentor kept what still fits
            by_name = {t["name"].casefold(): t for t in terms_b}
            for part in ("values", "flexibility"):
                for k, v in offers_a[n][part].items():
                    t = by_name.get(k.casefold())
                    same = t is not None and t == {**versions[k][0], "name": t["name"]}
                    if t is not None and (part == "flexibility" or same):
                        mentor[part][t["name"]] = v
        if draw(st.booleans()):
            t = draw(st.sampled_from(terms_b))
            mentor["rounds"] = [{"term": t["name"], "value": draw(strategies.value_for(t))}]
            mentor["deadline"] = "2026-03-20"
        offers_b[n] = mentor
    pick_a = draw(st.lists(st.sampled_from(offer_pool), min_size=1, unique=True))
    pick_b = draw(st.lists(st.sampled_from(offer_pool), min_size=1, unique=True))
    a: dict[str, Any] = {"format": "negotiation-planner/1", "terms": terms_a}
    b: dict[str, Any] = {"format": "negotiation-planner/1", "terms": terms_b}
    a["offers"] = [offers_a[n] for n in pick_a]
    b["offers"] = [offers_b[n] for n in pick_b]
    if draw(st.booleans()):
        b["max_asks"] = draw(st.integers(1, 10))
    if draw(st.booleans()):
        b["title"] = draw(st.text(max_size=20))
    return parse_scenario(a), parse_scenario(b)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(related_pairs())
def test_taking_every_change_gives_the_other_scenario(pair: tuple[Scenario, Scenario]) -> None:
    a, b = pair
    changes = diff(a, b)
    assert apply(a, changes, [c.key for c in changes]) == b
    assert (changes == []) == (a == b)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(related_pairs(), st.data())
def test_taking_any_selection_gives_a_valid_scenario_closer_to_the_other(
    pair: tuple[Scenario, Scenario], data: st.DataObject
) -> None:
    a, b = pair
    changes = diff(a, b)
    chosen = data.draw(st.lists(st.sampled_from([c.key for c in changes]))) if changes else []
    result = apply(a, changes, chosen)  # a valid Scenario, or this raises
    taken = needed(changes, chosen)
    left = {c.key for c in diff(result, b)}
    # What was taken no longer differs (an order change may come back when items moved).
    assert not {k for k in taken if k[0] != "order"} & left


@settings(max_examples=60, deadline=None)
@given(strategies.scenario_data())
def test_a_scenario_has_no_changes_from_itself(data: dict[str, Any]) -> None:
    scenario = parse_scenario(data)
    assert diff(scenario, scenario) == []
