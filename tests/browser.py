"""Running the app on a real server and driving it in Chromium (Playwright)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def chromium_path() -> str | None:
    """A Chromium to drive: $CHROMIUM, Debian's /usr/bin/chromium, else Playwright's own (None)."""
    for candidate in (os.environ.get("CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium")):
        if candidate and Path(candidate).exists():
            return candidate
    return None


def launch_options() -> dict[str, Any]:
    options: dict[str, Any] = {"args": CHROMIUM_ARGS, "headless": True}
    path = chromium_path()
    if path:
        options["executable_path"] = path
    return options


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def running_app(
    port: int | None = None, env: dict[str, str] | None = None, output: Path | None = None
) -> Iterator[str]:
    """Start ``streamlit run streamlit_app.py`` on loopback; yield its URL; stop it after.

    The server's output goes to ``output`` when given (to read what it logged).
    """
    with running_app_process(port, env, output) as (url, _):
        yield url


@contextmanager
def running_app_process(
    port: int | None = None,
    env: dict[str, str] | None = None,
    output: Path | None = None,
    script: str = "streamlit_app.py",
) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """Like :func:`running_app`, also yielding the server process (for its memory)."""
    port = port or free_port()
    sink = open(output, "wb") if output else subprocess.DEVNULL  # noqa: SIM115
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            script,
            "--server.headless",
            "true",
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
        ],
        cwd=ROOT,
        stdout=sink,
        stderr=subprocess.STDOUT,
        env={**os.environ, **(env or {})},
    )
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(url + "_stcore/health", timeout=2) as answer:
                    if answer.read() == b"ok":
                        break
            except OSError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                said = output.read_text(errors="replace") if output else ""
                raise RuntimeError(f"the app did not start on port {port}\n{said}")
            time.sleep(0.1)
        yield url, process
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if output:
            sink.close()  # type: ignore[union-attr]


def wait_idle(page: Any, timeout: float = 30_000) -> None:
    """Wait until the app has finished its run and is connected, as Streamlit's own tests do."""
    page.wait_for_selector(
        '[data-testid="stApp"][data-test-script-state="notRunning"]'
        '[data-test-connection-state="CONNECTED"]',
        timeout=timeout,
    )
