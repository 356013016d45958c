"""What the plan page, the charts, the CSV, the brief and the terminal show of the money and
the market: every offer and year, totals right, not known said so, the current job a reference."""

from __future__ import annotations

import csv
import io
import itertools
import json
import re
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from planner import Plan, Scenario, make_plan
from planner.brief import brief
from planner.charts import (
    NOT_KNOWN,
    market_data,
    market_notices,
    market_spec,
    market_text,
    money_data,
    money_frame,
    money_spec,
    money_text,
    position_data,
    position_spec,
    position_text,
    ranking_data,
    ranking_spec,
    short,
)
from planner.compare import (
    FIXED_COLUMNS,
    behind_words,
    csv_table,
    elsewhere_words,
    offer_plan_table,
)
from planner.export import csv_bytes
from planner.money_words import ranking_words
from planner.terminal import plan_table
from planner.valuation import COLUMN_LABELS
from tests.builders import make_scenario, offer, term
from tests.money_scenario import money_scenario
from ui.cards import terms_html

PAGE = str(Path(__file__).resolve().parent / "e2e" / "plan_page_app.py")


@pytest.fixture(scope="module")
def scenario() -> Scenario:
    return money_scenario()


@pytest.fixture(scope="module")
def plan(scenario: Scenario) -> Plan:
    return make_plan(scenario)


def rows(frame: pd.DataFrame, layer: str, **match: Any) -> list[dict[str, Any]]:
    picked = frame[frame["layer"] == layer]
    for column, value in match.items():
        picked = picked[picked[column] == value]
    return [
        {k: (None if v is pd.NA or v != v else v) for k, v in r.items()}
        for r in picked.to_dict("records")
    ]


# --- money by year -------------------------------------------------------------


def test_every_offer_and_year_has_a_bar_with_its_expected_total_printed(
    scenario: Scenario, plan: Plan
) -> None:
    data = money_data(scenario, plan)

    for offer_plan in plan.offers:
        assert offer_plan.money is not None
        years = rows(data, "year", offer=offer_plan.name)
        assert [r["year"] for r in years] == [1, 2, 3, 4]
        for row, money in zip(years, offer_plan.money.years, strict=True):
            assert row["total"] == money.total
            assert row["label"] == ("?" if money.total is None else short(money.total))
    acme = rows(data, "year", offer="Acme")
    assert [r["label"] for r in acme] == ["110k", "107k", "112k", "112k"]


def test_the_blocks_of_a_known_year_stack_up_to_its_total(scenario: Scenario, plan: Plan) -> None:
    data = money_data(scenario, plan)

    parts = rows(data, "part", offer="Acme", year=1)

    assert [p["kind"] for p in parts] == [
        COLUMN_LABELS[c] for c in ("guaranteed", "variable", "equity", "one_off")
    ]
    assert [p["amount"] for p in parts] == [72000, 32000, 1000, 5000]  # commission at 80%
    assert parts[-1]["y1"] == 110000
    assert all(a["y1"] == b["y0"] for a, b in itertools.pairwise(parts))


def test_what_is_not_known_is_a_grey_block_named_and_never_counted(
    scenario: Scenario, plan: Plan
) -> None:
    data = money_data(scenario, plan)

    year_1 = rows(data, "part", offer="Northwind", year=1)
    year_2 = rows(data, "part", offer="Northwind", year=2)

    unknown = [p for p in year_1 if p["kind"] == NOT_KNOWN]
    assert [(p["amount"], p["label"]) for p in unknown] == [
        (None, "Equity (expected), One-off money")
    ]
    assert unknown[0]["y1"] > unknown[0]["y0"]  # drawn, with a size that is no figure
    assert [p["label"] for p in year_2 if p["kind"] == NOT_KNOWN] == ["Equity (expected)"]
    assert rows(data, "year", offer="Northwind", year=1)[0]["label"] == "?"
    text = money_text(plan.offer("Northwind"), "USD")
    assert "Year 1: total not known" in text
    assert "not known (a value is missing, not counted as zero)" in text


def test_benefits_are_not_drawn_as_pay_but_are_said_apart(scenario: Scenario, plan: Plan) -> None:
    data = money_data(scenario, plan)

    kinds = {p["kind"] for p in rows(data, "part")}

    assert COLUMN_LABELS["benefits"] not in kinds
    assert "Benefits, not pay and not added: 1,500 USD a year." in money_text(
        plan.offer("Acme"), "USD"
    )


