"""Reading and writing scenario files (JSON, UTF-8), with one clear error per problem."""

from __future__ import annotations

import difflib
import json
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from planner.errors import ScenarioError, path_of, show
from planner.models import Offer, Round, Scenario, Term

MAX_BYTES = 5_000_000
"""Largest scenario file read. The largest scenario the format allows (20 offers,
100 terms, a 500-character note on every term of every offer) is about 1.3 MB."""


def _fields_at(loc: tuple[int | str, ...]) -> list[str]:
    """The fields of the object at this place: a hint suggests a field of that object."""
    named = [part for part in loc[:-1] if isinstance(part, str)]
    model: type[Scenario | Term | Offer | Round] = Scenario
    if "rounds" in named:
        model = Round
    elif "offers" in named:
        model = Offer
    elif "terms" in named:
        model = Term
    return sorted(model.model_fields)


def read_scenario(text: str) -> Scenario:
    """Read a scenario from JSON text, or raise :class:`ScenarioError` naming the problem."""
    if not isinstance(text, str):
        raise ScenarioError("", f"a scenario is JSON text, got {type(text).__name__}")
    if len(text) > MAX_BYTES:
        raise ScenarioError(
            "", f"the scenario is too large ({len(text):,} characters; at most {MAX_BYTES:,})"
        )
    return parse_scenario(_load_json(text))


def read_scenario_bytes(data: bytes) -> Scenario:
    """Read a scenario file's bytes: UTF-8 (a byte-order mark is allowed), size-limited."""
    if len(data) > MAX_BYTES:
        raise ScenarioError(
            "", f"the file is too large ({len(data):,} bytes; a scenario is at most {MAX_BYTES:,})"
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ScenarioError(
            "", f"the file is not UTF-8 text (byte {error.start + 1} cannot be read)"
        ) from None
    return read_scenario(text)


def parse_scenario(data: Any) -> Scenario:
    """Validate already-parsed JSON data as a scenario."""
    if not isinstance(data, dict):
        raise ScenarioError("", f"a scenario must be a JSON object {{...}}, got {show(data, 30)}")
    _refuse_unencodable(data)
    try:
        return Scenario.model_validate(data)
    except ValidationError as error:
        raise _first_problem(error) from None
    except RecursionError:
        raise ScenarioError("", "the scenario is nested too deeply") from None


def unencodable(text: str) -> str | None:
    """Why this text cannot be written as UTF-8 (a lone surrogate), or ``None`` when it can.

    JSON can spell half of a UTF-16 pair (``"\\ud800"``) on its own; Python reads it
    as a character no file, page or terminal can take.
    """
    if text.isascii():
        return None
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        return f"a lone surrogate at character {error.start + 1}"
    return None


def _refuse_unencodable(data: Any) -> None:
    """Refuse the first text (a value or a key), in the file's order, that cannot be encoded."""
    # (place, item, whether the item is a key of the object at that place)
    stack: list[tuple[tuple[int | str, ...], Any, bool]] = [((), data, False)]
    while stack:
        loc, item, is_key = stack.pop()
        if isinstance(item, str):
            why = unencodable(item)
            if why and is_key:
                raise ScenarioError(
                    path_of(loc) or "the scenario",
                    f"has a key that contains text that cannot be encoded ({why})",
                )
            if why:
                raise ScenarioError(path_of(loc), f"contains text that cannot be encoded ({why})")
        elif isinstance(item, dict):
            children: list[tuple[tuple[int | str, ...], Any, bool]] = []
            for key, value in item.items():
                children += [(loc, key, True), ((*loc, key), value, False)]
            stack.extend(reversed(children))
        elif isinstance(item, list):
            stack.extend(reversed([((*loc, n), value, False) for n, value in enumerate(item)]))


def scenario_to_dict(scenario: Scenario) -> dict[str, Any]:
    """The scenario as plain JSON data, without fields left at their empty defaults."""
    data = scenario.model_dump(mode="json", exclude_defaults=True)
    head = {
        "format": scenario.format,
        "title": scenario.title,
        "currency": scenario.currency,
        "max_asks": scenario.max_asks,
    }
    if not scenario.title:
        del head["title"]
    return {**head, **data}


def write_scenario(scenario: Scenario) -> str:
    """The scenario as a JSON file's text; :func:`read_scenario` reads it back equal."""
    return json.dumps(scenario_to_dict(scenario), ensure_ascii=False, indent=2) + "\n"


def _reject_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise ScenarioError("", f"the key {show(key)} appears twice in one object")
        out[key] = value
    return out


def _load_json(text: str) -> Any:
    if not text.strip():
        raise ScenarioError("", "the scenario is empty")
    try:
        return json.loads(text, object_pairs_hook=_reject_duplicates)
    except json.JSONDecodeError as error:
        raise ScenarioError(
            "", f"not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}"
        ) from None
    except ValueError:
        # Python refuses to read integers of more than 4,300 digits (a guard
        # against slow conversions); no scenario has one.
        raise ScenarioError("", "a number in it has too many digits to be read") from None
    except RecursionError:
        raise ScenarioError("", "the JSON is nested too deeply to be a scenario") from None


def _first_problem(error: ValidationError) -> ScenarioError:
    details = error.errors(include_url=False)
    first = details[0]
    return ScenarioError(path_of(tuple(first["loc"])), _plain_words(first))


def _plain_words(error: ErrorDetails) -> str:
    kind = error["type"]
    given = error.get("input")
    ctx: dict[str, Any] = dict(error.get("ctx") or {})
    got = f", got {show(given)}"
    if kind == "missing":
        return "is required"
    if kind == "extra_forbidden":
        name = str(error["loc"][-1])
        close = difflib.get_close_matches(name, _fields_at(tuple(error["loc"])), n=1, cutoff=0.6)
        hint = f" (did you mean {show(close[0])}?)" if close else ""
        return f"is not a field of the scenario format{hint}"
    if kind == "literal_error":
        return f"must be {ctx.get('expected', 'one of the allowed values')}{got}"
    if kind in ("string_type", "str_type"):
        return f"must be text{got}"
    if kind == "string_too_short":
        return "must not be empty"
    if kind == "string_too_long":
        length = len(given) if isinstance(given, str) else "more"
        return f"must be at most {ctx.get('max_length')} characters, got {length}"
    if kind in ("too_short", "too_long") and isinstance(given, str):
        if kind == "too_short":
            return "must not be empty"
        return f"must be at most {ctx.get('max_length')} characters, got {len(given)}"
    if kind == "too_short":
        return f"must have at least {_items(ctx.get('min_length'))}, got {ctx.get('actual_length')}"
    if kind == "too_long":
        return f"must have at most {_items(ctx.get('max_length'))}, got {ctx.get('actual_length')}"
    if kind == "list_type":
        return f"must be a list [...]{got}"
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return f"must be an object {{...}}{got}"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"must be a whole number{got}"
    if kind in ("bool_type", "bool_parsing"):
        return f"must be true or false{got}"
    if kind == "greater_than_equal":
        return f"must be at least {ctx.get('ge')}{got}"
    if kind == "less_than_equal":
        return f"must be at most {ctx.get('le')}{got}"
    if kind == "greater_than":
        return f"must be above {ctx.get('gt')}{got}"
    if kind == "less_than":
        return f"must be below {ctx.get('lt')}{got}"
    if kind == "value_error":
        return str(error["msg"]).removeprefix("Value error, ")
    return str(error["msg"])


def _items(count: Any) -> str:
    return f"{count} item" if count == 1 else f"{count} items"
