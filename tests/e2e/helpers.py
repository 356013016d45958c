"""Driving the app's pages in a real browser."""

from __future__ import annotations

from playwright.sync_api import Locator, Page, expect

ROW = 35  # px per row in Streamlit's data grid; the header is row 0


def wait_idle(page: Page) -> None:
    """The app has finished its run and is connected (as Streamlit's own tests wait)."""
    expect(page.get_by_test_id("stApp")).to_have_attribute("data-test-script-state", "notRunning")
    expect(page.get_by_test_id("stApp")).to_have_attribute(
        "data-test-connection-state", "CONNECTED"
    )


def open_app(page: Page, url: str) -> None:
    page.goto(url)
    expect(page.get_by_role("heading", name="Negotiation planner")).to_be_visible(timeout=30_000)
    wait_idle(page)


def tab(page: Page, name: str) -> None:
    """Open a tab (switching is instant: every tab was drawn)."""
    button = page.get_by_role("tab", name=name, exact=True)
    button.click()
    expect(button).to_have_attribute("aria-selected", "true")


def visible_grid(page: Page, n: int = 0) -> Locator:
    return page.get_by_test_id("stDataFrame").filter(visible=True).nth(n)


def type_in_cell(page: Page, grid: Locator, row: int, column: int, text: str) -> None:
    """Type into a data editor cell: row 1 is the first data row, column 0 the first column."""
    expect(grid).to_be_visible()
    wait_idle(page)
    field = page.get_by_test_id("portal").locator(".gdg-input")
    for _attempt in range(3):  # the grid may still be laying out (or be redrawn) when clicked
        wait_idle(page)
        grid.scroll_into_view_if_needed()
        box = grid.bounding_box()
        assert box is not None
        page.mouse.click(box["x"] + 45, box["y"] + ROW * row + ROW / 2)
        if not grid.evaluate("grid => grid.contains(document.activeElement)"):
            continue  # arrow keys would move something else (the tabs) if the grid has no focus
        for _ in range(column):
            page.keyboard.press("ArrowRight")
        page.keyboard.press("Enter")
        try:
            expect(field).to_be_visible(timeout=3_000)
            break
        except AssertionError:
            page.keyboard.press("Escape")
    expect(field).to_be_visible()
    field.fill(text)
    page.keyboard.press("Enter")
