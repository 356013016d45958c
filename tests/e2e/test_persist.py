"""Nothing lost, nothing sent: the work comes back after reload, Back and reopening, from
the browser's own storage; the plan never travels in a request; a mentor's link is compared
with your own work and its changes can be taken."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from devtools.browser import field, open_sample, tab, type_into, wait_idle
from planner import Scenario, read_scenario_bytes
from planner.catalog import sample_files
from planner.scenario_file import parse_scenario, scenario_to_dict
from planner.share import decode, encode

SALES = read_scenario_bytes(sample_files()["Account executive offers"].read_bytes())
ENGINEER = read_scenario_bytes(sample_files()["Two engineering offers"].read_bytes())
WORK = "negotiation-planner/work"
DESKTOP = {"viewport": {"width": 1280, "height": 900}}
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}


class Recorded:
    """Every request the pages of a browser context make, by URL."""

    def __init__(self, context: BrowserContext) -> None:
        self.urls: list[str] = []
        context.on("request", lambda request: self.urls.append(request.url))

    def assert_none_carries(self, *secrets: str) -> None:
        assert self.urls, "no request was recorded"
        for url in self.urls:
            for secret in secrets:
                assert secret not in url, f"{secret[:30]}… went out in {url[:120]}"


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    """A laptop-width browser with its own storage (each test starts with none kept)."""
    context = browser.new_context(**DESKTOP)
    yield context
    context.close()


def arrived(page: Page) -> None:
    """The page has heard from the browser and stores the work (after a load)."""
    page.locator('span[data-persist="save"]').wait_for(state="attached", timeout=30_000)
    wait_idle(page)


def load(page: Page, url: str | None = None) -> None:
    if url is None:
        page.reload()
    else:
        page.goto(url)
    expect(page.get_by_role("heading", name="Negotiation planner")).to_be_visible(timeout=30_000)
    arrived(page)


def stored(page: Page) -> Scenario | None:
    text = page.evaluate(f"window.localStorage.getItem({WORK!r})")
    return decode(text, 2_000_000) if text else None


def wait_stored(page: Page, check: Any) -> Scenario:
    """The work the browser keeps, once it satisfies ``check`` (the page stores after a run)."""
    for _ in range(100):
        scenario = stored(page)
        if scenario is not None and check(scenario):
            return scenario
        page.wait_for_timeout(100)
    raise AssertionError(f"the browser never kept the expected work; it keeps {stored(page)!r}")


def base_salary(scenario: Scenario, offer: str = "Brightline Software") -> Any:
    return scenario.offer(offer).values.get("Base salary")


def plan_says(page: Page, text: str) -> None:
    tab(page, "④ Plan")
    expect(page.get_by_role("tabpanel", name="④ Plan").get_by_text(text)).not_to_have_count(0)


def test_an_edit_survives_reload_back_and_reopening_and_forget_removes_it(
    context: BrowserContext, app_url: str
) -> None:
    requests = Recorded(context)
    page = context.new_page()
    load(page, app_url)
    open_sample(page)
    wait_stored(page, lambda s: s == SALES)

    tab(page, "③ Offers")
    type_into(page, field(page, "o0", "t0", "Their offer"), "91357")
    edited = wait_stored(page, lambda s: base_salary(s) == 91357)
    plan_says(page, "91,357 USD a year")

    load(page)
    expect(page.get_by_text("Your work is back")).to_be_visible()
    plan_says(page, "91,357 USD a year")

    page.goto("about:blank")
    page.go_back()
    expect(page.get_by_role("heading", name="Negotiation planner")).to_be_visible(timeout=30_000)
    arrived(page)
    plan_says(page, "91,357 USD a year")

    page.close()
    page = context.new_page()
    load(page, app_url)
    expect(page.get_by_text("Your work is back")).to_be_visible()
    plan_says(page, "91,357 USD a year")

    page.get_by_role("button", name="Forget this on this device").click()
    wait_idle(page)
    expect(page.get_by_text("Forgotten on this device")).to_be_visible()
    page.wait_for_function(f"window.localStorage.getItem({WORK!r}) === null")
    load(page)
    expect(page.get_by_text("Your work is back")).to_have_count(0)
    tab(page, "④ Plan")
    expect(page.get_by_text("91,357")).to_have_count(0)

    requests.assert_none_carries(encode(edited), encode(SALES), "91357", "91,357", "plan=")


def test_a_plan_link_leaves_the_address_and_a_reload_keeps_the_work(
    context: BrowserContext, app_url: str
) -> None:
    page = context.new_page()
    load(page, f"{app_url}?plan={encode(ENGINEER)}")
    expect(page.get_by_text("Opened the plan from the link")).to_be_visible()
    page.wait_for_function("!window.location.href.includes('plan=')")
    wait_stored(page, lambda s: s == ENGINEER)

    requests = Recorded(context)
    tab(page, "① Start")
    title = page.get_by_label("Title", exact=True)
    title.fill("Offers after the Acme visit")
    title.press("Enter")
    wait_stored(page, lambda s: s.title == "Offers after the Acme visit")

    load(page)
    assert "plan=" not in page.url
    expect(page.get_by_label("Title", exact=True)).to_have_value("Offers after the Acme visit")
    plan_says(page, "Acme Cloud")
    requests.assert_none_carries(encode(ENGINEER), "Acme visit", "Acme+visit", "Acme%20visit")


def mentors_version() -> Scenario:
    data = scenario_to_dict(SALES)
    brightline = data["offers"][0]
    brightline["values"]["Base salary"] = 78000
    brightline["flexibility"]["Remote days per week"] = "negotiable"
    return parse_scenario(data)


def test_a_mentors_link_beside_your_work_lists_the_changes_and_takes_the_ticked_one(
    context: BrowserContext, app_url: str
) -> None:
    page = context.new_page()
    load(page, app_url)
    open_sample(page)
    wait_stored(page, lambda s: s == SALES)

    page = context.new_page()  # the mentor's link, in the fragment: never sent to the server
    load(page, f"{app_url}#plan={encode(mentors_version())}")
    expect(page.get_by_text("Kept aside: your own work from this device")).to_be_visible()
    wait_stored(page, lambda s: s == mentors_version())

    page.get_by_text("What differs, to take all or some of it").click()
    salary = page.get_by_text("Brightline Software, Base salary: value 74,000 → 78,000")
    remote = page.get_by_text("Brightline Software, Remote days per week: stance limited")
    expect(salary).to_be_visible()
    expect(remote).to_be_visible()
    salary.click()
    wait_idle(page)
    page.get_by_role("button", name="Take selected").click()
    wait_idle(page)

    expect(page.get_by_text("Taken into your work")).to_be_visible()
    taken = wait_stored(page, lambda s: s != mentors_version())
    assert base_salary(taken) == 78000
    assert taken.offer("Brightline Software").stance("Remote days per week") == "limited"
    expect(page.get_by_text("Kept aside: the version from the link")).to_be_visible()


def test_on_a_phone_typed_work_comes_back_after_reload_and_never_leaves_the_browser(
    browser: Browser, app_url: str
) -> None:
    context = browser.new_context(**PHONE)
    requests = Recorded(context)
    page = context.new_page()
    load(page, app_url)
    open_sample(page)
    wait_stored(page, lambda s: s == SALES)

    tab(page, "① Start")
    title = page.get_by_label("Title", exact=True)
    title.tap()
    title.fill("Maya phone draft 4711")
    title.press("Enter")
    wait_stored(page, lambda s: s.title == "Maya phone draft 4711")
    forget = page.get_by_role("button", name="Forget this on this device")
    expect(forget).to_be_visible()
    box = forget.bounding_box()
    assert box is not None
    assert box["x"] + box["width"] <= 390

    load(page)
    expect(page.get_by_label("Title", exact=True)).to_have_value("Maya phone draft 4711")
    requests.assert_none_carries("Maya", "4711", encode(SALES))
    context.close()
