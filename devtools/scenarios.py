"""Large generated scenarios (plain dicts), for the benchmarks and the size tests."""

from __future__ import annotations

from typing import Any

FORMAT = "negotiation-planner/1"


def scenario_of(offers: int, terms: int) -> dict[str, Any]:
    kinds = ["money", "number", "choice"]
    term_list = []
    for i in range(terms):
        kind = kinds[i % 3]
        term: dict[str, Any] = {"name": f"Term {i:03d}", "type": kind, "priority": 1 + i % 5}
        if kind == "choice":
            term |= {
                "options": ["None", "Basic", "Standard", "Full"],
                "bottom_line": "Basic",
                "target": "Full",
            }
        elif kind == "number":
            term |= {
                "unit": "days/year",
                "better": "lower" if i % 2 else "higher",
                "bottom_line": 30 if i % 2 else 10,
                "target": 10 if i % 2 else 30,
            }
        else:
            term |= {"bottom_line": 50_000 + i, "target": 70_000 + i}
        term_list.append(term)
    stances = ["fixed", "limited", "negotiable", "unknown"]
    offer_list = []
    for j in range(offers):
        values: dict[str, Any] = {}
        for i, term in enumerate(term_list):
            if term["type"] == "choice":
                values[term["name"]] = term["options"][(i + j) % 4]
            elif term["type"] == "number":
                values[term["name"]] = (i * 7 + j * 3) % 40
            else:
                values[term["name"]] = 45_000 + ((i + j) * 1_777) % 30_000
        offer_list.append(
            {
                "name": f"Company {j:02d}",
                "values": values,
                "flexibility": {t["name"]: stances[(i + j) % 4] for i, t in enumerate(term_list)},
            }
        )
    return {
        "format": FORMAT,
        "max_asks": 3,
        "terms": term_list,
        "offers": offer_list,
    }


def largest_scenario() -> dict[str, Any]:
    """20 offers x 100 number terms, with a 100-character note on every term of every offer."""
    terms: list[dict[str, Any]] = [
        {
            "name": f"Term number {i:03d}",
            "type": "number",
            "unit": "days/year",
            "bottom_line": i,
            "target": i + 10,
        }
        for i in range(100)
    ]
    offers = [
        {
            "name": f"Company {j:02d}",
            "values": {t["name"]: (i * 7 + j) % 120 for i, t in enumerate(terms)},
            "flexibility": {
                t["name"]: ["fixed", "limited", "negotiable"][(i + j) % 3]
                for i, t in enumerate(terms)
            },
            "notes": {t["name"]: f"note {i} {j} " * 10 for i, t in enumerate(terms)},
        }
        for j in range(20)
    ]
    return {"format": FORMAT, "terms": terms, "offers": offers}


def heaviest_scenario() -> dict[str, Any]:
    """The most the format allows as a link: 20 offers x 100 terms of every type, with 100
    rounds on every offer (each a figure or a stance, and a note)."""
    data = scenario_of(20, 100)
    names = [t["name"] for t in data["terms"]]
    for j, offer in enumerate(data["offers"]):
        rounds = []
        for r in range(100):
            term = data["terms"][(r * 7 + j) % len(names)]
            answer: dict[str, Any] = {"term": term["name"], "note": f"round {r}"}
            if term["type"] == "money":
                answer["value"] = 50_000 + r * 100
            elif term["type"] == "number":
                answer["stance"] = "limited"
            rounds.append(answer)
        offer["rounds"] = rounds
    data["offers"][0]["current"] = True
    return data
