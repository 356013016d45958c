"""Data entry in real Chromium, on a laptop and on a phone: what is typed lands where it was typed.

The canvas grid this app once used sent the first value typed after a click on
any other widget (a tab, a toggle, a list, a text field) to the cell selected
before. These tests repeat those sequences: click another widget, then click a
value field once, type, and check the value is in *that* field and nowhere else.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from devtools.browser import field, open_app, open_sample, settled, tab, type_into, wait_idle

DEVICES = {
    "laptop": {"viewport": {"width": 1280, "height": 900}},
    "phone": {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True},
}


@pytest.fixture(params=list(DEVICES))
def screen(request: pytest.FixtureRequest, browser: Browser) -> Iterator[tuple[Page, bool]]:
    """A page at laptop width, or on a 390 x 844 touch screen; and whether to tap."""
    context = browser.new_context(**DEVICES[request.param])
    yield context.new_page(), request.param == "phone"
    context.close()


def hit(target: Locator, touch: bool) -> None:
    settled(target)
    if touch:
        target.tap()
    else:
        target.click()


def pill(page: Page, name: str) -> Locator:
    return page.locator(".st-key-offer_pick").get_by_role("radio", name=name)


def expect_open_offer(page: Page, name: str) -> None:
    """The offer is picked and its fields are drawn (not those of the offer open before)."""
    expect(pill(page, name)).to_have_attribute("aria-checked", "true")
    page.wait_for_function(
        """name => {
            const inputs = document.querySelectorAll('input[aria-label="Offer name"]');
            return inputs.length === 1 && inputs[0].value === name;
        }""",
        arg=name,
        timeout=15_000,
    )
    wait_idle(page)


def test_each_value_lands_in_the_field_clicked_after_any_other_widget(
    screen: tuple[Page, bool], app_url: str
) -> None:
    page, touch = screen
    open_app(page, app_url)
    open_sample(page)
    tab(page, "③ Offers")
    vacation = field(page, "o0", "t4", "Their offer")
    base = field(page, "o0", "t0", "Their offer")
    title_note = field(page, "o0", "t5", "🔒 Private note")

    # After a tab: leave the page and come back, then type into Vacation days.
    tab(page, "② Your terms")
    tab(page, "③ Offers")
    type_into(page, vacation, "22", touch=touch)
    expect(settled(vacation)).to_have_value("22")
    expect(settled(base)).to_have_value("74000")

    # After a list: open the stance list of Health coverage, then type into Base salary.
    hit(field(page, "o0", "t3", "Their stance"), touch)
    type_into(page, base, "75k", touch=touch)
    expect(settled(base)).to_have_value("75k")
    expect(settled(field(page, "o0", "t3", "Their stance"))).to_have_value(
        "fixed: set by policy, will not move"
    )
    expect(settled(vacation)).to_have_value("22")

    # After a text field: click the offer's name, then type a note on Title.
    hit(page.get_by_label("Offer name"), touch)
    type_into(page, title_note, "Level framework, no exceptions", touch=touch)
    expect(settled(title_note)).to_have_value("Level framework, no exceptions")
    expect(settled(page.get_by_label("Offer name"))).to_have_value("Brightline Software")

    # After a toggle: the current job stops being current, then its salary is typed at once.
    hit(pill(page, "Current job"), touch)
    expect_open_offer(page, "Current job")
    hit(page.get_by_text("My current job"), touch)
    current_base = field(page, "o2", "t0", "Their offer")
    type_into(page, current_base, "68000", touch=touch)
    expect(settled(current_base)).to_have_value("68000")
    expect(settled(field(page, "o2", "t1", "Their offer"))).to_have_value("40000")

    hit(pill(page, "Brightline Software"), touch)
    expect_open_offer(page, "Brightline Software")
    expect(settled(vacation)).to_have_value("22")
    expect(settled(base)).to_have_value("75k")
    expect(page.get_by_test_id("stException")).to_have_count(0)


def test_renaming_an_offer_keeps_it_open(screen: tuple[Page, bool], app_url: str) -> None:
    page, touch = screen
    open_app(page, app_url)
    open_sample(page)
    tab(page, "③ Offers")
    hit(pill(page, "Harbor Logistics"), touch)
    expect_open_offer(page, "Harbor Logistics")

    type_into(page, page.get_by_label("Offer name"), "Harbor Freight", touch=touch)

    expect_open_offer(page, "Harbor Freight")
    expect(page.get_by_role("tab", name="③ Offers")).to_have_attribute("aria-selected", "true")
    expect(page.get_by_text("Walk away").first).to_be_visible()


def test_adding_an_offer_confirms_and_lands_on_it(screen: tuple[Page, bool], app_url: str) -> None:
    page, touch = screen
    open_app(page, app_url)
    open_sample(page)
    tab(page, "③ Offers")

    hit(page.get_by_role("button", name="Add an offer"), touch)
    type_into(page, page.get_by_label("Name of the new offer"), "Contoso", touch=touch)
    hit(page.get_by_role("button", name="Add offer", exact=True), touch)
    wait_idle(page)

    expect(page.get_by_text("Added the offer “Contoso”")).to_be_visible()
    expect_open_offer(page, "Contoso")
    expect(page.get_by_text("nothing entered yet").first).to_be_visible()


def test_the_first_screen_asks_what_to_do_and_shows_no_verdict(page: Page, app_url: str) -> None:
    open_app(page, app_url)

    for choice in ("Look around a sample", "Enter your own offers", "Open a file", "Open a link"):
        expect(page.get_by_text(choice)).to_be_visible()
    expect(page.get_by_text("How it works")).to_be_visible()
    sidebar = page.get_by_test_id("stSidebar")
    expect(sidebar.get_by_text("nothing entered yet")).to_be_visible()
    expect(sidebar.get_by_text("Negotiate")).to_have_count(0)


def test_a_failed_upload_says_what_the_file_is_and_leaves_the_box_empty(
    page: Page, app_url: str, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    letter = tmp_path / "offer-letter.pdf"
    letter.write_bytes(b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n")
    open_app(page, app_url)

    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(letter))
    wait_idle(page)

    expect(
        page.get_by_text("this is a PDF; open a scenario file saved from this planner (.json)")
    ).to_be_visible()
    expect(page.get_by_test_id("stFileUploaderFile")).to_have_count(0)
    expect(page.get_by_test_id("stFileUploaderDropzoneInput")).to_have_count(1)
