"""The command line: ``python -m planner plan FILE --format table|json|csv``.

Bad input of any kind ends with exit status 2 and exactly one line on standard
error that names the place and the problem; nothing is written to standard
output then, and there is never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from typing import NoReturn, TextIO

from planner.errors import ScenarioError
from planner.models import Scenario
from planner.scenario_file import MAX_BYTES, read_scenario_bytes

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


def _plan_output(scenario: Scenario, form: str) -> str:
    from planner.rules import make_plan

    plan = make_plan(scenario)
    if form == "json":
        return json.dumps(plan.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"
    if form == "csv":
        from planner.compare import comparison_table
        from planner.export import csv_bytes

        return csv_bytes(comparison_table(scenario, plan)).decode("utf-8-sig")
    from planner.terminal import plan_table

    return plan_table(scenario, plan)


def _plan(args: argparse.Namespace, stdin: TextIO) -> str:
    return _plan_output(_read_input(args.file, stdin), args.format)


def _link(args: argparse.Namespace, stdin: TextIO) -> str:
    from planner.share import make_link

    return make_link(_read_input(args.file, stdin), args.base_url) + "\n"


def _unlink(args: argparse.Namespace, stdin: TextIO) -> str:
    from planner.scenario_file import write_scenario
    from planner.share import read_link

    text = stdin.read(MAX_BYTES + 1) if args.link == "-" else args.link
    return write_scenario(read_link(text))


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
        err.write(_one_line(str(error)) + "\n")
        return EXIT_BAD_INPUT
    except RecursionError:
        err.write("the input is nested too deeply to be read\n")
        return EXIT_BAD_INPUT
    except MemoryError:
        err.write("the input is too large to be read\n")
        return EXIT_BAD_INPUT
    try:
        out.write(text)
        out.flush()
    except BrokenPipeError:
        return 0
    return 0


def _one_line(message: str) -> str:
    return " ".join(message.split()) if "\n" in message or "\r" in message else message
