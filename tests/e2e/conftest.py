"""Real-browser fixtures: one app server for the module, Chromium through pytest-playwright.

The browser is Debian's /usr/bin/chromium (or $CHROMIUM) when present, else
Playwright's own. Without any browser these tests skip with the reason; when
the CI variable is set, a missing browser fails them instead.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from devtools.browser import chromium_path, running_app


def _playwright_own_chromium() -> bool:
    root = os.environ.get("PLAYWRIGHT_BROWSERS_PATH") or str(
        Path.home() / ".cache" / "ms-playwright"
    )
    return bool(glob.glob(os.path.join(root, "chromium*")))


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    browser_tests = [item for item in items if here in Path(str(item.fspath)).parents]
    for item in browser_tests:
        item.add_marker(pytest.mark.browser)
    if chromium_path() or _playwright_own_chromium():
        return
    reason = "no Chromium: install Debian's chromium (apt-get install chromium) or run 'playwright install chromium'"
    if os.environ.get("CI"):
        for item in browser_tests:
            item.add_marker(
                pytest.mark.xfail(reason=f"CI needs a browser: {reason}", strict=True, run=False)
            )
        raise pytest.UsageError(f"CI is set but the browser tests cannot run: {reason}")
    for item in browser_tests:
        item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict[str, Any]) -> dict[str, Any]:
    return {**browser_context_args, "viewport": {"width": 1400, "height": 1000}}


@pytest.fixture(scope="module")
def app_url() -> Iterator[str]:
    """One app server for a test module, on a free loopback port."""
    with running_app() as url:
        yield url
