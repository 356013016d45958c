"""A minimal, independent reading of the planning rules, on plain dicts.

Written straight from SCENARIO_FORMAT.md without using planner/, so that the
property tests can check the real rules against it on random scenarios. The
benchmark uses it too, as the plain-dict floor for planning speed.

``plan(data)`` gives the labels, verdicts and ask lists (the shape the older
property test and the benchmark use); ``full_plan(data, today)`` gives the whole
reading of the plan result: statuses, ask figures after rounds, opening asks,
phase, best elsewhere, behind current, days left, money over the years and the
market position. The input is a scenario file's JSON data as written (every
default is filled in here, from the contract's words).
"""

from __future__ import annotations

import datetime
import itertools
import math
from typing import Any

Json = dict[str, Any]

ASKED = ("push", "trade")


# --- comparing values ----------------------------------------------------------


def _good(a: Any, b: Any, term: Json) -> bool:
    """a is at least as good as b (direction-aware; options by their order)."""
    if term["type"] == "choice":
        return bool(term["options"].index(a) >= term["options"].index(b))
    if term.get("better", "higher") == "lower":
        return bool(a <= b)
    return bool(a >= b)


def _strictly_better(a: Any, b: Any, term: Json) -> bool:
    return not _good(b, a, term)


def _worse_of(a: Any, b: Any, term: Json) -> Any:
    return a if _good(b, a, term) else b


def _better_of(a: Any, b: Any, term: Json) -> Any:
    return a if _good(a, b, term) else b


def _shortfall(v: Any, term: Json) -> float:
    ref: Any = term["target"] if term.get("target") is not None else term.get("bottom_line")
    if term["type"] == "choice":
        opts = term["options"]
        gap = abs(opts.index(ref) - opts.index(v))
        divisor = len(opts) - 1
        return gap / divisor if divisor else float(gap)
    gap = float(abs(ref - v))
    return gap / abs(ref) if ref != 0 else gap


# --- steps and modest figures -------------------------------------------------


def step_of(term: Json, scenario: Json) -> float | None:
    """The term's ``step``: as given, else the contract's default (None for choices)."""
    if term["type"] == "choice":
        return None
    if term.get("step") is not None:
        return float(term["step"])
    lines = [term[k] for k in ("bottom_line", "target") if term.get(k) is not None]
    if term["type"] == "money":
        if not lines:
            return 1.0
        largest = max(lines)
        return 500.0 if largest >= 10_000 else 100.0 if largest >= 1_000 else 1.0
    figures = list(lines)
    for offer in scenario["offers"]:
        if term["name"] in offer.get("values", {}):
            figures.append(offer["values"][term["name"]])
        for answer in offer.get("rounds", []):
            if answer["term"] == term["name"] and answer.get("value") is not None:
                figures.append(answer["value"])
    return 1.0 if all(float(f).is_integer() for f in figures) else 0.5


def modest(v: Any, goal: Any, term: Json, step: float | None) -> Any:
    """Halfway from ``v`` to ``goal``, on the step, rounded towards ``goal`` and never past it;
    where that is no better than ``v``, ``goal`` itself. For a choice: the next option."""
    if term["type"] == "choice":
        opts = term["options"]
        return opts[min(opts.index(v) + 1, opts.index(goal))]
    assert step is not None
    count = (v + goal) / 2 / step
    if abs(count - round(count)) < 1e-9:  # on the step, up to float noise (0.3 / 0.1)
        count = round(count)
    if term.get("better", "higher") == "lower":
        figure = max(math.floor(count) * step, goal)
    else:
        figure = min(math.ceil(count) * step, goal)
    return goal if _good(v, figure, term) else figure


# --- labels ---------------------------------------------------------------------


def _label(v: Any, stance: str, term: Json) -> tuple[str, bool]:
    """(status, must-win) of one value under one stance, for a negotiated offer."""
    bl = term.get("bottom_line")
    tg = term.get("target")
    if v is None:
        return "unknown", False
    if bl is not None and not _good(v, bl, term):
        return ("deal_breaker", False) if stance == "fixed" else ("push", True)
    if tg is None or _good(v, tg, term):
        return "met", False
    if stance == "fixed":
        return "drop", False
    if stance == "negotiable":
        return "push", False
    return "trade", False


