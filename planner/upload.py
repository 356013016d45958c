"""Opening a file the user picked: what it is, in plain words, when it is not a scenario.

A person who picks the wrong file (a PDF of the offer letter, a spreadsheet, a
photo) should read what they picked and what to pick instead, not a parser's
message: "this is a PDF; open a scenario file saved from this planner (.json)".
"""

from __future__ import annotations

import json

from planner.errors import ScenarioError, show
from planner.models import FORMAT, Scenario
from planner.scenario_file import MAX_BYTES, read_scenario_bytes

WHAT_TO_OPEN = "open a scenario file saved from this planner (.json)"

_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF"),
    (b"PK\x03\x04", "a ZIP archive or an Office document (.docx, .xlsx)"),
    (b"\xd0\xcf\x11\xe0", "an older Office document (.doc, .xls)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"{\\rtf", "a rich-text document (.rtf)"),
    (b"\x1f\x8b", "a compressed (gzip) file"),
)


def what_it_is(data: bytes) -> str | None:
    """A kind of file recognised by its first bytes (``"a PDF"``), or ``None``."""
    for signature, kind in _SIGNATURES:
        if data.startswith(signature):
            return kind
    if data[4:8] == b"ftyp":
        return "a photo or video (HEIC, MP4)"
    return None


def read_upload(name: str, data: bytes) -> Scenario:
    """The scenario in an uploaded file, or :class:`ScenarioError` saying what the file is."""
    if not data:
        raise ScenarioError("", f"this file is empty; {WHAT_TO_OPEN}")
    if len(data) > MAX_BYTES:
        raise ScenarioError(
            "",
            f"this file is too large to be a scenario ({len(data):,} bytes; "
            f"a scenario is at most {MAX_BYTES:,}); {WHAT_TO_OPEN}",
        )
    kind = what_it_is(data)
    if kind is not None:
        raise ScenarioError("", f"this is {kind}; {WHAT_TO_OPEN}")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ScenarioError("", f"this is not a text file; {WHAT_TO_OPEN}") from None
    try:
        parsed = json.loads(text)
    except (ValueError, RecursionError):
        suffix = name.rsplit(".", 1)[-1].lower() if "." in name else ""
        what = "a CSV table" if suffix == "csv" else "text that is not JSON"
        raise ScenarioError("", f"this is {what}, not a scenario; {WHAT_TO_OPEN}") from None
    if not isinstance(parsed, dict):
        raise ScenarioError(
            "", f"this file is not a scenario: it is not a JSON object; {WHAT_TO_OPEN}"
        )
    if "format" not in parsed:
        raise ScenarioError(
            "", f'this file is not a scenario: it has no "format" field; {WHAT_TO_OPEN}'
        )
    if parsed["format"] != FORMAT:
        raise ScenarioError(
            "",
            f'this file is not a scenario of this planner: its "format" is '
            f"{show(parsed['format'], 40)}, where a scenario has {show(FORMAT)}; {WHAT_TO_OPEN}",
        )
    try:
        return read_scenario_bytes(data)
    except ScenarioError as error:
        where = f" at {error.path}" if error.path else ""
        raise ScenarioError(
            "",
            f"this scenario file has a problem{where}: {error.problem}. "
            "Fix it in a text editor, or open the file it was saved from",
        ) from None
