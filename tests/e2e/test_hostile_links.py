"""Hostile links in a real browser: user text never becomes markup, and the page asks no
host but its own.

Each payload goes everywhere user text appears (the title, a term's name and options, an
offer's name, notes, reasons and a recorded answer's note) in a link that is valid, and
into a key of a link that is not (its error names the key). Chromium opens each link and
every tab; every request and WebSocket is recorded, and the page must hold no image, link
or LaTeX made from what the user typed.
"""

from __future__ import annotations

import base64
import json
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

from devtools.browser import open_app, tab, wait_idle
from planner import parse_scenario
from planner.share import encode

TRAP = "127.0.0.1:9"
"""A port nothing listens on: a request to it is what an image or a link would leak."""

PAYLOADS = [
    f"![](http://{TRAP}/track.png) **[Open the updated plan](http://{TRAP}/phish)**",
    f"![x](http://{TRAP}/opened.png)",
    f"<img src=http://{TRAP}/i.png>",
    ":red[✅ Accept] :material/warning: $\\LaTeX$",
    f"http://{TRAP}/x www.evil.example mallory@evil.example",
]
TABS = ["① Start", "② Your terms", "③ Offers", "④ Plan", "⑤ Share & export", "⑥ Coach"]


def hostile_scenario(payload: str) -> dict[str, object]:
    short = payload[:78]
    return {
        "format": "negotiation-planner/1",
        "title": payload,
        "terms": [
            {"name": short, "type": "money", "bottom_line": 50000, "target": 60000},
            {"name": "Plan", "type": "choice", "options": ["None", short]},
        ],
        "offers": [
            {
                "name": short + "!",
                "values": {short: 55000, "Plan": "None"},
                "flexibility": {short: "negotiable"},
                "notes": {short: payload},
                "reasons": {short: payload},
                "rounds": [{"term": short, "note": payload}],
            },
            {"name": "Current job", "current": True, "values": {short: 52000}},
        ],
    }


def raw_link(data: dict[str, object]) -> str:
    """A link packed as the app packs one, around data the app will refuse."""
    from planner.share import _compress

    packed = _compress(json.dumps(data).encode("utf-8"))
    return "1." + base64.urlsafe_b64encode(packed).rstrip(b"=").decode()


def visit_every_tab(page: Page) -> None:
    for name in TABS:
        tab(page, name)
        wait_idle(page)


def assert_nothing_live(page: Page) -> None:
    """No image, link, heading-as-link or formula came from the payload."""
    assert page.locator(f"img[src*='{TRAP}']").count() == 0
    assert page.locator(f"a[href*='{TRAP}']").count() == 0
    assert page.locator("a[href*='evil.example']").count() == 0
    assert page.locator("a[href^='mailto:']").count() == 0
    assert page.locator(".katex").count() == 0


@pytest.mark.parametrize("payload", PAYLOADS, ids=range(len(PAYLOADS)))
def test_a_valid_link_full_of_markup_opens_as_plain_text_and_asks_no_other_host(
    page: Page, app_url: str, payload: str
) -> None:
    link = encode(parse_scenario(hostile_scenario(payload)))
    hosts: set[str] = set()
    page.on("request", lambda request: hosts.add(urlsplit(request.url).netloc or "local"))
    page.on("websocket", lambda socket: hosts.add(urlsplit(socket.url).netloc))

    open_app(page, f"{app_url}?plan={link}")
    visit_every_tab(page)

    assert_nothing_live(page)
    tab(page, "① Start")
    expect(page.get_by_label("Title", exact=True)).to_have_value(payload)  # kept as typed
    assert hosts - {"local"} == {urlsplit(app_url).netloc}


@pytest.mark.parametrize("payload", PAYLOADS[:2], ids=range(2))
def test_a_refused_link_names_its_bad_key_as_text(page: Page, app_url: str, payload: str) -> None:
    data = hostile_scenario(payload)
    data["offers"][0]["notes"] = {payload + " (no such term)": "x"}  # type: ignore[index]
    hosts: set[str] = set()
    page.on("request", lambda request: hosts.add(urlsplit(request.url).netloc or "local"))

    open_app(page, f"{app_url}?plan={raw_link(data)}")

    expect(page.get_by_text("This link could not be opened")).to_be_visible()
    assert_nothing_live(page)
    assert hosts - {"local"} == {urlsplit(app_url).netloc}
