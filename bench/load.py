"""Bounded load test: several browser sessions editing their own plans on one server.

    python -m bench.load [--sessions 6] [--edits 8]

Loopback only; stops by itself (at most --seconds). Each session opens its own
share link (the sales sample with its own offer name), then flips one offer's
health coverage between a value that meets the bottom line and one that fails
it, timing each edit from the keystroke to the updated verdict in the sidebar.
It checks that no session ever shows another session's offer, and reads the
server's memory before and after. Prints a summary and, with --write, adds it to
BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import time
from pathlib import Path
from typing import Any

from playwright.async_api import Page, async_playwright

from devtools.browser import IDLE, launch_options, running_app_process
from planner import read_scenario
from planner.catalog import sample_files
from planner.share import encode

ROOT = Path(__file__).resolve().parent.parent


def session_link(base: str, n: int) -> tuple[str, str]:
    data = json.loads(sample_files()["Account executive offers"].read_text())
    name = f"Brightline S{n:02d}"
    data["offers"][0]["name"] = name
    return f"{base}?plan={encode(read_scenario(json.dumps(data)))}", name


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


ONE_HEALTH_FIELD = """() => document.querySelectorAll(
    '.st-key-cellbox-o0-t3 input[aria-label="Their offer"]').length === 1"""


async def edit_health(page: Page, value: str) -> None:
    """Type an option into the first offer's health coverage field (Enter is pressed by the caller)."""
    await page.wait_for_selector(IDLE)
    await page.wait_for_function(ONE_HEALTH_FIELD, timeout=60_000)  # not one left from a run before
    field = page.locator(".st-key-cellbox-o0-t3").get_by_label("Their offer", exact=True)
    await field.wait_for(timeout=60_000)
    await field.click()
    await page.keyboard.type(value)


async def one_session(
    browser: Any, base: str, n: int, edits: int, names: list[str]
) -> dict[str, Any]:
    link, mine = session_link(base, n)
    context = await browser.new_context(viewport={"width": 1400, "height": 1000})
    page = await context.new_page()
    await page.goto(link)
    await page.get_by_role("heading", name="Negotiation planner").wait_for(timeout=60_000)
    await page.wait_for_selector(IDLE, timeout=60_000)
    offers = page.get_by_role("tab", name="③ Offers")
    for _attempt in range(10):  # a run still finishing may redraw the tabs under the click
        await offers.click()
        await page.wait_for_selector(IDLE)
        if await offers.get_attribute("aria-selected") == "true":
            break
        await page.wait_for_timeout(500)
    sidebar = page.get_by_test_id("stSidebar")
    try:
        return await _edits(page, sidebar, mine, names, edits, n, context)
    except Exception:
        shot = Path("/tmp") / f"load-session-{n}.png"
        await page.screenshot(path=str(shot))
        raise RuntimeError(f"session {n} failed; its page is in {shot}") from None


async def _edits(
    page: Page, sidebar: Any, mine: str, names: list[str], edits: int, n: int, context: Any
) -> dict[str, Any]:
    latencies: list[float] = []
    crosstalk = 0
    for i in range(edits):
        value, verdict = ("Basic", "Walk away") if i % 2 == 0 else ("Standard", "Negotiate")
        await edit_health(page, value)
        start = time.perf_counter()
        await page.keyboard.press("Enter")
        await page.wait_for_function(
            """([name, verdict]) => {
                const bar = document.querySelector('[data-testid="stSidebar"]');
                if (!bar) return false;
                const text = bar.innerText;
                const at = text.indexOf(name);
                return at >= 0 && text.slice(at, at + name.length + 40).includes(verdict);
            }""",
            arg=[mine, verdict],
            polling="raf",
            timeout=30_000,
        )
        latencies.append(time.perf_counter() - start)
        text = await page.content()
        crosstalk += sum(1 for other in names if other != mine and other in text)
    assert await sidebar.get_by_text(mine).count() == 1
    await context.close()
    return {"session": n, "latencies": latencies, "crosstalk": crosstalk}


async def run(sessions: int, edits: int, seconds: float) -> dict[str, Any]:
    with running_app_process() as (url, process):
        async with async_playwright() as p:
            browser = await p.chromium.launch(**launch_options())
            names = [session_link(url, n)[1] for n in range(sessions)]
            warm = await one_session(browser, url, 99, 1, names)
            before = rss_mb(process.pid)
            results = await asyncio.wait_for(
                asyncio.gather(
                    *(one_session(browser, url, n, edits, names) for n in range(sessions))
                ),
                timeout=seconds,
            )
            after = rss_mb(process.pid)
            await browser.close()
    latencies = sorted(x for r in results for x in r["latencies"])
    return {
        "sessions": sessions,
        "edits": len(latencies),
        "p50_ms": 1000 * statistics.median(latencies),
        "p95_ms": 1000 * latencies[min(len(latencies) - 1, round(0.95 * (len(latencies) - 1)))],
        "max_ms": 1000 * latencies[-1],
        "crosstalk": sum(r["crosstalk"] for r in results),
        "errors": 0,
        "rss_before_mb": before,
        "rss_after_mb": after,
        "mb_per_session": (after - before) / sessions,
        "warm_edit_ms": 1000 * warm["latencies"][0],
    }


def report(result: dict[str, Any]) -> str:
    return (
        f"| {result['sessions']} | {result['edits']} | {result['p50_ms']:.0f} | {result['p95_ms']:.0f} "
        f"| {result['max_ms']:.0f} | {result['crosstalk']} | {result['rss_before_mb']:.0f} → "
        f"{result['rss_after_mb']:.0f} | {result['mb_per_session']:.1f} |"
    )


HEADER = (
    "| sessions | edits | p50 ms | p95 ms | max ms | crosstalk | server RSS MB | MB per session |\n"
    "| --- | --- | --- | --- | --- | --- | --- | --- |"
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=4, choices=range(1, 9))
    parser.add_argument("--edits", type=int, default=8, choices=range(1, 21))
    parser.add_argument("--seconds", type=float, default=240)
    parser.add_argument("--write", action="store_true", help="record the result in BENCHMARKS.md")
    args = parser.parse_args()
    result = asyncio.run(run(args.sessions, args.edits, args.seconds))
    print(HEADER)
    print(report(result))
    if result["crosstalk"]:
        raise SystemExit(f"crosstalk: {result['crosstalk']} sightings of another session's offer")
    if args.write:
        from bench.report import record

        record(
            "Load",
            "`python -m bench.load --sessions N --edits M --write`: N headless Chromium sessions, "
            "each on its own share link, flip one offer's health coverage M times on one local "
            "server; latency is from the keystroke to the updated verdict in the sidebar. On this "
            "2-core machine the browsers and the server share the CPU, so latency grows with N. "
            "Crosstalk counts sightings of another session's offer on a page (must be 0).\n\n"
            + HEADER
            + "\n"
            + report(result),
        )


if __name__ == "__main__":
    main()
