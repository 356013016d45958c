"""Packaged like a library: the wheel carries the catalog and the samples, and the command.

Builds a wheel from a copy of the sources (so the checkout stays clean), installs
it without dependencies into a folder of its own, then runs ``negotiation-planner``
from another directory, where the checkout cannot be imported by accident.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _pip(*args: str, cwd: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "--disable-pip-version-check", *args, "-q"],
        cwd=cwd,
        check=True,
        capture_output=True,
        timeout=120,
    )


def test_the_installed_command_plans_a_shipped_sample_from_another_directory(
    tmp_path: Path,
) -> None:
    source = tmp_path / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    shutil.copytree(
        ROOT / "planner", source / "planner", ignore=shutil.ignore_patterns("__pycache__")
    )
    _pip("wheel", "--no-deps", "-w", str(tmp_path / "dist"), str(source), cwd=tmp_path)
    (wheel,) = (tmp_path / "dist").glob("negotiation_planner-*.whl")
    site = tmp_path / "site"
    _pip("install", "--no-deps", "--target", str(site), str(wheel), cwd=tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(site)}

    where = subprocess.run(
        [sys.executable, "-c", "from planner.catalog import SAMPLES; print(SAMPLES)"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    sample = Path(where) / "sales-hire.json"
    installed = subprocess.run(
        [str(site / "bin" / "negotiation-planner"), "plan", str(sample)],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
    )
    module = subprocess.run(
        [
            sys.executable,
            "-m",
            "planner",
            "plan",
            str(ROOT / "planner/data/samples/sales-hire.json"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )

    assert Path(where).is_relative_to(site)
    assert installed.returncode == 0, installed.stderr
    assert installed.stdout.startswith("Account executive offers")
    assert installed.stdout == module.stdout


def test_the_package_declares_the_same_pinned_dependencies_as_the_requirements() -> None:
    requirements = {
        line.strip()
        for line in (ROOT / "requirements.txt").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    }
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]

    assert set(project["dependencies"]) == requirements
    assert all("==" in pin for pin in requirements)
    assert any(pin.startswith("icalendar==") for pin in requirements)
