"""The floor for planning speed: a minimal plain-dict reading of the planning rules.

Statuses, must-wins, verdicts and the ask list (with the shortfall that orders
it), straight from SCENARIO_FORMAT.md, and nothing else: no reasons, no ask
figures, no money, no alternatives. Offers without rounds only (the benchmark's
scenarios have none). What the planner does beyond this is what the ratio in
``python -m bench`` pays for.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Prepared = tuple[
    str, Callable[[Any], float | None], float | None, float | None, float, float | None
]


def _prepared(term: dict[str, Any]) -> Prepared:
    """A term's name, its key function (higher is better), bottom line, target, divisor, reference."""
    options = term.get("options")
    lower = term.get("better") == "lower"
    ranks = {o: i for i, o in enumerate(options)} if options else None

    def key(value: Any) -> float | None:
        if value is None:
            return None
        if ranks is not None:
            return float(ranks[value])
        return -value if lower else float(value)

    bottom = key(term.get("bottom_line"))
    target = key(term.get("target"))
    ref = target if target is not None else bottom
    raw_ref = term.get("target", term.get("bottom_line"))
    if ranks is not None:
        divisor = float(len(ranks) - 1)
    else:
        divisor = abs(raw_ref) if raw_ref is not None else 0.0
    return term["name"], key, bottom, target, divisor, ref


def plan(scenario: dict[str, Any]) -> list[dict[str, Any]]:
    """Per offer: its verdict, its ask list, and each term's status and must-win."""
    terms = [_prepared(t) for t in scenario["terms"]]
    priorities = {t["name"]: t.get("priority", 3) for t in scenario["terms"]}
    max_asks = scenario.get("max_asks", 3)
    out = []
    for offer in scenario["offers"]:
        values = offer.get("values", {})
        flexibility = offer.get("flexibility", {})
        current = offer.get("current", False)
        statuses: dict[str, str] = {}
        askable: list[tuple[bool, int, bool, float, int, str]] = []
        must: dict[str, bool] = {}
        for index, (name, key, bottom, target, divisor, ref) in enumerate(terms):
            k = key(values.get(name))
            stance = flexibility.get(name, "unknown")
            must_win = False
            if k is None:
                status = "unknown"
            elif current:
                status = "reference"
            elif bottom is not None and k < bottom:
                status = "deal_breaker" if stance == "fixed" else "push"
                must_win = stance != "fixed"
            elif target is None or k >= target:
                status = "met"
            elif stance == "fixed":
                status = "drop"
            elif stance == "negotiable":
                status = "push"
            else:
                status = "trade"
            statuses[name] = status
            must[name] = must_win
            if status in ("push", "trade"):
                gap = max(ref - k, 0.0) if ref is not None and k is not None else 0.0
                gap = gap / divisor if divisor else gap
                askable.append(
                    (not must_win, -priorities[name], status != "push", -gap, index, name)
                )
        askable.sort()
        found = set(statuses.values())
        if current:
            verdict = "current"
        elif "deal_breaker" in found:
            verdict = "walk_away"
        elif found <= {"met", "drop"}:
            verdict = "accept"
        else:
            verdict = "negotiate"
        out.append(
            {
                "name": offer["name"],
                "verdict": verdict,
                "asks": [] if current else [a[-1] for a in askable[:max_asks]],
                "statuses": statuses,
                "must_win": must,
            }
        )
    return out
