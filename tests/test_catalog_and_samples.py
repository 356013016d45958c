"""The shipped data: the term catalog and the sample scenarios."""

from __future__ import annotations

import subprocess
import sys

import pytest

from planner import make_plan, read_scenario_bytes
from planner.catalog import UNSOURCED, load_catalog, sample_files

PRODUCT_SOURCES = {
    "Josh Doody, Fearless Salary Negotiation (via secondary summaries)",
    "Levels.fyi negotiation guide",
    "Candor salary negotiation guide (2019)",
    "recruiting and career blogs (low authority)",
    "common calculator convention",
    "Harvard Program on Negotiation",
    'Deepak Malhotra, "15 rules for negotiating a job offer", HBR 2014',
    "compensation sites (may be dated)",
}


def test_the_catalog_has_the_common_terms_with_valid_settings() -> None:
    catalog = load_catalog()

    names = {entry.name for entry in catalog.terms}
    for expected in [
        "Base salary",
        "Annual bonus",
        "Signing bonus",
        "Health coverage",
        "Title",
        "Vacation days",
        "Remote days per week",
        "Relocation",
        "Learning budget",
        "Retirement match",
        "Equity per year",
        "Commission (on-target)",
    ]:
        assert expected in names
    for entry in catalog.terms:
        assert entry.term().name == entry.name


def test_every_published_rule_of_thumb_is_in_the_catalog_with_its_source() -> None:
    sources = {rule.source for rule in load_catalog().rules_of_thumb}

    assert sources >= PRODUCT_SOURCES


def test_typical_deal_breakers_default_to_fixed_and_sign_on_to_negotiable() -> None:
    catalog = load_catalog()

    def stance(name: str) -> str:
        entry = catalog.entry(name)
        assert entry is not None
        return entry.stance

    assert stance("Health coverage") == "fixed"
    assert stance("vacation days") == "fixed"
    assert stance("Title") == "fixed"
    assert stance("Annual bonus") == "fixed"
    assert stance("Signing bonus") == "negotiable"
    assert stance("Base salary") == "negotiable"


def test_advice_names_its_source_and_unsourced_hints_say_so() -> None:
    catalog = load_catalog()

    salary = catalog.advice("Base salary")
    relocation = catalog.advice("Relocation")

    assert (
        "A counter of 10-20% above the offer is the common range; fixed percentages are "
        "also criticised as arbitrary.",
        "Josh Doody, Fearless Salary Negotiation (via secondary summaries)",
    ) in salary
    assert relocation
    assert all(source == UNSOURCED for _, source in relocation)
    assert catalog.advice("Something else") == []


@pytest.mark.parametrize(
    "path", sorted(sample_files().values(), key=lambda p: p.name), ids=lambda p: p.name
)
def test_every_sample_is_a_valid_scenario_with_a_plan(path) -> None:  # type: ignore[no-untyped-def]
    scenario = read_scenario_bytes(path.read_bytes())

    plan = make_plan(scenario)

    assert len(plan.offers) == len(scenario.offers)
    assert scenario.title


def test_the_sales_sample_fixes_benefits_and_title_and_negotiates_pay() -> None:
    scenario = read_scenario_bytes(sample_files()["Account executive offers"].read_bytes())

    first = scenario.offers[0]

    for name in ("Health coverage", "Vacation days", "Title"):
        assert first.stance(name) == "fixed"
    for name in ("Base salary", "Commission (on-target)"):
        assert first.stance(name) == "negotiable"


def test_import_planner_loads_neither_streamlit_nor_altair() -> None:
    code = "import sys, planner; print(sorted(m for m in sys.modules if m.split('.')[0] in ('streamlit', 'altair', 'pandas')))"

    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)

    assert out.stdout.strip() == "[]"
