"""The command line: ``python -m planner plan FILE --format table|json|csv``, and the
coaching commands ``script``, ``packages`` and ``callsheet`` for one offer, and
``market``: what the market pays for a job (BLS OEWS May 2025).

Bad input of any kind ends with exit status 2 and exactly one line on standard
error that names the place and the problem; nothing is written to standard
output then, and there is never a traceback.
"""

from __future__ import annotations

import argparse
import datetime
import json
import re
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, NoReturn, TextIO, TypeVar

from planner.errors import ScenarioError
from planner.models import Scenario
from planner.scenario_file import MAX_BYTES, read_scenario_bytes

if TYPE_CHECKING:
    from planner.models import OfferPlan
    from planner.packages import Package

DEFAULT_BASE_URL = "http://localhost:8501/"

EXIT_BAD_INPUT = 2


class UsageError(Exception):
    """The command's words are off (an unknown option, a missing file name)."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{self.prog}: {message} (see --help)")


def _read_input(name: str, stdin: TextIO) -> Scenario:
    """Read and validate the scenario named on the command line (``-`` is standard input)."""
    where = "standard input" if name == "-" else name
    try:
        if name == "-":
            data = stdin.buffer.read(MAX_BYTES + 1)
        else:
            with open(name, "rb") as handle:
                data = handle.read(MAX_BYTES + 1)
    except OSError as error:
        raise ScenarioError(where, f"cannot be read ({error.strerror or error})") from None
    try:
        return read_scenario_bytes(data)
    except ScenarioError as error:
        if not error.path:
            raise ScenarioError(where, error.problem) from None
        raise


def _today(args: argparse.Namespace) -> datetime.date | None:
    """The day ``--today`` names (so that days left can be reproduced), else ``None``."""
    text = getattr(args, "today", None)
    if text is None:
        return None
    if _ISO_DAY.fullmatch(text):
        try:
            return datetime.date.fromisoformat(text)
        except ValueError:
            pass
    raise ScenarioError("--today", f"must be a date written YYYY-MM-DD, got {text!r}")


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _plan_output(scenario: Scenario, form: str, today: datetime.date | None = None) -> str:
    from planner.rules import make_plan

    plan = make_plan(scenario, today=today)
    if form == "json":
        return (
            json.dumps(plan.model_dump(mode="json"), ensure_ascii=False, indent=2, allow_nan=False)
            + "\n"
        )
    if form == "csv":
        from planner.compare import csv_table
        from planner.export import csv_bytes

        table = csv_table(scenario, plan)
        return csv_bytes(table, lineterminator="\n").decode("utf-8-sig")
    from planner.terminal import plan_table

    return plan_table(scenario, plan)


def _plan(args: argparse.Namespace, stdin: TextIO) -> str:
    today = _today(args)
    return _plan_output(_read_input(args.file, stdin), args.format, today)


def _link(args: argparse.Namespace, stdin: TextIO) -> str:
    from planner.share import make_link

    return make_link(_read_input(args.file, stdin), args.base_url) + "\n"


def _unlink(args: argparse.Namespace, stdin: TextIO) -> str:
    from planner.scenario_file import write_scenario
    from planner.share import read_link

    try:
        text = stdin.read(MAX_BYTES + 1) if args.link == "-" else args.link
    except UnicodeDecodeError:
        raise ScenarioError("standard input", "is not UTF-8 text") from None
    return write_scenario(read_link(text))


def _offer_error(error: ScenarioError) -> ScenarioError:
    """An error about the offer named on the command line names the option, ``--offer``."""
    return ScenarioError("--offer", error.problem) if error.path == "offer" else error


T = TypeVar("T")

_ANYWAY_HINT = "--anyway drafts {what} for the terms the company can move."


def _coached(
    args: argparse.Namespace, stdin: TextIO, make: Callable[..., T]
) -> tuple[Scenario, OfferPlan, T]:
    """Read the scenario, plan it once and coach the ``--offer`` it names from that plan
    (an unknown offer, or your current job, names the option)."""
    from planner.lookup import find_offer
    from planner.rules import make_plan

    scenario = _read_input(args.file, stdin)
    try:
        plan = find_offer(make_plan(scenario).offers, args.offer, negotiated=True)
        return scenario, plan, make(scenario, plan, anyway=args.anyway)
    except ScenarioError as error:
        raise _offer_error(error) from None


def _script(args: argparse.Namespace, stdin: TextIO) -> str:
    from planner.coach import counter_script, script_text

    _, _, script = _coached(args, stdin, counter_script)
    return script_text(script, hint=_ANYWAY_HINT.format(what="one"))


def _packages(args: argparse.Namespace, stdin: TextIO) -> str:
    from planner.packages import packages

    scenario, plan, found = _coached(args, stdin, packages)
    if args.format == "json":
        data = {"packages": [package.model_dump(mode="json") for package in found]}
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return _packages_table(scenario, plan, found, args.anyway)


def _packages_table(scenario: Scenario, plan: OfferPlan, found: list[Package], anyway: bool) -> str:
    from planner import formatting as fmt
    from planner.catalog import load_catalog
    from planner.coach import fails_words
    from planner.packages import TOLERANCE, traded_terms

    if not found:
        if plan.verdict == "walk_away" and not anyway:
            hint = _ANYWAY_HINT.format(what="them")
            return f"{fails_words(plan)} No packages are drafted for it: {hint}\n"
        traded = traded_terms(scenario, plan)
        if len(traded) < 2:
            has = ", ".join(traded) if traded else "none"
            return (
                f"No equal-value packages for {plan.name}: packages need at least two terms "
                f"to ask for that the company can move, and this offer has {len(traded)} "
                f"({has}). Use the counter script instead.\n"
            )
        return (
            f"No equal-value packages for {plan.name}: no two that trade off against each "
            f"other came out within {TOLERANCE:.0%} of each other in value to you. Use the "
            "counter script instead.\n"
        )
    rule = load_catalog().rule("meso")
    lines = [
        f"Packages for {plan.name}: about equal in value to you; put them on the table "
        "together and let the company choose.",
        f'Rule of thumb: "{rule.rule}" ({rule.source})',
    ]
    if plan.verdict == "walk_away":
        lines.append(f"Warning: {fails_words(plan)}")
    for package in found:
        idea = package.idea[:1].lower() + package.idea[1:]
        lines += ["", f"{package.name}: {idea}; value to you {package.value_to_you:g} points"]
        for term_name, value in package.values.items():
            term = scenario.term(term_name)
            lines.append(f"  {term_name}: {fmt.value(value, term, scenario.currency)}")
        money = []
        if package.money_per_year:
            money.append(f"{fmt.money(package.money_per_year, scenario.currency)} more a year")
        if package.money_once:
            money.append(f"{fmt.money(package.money_once, scenario.currency)} more once")
        if money:
            lines.append("  Money: " + ", ".join(money))
    return "\n".join(lines) + "\n"


def _callsheet(args: argparse.Namespace, stdin: TextIO) -> str:
    from planner.coach import call_sheet, call_sheet_text

    _, _, sheet = _coached(args, stdin, call_sheet)
    text = call_sheet_text(sheet)
    if sheet.warning and not sheet.items:
        text += _ANYWAY_HINT.format(what="one") + "\n"
    return text


def _market(args: argparse.Namespace, stdin: TextIO) -> str:
    from planner.market import listing_table, lookup

    try:
        listing = lookup(args.query, args.area, args.limit)
    except ScenarioError as error:
        if error.path in {"area", "limit"}:  # name the option the user typed
            raise ScenarioError(f"--{error.path}", error.problem) from None
        raise
    if args.format == "json":
        return json.dumps(listing.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"
    return listing_table(listing)


def _offer_command(
    commands: argparse._SubParsersAction[_Parser],
    name: str,
    summary: str,
    description: str,
) -> argparse.ArgumentParser:
    command = commands.add_parser(name, help=summary, description=description)
    command.add_argument(
        "file", metavar="FILE", help="scenario file (JSON); - reads standard input"
    )
    command.add_argument(
        "--offer", required=True, metavar="NAME", help="the offer's name (case does not matter)"
    )
    command.add_argument(
        "--anyway",
        action="store_true",
        help="draft it even for an offer that fails your bottom line",
    )
    return command


def _today_option(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--today",
        metavar="YYYY-MM-DD",
        help="count the days left to each deadline from this date (default: the local date)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="python -m planner",
        description="Plan a job-offer negotiation from a scenario file (JSON).",
    )
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    plan = commands.add_parser(
        "plan",
        help="what to push, drop and must win, per offer",
        description="Print the plan for every offer of a scenario file.",
    )
    plan.add_argument("file", metavar="FILE", help="scenario file (JSON); - reads standard input")
    plan.add_argument(
        "--format",
        choices=["table", "json", "csv"],
        default="table",
        help="table: readable plan; json: the plan result; csv: the comparison table",
    )
    _today_option(plan)
    plan.set_defaults(run=_plan)

    link = commands.add_parser(
        "link",
        help="a share link that carries the whole scenario",
        description="Print a link that opens this scenario's plan in the app. The scenario is "
        "inside the link (compressed): anyone with the link can read it; no server keeps it.",
    )
    link.add_argument("file", metavar="FILE", help="scenario file (JSON); - reads standard input")
    link.add_argument(
        "--base-url",
        default=DEFAULT_BASE_URL,
        help=f"the app's address (default {DEFAULT_BASE_URL})",
    )
    link.set_defaults(run=_link)

    unlink = commands.add_parser(
        "unlink",
        help="the scenario a share link carries, as a scenario file",
        description="Print the scenario JSON that a share link carries.",
    )
    unlink.add_argument(
        "link", metavar="LINK", help="the link (or its plan= part); - reads standard input"
    )
    unlink.set_defaults(run=_unlink)

    script = _offer_command(
        commands,
        "script",
        "a counter-offer email and talking points for one offer",
        "Print a counter-offer for one offer: an email, then talking points for a call. It asks "
        "for exactly the plan's asks, all at once, and never says your bottom line.",
    )
    script.set_defaults(run=_script)

    packs = _offer_command(
        commands,
        "packages",
        "two or three packages of equal value to you (MESO)",
        "Print two or three alternative packages of about equal value to you, moving only "
        "terms the company can move, to put on the table together.",
    )
    packs.add_argument(
        "--format",
        choices=["table", "json"],
        default="table",
        help='table: readable; json: {"packages": [{"name": ..., "values": {...}, ...}]}',
    )
    packs.set_defaults(run=_packages)

    sheet = _offer_command(
        commands,
        "callsheet",
        "the answers to expect on the call and your response to each",
        "Print a call sheet for one offer: for each ask, the company's likely answers and the "
        "response the plan implies.",
    )
    sheet.set_defaults(run=_callsheet)

    market = commands.add_parser(
        "market",
        help="what the market pays for a job (BLS OEWS May 2025)",
        description="List the occupations matching a job title, with the 10th to 90th "
        "percentile of annual and hourly wages in an area, from the U.S. Bureau of Labor "
        "Statistics (OEWS, May 2025). BLS wages are base pay plus commissions and production "
        "bonuses; they exclude benefits and non-production bonuses.",
    )
    market.add_argument(
        "query", metavar="QUERY", help='words of a job title, e.g. "registered nurse"'
    )
    market.add_argument(
        "--area",
        default="United States",
        metavar="NAME",
        help='a state ("Texas", "TX"), a metro area ("Seattle") or "US" (default: the nation)',
    )
    market.add_argument(
        "--format",
        choices=["table", "json"],
        default="table",
        help="table: readable; json: the occupations with their percentiles and BLS footnotes",
    )
    market.add_argument(
        "--limit", type=int, default=5, metavar="N", help="list at most N occupations (default 5)"
    )
    market.set_defaults(run=_market)
    return parser


def main(
    argv: Sequence[str] | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
    stdin: TextIO | None = None,
) -> int:
    """Run the command line; returns the exit status."""
    out = stdout or sys.stdout
    err = stderr or sys.stderr
    try:
        args = build_parser().parse_args(argv)
        run: Callable[[argparse.Namespace, TextIO], str] = args.run
        text = run(args, stdin or sys.stdin)
    except (ScenarioError, UsageError) as error:
        _write(err, _one_line(str(error)) + "\n")
        return EXIT_BAD_INPUT
    except RecursionError:
        _write(err, "the input is nested too deeply to be read\n")
        return EXIT_BAD_INPUT
    except MemoryError:
        _write(err, "the input is too large to be read\n")
        return EXIT_BAD_INPUT
    is_json = args.command == "unlink" or getattr(args, "format", None) == "json"
    try:
        _write(out, text, json=is_json)
        out.flush()
    except BrokenPipeError:
        return 0
    return 0


def _write(stream: TextIO, text: str, *, json: bool = False) -> None:
    """The output boundary: every byte the command line shows passes here.

    Control characters from names and notes are shown escaped (see
    :func:`planner.terminal.terminal_safe`); a stream that cannot take some
    character (an ASCII-only terminal) gets it as a ``\\u`` escape, never a crash.
    """
    from planner.terminal import terminal_safe

    safe = terminal_safe(text, json=json)
    try:
        stream.write(safe)
    except UnicodeEncodeError:
        encoding = getattr(stream, "encoding", None) or "ascii"
        stream.write(safe.encode(encoding, "backslashreplace").decode(encoding, "replace"))


def _one_line(message: str) -> str:
    """The error as one line: a line break from the user's text shows as ``\\n``."""
    from planner.terminal import terminal_safe

    return terminal_safe(message).replace("\n", "\\n")
