"""What differs between two scenarios, change by change, and taking some of the changes.

A mentor opens the user's link, changes their copy and sends a link back. The
user should see what the mentor changed, term by term and offer by offer, and
take all of it or only some. :func:`diff` lists the changes that turn one
scenario into another: each has a :attr:`Change.path` (where), the value
``before`` and ``after`` (``None`` where there was none) and the change in
plain words. :func:`apply` takes any selection of them and gives a new, valid
scenario: a change that needs another one to make sense (a value on a term the
other side added) brings that one along (:func:`needed`).

Terms and offers are matched by name ignoring case and surrounding space, as
the format counts names, so "acme" renamed "Acme" is a rename, not a new offer.
Pure: no user interface here.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from planner.errors import ScenarioError
from planner.formatting import number
from planner.models import Scenario, name_key
from planner.scenario_file import parse_scenario, scenario_to_dict

Key = tuple[str, ...]
"""A change's identity: its path with names in their compared form (case ignored)."""

What = Literal["added", "removed", "changed"]

SETTINGS: dict[str, str] = {
    "title": "Title",
    "currency": "Currency",
    "max_asks": "Most asks per offer",
    "years": "Years the money view adds up",
    "hours_per_week": "Hours per week",
    "disclose_competing": "Mention your other offers to a company",
}
DEFINITION = ("type", "options", "better")
"""Term fields that decide which values fit: a change to any is a redefinition."""
TERM_FIELDS: dict[str, str] = {
    "priority": "priority",
    "per": "paid per",
    "kind": "kind of money",
    "variable": "variable pay",
    "expected": "percent you expect to receive",
    "vesting": "vesting by year",
    "step": "smallest sensible step",
    "unit": "unit",
    "market": "market data",
}
ENTRIES: dict[str, str] = {
    "values": "value",
    "flexibility": "stance",
    "notes": "note",
    "reasons": "reason to give",
}
MAX_TERMS = 100
MAX_OFFERS = 20


@dataclass(frozen=True)
class Change:
    """One difference between two scenarios, said in plain words."""

    path: tuple[str, ...]
    """Where, with names as written: ``("offers", "Acme", "values", "Base salary")``."""
    before: Any
    """The value on the first side as JSON data; ``None`` where it had none."""
    after: Any
    """The value on the other side; ``None`` where it has none."""
    words: str
    """The change in a sentence: ``Acme, Base salary: value 72,000 → 76,000``."""
    key: Key
    area: str
    """What it belongs to, for grouping: ``Settings``, ``Terms`` or an offer's name."""
    what: What = "changed"
    requires: tuple[Key, ...] = ()
    """Changes that must be taken with this one for the result to be a valid scenario."""


# --- words -----------------------------------------------------------------------------


def _said(value: Any, limit: int = 60) -> str:
    """A value in words: numbers with separators, text in quotes, lists joined."""
    if value is None or value == "":
        return "not set"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (int, float)):
        return number(float(value))
    if isinstance(value, str):
        text = value if len(value) <= limit else value[: limit - 1] + "…"
        return f"“{text}”"
    if isinstance(value, list):
        return ", ".join(_said(v, limit) for v in value) or "none"
    if isinstance(value, dict):
        return ", ".join(f"{k} {_said(v, limit)}" for k, v in value.items()) or "none"
    return str(value)


def _value_words(value: Any) -> str:
    if value is None:
        return "not known"
    return value if isinstance(value, str) else number(float(value))


def _arrow(before: str, after: str) -> str:
    return f"{before} → {after}"


def _term_summary(term: dict[str, Any]) -> str:
    kind = str(term.get("type"))
    parts = [kind]
    if kind == "money":
        parts.append(f"per {term.get('per', 'year')}")
    if term.get("unit"):
        parts.append(str(term["unit"]))
    if term.get("options"):
        parts.append("options " + ", ".join(term["options"]))
    if term.get("better") == "lower":
        parts.append("lower is better")
    for field, label in (("bottom_line", "bottom line"), ("target", "target")):
        if field in term:
            parts.append(f"{label} {_value_words(term[field])}")
    parts.append(f"priority {term.get('priority', 3)}")
    return ", ".join(parts)


