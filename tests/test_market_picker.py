"""Market data beside a money term: BLS figures picked by job and area, or your own.

The page tests drive the Terms tab as a user would (type a job title and an area,
press a button) and check what the scenario then holds; the figures they expect
come from ``planner.market`` itself, for the same occupation and area. Nothing
may go online: every test fails on any attempt to open a connection.
"""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from planner import Scenario, market
from planner.draft import build_scenario, change_term, draft_from_scenario
from planner.market import WAGE_NOTE, Percentiles, Unavailable
from planner.models import Market
from planner.share import encode
from tests.apptest import as_read, in_tab, open_tab, page_text, start_app
from tests.money_scenario import MARKET, money_scenario
from tests.offline import no_network  # noqa: F401  (autouse: no network here)
from ui.market_picker import (
    bls_basis,
    figure_words,
    form_values,
    market_line,
    preview_line,
    typed_market,
)

# --- the page ------------------------------------------------------------------------------


def blank_terms() -> tuple[AppTest, str]:
    """A blank start (a yearly base salary, term ``t0``) on the Terms tab; the picker's key prefix."""
    at = start_app(sample=None)
    at.button(key="start_blank").click().run()
    open_tab(at, "terms")
    version = at.session_state["workspace"].version
    return at, f"market-{version}-t0-"


def pick(at: AppTest, prefix: str, job: str, area: str) -> None:
    at.text_input(key=prefix + "job").input(job).run()
    at.text_input(key=prefix + "area-name").input(area).run()


def term_market(at: AppTest, index: int = 0) -> Market | None:
    scenario: Scenario | None = at.session_state["scenario"]
    assert scenario is not None
    return scenario.terms[index].market


def terms_text(at: AppTest) -> str:
    return as_read(page_text(in_tab(at, "terms")))


def test_a_registered_nurse_in_seattle_gives_a_yearly_salary_bls_annual_figures() -> None:
    at, prefix = blank_terms()
    nurse = market.find_occupations("registered nurse", 1)[0]
    seattle = market.find_area("Seattle")
    expected = market.wages(nurse, seattle)

    pick(at, prefix, "registered nurse", "Seattle")
    shown = terms_text(at)
    at.button(key=prefix + "use-bls").click().run()

    assert not at.exception
    assert at.selectbox(key=prefix + "occupation").value == nurse.code == "29-1141"
    assert at.selectbox(key=prefix + "area").value == seattle.code
    assert "Registered Nurses in Seattle-Tacoma-Bellevue, WA" in shown
    assert "median $128,260" in shown  # the preview, before the figures are used
    assert WAGE_NOTE in shown
    got = term_market(at)
    assert got is not None
    assert got.p50 == expected.annual.p50 == 128260
    assert got.model_dump(exclude_none=True) == market.market_for(nurse, seattle, hourly=False)
    assert "BLS OEWS May 2025" in got.source
    assert "Registered Nurses" in got.source
    assert "Seattle-Tacoma-Bellevue, WA" in got.source
    assert "Seattle-Tacoma-Bellevue, WA" in terms_text(at)  # "In use", with its source


def test_an_hourly_term_gets_bls_hourly_figures() -> None:
    at, prefix = blank_terms()
    version = at.session_state["workspace"].version
    at.selectbox(key=f"e{version}-term-t0-per").select("hour").run()
    nurse = market.find_occupations("registered nurse", 1)[0]
    seattle = market.find_area("Seattle")

    pick(at, prefix, "registered nurse", "Seattle")
    at.button(key=prefix + "use-bls").click().run()

    got = term_market(at)
    assert got is not None
    assert got.p50 == market.wages(nurse, seattle).hourly.p50 == 61.66
    assert got.p10 == 47.61
    assert "hourly wages" in terms_text(at)


def test_a_monthly_term_is_told_bls_has_no_monthly_figures_and_can_take_its_own() -> None:
    at, prefix = blank_terms()
    version = at.session_state["workspace"].version
    at.selectbox(key=f"e{version}-term-t0-per").select("month").run()

    assert "BLS gives yearly and hourly wages only" in terms_text(at)
    assert prefix + "use-bls" not in [b.key for b in at.button]

    at.text_input(key=prefix + "own-source").input("Salary survey 2026, Lyon").run()
    at.text_input(key=prefix + "own-p25").input("3,100").run()
    at.text_input(key=prefix + "own-p75").input("4.2k").run()
    at.button(key=prefix + "use-own").click().run()

    got = term_market(at)
    assert got is not None
    assert (got.source, got.p25, got.p50, got.p75) == ("Salary survey 2026, Lyon", 3100, None, 4200)