def test_on_paper_is_a_line_where_it_differs_from_what_you_expect(
    scenario: Scenario, plan: Plan
) -> None:
    data = money_data(scenario, plan)

    acme = rows(data, "year", offer="Acme")

    assert [r["paper"] for r in acme] == [119000, 118000, 128000, 128000]
    assert all(r["top"] >= r["paper"] for r in acme)  # the total is printed above the line
    assert "441,000 USD expected, 493,000 USD on paper" in money_text(plan.offer("Acme"), "USD")
    flat = make_scenario([term()], [offer("A", values={"Base salary": 50000})])
    assert [r["paper"] for r in rows(money_data(flat), "year")] == [None] * 4


def test_every_offers_chart_shares_one_scale(scenario: Scenario, plan: Plan) -> None:
    data = money_data(scenario, plan)

    pad = rows(data, "pad")

    assert len(pad) == 1
    assert pad[0]["y1"] > max(r["top"] for r in rows(data, "year"))
    for name in ("Acme", "Current job"):
        shown = money_frame(data, name)
        assert set(shown["offer"].dropna()) == {name}
        assert (shown["layer"] == "pad").sum() == 1


def test_identical_years_are_said_once(plan: Plan) -> None:
    text = money_text(plan.offer("Current job"), "USD")

    assert (
        "Years 1–4: 84,000 USD (guaranteed pay 68,000, variable pay (expected) 16,000) each."
        in text
    )


# --- ranked by expected total, the current job the line to beat ---------------------


def test_offers_are_ranked_by_expected_total_and_the_current_job_is_the_line(plan: Plan) -> None:
    data = ranking_data(plan)

    offers = rows(data, "offer")
    line = rows(data, "current")

    assert [(r["offer"], r["rank"], r["label"]) for r in offers] == [
        ("Acme", 1, "441k"),
        ("Northwind", 2, "not known"),
    ]
    assert [(r["offer"], r["x"]) for r in line] == [("Current job", 336000)]
    assert ranking_words(plan) == [
        "Acme is 105,000 USD ahead of your current job over 4 years.",
        "Northwind: not known over 4 years (a money value is missing; it is not counted as zero).",
        "Your current job: 336,000 USD expected over 4 years.",
    ]


def test_an_offer_below_the_current_job_is_said_to_be_behind_it() -> None:
    scenario = make_scenario(
        [term(), term("Bonus", kind="variable", expected=50)],
        [
            offer("Lower", values={"Base salary": 58000, "Bonus": 10000}),
            offer("Higher", values={"Base salary": 70000, "Bonus": 0}),
            offer("Same", values={"Base salary": 65000, "Bonus": 0}),
            offer("Now", current=True, values={"Base salary": 65000, "Bonus": 0}),
        ],
        years=2,
    )

    words = ranking_words(make_plan(scenario))

    assert words == [
        "Higher is 10,000 USD ahead of your current job over 2 years.",
        "Same pays the same as your current job over 2 years.",
        "Lower is 4,000 USD behind your current job over 2 years.",
        "Your current job (Now): 130,000 USD expected over 2 years.",
    ]


# --- against the market --------------------------------------------------------------


def test_the_market_bar_has_the_band_your_line_and_each_offer(
    scenario: Scenario, plan: Plan
) -> None:
    data = market_data(scenario, plan, "Base salary")

    band = rows(data, "band")[0]
    middle = rows(data, "middle")[0]
    marks = {r["row"]: r["label"] for r in rows(data, "mark")}

    assert (band["x"], band["x2"]) == (45000, 110000)
    assert (middle["x"], middle["x2"]) == (56000, 88000)
    assert [r["label"] for r in rows(data, "pct")] == ["p10", "p25", "p50", "p75", "p90"]
    assert marks == {
        "Your bottom line": "70k · p50",
        "Your target": "80k · p64",
        "Acme": "72k · p53",
        "Northwind": "55k · p24",
        "Current job": "68k · p46",
    }


def test_the_market_is_labelled_with_its_source_and_its_notices(
    scenario: Scenario, plan: Plan
) -> None:
    text = market_text(scenario, plan, "Base salary")
    notices = market_notices(plan, "Base salary")

    assert "BLS OEWS May 2025, Sales representatives, Texas" in text
    assert "Northwind: 55,000 (p24)." in text
    assert len(notices) == 1
    assert "below the market's 25th percentile" in notices[0]


# --- where each offer stands -------------------------------------------------------


def test_must_wins_are_marked_and_every_figure_is_printed(scenario: Scenario, plan: Plan) -> None:
    data = position_data(scenario, plan)

    labels = dict(zip(zip(data["offer"], data["term"], strict=True), data["label"], strict=True))

    assert labels[("Northwind", "Base salary")] == "55,000 ◎ must win"
    assert labels[("Acme", "Base salary")] == "72,000"
    assert "Northwind: below your bottom line on Base salary; must win Base salary" in (
        position_text(plan)
    )