def _round_words(answer: dict[str, Any]) -> str:
    said = [str(answer.get("term"))]
    if "value" in answer:
        said.append(_value_words(answer["value"]))
    if "stance" in answer:
        said.append(str(answer["stance"]))
    if answer.get("note"):
        said.append(_said(answer["note"], 40))
    if answer.get("date"):
        said.append(f"on {answer['date']}")
    return " ".join(said)


def _rounds_words(offer: str, before: list[dict[str, Any]], after: list[dict[str, Any]]) -> str:
    if after[: len(before)] == before:
        added = "; ".join(_round_words(r) for r in after[len(before) :])
        return f"{offer}: company's answers recorded: {len(before)} → {len(after)} (added {added})"
    if before[: len(after)] == after:
        return (
            f"{offer}: company's answers recorded: {len(before)} → {len(after)} (last taken back)"
        )
    listed = "; ".join(_round_words(r) for r in after) or "none"
    return f"{offer}: company's answers rewritten: {len(before)} → {len(after)} ({listed})"


# --- the diff --------------------------------------------------------------------------


def _by_key(items: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {name_key(item["name"]): item for item in items}


def _entry_keys(offer: dict[str, Any]) -> set[str]:
    """The terms an offer says something about (values, stances, notes, reasons, rounds)."""
    keys = {name_key(k) for part in ENTRIES for k in offer.get(part, {})}
    return keys | {name_key(r["term"]) for r in offer.get("rounds", [])}


def _entries(offer: dict[str, Any], part: str) -> dict[str, tuple[str, Any]]:
    return {name_key(k): (k, v) for k, v in offer.get(part, {}).items()}


def _round_keys(offer: dict[str, Any] | None) -> set[str]:
    return {name_key(r["term"]) for r in (offer or {}).get("rounds", [])}


def diff(a: Scenario, b: Scenario) -> list[Change]:
    """The changes that turn scenario ``a`` into scenario ``b``; none when they are equal.

    In the order of the page: settings, your terms, then each offer.
    """
    da, db = scenario_to_dict(a), scenario_to_dict(b)
    changes: list[Change] = []
    for field, label in SETTINGS.items():
        before, after = da.get(field), db.get(field)
        if before != after:
            default = Scenario.model_fields[field].default
            said = _arrow(
                _said(default if before is None else before),
                _said(default if after is None else after),
            )
            changes.append(
                Change(
                    ("settings", field),
                    before,
                    after,
                    f"{label}: {said}",
                    ("settings", field),
                    "Settings",
                )
            )
    terms_a, terms_b = _by_key(da["terms"]), _by_key(db["terms"])
    offers_a, offers_b = _by_key(da["offers"]), _by_key(db["offers"])
    redefined = {
        k
        for k in terms_a.keys() & terms_b.keys()
        if any(terms_a[k].get(f) != terms_b[k].get(f) for f in DEFINITION)
    }
    added_terms = set(terms_b.keys() - terms_a.keys())
    changes += _term_changes(terms_a, terms_b, offers_a, offers_b, redefined)
    changes += _offer_changes(offers_a, offers_b, added_terms, redefined)
    changes += _order_changes("terms", da["terms"], db["terms"], "Terms")
    changes += _order_changes("offers", da["offers"], db["offers"], "Offers")
    return _with_limits(changes, terms_a, terms_b, offers_a, offers_b)


def _term_changes(
    terms_a: dict[str, dict[str, Any]],
    terms_b: dict[str, dict[str, Any]],
    offers_a: dict[str, dict[str, Any]],
    offers_b: dict[str, dict[str, Any]],
    redefined: set[str],
) -> list[Change]:
    changes: list[Change] = []
    for k in [*terms_a, *(k for k in terms_b if k not in terms_a)]:
        ta, tb = terms_a.get(k), terms_b.get(k)
        name = str((tb or ta or {}).get("name"))
        if ta is None and tb is not None:
            changes.append(
                Change(
                    ("terms", name),
                    None,
                    tb,
                    f"New term “{name}” ({_term_summary(tb)})",
                    ("terms", k),
                    "Terms",
                    "added",
                )
            )
            continue
        assert ta is not None
        if tb is None or k in redefined:
            # Removing or redefining a term needs every offer's entries on it to follow.
            needs: list[Key] = []
            for ok, offer in offers_a.items():
                parts = ENTRIES if tb is None else ("values",)
                uses = any(k in _entries(offer, p) for p in parts) or k in _round_keys(offer)
                if not uses:
                    continue
                other = offers_b.get(ok)
                if other is None:
                    needs.append(("offers", ok))
                    continue
                for part in parts:
                    ea, eb = _entries(offer, part).get(k), _entries(other, part).get(k)
                    if (ea[1] if ea else None) != (eb[1] if eb else None):
                        needs.append(("offers", ok, part, k))
                if k in _round_keys(offer) and offer.get("rounds", []) != other.get("rounds", []):
                    needs.append(("offers", ok, "rounds"))
            if tb is None:
                words = f"Term “{ta['name']}” removed (it was {_term_summary(ta)})"
                what: What = "removed"
            else:
                words = f"Term “{name}” redefined: {_arrow(_term_summary(ta), _term_summary(tb))}"
                what = "changed"
            changes.append(
                Change(("terms", name), ta, tb, words, ("terms", k), "Terms", what, tuple(needs))
            )
            continue
        if ta["name"] != tb["name"]:
            changes.append(
                Change(
                    ("terms", name, "name"),
                    ta["name"],
                    tb["name"],
                    f"Term “{ta['name']}” renamed “{tb['name']}”",
                    ("terms", k, "name"),
                    "Terms",
                )
            )
        line_a: dict[str, Any] = {f: ta[f] for f in ("bottom_line", "target") if f in ta}
        line_b: dict[str, Any] = {f: tb[f] for f in ("bottom_line", "target") if f in tb}
        if line_a != line_b:
            said = [
                f"{label} {_arrow(_value_words(line_a.get(f)), _value_words(line_b.get(f)))}"
                for f, label in (("bottom_line", "your bottom line"), ("target", "your target"))
                if line_a.get(f) != line_b.get(f)
            ]
            changes.append(
                Change(
                    ("terms", name, "line"),
                    line_a or None,
                    line_b or None,
                    f"{name}: " + ", ".join(said).replace("not known", "none"),
                    ("terms", k, "line"),
                    "Terms",
                )
            )
        for field, label in TERM_FIELDS.items():
            before, after = ta.get(field), tb.get(field)
            if before != after:
                changes.append(
                    Change(
                        ("terms", name, field),
                        before,
                        after,
                        f"{name}: {label} {_arrow(_said(before), _said(after))}",
                        ("terms", k, field),
                        "Terms",
                    )
                )
    return changes


def _offer_changes(
    offers_a: dict[str, dict[str, Any]],
    offers_b: dict[str, dict[str, Any]],
    added: set[str],
    redefined: set[str],
) -> list[Change]:
    """Each offer's changes; entries on a term the other side added or redefined need it."""
    new_definitions = added | redefined
    changes: list[Change] = []
    for k in [*offers_a, *(k for k in offers_b if k not in offers_a)]:
        oa, ob = offers_a.get(k), offers_b.get(k)
        name = str((ob or oa or {}).get("name"))
        if oa is None and ob is not None:
            wants = tuple(("terms", t) for t in sorted(_entry_keys(ob) & new_definitions))
            known = len(ob.get("values", {}))
            changes.append(
                Change(
                    ("offers", name),
                    None,
                    ob,
                    f"New offer “{name}” ({known} value{'s' if known != 1 else ''} known)",
                    ("offers", k),
                    name,
                    "added",
                    wants,
                )
            )
            continue
        if ob is None:
            assert oa is not None
            changes.append(
                Change(
                    ("offers", name),
                    oa,
                    None,
                    f"Offer “{name}” removed",
                    ("offers", k),
                    name,
                    "removed",
                )
            )
            continue
        assert oa is not None
        if oa["name"] != ob["name"]:
            changes.append(
                Change(
                    ("offers", name, "name"),
                    oa["name"],
                    ob["name"],
                    f"Offer “{oa['name']}” renamed “{ob['name']}”",
                    ("offers", k, "name"),
                    name,
                )
            )
        before_current, after_current = bool(oa.get("current")), bool(ob.get("current"))
        if before_current != after_current:
            said = "marked as your current job" if after_current else "no longer your current job"
            changes.append(
                Change(
                    ("offers", name, "current"),
                    before_current,
                    after_current,
                    f"{name}: {said}",
                    ("offers", k, "current"),
                    name,
                )
            )
        if oa.get("deadline") != ob.get("deadline"):
            changes.append(
                Change(
                    ("offers", name, "deadline"),
                    oa.get("deadline"),
                    ob.get("deadline"),
                    f"{name}: deadline "
                    f"{_arrow(oa.get('deadline') or 'none', ob.get('deadline') or 'none')}",
                    ("offers", k, "deadline"),
                    name,
                )
            )
        for part, label in ENTRIES.items():
            ea, eb = _entries(oa, part), _entries(ob, part)
            for t in [*ea, *(t for t in eb if t not in ea)]:
                before, after = (ea.get(t) or (None, None))[1], (eb.get(t) or (None, None))[1]
                if before == after:
                    continue
                term = (eb.get(t) or ea[t])[0]
                if part == "values":
                    said = _arrow(_value_words(before), _value_words(after))
                elif part == "flexibility":
                    said = _arrow(before or "unknown", after or "unknown")
                else:
                    said = _arrow(_said(before), _said(after))
                needs: tuple[Key, ...] = ()
                if after is not None and (t in added or (t in redefined and part == "values")):
                    needs = (("terms", t),)
                what: What = (
                    "added" if before is None else "removed" if after is None else "changed"
                )
                changes.append(
                    Change(
                        ("offers", name, part, term),
                        before,
                        after,
                        f"{name}, {term}: {label} {said}",
                        ("offers", k, part, t),
                        name,
                        what,
                        needs,
                    )
                )
        rounds_a, rounds_b = oa.get("rounds", []), ob.get("rounds", [])
        if rounds_a != rounds_b:
            wants = tuple(("terms", t) for t in sorted(_round_keys(ob) & new_definitions))
            changes.append(
                Change(
                    ("offers", name, "rounds"),
                    rounds_a or None,
                    rounds_b or None,
                    _rounds_words(name, rounds_a, rounds_b),
                    ("offers", k, "rounds"),
                    name,
                    "changed",
                    wants,
                )
            )
    return changes


def _order_changes(
    part: str, items_a: list[dict[str, Any]], items_b: list[dict[str, Any]], area: str
) -> list[Change]:
    """A change of order, only when taking every other change would not give b's order."""
    keys_a = [name_key(i["name"]) for i in items_a]
    keys_b = [name_key(i["name"]) for i in items_b]
    kept = [k for k in keys_a if k in set(keys_b)]
    if kept + [k for k in keys_b if k not in set(keys_a)] == keys_b:
        return []
    names_a = [i["name"] for i in items_a]
    names_b = [i["name"] for i in items_b]
    label = "terms" if part == "terms" else "offers"
    return [
        Change(
            ("order", part),
            names_a,
            names_b,
            f"Order of the {label}: {_arrow(', '.join(names_a), ', '.join(names_b))}",
            ("order", part),
            area,
        )
    ]


def _with_limits(
    changes: list[Change],
    terms_a: dict[str, Any],
    terms_b: dict[str, Any],
    offers_a: dict[str, Any],
    offers_b: dict[str, Any],
) -> list[Change]:
    """Keep the format's counts: where every old item beside every new one would be too
    many, a new item needs the removals (a rename beyond case is a removal and an
    addition); where no item is kept, a removal needs the new ones."""
    out = []
    for change in changes:
        part = change.key[0]
        if len(change.key) == 2 and part in ("terms", "offers"):
            old, new, limit = (
                (terms_a, terms_b, MAX_TERMS)
                if part == "terms"
                else (offers_a, offers_b, MAX_OFFERS)
            )
            more: tuple[Key, ...] = ()
            if change.what == "added" and len(old.keys() | new.keys()) > limit:
                more = tuple((part, k) for k in old if k not in new)
            if change.what == "removed" and not old.keys() & new.keys():
                more = tuple((part, k) for k in new if k not in old)
            if more:
                change = dataclasses.replace(change, requires=change.requires + more)
        out.append(change)
    return out


# --- taking changes --------------------------------------------------------------------


def index(changes: Sequence[Change]) -> dict[Key, Change]:
    """The changes by key, to pass to :func:`needed` when asking about many of them."""
    return {c.key: c for c in changes}


def needed(
    changes: Sequence[Change], chosen: Iterable[Key], by_key: Mapping[Key, Change] | None = None
) -> set[Key]:
    """The chosen changes with every change they need, and what those need in turn."""
    if by_key is None:
        by_key = index(changes)
    out: set[Key] = set()
    todo = [k for k in chosen if k in by_key]
    while todo:
        key = todo.pop()
        if key in out:
            continue
        out.add(key)
        todo += [k for k in by_key[key].requires if k in by_key and k not in out]
    return out


def _put(mapping: dict[str, Any], field: str, value: Any) -> None:
    if value is None:
        mapping.pop(field, None)
    else:
        mapping[field] = value


def _find(items: list[dict[str, Any]], key: str) -> int | None:
    return next((i for i, item in enumerate(items) if name_key(item["name"]) == key), None)


def apply(scenario: Scenario, changes: Sequence[Change], chosen: Iterable[Key]) -> Scenario:
    """The scenario with the chosen changes (and those they need) taken; still valid.

    ``changes`` is a :func:`diff` from this scenario; taking all of them gives the
    other side. Raises :class:`ScenarioError` only when the changes were not made
    from this scenario.
    """
    take = needed(changes, chosen)
    data = scenario_to_dict(scenario)
    terms: list[dict[str, Any]] = data["terms"]
    offers: list[dict[str, Any]] = data["offers"]
    orders: list[Change] = []
    for change in changes:
        if change.key not in take:
            continue
        part, *rest = change.key
        if part == "settings":
            _put(data, rest[0], change.after)
        elif part == "order":
            orders.append(change)
        elif len(rest) == 1:
            items = terms if part == "terms" else offers
            at = _find(items, rest[0])
            if change.after is None:
                if at is not None:
                    items.pop(at)
            elif at is None:
                items.append(dict(change.after))
            else:
                items[at] = dict(change.after)
        else:
            items = terms if part == "terms" else offers
            at = _find(items, rest[0])
            if at is None:
                raise ScenarioError("changes", f"were not made from this scenario ({change.words})")
            item = items[at]
            if part == "terms" and rest[1] == "line":
                for field in ("bottom_line", "target"):
                    _put(item, field, (change.after or {}).get(field))
            elif len(rest) == 2:
                _put(item, rest[1], change.after if change.after is not False else None)
            else:
                entries = item.setdefault(rest[1], {})
                for name in [n for n in entries if name_key(n) == rest[2]]:
                    del entries[name]
                _put(entries, change.path[3], change.after)
    for change in orders:
        items = terms if change.key[1] == "terms" else offers
        wanted = [name_key(n) for n in change.after]
        items.sort(
            key=lambda i: (
                wanted.index(name_key(i["name"])) if name_key(i["name"]) in wanted else len(wanted)
            )
        )
    _follow_term_names(terms, offers)
    try:
        return parse_scenario(data)
    except ScenarioError as error:
        raise ScenarioError("changes", f"were not made from this scenario ({error})") from None


def _follow_term_names(terms: list[dict[str, Any]], offers: list[dict[str, Any]]) -> None:
    """Entries name each term exactly as the terms now spell it (a rename may not be taken)."""
    spelled = {name_key(t["name"]): t["name"] for t in terms}
    for offer in offers:
        for part in ENTRIES:
            if part in offer:
                offer[part] = {spelled.get(name_key(k), k): v for k, v in offer[part].items()}
                if not offer[part]:
                    del offer[part]
        for answer in offer.get("rounds", []):
            answer["term"] = spelled.get(name_key(answer["term"]), answer["term"])
