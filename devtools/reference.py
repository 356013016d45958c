"""A minimal, independent reading of the planning rules, on plain dicts.

Written straight from SCENARIO_FORMAT.md without using planner/, so that the
property tests can check the real rules against it on random scenarios. The
benchmark uses it too, as the plain-dict floor for planning speed.
"""

from __future__ import annotations

from typing import Any


def _good(a: Any, b: Any, term: dict[str, Any]) -> bool:
    """a is at least as good as b."""
    if term["type"] == "choice":
        return term["options"].index(a) >= term["options"].index(b)
    if term.get("better", "higher") == "lower":
        return a <= b
    return a >= b


def _shortfall(v: Any, term: dict[str, Any]) -> float:
    ref = term["target"] if term.get("target") is not None else term.get("bottom_line")
    if term["type"] == "choice":
        opts = term["options"]
        return max(opts.index(ref) - opts.index(v), 0) / (len(opts) - 1)
    gap = v - ref if term.get("better", "higher") == "lower" else ref - v
    gap = max(gap, 0)
    return gap / abs(ref) if ref != 0 else gap


def plan(scenario: dict[str, Any]) -> list[dict[str, Any]]:
    result = []
    for offer in scenario["offers"]:
        rows = []
        for term in scenario["terms"]:
            name = term["name"]
            v = offer.get("values", {}).get(name)
            stance = offer.get("flexibility", {}).get(name, "unknown")
            bl = term.get("bottom_line")
            tg = term.get("target")
            must = False
            if v is None:
                status = "unknown"
            elif bl is not None and not _good(v, bl, term):
                status = "deal_breaker" if stance == "fixed" else "push"
                must = stance != "fixed"
            elif tg is None or _good(v, tg, term):
                status = "met"
            elif stance == "fixed":
                status = "drop"
            elif stance == "negotiable":
                status = "push"
            else:
                status = "trade"
            ask = (tg if tg is not None else bl) if status in ("push", "trade") else None
            rows.append(
                {
                    "term": name,
                    "status": status,
                    "must_win": must,
                    "ask": ask,
                    "priority": term.get("priority", 3),
                    "v": v,
                    "spec": term,
                }
            )
        if offer.get("current"):
            verdict = "current"
        elif any(r["status"] == "deal_breaker" for r in rows):
            verdict = "walk_away"
        elif all(r["status"] in ("met", "drop") for r in rows):
            verdict = "accept"
        else:
            verdict = "negotiate"
        asks: list[str] = []
        if not offer.get("current"):
            askable = [r for r in rows if r["status"] in ("push", "trade")]
            askable.sort(
                key=lambda r: (
                    not r["must_win"],
                    -r["priority"],
                    r["status"] != "push",
                    -_shortfall(r["v"], r["spec"]),
                )
            )
            asks = [r["term"] for r in askable][: scenario.get("max_asks", 3)]
        result.append(
            {
                "name": offer["name"],
                "verdict": verdict,
                "asks": asks,
                "terms": [{k: r[k] for k in ("term", "status", "must_win", "ask")} for r in rows],
            }
        )
    return result
