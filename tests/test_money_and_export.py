"""Money shown honestly, the comparison table, and the CSV export."""

from __future__ import annotations

import csv
import io

import pytest

from planner import make_plan
from planner.compare import comparison_table, money_table, offer_column
from planner.export import csv_bytes, file_stem, neutralise
from planner.valuation import value_offers
from tests.builders import make_scenario, offer, term

PAY = [
    term("Base salary", per="year", target=80000),
    term("Bonus", per="year", variable=True),
    term("Signing bonus", per="once"),
    term("Learning budget", per="year", kind="benefit"),
    term("Vacation days", "number", unit="days/year"),
]


def test_guaranteed_variable_and_one_off_money_are_kept_apart_and_benefits_are_not_pay() -> None:
    scenario = make_scenario(
        PAY,
        [
            offer(
                values={
                    "Base salary": 70000,
                    "Bonus": 7000,
                    "Signing bonus": 5000,
                    "Learning budget": 1200,
                    "Vacation days": 25,
                }
            )
        ],
    )

    (money,) = value_offers(scenario)

    assert money.guaranteed.total == 70000
    assert money.variable.total == 7000
    assert money.one_off.total == 5000
    assert money.first_year == 70000 + 7000 + 5000


def test_an_unknown_value_is_not_known_never_zero() -> None:
    scenario = make_scenario(PAY, [offer(values={"Base salary": 70000, "Signing bonus": 5000})])

    (money,) = value_offers(scenario)

    assert money.variable.total is None
    assert money.variable.missing == ["Bonus"]
    assert money.guaranteed.total == 70000
    assert money.one_off.total == 5000
    assert money.first_year is None


def test_money_table_has_a_row_per_offer_and_says_what_is_not_known() -> None:
    scenario = make_scenario(PAY, [offer("A", values={"Base salary": 1}), offer("B")])

    table = money_table(scenario)

    assert list(table["Offer"]) == ["A", "B"]
    assert table.loc[0, "Variable yearly pay: not known"] == "Bonus"


def test_comparison_table_has_a_row_per_term_and_four_columns_per_offer() -> None:
    scenario = make_scenario(PAY, [offer("A", values={"Base salary": 70000}), offer("B")])

    table = comparison_table(scenario)

    assert len(table) == len(PAY)
    assert table.loc[0, offer_column("A", "value")] == 70000
    assert table.loc[0, offer_column("A", "status")] == "trade"
    assert table.loc[0, offer_column("B", "status")] == "unknown"
    assert table.loc[1, offer_column("A", "value")] is None
    assert table.loc[0, "Unit"] == "USD/year"
    assert table.loc[2, "Unit"] == "USD once"


@pytest.mark.parametrize(
    "cell", ["=1+1", "+cmd", "-2+3", "@SUM(A1)", "\tx", "\rx", "\nx", '=HYPERLINK("http://x")']
)
def test_cells_a_spreadsheet_would_run_are_neutralised(cell: str) -> None:
    assert neutralise(cell) == "'" + cell


@pytest.mark.parametrize("cell", ["-5", "-1200.50", "Base salary", "", 3, -4.5, None])
def test_plain_values_and_negative_numbers_are_left_alone(cell: object) -> None:
    assert neutralise(cell) == cell


def test_csv_export_neutralises_names_and_notes_but_keeps_numbers() -> None:
    scenario = make_scenario(
        [term("=cmd|' /C calc'!A0", "number", unit="x")],
        [offer("@evil", values={"=cmd|' /C calc'!A0": -3})],
    )
    table = comparison_table(scenario, make_plan(scenario))

    rows = list(csv.reader(io.StringIO(csv_bytes(table).decode("utf-8-sig"))))

    assert rows[1][0] == "'=cmd|' /C calc'!A0"
    assert "'@evil: value" in rows[0]
    assert rows[1][rows[0].index("'@evil: value")] == "-3"


def test_csv_file_names_come_from_the_title() -> None:
    assert file_stem("Offers after the March interviews") == "offers-after-the-march-interviews"
    assert file_stem("Équipe / «Zürich»") == "equipe-zurich"
    assert file_stem("") == "negotiation-plan"
    assert file_stem("///") == "negotiation-plan"
