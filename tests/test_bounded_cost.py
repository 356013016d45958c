"""The hot spots measured on the largest scenario stay fixed, and change no result."""

from __future__ import annotations

import itertools
import string
from typing import Any

import pytest

from planner import packages as packages_module
from planner.catalog import sample_files
from planner.charts import money_spec
from planner.packages import _Lever, _score, packages
from planner.rules import make_plan
from planner.scenario_file import read_scenario_bytes
from tests.builders import make_scenario, offer, term


def nudge_one_call_per_lever(
    levers: list[_Lever], choice: dict[str, int], fixed: set[str], points: float
) -> dict[str, int]:
    """The nudge as first written: every trial scored from scratch with :func:`_score`."""
    choice = dict(choice)
    for _ in range(200):
        now = abs(_score(levers, choice) - points)
        best: tuple[float, str, int] | None = None
        for lever in levers:
            if lever.name in fixed:
                continue
            for move in (1, -1):
                index = choice[lever.name] + move
                if not lever.lowest <= index < len(lever.steps):
                    continue
                trial = {**choice, lever.name: index}
                gap = abs(_score(levers, trial) - points)
                if gap < now - 1e-9 and (best is None or gap < best[0] - 1e-12):
                    best = (gap, lever.name, index)
        if best is None:
            break
        choice[best[1]] = best[2]
    return choice


def many_terms() -> Any:
    terms = [
        term(
            f"Term {i:02d}",
            "number",
            bottom_line=i % 7,
            target=i % 7 + 10 + i % 3,
            priority=i % 5 + 1,
        )
        for i in range(25)
    ]
    offers = [
        offer(
            f"Company {j}",
            values={t["name"]: (i * 3 + j) % 9 for i, t in enumerate(terms)},
            flexibility={
                t["name"]: ["limited", "negotiable", "unknown"][(i + j) % 3]
                for i, t in enumerate(terms)
            },
        )
        for j in range(3)
    ]
    return make_scenario(terms, offers)


def all_packages() -> list[Any]:
    scenarios = [read_scenario_bytes(path.read_bytes()) for path in sample_files().values()]
    scenarios.append(many_terms())
    out = []
    for scenario in scenarios:
        for each in make_plan(scenario).offers:
            if not each.current:
                found = packages(scenario, each, anyway=True)
                out.append([package.model_dump(mode="json") for package in found])
    return out


def test_faster_nudging_gives_every_package_exactly_as_before(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    now = all_packages()

    monkeypatch.setattr(packages_module, "_nudge", nudge_one_call_per_lever)
    before = all_packages()

    assert any(now)
    assert now == before


def test_the_chart_spec_cache_stays_small_whatever_currencies_a_client_sends() -> None:
    codes = ("".join(c) for c in itertools.product(string.ascii_uppercase, repeat=3))

    for code in itertools.islice(codes, 200):
        money_spec(code)

    assert money_spec.cache_info().currsize <= 16
    assert "EUR" in money_spec("EUR")
