"""The plan page in real Chromium, on a 390 px phone and a 1280 px laptop: charts fit with their
legends and figures in view, terms read as cards on the phone, and every text is readable."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from devtools.browser import running_app_process
from planner import read_scenario_bytes
from planner.catalog import sample_files
from planner.share import encode

ROOT = Path(__file__).resolve().parents[2]
PHONE: dict[str, Any] = {
    "viewport": {"width": 390, "height": 844},
    "is_mobile": True,
    "has_touch": True,
}
LAPTOP: dict[str, Any] = {"viewport": {"width": 1280, "height": 900}}
SIZES = [pytest.param(PHONE, id="phone-390"), pytest.param(LAPTOP, id="laptop-1280")]
CONTRAST = (Path(__file__).parent / "contrast.js").read_text(encoding="utf-8")


def _serve(script: str) -> Iterator[str]:
    """``streamlit run SCRIPT`` on a free loopback port until the module's tests are done."""
    with running_app_process(script=script, env={"PYTHONPATH": str(ROOT)}) as (url, _):
        yield url


@pytest.fixture(scope="module")
def plan_page() -> Iterator[str]:
    """The plan page alone, with money of every kind, a market and a current job."""
    yield from _serve("tests/e2e/plan_page_app.py")


@pytest.fixture(scope="module")
def whole_app() -> Iterator[str]:
    """The whole app, opened from a link to the sales sample (it opens on the plan)."""
    sample = read_scenario_bytes(sample_files()["Account executive offers"].read_bytes())
    for url in _serve("streamlit_app.py"):
        yield f"{url}?plan={encode(sample)}"


def _open(browser: Browser, url: str, size: dict[str, Any]) -> Page:
    page = browser.new_context(**size).new_page()
    page.goto(url)
    app = page.get_by_test_id("stApp")
    expect(app).to_have_attribute("data-test-script-state", "notRunning", timeout=60_000)
    expect(app).to_have_attribute("data-test-connection-state", "CONNECTED")
    expect(page.locator("[data-testid='stVegaLiteChart'] svg").first).to_be_visible()
    return page


CHARTS = ["plan_money_0", "plan_money_1", "plan_money_2", "plan_ranking", "plan_market_0"]
CHARTS += ["plan_positions"]


@pytest.mark.parametrize("size", SIZES)
def test_every_chart_fits_the_width_with_its_legend_and_labels_in_view(
    browser: Browser, plan_page: str, size: dict[str, Any]
) -> None:
    page = _open(browser, plan_page, size)
    width = size["viewport"]["width"]

    for key in CHARTS:
        svg = page.locator(f".st-key-{key} [data-testid='stVegaLiteChart'] svg").first
        svg.scroll_into_view_if_needed()
        expect(svg).to_be_visible()
        box = svg.bounding_box()
        assert box is not None
        assert box["x"] >= 0, key
        assert box["x"] + box["width"] <= width, key
        assert box["height"] >= 150, key  # a plot, not a sliver
        texts = svg.evaluate(
            """svg => [...svg.querySelectorAll('text')]
                .filter(t => t.textContent.trim() && getComputedStyle(t).opacity !== '0'
                             && t.getAttribute('opacity') !== '0')
                .map(t => { const b = t.getBoundingClientRect();
                            return {text: t.textContent, left: b.left, right: b.right,
                                    legend: !!t.closest('.role-legend')}; })"""
        )
        assert any(t["legend"] for t in texts) or key == "plan_market_0", key
        cut = [
            t["text"]
            for t in texts
            if t["left"] < box["x"] - 1 or t["right"] > box["x"] + box["width"] + 1
        ]
        assert cut == [], (key, box, [t for t in texts if t["text"] in cut])
    assert page.evaluate("document.documentElement.scrollWidth") <= width


@pytest.mark.parametrize("size", SIZES)
def test_totals_and_the_not_known_are_printed_on_the_bars(
    browser: Browser, plan_page: str, size: dict[str, Any]
) -> None:
    page = _open(browser, plan_page, size)

    acme = page.locator(".st-key-plan_money_0 svg")
    northwind = page.locator(".st-key-plan_money_1 svg")
    ranking = page.locator(".st-key-plan_ranking svg")

    for total in ("110k", "107k", "112k"):
        expect(acme.get_by_text(total, exact=True).first).to_be_visible()
    expect(acme.get_by_text("On paper: every payout at 100%")).to_be_visible()
    expect(northwind.get_by_text("?", exact=True).first).to_be_visible()
    expect(northwind.get_by_text("Not known (not counted)")).to_be_visible()
    expect(ranking.get_by_text("not known", exact=True)).to_be_visible()
    expect(ranking.get_by_text("Current job: 336k")).to_be_visible()
    expect(
        page.get_by_text("Acme is 105,000 USD ahead of your current job over 4 years.")
    ).to_be_visible()


def test_on_a_phone_each_term_is_a_card_with_status_and_reason_first(
    browser: Browser, plan_page: str
) -> None:
    page = _open(browser, plan_page, PHONE)

    card = page.locator(".st-key-plan_terms_1 .plan-terms tbody tr").first
    tops = [_box(card.locator(f"td.{name}"))["y"] for name in ("term", "status", "why")]
    figure = _box(card.locator("td[data-label='Offer']"))

    assert card.evaluate("tr => getComputedStyle(tr).display") == "block"
    assert _box(page.locator(".st-key-plan_terms_1 thead"))["height"] <= 1  # for screen readers
    expect(card.locator("td.status")).to_have_text("🔵 push · must win")
    label = card.locator("td[data-label='Offer']").evaluate(
        "td => getComputedStyle(td, '::before').content"
    )
    assert label == '"Offer: "'  # each figure says what it is
    assert tops == sorted(tops)
    assert tops[-1] < figure["y"]
    assert _box(card)["x"] + _box(card)["width"] <= 390


def test_on_a_laptop_the_terms_stay_a_table_with_its_header(
    browser: Browser, plan_page: str
) -> None:
    page = _open(browser, plan_page, LAPTOP)

    row = page.locator(".st-key-plan_terms_1 .plan-terms tbody tr").first

    assert row.evaluate("tr => getComputedStyle(tr).display") == "table-row"
    expect(page.locator(".st-key-plan_terms_1 thead th").first).to_have_text("Term")
    assert _box(row.locator("td.term"))["y"] == _box(row.locator("td.why"))["y"]


def _box(locator: Any) -> dict[str, float]:
    box = locator.first.bounding_box()
    assert box is not None
    return dict(box)


@pytest.mark.parametrize("which", ["plan page", "whole app"])
def test_every_text_has_a_contrast_of_at_least_4_5_to_1(
    browser: Browser, plan_page: str, whole_app: str, which: str
) -> None:
    page = _open(browser, plan_page if which == "plan page" else whole_app, LAPTOP)

    measured = page.evaluate(CONTRAST)

    assert len(measured) > 50  # the page's texts were found, charts' included
    assert any(m["svg"] for m in measured)
    low = [(m["text"], m["ratio"]) for m in measured if m["ratio"] < 4.5]
    assert low == []