def _legends(spec: dict[str, Any]) -> list[dict[str, Any]]:
    """The chart's legends: one per channel (layers that share a channel share its legend)."""
    found: dict[str, dict[str, Any]] = {}
    for layer in spec.get("layer", [spec]):
        for name, channel in layer.get("encoding", {}).items():
            if isinstance(channel, dict) and isinstance(channel.get("legend"), dict):
                found[name] = channel["legend"]
    return list(found.values())


@pytest.mark.parametrize(
    "spec",
    [
        money_spec("USD"),
        ranking_spec("USD", 4),
        market_spec("USD a year"),
        position_spec(),
    ],
    ids=["money", "ranking", "market", "positions"],
)
def test_charts_fit_the_width_and_no_two_legends_share_a_side(spec: str) -> None:
    chart = json.loads(spec)

    legends = _legends(chart)

    assert chart["autosize"] == {"type": "fit-x", "contains": "padding"}
    sides = [legend["orient"] for legend in legends]
    assert len(sides) == len(set(sides))
    assert all(legend["labelLimit"] == 0 for legend in legends)  # never cut short


# --- the plan's words ------------------------------------------------------------------


def test_the_current_job_reads_as_a_reference_never_as_an_ask(
    scenario: Scenario, plan: Plan
) -> None:
    table = offer_plan_table(scenario, plan.offer("Current job"), plan)

    statuses = dict(zip(table["Term"], table["Status"], strict=True))

    assert statuses["Base salary"] == "⚫ reference: below your bottom line"
    assert statuses["Health coverage"] == "⚫ reference: meets your target"
    assert not any(re.search(r"push|must win|trade", s) for s in statuses.values())


def test_alternatives_are_said_in_plain_words(scenario: Scenario, plan: Plan) -> None:
    northwind, acme = plan.offer("Northwind"), plan.offer("Acme")

    assert elsewhere_words(scenario, plan, northwind, northwind.term("Base salary")) == (
        "Acme pays 17,000 USD more a year"
    )
    assert elsewhere_words(scenario, plan, acme, acme.term("Health coverage")) == (
        "Northwind offers PPO"
    )
    assert behind_words(acme) == "Worse than your current job on Health coverage"
    assert behind_words(plan.offer("Current job")) == ""


def test_the_terms_table_escapes_user_text_and_labels_every_cell() -> None:
    scenario = make_scenario(
        [term("<b>Pay</b>", bottom_line=10)],
        [offer("<script>x</script>", values={"<b>Pay</b>": 5}, notes={"<b>Pay</b>": "a & b"})],
    )
    plan = make_plan(scenario)

    page = terms_html(offer_plan_table(scenario, plan.offers[0], plan))

    assert "<b>Pay</b>" not in page
    assert "&lt;b&gt;Pay&lt;/b&gt;" in page
    assert "a &amp; b" in page
    assert "data-label='Status'" in page


# --- the CSV ------------------------------------------------------------------------


def test_the_csv_keeps_a_row_per_term_then_money_by_year_and_kind(scenario: Scenario) -> None:
    text = csv_bytes(csv_table(scenario)).decode("utf-8-sig")

    header = next(csv.reader(io.StringIO(text)))
    read = list(csv.DictReader(io.StringIO(text)))

    assert header[: len(FIXED_COLUMNS)] == FIXED_COLUMNS
    assert header[-3:] == ["Section", "Year", "Kind"]
    terms = [r for r in read if r["Section"] == "term"]
    money = [r for r in read if r["Section"] == "money"]
    assert [r["Term"] for r in terms] == [t.name for t in scenario.terms]
    assert len(money) == 4 * 7 + 2
    by_key = {(r["Year"], r["Kind"]): r for r in money}
    assert by_key[("1", "total")]["Acme: value"] == "110000"
    assert by_key[("1", "variable")]["Acme: value"] == "32000"
    assert by_key[("3", "equity")]["Acme: value"] == "8000"
    assert by_key[("1", "benefits")]["Acme: value"] == "1500"
    assert by_key[("1", "total")]["Northwind: value"] == ""  # not known, never zero
    assert by_key[("", "total")]["Current job: value"] == "336000"
    assert by_key[("", "on_paper")]["Acme: value"] == "493000"


def test_the_csv_money_reads_back_in_pandas(scenario: Scenario) -> None:
    table = pd.read_csv(io.BytesIO(csv_bytes(csv_table(scenario))))

    money = table[table["Section"] == "money"]
    totals = money[money["Kind"] == "total"].set_index("Year").filter(like=": value")
    totals = totals.apply(pd.to_numeric)

    assert list(totals["Acme: value"]) == [110000, 107000, 112000, 112000, 441000]
    assert totals["Northwind: value"].isna().all()
    assert list(table.loc[table["Section"] == "term", "Term"]) == [t.name for t in scenario.terms]