def _rule_figure(status: str, v: Any, term: Json, step: float | None) -> Any:
    """The ask figure of the planning rules (without rounds)."""
    tg = term.get("target")
    if status == "push":
        return tg if tg is not None else term.get("bottom_line")
    return modest(v, tg, term, step)


def _verdict(rows: list[Json]) -> str:
    if any(r["status"] == "deal_breaker" for r in rows):
        return "walk_away"
    if all(r["status"] in ("met", "drop") for r in rows):
        return "accept"
    return "negotiate"


def _ask_list(rows: list[Json], terms: list[Json], max_asks: int) -> list[str]:
    askable = [(i, r) for i, r in enumerate(rows) if r["status"] in ASKED]
    askable.sort(
        key=lambda pair: (
            not pair[1]["must_win"],
            -terms[pair[0]].get("priority", 3),
            pair[1]["status"] != "push",
            -_shortfall(pair[1]["offer"], terms[pair[0]]),
            pair[0],
        )
    )
    return [r["term"] for _, r in askable][:max_asks]


def _plain(values: Json, stances: Json, scenario: Json, steps: list[float | None]) -> Json:
    """An offer planned on these values and stances, as if it had no rounds."""
    rows = []
    for term, step in zip(scenario["terms"], steps, strict=True):
        v = values.get(term["name"])
        status, must = _label(v, stances.get(term["name"], "unknown"), term)
        ask = _rule_figure(status, v, term, step) if status in ASKED else None
        rows.append(
            {"term": term["name"], "status": status, "must_win": must, "offer": v, "ask": ask}
        )
    return {
        "rows": rows,
        "verdict": _verdict(rows),
        "asks": _ask_list(rows, scenario["terms"], scenario.get("max_asks", 3)),
    }


def _after_rounds(offer: Json) -> tuple[Json, Json, dict[str, list[Json]]]:
    """Values and stances after the rounds, and each term's answering rounds."""
    values = dict(offer.get("values", {}))
    stances = dict(offer.get("flexibility", {}))
    answers: dict[str, list[Json]] = {}
    for answer in offer.get("rounds", []):
        name = answer["term"]
        if answer.get("value") is not None:
            values[name] = answer["value"]
        if answer.get("stance") is not None:
            stances[name] = answer["stance"]
        if answer.get("value") is not None or answer.get("stance") is not None:
            answers.setdefault(name, []).append(answer)
    return values, stances, answers


def _negotiated(offer: Json, scenario: Json, steps: list[float | None]) -> Json:
    """Rows, verdict, asks, opening asks and phase of an offer that is not current."""
    first = _plain(offer.get("values", {}), offer.get("flexibility", {}), scenario, steps)
    if not offer.get("rounds"):
        return {**first, "opening_asks": list(first["asks"]), "phase": "opening"}
    opening_asks = first["asks"]
    opening_figure = {r["term"]: r["ask"] for r in first["rows"] if r["term"] in opening_asks}
    values, stances, answers = _after_rounds(offer)
    rows = []
    for term, step in zip(scenario["terms"], steps, strict=True):
        name = term["name"]
        v = values.get(name)
        times = len(answers.get(name, []))
        stance = "fixed" if times >= 2 else stances.get(name, "unknown")
        status, must = _label(v, stance, term)
        opened = name in opening_asks
        if status in ASKED and not must and (not opened or _good(v, opening_figure[name], term)):
            status = "drop"
        ask = None
        if status in ASKED:
            ask = _rule_figure(status, v, term, step)
            if opened:
                first_figure = opening_figure[name]
                if times == 1 and answers[name][0].get("value") is not None:
                    ask = modest(v, first_figure, term, step)
                    if must:
                        ask = _better_of(ask, term["bottom_line"], term)
                ask = _worse_of(ask, first_figure, term)
        rows.append({"term": name, "status": status, "must_win": must, "offer": v, "ask": ask})
    verdict = _verdict(rows)
    return {
        "rows": rows,
        "verdict": verdict,
        "asks": _ask_list(rows, scenario["terms"], scenario.get("max_asks", 3)),
        "opening_asks": list(opening_asks),
        "phase": "countering" if verdict == "negotiate" else "decide",
    }


