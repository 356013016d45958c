"""The app in real Chromium: what a user does, and what must not happen."""

from __future__ import annotations

import csv
import io
import re

from playwright.sync_api import Page, expect

from devtools.browser import field, open_app, open_sample, tab, type_into, wait_idle
from planner import read_scenario_bytes
from planner.catalog import sample_files
from planner.share import encode

ENGINEER = read_scenario_bytes(sample_files()["Two engineering offers"].read_bytes())


def test_the_sample_shows_its_verdicts(page: Page, app_url: str) -> None:
    open_app(page, app_url)
    open_sample(page)

    sidebar = page.get_by_test_id("stSidebar")
    expect(sidebar.get_by_text("Brightline Software")).to_be_visible()
    expect(sidebar.get_by_text("Walk away")).to_be_visible()
    expect(page.get_by_role("tab", name="④ Plan")).to_have_attribute("aria-selected", "true")
    expect(page.get_by_test_id("stException")).to_have_count(0)


def test_editing_an_offer_value_updates_the_plan(page: Page, app_url: str) -> None:
    open_app(page, app_url)
    open_sample(page)
    tab(page, "③ Offers")

    type_into(page, field(page, "o0", "t0", "Their offer"), "90000")
    tab(page, "④ Plan")

    plan = page.get_by_role("tabpanel", name="④ Plan")
    expect(plan.get_by_text("Worth negotiating; 3 asks, all at once").first).to_be_visible()
    expect(plan.get_by_test_id("stMarkdown").filter(has_text="2. Base salary")).to_have_count(0)
    expect(page.get_by_test_id("stException")).to_have_count(0)


def test_text_in_a_number_field_is_marked_beside_it_and_kept(page: Page, app_url: str) -> None:
    open_app(page, app_url)
    open_sample(page)
    tab(page, "③ Offers")

    type_into(page, field(page, "o0", "t0", "Their offer"), "sixty thousand")

    box = page.locator(".st-key-cellbox-o0-t0")
    expect(box.get_by_text('value: "sixty thousand" is not a number')).to_be_visible()
    expect(field(page, "o0", "t0", "Their offer")).to_have_value("sixty thousand")
    tab(page, "④ Plan")
    expect(page.get_by_text("The plan below is from before that edit")).to_be_visible()


def test_a_share_link_opens_its_plan_on_the_plan_tab(page: Page, app_url: str) -> None:
    open_app(page, f"{app_url}?plan={encode(ENGINEER)}")

    expect(page.get_by_text("Opened the plan from the link")).to_be_visible()
    expect(page.get_by_role("tab", name="④ Plan")).to_have_attribute("aria-selected", "true")
    plan = page.get_by_role("tabpanel", name="④ Plan")
    expect(plan.get_by_role("heading", name="Acme Cloud")).to_be_visible()
    expect(plan.get_by_text("Acceptable only if you win Remote days per week")).to_be_visible()
    expect(plan.get_by_test_id("stVegaLiteChart").first).to_be_visible()


def test_the_downloaded_csv_has_a_row_per_term_with_each_offers_status(
    page: Page, app_url: str
) -> None:
    open_app(page, f"{app_url}?plan={encode(ENGINEER)}")
    tab(page, "⑤ Share & export")

    with page.expect_download() as download:
        page.get_by_role("button", name="Comparison (.csv)").click()

    assert download.value.suggested_filename == "two-engineering-offers-comparison.csv"
    text = download.value.path().read_text(encoding="utf-8-sig")
    rows = [r for r in csv.DictReader(io.StringIO(text)) if r["Section"] == "term"]
    assert [r["Term"] for r in rows] == [t.name for t in ENGINEER.terms]
    assert rows[0]["Acme Cloud: status"] == "push"
    assert rows[4]["Nimbus Labs: must-win"] == "yes"


def test_a_broken_link_gives_a_message_and_a_working_page(page: Page, app_url: str) -> None:
    open_app(page, f"{app_url}?plan=1.broken-link-AAAA")

    expect(page.get_by_text("This link could not be opened")).to_be_visible()
    expect(page.get_by_test_id("stException")).to_have_count(0)
    expect(page.get_by_text("What would you like to do?")).to_be_visible()
    tab(page, "④ Plan")
    expect(
        page.get_by_role("tabpanel", name="④ Plan").get_by_role("heading", name="Offer 1")
    ).to_be_visible()


def test_uploading_a_file_that_is_not_a_scenario_says_so(
    page: Page, app_url: str, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "offers.json"
    bad.write_text('{"format": "negotiation-planner/1", "terms": []}')
    open_app(page, app_url)
    open_sample(page)
    tab(page, "① Start")

    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(bad))

    expect(page.get_by_text("Could not open “offers.json”")).to_be_visible()
    expect(page.get_by_text("terms: must have at least 1 item")).to_be_visible()
    expect(page.get_by_test_id("stSidebar").get_by_text("Brightline Software")).to_be_visible()


def test_uploading_a_scenario_file_opens_it(page: Page, app_url: str) -> None:
    open_app(page, app_url)

    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(
        str(sample_files()["First job offer"])
    )

    expect(page.get_by_test_id("stSidebar").get_by_text("Riverside Analytics")).to_be_visible()
    wait_idle(page)


def test_the_coach_drafts_the_counter_and_records_an_answer(page: Page, app_url: str) -> None:
    open_app(page, app_url)
    open_sample(page)
    tab(page, "⑥ Coach")

    email = page.get_by_label("Email (edit it, then copy it into your mail)")
    expect(email).to_have_value(re.compile("70,000 USD a year"))
    expect(email).not_to_have_value(re.compile("50,000"))  # the commission bottom line
    page.get_by_label("Their new figure or option").fill("82000")
    page.get_by_role("button", name="Record the answer").click()

    coach = page.get_by_role("tabpanel", name="⑥ Coach")
    expect(coach.get_by_text("Round 1, Base salary: now 82,000 USD a year")).to_be_visible()
    expect(page.get_by_test_id("stException")).to_have_count(0)