def test_own_figures_in_the_wrong_order_are_refused_beside_the_form_and_kept_as_typed() -> None:
    at, prefix = blank_terms()
    typed = {
        "own-source": "Levels.fyi, Senior Engineer, Berlin",
        "own-p25": "120k",
        "own-p75": "95k",
    }
    for field, text in typed.items():
        at.text_input(key=prefix + field).input(text).run()

    at.button(key=prefix + "use-own").click().run()

    assert not at.exception
    errors = [as_read(e.value) for e in in_tab(at, "terms").error]
    assert any("p75" in e and "must not be below p25" in e for e in errors), errors
    assert {field: at.text_input(key=prefix + field).value for field in typed} == typed
    assert term_market(at) is None

    at.text_input(key=prefix + "own-p75").input("140k").run()
    at.button(key=prefix + "use-own").click().run()

    got = term_market(at)
    assert got is not None
    assert (got.p25, got.p75) == (120000, 140000)
    assert not [e for e in in_tab(at, "terms").error if "p75" in e.value]


def test_remove_takes_the_market_data_away() -> None:
    at, prefix = blank_terms()
    pick(at, prefix, "registered nurse", "Seattle")
    at.button(key=prefix + "use-bls").click().run()
    assert term_market(at) is not None

    at.button(key=prefix + "remove").click().run()

    assert term_market(at) is None
    assert at.session_state["workspace"].draft.terms[0].market is None
    assert at.text_input(key=prefix + "own-p50").value == ""
    assert prefix + "remove" not in [b.key for b in at.button]


def test_bls_figures_that_are_not_published_are_said_in_words_and_not_used() -> None:
    at, prefix = blank_terms()

    pick(at, prefix, "actor", "United States")  # BLS gives actors hourly pay only
    at.button(key=prefix + "use-bls").click().run()

    assert at.selectbox(key=prefix + "occupation").value == "27-2011"
    assert "10th not published by BLS" in terms_text(at)
    errors = [as_read(e.value) for e in in_tab(at, "terms").error]
    assert any("at least two" in e and "Actors" in e for e in errors), errors
    assert term_market(at) is None
    assert at.text_input(key=prefix + "job").value == "actor"


def test_a_new_job_title_lists_its_own_occupations_best_first() -> None:
    at, prefix = blank_terms()
    pick(at, prefix, "registered nurse", "Texas")

    at.text_input(key=prefix + "job").input("account executive").run()

    assert not at.exception
    expected = [o.code for o in market.find_occupations("account executive")]
    assert at.selectbox(key=prefix + "occupation").options[0].startswith("Sales Representatives")
    assert at.selectbox(key=prefix + "occupation").value == expected[0]
    assert at.selectbox(key=prefix + "area").value == market.find_area("Texas").code


def test_bls_dollars_are_not_offered_for_a_scenario_in_another_currency() -> None:
    at, prefix = blank_terms()
    version = at.session_state["workspace"].version
    open_tab(at, "start")
    at.selectbox(key=f"e{version}-scenario-currency").select("EUR").run()
    open_tab(at, "terms")

    pick(at, prefix, "registered nurse", "Seattle")

    assert "BLS figures are in US dollars and this scenario is in EUR" in terms_text(at)
    assert at.button(key=prefix + "use-bls").disabled
    assert "In EUR, a year" in terms_text(at)


def test_an_area_that_matches_nothing_is_said_and_nothing_can_be_used() -> None:
    at, prefix = blank_terms()

    pick(at, prefix, "registered nurse", "Atlantis")

    assert 'no area matches "Atlantis"' in terms_text(at)
    assert at.button(key=prefix + "use-bls").disabled
    assert at.text_input(key=prefix + "area-name").value == "Atlantis"


def test_opening_the_terms_tab_reads_no_market_data_until_a_job_is_typed() -> None:
    market._index.cache_clear()  # the extract, read on the first look-up of the process

    at, prefix = blank_terms()
    assert market._index.cache_info().currsize == 0
    assert "Type a job title" in terms_text(at)

    pick(at, prefix, "nurse", "US")
    assert market._index.cache_info().currsize == 1


def test_the_picker_keeps_its_typing_when_the_term_is_renamed() -> None:
    at, prefix = blank_terms()
    version = at.session_state["workspace"].version
    pick(at, prefix, "registered nurse", "Seattle")

    at.text_input(key=f"e{version}-term-t0-name").input("Hospital salary").run()

    assert at.text_input(key=prefix + "job").value == "registered nurse"
    assert at.selectbox(key=prefix + "occupation").value == "29-1141"


def test_a_market_read_from_a_link_survives_editing_unchanged() -> None:
    scenario = money_scenario()
    at = start_app({"plan": encode(scenario)})
    open_tab(at, "terms")
    version = at.session_state["workspace"].version

    at.text_input(key=f"e{version}-term-t0-target").input("82000").run()

    got = term_market(at)
    assert got == scenario.terms[0].market == Market.model_validate(MARKET)
    assert at.session_state["scenario"].terms[0].target == 82000
    assert at.text_input(key=f"market-{version}-t0-own-p90").value == "110000"
    text = terms_text(at)
    assert MARKET["source"] in text
    # the RSU grant is equity: BLS wages leave it out, and the picker says so
    assert "Stock and benefits are not in them" in text