def _current(offer: Json, scenario: Json) -> Json:
    values, _, _ = _after_rounds(offer)
    rows = []
    for term in scenario["terms"]:
        v = values.get(term["name"])
        rows.append(
            {
                "term": term["name"],
                "status": "unknown" if v is None else "reference",
                "must_win": False,
                "offer": v,
                "ask": None,
            }
        )
    # The contract names no phase for the current job once it has rounds (its verdict is
    # neither negotiate, accept nor walk_away): None says "not read here".
    phase = None if offer.get("rounds") else "opening"
    return {"rows": rows, "verdict": "current", "asks": [], "opening_asks": [], "phase": phase}


# --- alternatives, deadlines, money, market ----------------------------------------


def _best_elsewhere(i: int, term: Json, known: list[Json]) -> int | None:
    """Index of the other offer with the strictly best known value, if better than offer i's."""
    v = known[i].get(term["name"])
    if v is None:
        return None
    best_index: int | None = None
    best: Any = None
    for j, values in enumerate(known):
        other = values.get(term["name"])
        if j == i or other is None:
            continue
        if best is None or _strictly_better(other, best, term):
            best_index, best = j, other
    if best is None or not _strictly_better(best, v, term):
        return None
    return best_index


def _sum_or_none(figures: list[float | None]) -> float | None:
    """The sum, or None ("not known") when any figure is None."""
    total = 0.0
    for figure in figures:
        if figure is None:
            return None
        total += figure
    return total


def _cents(x: float) -> float:
    return round(x + 0.0, 2)


def _yearly(x: float, per: str, hours: float) -> float:
    return {"year": x, "month": x * 12, "hour": x * hours * 52}.get(per, x)


def money(values: Json, scenario: Json) -> Json:
    """An offer's money over the years, from its values (after its rounds)."""
    years = scenario.get("years", 4)
    hours = scenario.get("hours_per_week", 40)
    cols = ("guaranteed", "variable", "equity", "one_off", "benefits")
    # per year: column -> [expected figure or None, on-paper figure or None]
    table: list[dict[str, list[float | None]]] = [
        {c: [0.0, 0.0] for c in cols} for _ in range(years)
    ]

    def add(year: int, col: str, amount: float | None, paper: float | None) -> None:
        cell = table[year - 1][col]
        cell[0] = None if amount is None or cell[0] is None else cell[0] + amount
        cell[1] = None if paper is None or cell[1] is None else cell[1] + paper

    for term in scenario["terms"]:
        if term["type"] != "money":
            continue
        kind = term.get("kind") or ("variable" if term.get("variable") else "pay")
        per = term.get("per", "year")
        share = term.get("expected", 100) / 100 if kind in ("variable", "equity") else 1.0
        x = values.get(term["name"])
        for year in range(1, years + 1):
            if per == "once" and kind == "equity":
                vesting = term.get("vesting", [25, 25, 25, 25])
                pct = vesting[year - 1] if year <= len(vesting) else 0
                if pct <= 0:
                    continue
                paper = None if x is None else x * pct / 100
                add(year, "equity", None if paper is None else paper * share, paper)
                continue
            if per == "once" and year != 1:
                continue
            paper = None if x is None else _yearly(x, per, hours)
            amount = None if paper is None else paper * share
            if kind == "benefit":
                col = "benefits"
            elif per == "once":
                col = "one_off"
            else:
                col = {"pay": "guaranteed", "variable": "variable", "equity": "equity"}[kind]
            add(year, col, amount, paper)

    rows = []
    for year, cells in enumerate(table, start=1):
        # Every figure shown is rounded to cents, and a total adds up the figures shown
        # (the contract does not say which; this way the columns add up on screen).
        row: Json = {"year": year}
        for c in cols:
            figure = cells[c][0]
            row[c] = None if figure is None else _cents(figure)
        paid = ("guaranteed", "variable", "equity", "one_off")
        total = _sum_or_none([row[c] for c in paid])
        paper = _sum_or_none([None if cells[c][1] is None else _cents(cells[c][1]) for c in paid])
        row["total"] = None if total is None else _cents(total)
        row["on_paper"] = None if paper is None else _cents(paper)
        rows.append(row)
    total = _sum_or_none([r["total"] for r in rows])
    paper = _sum_or_none([r["on_paper"] for r in rows])
    return {
        "years": rows,
        "total": None if total is None else _cents(total),
        "on_paper": None if paper is None else _cents(paper),
    }


