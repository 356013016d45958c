"""Take the README's screenshots in a real browser: python scripts/screenshots.py.

Starts the app on a free local port, opens it in headless Chromium (Debian's
/usr/bin/chromium, or $CHROMIUM, or Playwright's own), saves the first
screen, opens the sales sample, clicks through the tabs and saves a PNG per screen
in docs/screenshots/, and one of the plan on a phone (390 px).
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from devtools.browser import (  # noqa: E402
    launch_options,
    open_app,
    open_sample,
    running_app,
    wait_idle,
)

OUT = ROOT / "docs" / "screenshots"
SHOTS = {
    "① Start": "start.png",
    "② Your terms": "terms.png",
    "③ Offers": "offers.png",
    "④ Plan": "plan.png",
    "⑤ Share & export": "share.png",
    "⑥ Coach": "coach.png",
}


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with running_app() as url, sync_playwright() as p:
        browser = p.chromium.launch(**launch_options())
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        open_app(page, url)
        page.screenshot(path=str(OUT / "first-screen.png"))  # what a new user sees
        print(f"saved {OUT / 'first-screen.png'}")
        open_sample(page)
        for tab, name in SHOTS.items():
            page.get_by_role("tab", name=tab).click()
            wait_idle(page)
            page.wait_for_timeout(800)  # let charts and grids finish drawing
            page.set_viewport_size(
                {"width": 1400, "height": 2300 if name in ("plan.png", "coach.png") else 1000}
            )
            wait_idle(page)
            page.wait_for_timeout(500)
            page.screenshot(path=str(OUT / name))
            print(f"saved {OUT / name}")
            page.set_viewport_size({"width": 1400, "height": 1000})
        phone = browser.new_page(viewport={"width": 390, "height": 844}, is_mobile=True)
        open_app(phone, url)
        open_sample(phone)
        phone.get_by_role("tab", name="④ Plan").click()
        wait_idle(phone)
        phone.wait_for_timeout(1500)
        phone.locator(".plan-terms").first.scroll_into_view_if_needed()  # the first cards
        phone.wait_for_timeout(500)
        phone.screenshot(path=str(OUT / "phone-plan.png"), full_page=False)
        print(f"saved {OUT / 'phone-plan.png'}")
        browser.close()


if __name__ == "__main__":
    main()