# --- the draft round trip ------------------------------------------------------------------


def test_a_market_survives_the_draft_round_trip_and_other_edits() -> None:
    scenario = money_scenario()
    draft = draft_from_scenario(scenario)
    draft = change_term(draft, "t0", target="85000")

    built, problems = build_scenario(draft)

    assert problems == []
    assert built is not None
    assert built.terms[0].market == scenario.terms[0].market
    assert built.terms[0].market is not None
    assert built.terms[0].market.model_dump(exclude_none=True) == MARKET
    assert [t.market for t in built.terms[1:]] == [t.market for t in scenario.terms[1:]]


# --- pure helpers --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "per", "basis"),
    [
        ("pay", "year", "annual"),
        ("pay", None, "annual"),
        ("variable", "year", "annual"),
        ("pay", "hour", "hourly"),
        ("pay", "month", None),
        ("pay", "once", None),
        ("equity", "year", None),
        ("benefit", "year", None),
    ],
)
def test_bls_figures_fit_yearly_and_hourly_pay_only(
    kind: str, per: str | None, basis: str | None
) -> None:
    got, why = bls_basis(kind, per)

    assert got == basis
    assert bool(why) == (basis is None)


def test_the_reason_bls_does_not_fit_names_what_bls_leaves_out() -> None:
    assert "exclude benefits" in bls_basis("equity", "once")[1]
    assert "yearly and hourly wages only" in bls_basis("pay", "month")[1]
    assert "signing bonus" in bls_basis("pay", "once")[1]


def test_missing_bls_figures_are_said_in_words() -> None:
    top = Unavailable(kind="top_coded", code="5", footnote="at least", at_least=239200)
    hidden = Unavailable(kind="not_published", code="4", footnote="hourly or yearly")
    unreleased = Unavailable(kind="not_released", code="8", footnote="not released")
    figures = Percentiles(p10=50000, p25=60000, p50=unreleased, p75=hidden, p90=top)

    assert figure_words(61.5) == "$61.50"
    assert figure_words(top) == "at least $239,200 (BLS does not publish figures this high)"
    assert preview_line(figures) == (
        "10th $50,000 · 25th $60,000 · median not released by BLS · "
        "75th not published by BLS · 90th at least $239,200 (BLS does not publish figures this high)"
    )


@pytest.mark.parametrize(
    ("figures", "expected"),
    [
        ({"p25": "61k", "p75": "$80,000"}, {"p25": 61000, "p75": 80000}),
        ({"p10": "45.5", "p50": "50", "p90": " 62 "}, {"p10": 45.5, "p50": 50, "p90": 62}),
        ({"p50": "70 000 EUR", "p90": "90000", "p25": ""}, {"p50": 70000, "p90": 90000}),
    ],
)
def test_own_figures_are_read_as_people_type_them(
    figures: dict[str, str], expected: dict[str, float]
) -> None:
    got = typed_market("  A   survey ", figures, "EUR")

    assert got.model_dump(exclude_none=True) == {"source": "A survey", **expected}


@pytest.mark.parametrize(
    ("source", "figures", "words"),
    [
        ("", {"p25": "1", "p75": "2"}, "Source: say where"),
        ("x" * 201, {"p25": "1", "p75": "2"}, "Source: must be at most 200 characters"),
        ("A survey", {"p50": "70000"}, "give at least two"),
        ("A survey", {}, "give at least two"),
        (
            "A survey",
            {"p25": "sixty", "p75": "2"},
            '25th percentile (p25): "sixty" is not a number',
        ),
        ("A survey", {"p25": "-5", "p75": "2"}, "25th percentile (p25): money cannot be negative"),
        ("A survey", {"p25": "90k", "p50": "80k"}, "p50 (80000) must not be below p25 (90000)"),
    ],
)
def test_own_figures_that_cannot_be_used_say_which_and_why(
    source: str, figures: dict[str, str], words: str
) -> None:
    with pytest.raises(ValueError, match=r".") as caught:
        typed_market(source, figures)

    assert words in str(caught.value)
    assert "\n" not in str(caught.value)


def test_market_data_in_use_is_said_in_the_terms_currency() -> None:
    data = Market(source="A survey", p25=61000, p75=80500.5)

    assert market_line(data, "EUR") == "25th 61,000 EUR · 75th 80,500.50 EUR"


def test_the_form_shows_a_terms_market_as_it_would_be_typed() -> None:
    data = Market.model_validate(MARKET)

    shown = form_values(data)

    assert shown["p50"] == "70000"
    assert typed_market(shown["source"], shown) == data
    assert form_values(None) == dict.fromkeys(("source", "p10", "p25", "p50", "p75", "p90"), "")
