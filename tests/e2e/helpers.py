"""Driving the app's pages in a real browser."""

from __future__ import annotations

from playwright.sync_api import Locator, Page, expect


def wait_idle(page: Page) -> None:
    """The app has finished its run and is connected (as Streamlit's own tests wait)."""
    app = page.get_by_test_id("stApp")
    expect(app).to_have_attribute("data-test-script-state", "notRunning", timeout=30_000)
    expect(app).to_have_attribute("data-test-connection-state", "CONNECTED", timeout=30_000)


def open_app(page: Page, url: str) -> None:
    page.goto(url)
    expect(page.get_by_role("heading", name="Negotiation planner")).to_be_visible(timeout=30_000)
    wait_idle(page)


def open_sample(page: Page, name: str = "Account executive offers") -> None:
    """On the first screen: open a sample (the sales sample unless told)."""
    sample = page.get_by_label("Sample")
    if name not in (sample.text_content() or "") and name not in sample.input_value():
        sample.click()
        page.get_by_role("option", name=name).click()
    page.get_by_role("button", name="Open sample").click()
    wait_idle(page)
    expect(page.get_by_text(f"Opened the sample “{name}”")).to_be_visible()


def tab(page: Page, name: str) -> None:
    """Open a tab and wait for the rerun it starts."""
    button = page.get_by_role("tab", name=name, exact=True)
    button.click()
    expect(button).to_have_attribute("aria-selected", "true")
    wait_idle(page)


def field(page: Page, offer_id: str, term_id: str, label: str) -> Locator:
    """One input of one term of one offer on the Offers tab ("Their offer", "🔒 Private note")."""
    return page.locator(f".st-key-cellbox-{offer_id}-{term_id}").get_by_label(label, exact=True)


def settled(target: Locator) -> Locator:
    """The one element a locator names, once the page has dropped what the last run replaced.

    For a moment after a rerun the page can show an element of the run before next to its
    replacement (both with the same label); wait until only one is left.
    """
    expect(target).to_have_count(1, timeout=15_000)
    return target


def type_into(page: Page, target: Locator, text: str, *, touch: bool = False) -> None:
    """Click (or tap) a text field once, type as a person does, press Enter, wait for the rerun."""
    settled(target)
    if touch:
        target.tap()
    else:
        target.click()
    page.keyboard.press("ControlOrMeta+A")
    page.keyboard.type(text)
    page.keyboard.press("Enter")
    wait_idle(page)