# --- the brief and the terminal --------------------------------------------------------


def test_the_brief_shows_the_years_by_kind_and_never_calls_a_benefit_pay(
    scenario: Scenario, plan: Plan
) -> None:
    text = brief(scenario, plan)

    assert "Guaranteed yearly pay" not in text
    assert (
        "| Year | Guaranteed pay | Variable pay (expected) | Equity (expected) "
        "| One-off money | Total (expected) | On paper | Benefits (not pay) |"
    ) in text
    assert "| 1 | 72,000 | 32,000 | 1,000 | 5,000 | 110,000 | 119,000 | 1,500 |" in text
    assert (
        "| 1 | 55,000 | 24,000 | not known | not known | not known | not known | not known |"
        in (text)
    )
    assert "Acme is 105,000 USD ahead of your current job over 4 years." in text


def test_the_terminal_shows_the_years_by_kind(scenario: Scenario, plan: Plan) -> None:
    lines = [re.split(r"\s{2,}", line.strip()) for line in plan_table(scenario, plan).splitlines()]

    assert lines[next(i for i, line in enumerate(lines) if line[0] == "Year")][:4] == [
        "Year",
        "Guaranteed pay",
        "Variable pay (expected)",
        "Equity (expected)",
    ]
    assert ["1", "72,000", "32,000", "1,000", "5,000", "110,000", "119,000", "1,500"] in lines
    assert ["All", "441,000", "493,000"] in lines
    assert ["Acme is 105,000 USD ahead of your current job over 4 years."] in lines


# --- the page ----------------------------------------------------------------------------


def _block(node: Any, key: str) -> Any:
    """The container with that key (AppTest keeps a container's key at the end of its id)."""
    for child in getattr(node, "children", {}).values():
        if str(getattr(getattr(child, "proto", None), "id", "")).endswith(f"-{key}"):
            return child
        found = _block(child, key)
        if found is not None:
            return found
    return None


def _texts(node: Any) -> str:
    """What a part of the page says (Markdown as it reads on screen, and the HTML tables)."""
    out = []
    for child in getattr(node, "children", {}).values():
        value = getattr(child, "value", None)
        if child.type in ("markdown", "caption", "warning") and value is not None:
            out.append(str(value).replace("\\", ""))  # as shown: Markdown escapes dropped
        elif child.type == "html":
            out.append(str(child.proto.body))
        out.append(_texts(child))
    return "\n".join(out)


def test_the_plan_page_draws_every_offer_chart_and_market_by_key() -> None:
    at = AppTest.from_file(PAGE, default_timeout=60)

    at.run()

    assert not at.exception
    for key in (
        *(f"plan_offer_{i}" for i in range(3)),
        *(f"plan_money_{i}" for i in range(3)),
        "plan_ranking",
        "plan_market_0",
        "plan_positions",
    ):
        assert _block(at.main, key) is not None, key
    assert len(at.get("vega_lite_chart")) == 3 + 3  # money per offer, ranking, market, positions
    ranking = _texts(_block(at.main, "plan_ranking"))
    assert "Acme is 105,000 USD ahead of your current job over 4 years" in ranking
    market = _texts(_block(at.main, "plan_market_0"))
    assert "BLS OEWS May 2025" in market
    assert "below the market's 25th percentile" in market


def test_the_current_job_on_the_page_is_never_labelled_push_or_must_win() -> None:
    at = AppTest.from_file(PAGE, default_timeout=60)
    at.run()

    current = _texts(_block(at.main, "plan_offer_2"))
    northwind = _texts(_block(at.main, "plan_offer_1"))

    assert "reference: below your bottom line" in current
    assert "push" not in current
    assert "must win" not in current
    assert "push · must win" in northwind
    assert "Acme pays 17,000 USD more a year" in northwind
    assert "Worse than your current job on Base salary" in northwind


def test_whole_figures_stay_whole_in_the_csv_when_a_column_has_a_gap() -> None:
    scenario = make_scenario([term(), term("Bonus")], [offer("A", values={"Base salary": 74000})])

    read = list(csv.DictReader(io.StringIO(csv_bytes(csv_table(scenario)).decode("utf-8-sig"))))

    assert [r["A: value"] for r in read[:2]] == ["74000", ""]
    assert read[2]["Year"] == "1"


@pytest.mark.parametrize(("years", "angle"), [(4, 0), (6, 0), (10, 270)])
def test_totals_are_written_along_the_bars_when_there_are_many_years(
    years: int, angle: int
) -> None:
    spec = json.loads(money_spec("USD", years))

    texts = [layer["mark"] for layer in spec["layer"] if layer["mark"]["type"] == "text"]

    assert [mark["angle"] for mark in texts] == [angle]
