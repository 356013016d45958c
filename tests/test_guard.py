"""The guard that keeps bottom lines out of what the company reads."""

from __future__ import annotations

import pytest

from planner.guard import bottom_lines, numbers_in
from tests.builders import make_scenario, term


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("my line is 70000", 70000),
        ("my line is 70,000", 70000),
        ("my line is 70k", 70000),
        ("my line is 70 000", 70000),
        ("my line is 70.000,00", 70000),
        ("my line is 70'000", 70000),
        ("my line is -0.00", 0),
        ("at 2.5 days", 2.5),
    ],
)
def test_numbers_are_found_as_people_type_them(text: str, number: float) -> None:
    assert number in numbers_in(text)


def test_a_line_written_in_words_is_not_a_number() -> None:
    assert numbers_in("seventy thousand") == set()


def test_a_bottom_line_that_is_not_asked_is_kept_back() -> None:
    scenario = make_scenario([term(bottom_line=70000, target=80000)])

    guard = bottom_lines(scenario, asked=[80000.0])

    assert guard.said_in("my line is 70k")
    assert not guard.said_in("the market pays 80k")


def test_a_bottom_line_that_is_itself_the_ask_may_be_said() -> None:
    scenario = make_scenario([term(bottom_line=70000)])

    guard = bottom_lines(scenario, asked=[70000.0])

    assert not guard.said_in("I need 70k")


def test_a_tiny_bottom_line_is_kept_back_as_shown_even_when_zero_is_asked() -> None:
    scenario = make_scenario(
        [
            term("A", "number", bottom_line=0.00390625, target=5),
            term("B", "number", bottom_line=0),
        ]
    )

    guard = bottom_lines(scenario, asked=[5.0, 0.0])

    assert guard.said_in("My line is 0.00, do not tell.")
    assert guard.said_in("My line is -0.00, do not tell.")
    assert guard.said_in("My line is 0.00390625")


def test_the_comparison_with_the_asks_is_exact() -> None:
    scenario = make_scenario([term("A", "number", bottom_line=2.004, target=9)])

    guard = bottom_lines(scenario, asked=[2.0, 9.0])

    assert guard.said_in("two days: 2")
    assert guard.said_in("2.004 days")


def test_an_option_bottom_line_is_kept_back_ignoring_case_unless_asked() -> None:
    scenario = make_scenario(
        [
            term("Health", "choice", bottom_line="Basic", target="Comprehensive"),
            term("Title", "choice", options=["Junior", "Senior"], bottom_line="Senior"),
        ]
    )

    guard = bottom_lines(scenario, asked=["Comprehensive", "Senior"])

    assert guard.said_in("anything but BASIC would do")
    assert not guard.said_in("Basically fine")
    assert not guard.said_in("a senior title")
