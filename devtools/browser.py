"""Running the app on a real server and driving it in Chromium (Playwright).

The one place for browser helpers: the end-to-end tests, the benchmarks, the
load test and the screenshot script all use these.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from playwright.sync_api import Locator, Page, expect

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def chromium_path() -> str | None:
    """A Chromium to drive: $CHROMIUM, Debian's /usr/bin/chromium, else Playwright's own (None)."""
    for candidate in (os.environ.get("CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium")):
        if candidate and Path(candidate).exists():
            return candidate
    return None


def launch_options() -> dict[str, Any]:
    options: dict[str, Any] = {"args": CHROMIUM_ARGS, "headless": True}
    path = chromium_path()
    if path:
        options["executable_path"] = path
    return options


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def running_app(
    port: int | None = None, env: dict[str, str] | None = None, output: Path | None = None
) -> Iterator[str]:
    """Start ``streamlit run streamlit_app.py`` on loopback; yield its URL; stop it after.

    The server's output goes to ``output`` when given (to read what it logged).
    """
    with running_app_process(port, env, output) as (url, _):
        yield url


@contextmanager
def running_app_process(
    port: int | None = None,
    env: dict[str, str] | None = None,
    output: Path | None = None,
    script: str = "streamlit_app.py",
) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """Like :func:`running_app`, also yielding the server process (for its memory)."""
    port = port or free_port()
    sink = open(output, "wb") if output else subprocess.DEVNULL  # noqa: SIM115
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            script,
            "--server.headless",
            "true",
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
        ],
        cwd=ROOT,
        stdout=sink,
        stderr=subprocess.STDOUT,
        env={**os.environ, **(env or {})},
    )
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(url + "_stcore/health", timeout=2) as answer:
                    if answer.read() == b"ok":
                        break
            except OSError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                said = output.read_text(errors="replace") if output else ""
                raise RuntimeError(f"the app did not start on port {port}\n{said}")
            time.sleep(0.1)
        yield url, process
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if output:
            sink.close()  # type: ignore[union-attr]


IDLE = (
    '[data-testid="stApp"][data-test-script-state="notRunning"]'
    '[data-test-connection-state="CONNECTED"]'
)
"""The app has finished its run and is connected (as Streamlit's own tests wait)."""
ROW = 35  # px per row in Streamlit's data grid; the header is row 0


def wait_idle(page: Page, timeout: float = 30_000) -> None:
    """Wait until the app has finished its run and is connected, as Streamlit's own tests do."""
    page.wait_for_selector(IDLE, timeout=timeout)


ARRIVED = 'span[data-persist="save"], span[data-persist="off"]'
"""The browser's part of keeping the work has reported what it keeps (see ui/persist.py)."""


def open_app(page: Page, url: str) -> None:
    """Open the app and wait until it has heard from the browser's storage.

    The page's first run is followed by a second once the browser has said what
    work it keeps; a click before that could land on the first run's widgets.
    """
    page.goto(url)
    expect(page.get_by_role("heading", name="Negotiation planner")).to_be_visible(timeout=30_000)
    page.locator(ARRIVED).first.wait_for(state="attached", timeout=30_000)
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
    """Open a tab and wait for the rerun it starts.

    A click that lands while a rerun is still redrawing the tab bar can be lost; it is
    tried again (up to three times) once the page is idle.
    """
    button = page.get_by_role("tab", name=name, exact=True)
    for _attempt in range(3):
        wait_idle(page)
        button.click()
        try:
            expect(button).to_have_attribute("aria-selected", "true", timeout=5_000)
            break
        except AssertionError:
            continue
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


async def open_cell_async(page: Any, row: int) -> None:
    """The async twin for the benchmarks: the first visible grid's cell (row, second column)
    in edit mode."""
    await page.wait_for_selector(IDLE)
    grid = page.get_by_test_id("stDataFrame").filter(visible=True).first
    await grid.wait_for()
    field = page.get_by_test_id("portal").locator(".gdg-input")
    for _ in range(8):
        box = await grid.bounding_box()
        await page.mouse.click(box["x"] + 45, box["y"] + ROW * row + ROW / 2)
        if not await grid.evaluate("g => g.contains(document.activeElement)"):
            await page.wait_for_timeout(200)
            continue
        await page.keyboard.press("ArrowRight")
        await page.keyboard.press("Enter")
        try:
            await field.wait_for(state="visible", timeout=5000)
            return
        except Exception:
            await page.keyboard.press("Escape")
    raise RuntimeError("could not open a cell")
