"""The plan against an independent reading of the contract, on random scenarios.

The scenarios here use this round's fields (rounds, current jobs, steps, choice
terms, money kinds and periods, vesting, expected percents, unknown values,
market data, deadlines). ``tests/reference.py`` is the reading; the rest are
properties the contract implies whatever the figures.
"""

from __future__ import annotations

import copy
import datetime
import io
import itertools
import json
import math
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from devtools import reference
from planner import make_plan, parse_scenario
from planner.cli import main

TODAY = datetime.date(2026, 3, 15)
STANCES = ["fixed", "limited", "negotiable", "unknown"]
PAID_KINDS = ("pay", "variable", "equity")

relaxed = settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)
# The properties below the comparison with the reading run half the profile's examples,
# so that CI stays fast (the profile still scales them: ``explore`` runs more).
lighter = settings(relaxed, max_examples=max(10, settings().max_examples // 2))


# --- random scenarios with this round's fields ----------------------------------


@st.composite
def market_data(draw: st.DrawFn, low: int, high: int) -> dict[str, Any]:
    keys = draw(
        st.lists(st.sampled_from(["p10", "p25", "p50", "p75", "p90"]), min_size=2, unique=True)
    )
    figures = sorted(draw(st.lists(st.integers(low, high), min_size=len(keys), max_size=len(keys))))
    order = ["p10", "p25", "p50", "p75", "p90"]
    market: dict[str, Any] = {"source": "A survey"}
    for key, figure in zip(sorted(keys, key=order.index), figures, strict=True):
        market[key] = figure
    return market


@st.composite
def vesting_data(draw: st.DrawFn) -> list[int]:
    """1 to 6 yearly percents adding up to 100 (zeros allowed, as a cliff; halves too)."""
    cuts = sorted(draw(st.lists(st.integers(0, 200), max_size=5)))
    edges = [0, *cuts, 200]
    return [(b - a) / 2 if (b - a) % 2 else (b - a) // 2 for a, b in itertools.pairwise(edges)]


@st.composite
def money_term(draw: st.DrawFn, name: str) -> dict[str, Any]:
    term: dict[str, Any] = {"name": name, "type": "money"}
    scale = draw(st.sampled_from([50, 800, 5_000, 60_000]))
    term["per"] = draw(st.sampled_from(["year", "once", "month", "hour"]))
    spelling = draw(st.sampled_from(["none", "kind", "variable", "both"]))
    if spelling in ("kind", "both"):
        term["kind"] = draw(st.sampled_from(["pay", "variable", "equity", "benefit"]))
    if spelling in ("variable", "both"):
        term["variable"] = True
    if draw(st.booleans()):
        term["expected"] = draw(st.sampled_from([0, 50, 80, 100, 120, 200]))
    if term.get("kind") == "equity" and term["per"] == "once" and draw(st.booleans()):
        term["vesting"] = draw(vesting_data())
    if draw(st.booleans()):
        term["step"] = draw(st.sampled_from([0.01, 0.1, 1, 5, 50, 100, 250, 500, 1000]))
    _line_and_target(draw, term, scale, whole=True)
    if draw(st.integers(0, 3)) == 0:
        term["market"] = draw(market_data(scale // 2, scale * 2))
    return term


def _line_and_target(draw: st.DrawFn, term: dict[str, Any], scale: int, whole: bool) -> None:
    term["better"] = draw(st.sampled_from(["higher", "higher", "lower"]))
    low = 0 if term["type"] == "money" else -scale
    numbers = st.integers(low, scale * 2)
    if not whole:
        numbers = numbers.map(lambda n: n / 2)
    pair = sorted(draw(st.lists(numbers, min_size=2, max_size=2)))
    worst, best = (pair[1], pair[0]) if term["better"] == "lower" else (pair[0], pair[1])
    which = draw(st.sampled_from(["both", "both", "line", "target", "neither"]))
    if which in ("both", "line"):
        term["bottom_line"] = worst
    if which in ("both", "target"):
        term["target"] = best


@st.composite
def number_term(draw: st.DrawFn, name: str) -> dict[str, Any]:
    term: dict[str, Any] = {"name": name, "type": "number"}
    if draw(st.booleans()):
        term["step"] = draw(st.sampled_from([0.5, 1, 2, 0.25, 0.1, 0.3]))
    _line_and_target(draw, term, draw(st.sampled_from([5, 30, 200])), whole=draw(st.booleans()))
    return term


@st.composite
def choice_term(draw: st.DrawFn, name: str) -> dict[str, Any]:
    options = [f"Option {i}" for i in range(draw(st.integers(2, 5)))]
    term: dict[str, Any] = {"name": name, "type": "choice", "options": options}
    picks = sorted(draw(st.lists(st.integers(0, len(options) - 1), min_size=2, max_size=2)))
    which = draw(st.sampled_from(["both", "line", "target", "neither"]))
    if which in ("both", "line"):
        term["bottom_line"] = options[picks[0]]
    if which in ("both", "target"):
        term["target"] = options[picks[1]]
    return term


def value_for(term: dict[str, Any]) -> st.SearchStrategy[Any]:
    """Values on, near and between the term's bottom line and target."""
    if term["type"] == "choice":
        return st.sampled_from(term["options"])
    near = [term[k] for k in ("bottom_line", "target") if k in term] or [10]
    step = term.get("step", 1)
    low = 0 if term["type"] == "money" else None

    def shift(pair: tuple[Any, int]) -> Any:
        figure = pair[0] + pair[1] * step
        return figure if low is None else max(figure, low)

    fractions = term["type"] == "number" and any(not float(n).is_integer() for n in near)
    floor = 0 if low is not None else int(min(near)) * 2 - 10
    wide = st.integers(floor, max(int(max(near)) * 2 + 10, floor + 10))
    return st.one_of(
        st.sampled_from(near),
        st.tuples(st.sampled_from(near), st.integers(-3, 3)).map(shift),
        wide.map(lambda n: n / 2) if fractions else wide,
        st.tuples(st.sampled_from(near), st.sampled_from(near)).map(
            lambda p: p[0] + (p[1] - p[0]) / 3 if term["type"] == "number" else (p[0] + p[1]) // 3
        ),
    )


@st.composite
def offer_data(draw: st.DrawFn, index: int, terms: list[dict[str, Any]]) -> dict[str, Any]:
    offer: dict[str, Any] = {"name": f"Offer {index}"}
    if draw(st.integers(0, 3)) == 0:
        offer["current"] = True
    offer["values"] = {t["name"]: draw(value_for(t)) for t in terms if draw(st.integers(0, 5)) > 0}
    offer["flexibility"] = {
        t["name"]: draw(st.sampled_from(STANCES)) for t in terms if draw(st.integers(0, 4)) > 0
    }
    if draw(st.integers(0, 2)) == 0:
        offer["deadline"] = (TODAY + datetime.timedelta(days=draw(st.integers(-5, 30)))).isoformat()
    rounds = []
    for _ in range(draw(st.sampled_from([0, 0, 1, 2, 3, 5]))):
        term = draw(st.sampled_from(terms))
        answer: dict[str, Any] = {"term": term["name"]}
        what = draw(st.sampled_from(["value", "stance", "both", "note"]))
        if what in ("value", "both"):
            answer["value"] = draw(value_for(term))
        if what in ("stance", "both"):
            answer["stance"] = draw(st.sampled_from(STANCES))
        if what == "note":
            answer["note"] = "They will think about it."
        rounds.append(answer)
    if rounds:
        offer["rounds"] = rounds
    return offer


@st.composite
def scenarios(draw: st.DrawFn) -> dict[str, Any]:
    count = draw(st.integers(1, 5))
    terms = []
    for i in range(count):
        make = draw(st.sampled_from([money_term, money_term, number_term, choice_term]))
        term = draw(make(f"Term {i}"))
        if draw(st.booleans()):
            term["priority"] = draw(st.integers(1, 5))
        terms.append(term)
    data: dict[str, Any] = {
        "format": "negotiation-planner/1",
        "terms": terms,
        "offers": [draw(offer_data(j, terms)) for j in range(draw(st.integers(1, 4)))],
    }
    if draw(st.booleans()):
        data["max_asks"] = draw(st.integers(1, 4))
    if draw(st.booleans()):
        data["years"] = draw(st.integers(1, 7))
    if draw(st.booleans()):
        data["hours_per_week"] = draw(st.sampled_from([40, 37.5, 20, 100]))
    return data


def plan_json(data: dict[str, Any]) -> dict[str, Any]:
    return make_plan(parse_scenario(data), today=TODAY).to_json()


# --- comparing with the reference --------------------------------------------------


def same(got: Any, want: Any, cents: int = 0) -> bool:
    """Equal, up to float noise (and up to a cent for each money figure rounded and added
    up: the contract rounds to cents but does not say half up or half to even)."""
    if isinstance(want, float) or isinstance(got, float):
        if got is None or want is None or isinstance(got, str) or isinstance(want, str):
            return bool(got == want)
        return math.isclose(got, want, rel_tol=1e-9, abs_tol=0.0101 * cents + 1e-9)
    return bool(got == want)


def differences(got: dict[str, Any], want: dict[str, Any]) -> list[str]:
    """Where the plan of one offer differs from the reading (empty when they agree)."""
    found = []
    for key in ("verdict", "asks", "opening_asks", "days_left", "behind_current"):
        if got.get(key) != want[key]:
            found.append(f"{key}: plan {got.get(key)!r}, contract {want[key]!r}")
    if want["phase"] is not None and got["phase"] != want["phase"]:
        found.append(f"phase: plan {got['phase']!r}, contract {want['phase']!r}")
    for g, w in zip(got["terms"], want["terms"], strict=True):
        for key in ("status", "must_win", "ask", "offer", "best_elsewhere"):
            if not same(g[key], w[key]):
                found.append(f"{w['term']}.{key}: plan {g[key]!r}, contract {w[key]!r}")
        if ("market_position" in g) != ("market_position" in w):
            found.append(f"{w['term']}: market_position present in one side only")
        elif "market_position" in w and not same(g["market_position"], w["market_position"]):
            found.append(
                f"{w['term']}.market_position: plan {g['market_position']!r}, "
                f"contract {w['market_position']!r}"
            )
    for gy, wy in zip(got["money"]["years"], want["money"]["years"], strict=True):
        for key, figure in wy.items():
            if not same(gy[key], figure, cents=key != "year"):
                found.append(
                    f"money year {wy['year']}.{key}: plan {gy[key]!r}, contract {figure!r}"
                )
    if len(got["money"]["years"]) != len(want["money"]["years"]):
        found.append("money: a different number of years")
    for key in ("total", "on_paper"):
        if not same(got["money"][key], want["money"][key], cents=len(got["money"]["years"])):
            found.append(
                f"money.{key}: plan {got['money'][key]!r}, contract {want['money'][key]!r}"
            )
    return found


@relaxed
@given(scenarios())
def test_the_plan_agrees_with_the_contract_read_independently(data: dict[str, Any]) -> None:
    plan = plan_json(data)
    want = reference.full_plan(data, TODAY)

    assert [o["name"] for o in plan["offers"]] == [o["name"] for o in want]
    for got, expected in zip(plan["offers"], want, strict=True):
        assert differences(got, expected) == [], got["name"]


# --- money properties --------------------------------------------------------------


@lighter
@given(scenarios())
def test_the_years_add_up_to_the_total(data: dict[str, Any]) -> None:
    for offer in plan_json(data)["offers"]:
        money = offer["money"]
        for key in ("total", "on_paper"):
            figures = [year[key] for year in money["years"]]
            if None in figures:
                assert money[key] is None
            else:
                assert money[key] is not None
                assert math.isclose(money[key], sum(figures), abs_tol=0.011)


def _money_terms(data: dict[str, Any], kinds: tuple[str, ...]) -> list[dict[str, Any]]:
    def kind(term: dict[str, Any]) -> str:
        return str(term.get("kind") or ("variable" if term.get("variable") else "pay"))

    return [t for t in data["terms"] if t["type"] == "money" and kind(t) in kinds]


def _set_value(offer: dict[str, Any], name: str, figure: float) -> None:
    """Give the offer this value for the term as it stands after its rounds."""
    answered = [r for r in offer.get("rounds", []) if r["term"] == name and "value" in r]
    if answered:
        answered[-1]["value"] = figure
    else:
        offer["values"][name] = figure


@lighter
@given(scenarios(), st.data())
def test_raising_a_paid_value_never_lowers_a_years_total(
    data: dict[str, Any], pick: st.DataObject
) -> None:
    terms = _money_terms(data, PAID_KINDS)
    assume(terms)
    term = pick.draw(st.sampled_from(terms))
    index = pick.draw(st.integers(0, len(data["offers"]) - 1))
    planned = plan_json(data)["offers"][index]
    value = next(t["offer"] for t in planned["terms"] if t["term"] == term["name"])
    assume(value is not None)
    raised = copy.deepcopy(data)
    _set_value(raised["offers"][index], term["name"], value + pick.draw(st.sampled_from([1, 250])))

    after = plan_json(raised)["offers"][index]["money"]
    before = planned["money"]

    for old, new in zip(before["years"], after["years"], strict=True):
        for key in ("total", "on_paper"):
            if old[key] is not None:
                assert new[key] is not None
                assert new[key] >= old[key]


@st.composite
def scenarios_with_a_benefit(draw: st.DrawFn) -> dict[str, Any]:
    """A random scenario with one more money term of kind ``benefit``."""
    data = draw(scenarios())
    perk: dict[str, Any] = {
        "name": "Perk",
        "type": "money",
        "kind": "benefit",
        "per": draw(st.sampled_from(["year", "once", "month", "hour"])),
    }
    data["terms"].append(perk)
    for offer in data["offers"]:
        if draw(st.booleans()):
            offer["values"]["Perk"] = draw(st.integers(0, 5_000))
    return data


@lighter
@given(scenarios_with_a_benefit(), st.data())
def test_benefits_never_change_the_totals(data: dict[str, Any], pick: st.DataObject) -> None:
    term = data["terms"][-1]
    before = plan_json(data)
    changed = copy.deepcopy(data)
    for offer in changed["offers"]:
        if pick.draw(st.booleans()):
            offer["values"].pop(term["name"], None)
            offer["rounds"] = [r for r in offer.get("rounds", []) if r["term"] != term["name"]]
            if not offer["rounds"]:
                del offer["rounds"]
        else:
            _set_value(offer, term["name"], pick.draw(st.integers(0, 10**6)))

    after = plan_json(changed)

    for old, new in zip(before["offers"], after["offers"], strict=True):
        assert [(y["total"], y["on_paper"]) for y in old["money"]["years"]] == [
            (y["total"], y["on_paper"]) for y in new["money"]["years"]
        ]
        assert (old["money"]["total"], old["money"]["on_paper"]) == (
            new["money"]["total"],
            new["money"]["on_paper"],
        )


@lighter
@given(scenarios())
def test_on_paper_is_never_below_the_expected_total_when_every_expected_is_at_most_100(
    data: dict[str, Any],
) -> None:
    for term in data["terms"]:
        if term.get("expected", 0) > 100:
            term["expected"] = 100
    for offer in plan_json(data)["offers"]:
        for year in [*offer["money"]["years"], offer["money"]]:
            if year["total"] is not None:
                assert year["on_paper"] >= year["total"]


@lighter
@given(scenarios())
def test_on_paper_is_the_total_when_nothing_is_discounted(data: dict[str, Any]) -> None:
    for term in data["terms"]:
        term.pop("expected", None)
    for offer in plan_json(data)["offers"]:
        for year in [*offer["money"]["years"], offer["money"]]:
            assert year["on_paper"] == year["total"]


# --- ask figures and rounds ----------------------------------------------------------


def _multiple(figure: float, step: float) -> bool:
    ratio = figure / step
    return math.isclose(ratio, round(ratio), abs_tol=1e-6)


@lighter
@given(scenarios())
def test_every_trade_ask_is_a_modest_step_towards_the_target_or_the_target(
    data: dict[str, Any],
) -> None:
    plan = plan_json(data)
    for offer in plan["offers"]:
        for row, term in zip(offer["terms"], data["terms"], strict=True):
            if row["status"] != "trade":
                continue
            ask, value, target = row["ask"], row["offer"], term["target"]
            if term["type"] == "choice":
                options = term["options"]
                assert options.index(value) < options.index(ask) <= options.index(target)
                continue
            if ask == target:
                continue
            low, high = sorted((value, target))
            assert low < ask < high
            assert _multiple(ask, reference.step_of(term, data) or 1)


@lighter
@given(scenarios())
def test_after_rounds_only_opening_asks_and_must_wins_are_asked(data: dict[str, Any]) -> None:
    plan = plan_json(data)
    for offer, source in zip(plan["offers"], data["offers"], strict=True):
        if not source.get("rounds") or source.get("current"):
            continue
        must_wins = {t["term"] for t in offer["terms"] if t["must_win"]}
        assert set(offer["asks"]) <= set(offer["opening_asks"]) | must_wins
        asked = {t["term"] for t in offer["terms"] if t["status"] in ("push", "trade")}
        assert asked <= set(offer["opening_asks"]) | must_wins


@lighter
@given(scenarios())
def test_a_term_answered_twice_is_never_asked(data: dict[str, Any]) -> None:
    plan = plan_json(data)
    for offer, source in zip(plan["offers"], data["offers"], strict=True):
        answers: dict[str, int] = {}
        for r in source.get("rounds", []):
            if "value" in r or "stance" in r:
                answers[r["term"]] = answers.get(r["term"], 0) + 1
        twice = {name for name, count in answers.items() if count >= 2}
        assert not twice & set(offer["asks"])
        for row in offer["terms"]:
            if row["term"] in twice:
                assert row["status"] not in ("push", "trade")
                assert not row["must_win"]


@lighter
@given(scenarios())
def test_the_verdict_never_contradicts_the_phase(data: dict[str, Any]) -> None:
    plan = plan_json(data)
    for offer, source in zip(plan["offers"], data["offers"], strict=True):
        if source.get("current"):
            assert offer["verdict"] == "current"
            continue
        if not source.get("rounds"):
            assert offer["phase"] == "opening"
        elif offer["verdict"] == "negotiate":
            assert offer["phase"] == "countering"
        else:
            assert offer["phase"] == "decide"


def _opening_plan(data: dict[str, Any], index: int) -> dict[str, Any]:
    """The plan of one offer as if it had no rounds, every term keeping its step.

    The default step of a number term depends on every value of the term, rounds
    included: each round's value moves to a current job of its own, which changes
    no label, ask or figure of another offer.
    """
    opening = copy.deepcopy(data)
    rounds = opening["offers"][index].pop("rounds")
    for k, answer in enumerate(rounds):
        if "value" in answer:
            opening["offers"].append(
                {"name": f"Held {k}", "current": True, "values": {answer["term"]: answer["value"]}}
            )
    return dict(plan_json(opening)["offers"][index])


@lighter
@given(scenarios())
def test_after_rounds_no_ask_is_more_than_was_first_asked(data: dict[str, Any]) -> None:
    plan = plan_json(data)
    for index, (offer, source) in enumerate(zip(plan["offers"], data["offers"], strict=True)):
        if not source.get("rounds") or source.get("current"):
            continue
        first = {t["term"]: t["ask"] for t in _opening_plan(data, index)["terms"]}
        for row, term in zip(offer["terms"], data["terms"], strict=True):
            if row["term"] not in offer["opening_asks"] or row["ask"] is None:
                continue
            if term["type"] == "choice":
                assert term["options"].index(row["ask"]) <= term["options"].index(
                    first[row["term"]]
                )
            elif term.get("better", "higher") == "lower":
                assert row["ask"] >= first[row["term"]]
            else:
                assert row["ask"] <= first[row["term"]]


@lighter
@given(scenarios(), st.dates(datetime.date(2025, 1, 1), datetime.date(2027, 12, 31)))
def test_the_command_line_json_is_the_plan_result_for_the_day_given(
    data: dict[str, Any], day: datetime.date
) -> None:
    out, err = io.StringIO(), io.StringIO()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "offers.json"
        path.write_text(json.dumps(data), encoding="utf-8")
        status = main(
            ["plan", str(path), "--format", "json", "--today", day.isoformat()],
            stdout=out,
            stderr=err,
        )

    assert (status, err.getvalue()) == (0, "")
    written = json.loads(out.getvalue())
    assert written == make_plan(parse_scenario(data), today=day).to_json()
    for offer, source in zip(written["offers"], data["offers"], strict=True):
        if "deadline" in source:
            expected = (datetime.date.fromisoformat(source["deadline"]) - day).days
            assert offer["days_left"] == expected