def market_position(v: float | None, market: Json) -> float | str | None:
    """The percentile of ``v`` by straight lines between the percentiles given."""
    if v is None:
        return None
    points = [(p, market[f"p{p}"]) for p in (10, 25, 50, 75, 90) if market.get(f"p{p}") is not None]
    if v < points[0][1]:
        return f"<p{points[0][0]}"
    if v > points[-1][1]:
        return f">p{points[-1][0]}"
    for p, figure in points:
        if v == figure:
            return float(p)
    for (p1, f1), (p2, f2) in itertools.pairwise(points):
        if f1 < v < f2:
            return float(p1 + (v - f1) / (f2 - f1) * (p2 - p1))
    raise AssertionError("unreachable: v lies between the lowest and highest figure")


# --- the plan ---------------------------------------------------------------------


def full_plan(scenario: Json, today: datetime.date | None = None) -> list[Json]:
    """Every offer's plan as the contract reads, one dict per offer in the scenario's order."""
    today = today or datetime.date.today()
    terms = scenario["terms"]
    steps = [step_of(t, scenario) for t in terms]
    offers = scenario["offers"]
    known = [_after_rounds(o)[0] for o in offers]
    first_current = next((i for i, o in enumerate(offers) if o.get("current")), None)
    out = []
    for i, offer in enumerate(offers):
        current = bool(offer.get("current"))
        core = _current(offer, scenario) if current else _negotiated(offer, scenario, steps)
        term_rows = []
        for term, row in zip(terms, core["rows"], strict=True):
            entry = dict(row)
            best = None if current else _best_elsewhere(i, term, known)
            entry["best_elsewhere"] = None if best is None else offers[best]["name"]
            if term.get("market") is not None:
                entry["market_position"] = market_position(
                    known[i].get(term["name"]), term["market"]
                )
            term_rows.append(entry)
        if current:
            behind = None
        elif first_current is None:
            behind = []
        else:
            cur = known[first_current]
            behind = [
                t["name"]
                for t in terms
                if known[i].get(t["name"]) is not None
                and cur.get(t["name"]) is not None
                and _strictly_better(cur[t["name"]], known[i][t["name"]], t)
            ]
        deadline = offer.get("deadline")
        out.append(
            {
                "name": offer["name"],
                "verdict": core["verdict"],
                "phase": core["phase"],
                "asks": core["asks"],
                "opening_asks": core["opening_asks"],
                "deadline": deadline,
                "days_left": None
                if deadline is None
                else (datetime.date.fromisoformat(deadline) - today).days,
                "behind_current": behind,
                "money": money(known[i], scenario),
                "terms": term_rows,
            }
        )
    return out


def plan(scenario: Json) -> list[Json]:
    """Verdict, ask list and each term's status, must-win and ask figure, per offer."""
    return [
        {
            "name": o["name"],
            "verdict": o["verdict"],
            "asks": o["asks"],
            "terms": [{k: t[k] for k in ("term", "status", "must_win", "ask")} for t in o["terms"]],
        }
        for o in full_plan(scenario, datetime.date(2000, 1, 1))
    ]
