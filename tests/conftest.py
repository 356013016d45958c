"""Shared fixtures for the tests, and the hypothesis profiles.

Profiles (chosen with ``HYPOTHESIS_PROFILE``):

- ``ci``, the default (with ``CI`` set or no profile chosen): derandomized, so
  a run is repeatable and CI never fails by chance;
- ``explore``: five times as many examples, randomized, for a developer to run
  before they stop: ``HYPOTHESIS_PROFILE=explore python -m pytest -m "not browser"``.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

import planner.rules
from devtools.browser import CHROMIUM_ARGS, chromium_path
from planner.models import Plan, Scenario

settings.register_profile(
    "ci",
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    print_blob=True,
)
settings.register_profile(
    "explore",
    max_examples=500,
    derandomize=False,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    print_blob=True,
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or "ci")


@pytest.fixture
def plans_made(monkeypatch: pytest.MonkeyPatch) -> list[Scenario]:
    """Every scenario :func:`planner.rules.make_plan` is called with from now on, in order.

    Wraps ``make_plan`` wherever it was imported (planner/, ui/), so that a test
    can check how many times a command or a page rerun plans.
    """
    real: Callable[..., Plan] = planner.rules.make_plan
    calls: list[Scenario] = []

    def counting(scenario: Scenario, **options: Any) -> Plan:
        calls.append(scenario)
        return real(scenario, **options)

    for module in list(sys.modules.values()):
        name = getattr(module, "__name__", "")
        if name.split(".")[0] in ("planner", "ui") and getattr(module, "make_plan", None) is real:
            monkeypatch.setattr(module, "make_plan", counting)
    return calls


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    """pytest-playwright's Chromium: Debian's (or $CHROMIUM) when present, with the flags
    that keep it off the network; Playwright's own otherwise."""
    path = chromium_path()
    args = {**browser_type_launch_args, "args": CHROMIUM_ARGS}
    if path:
        args["executable_path"] = path
    return args
