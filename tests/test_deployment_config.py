"""What .streamlit/config.toml makes the server do on its own, with no flags given."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import tomllib
import urllib.request
from pathlib import Path

from devtools.browser import free_port

ROOT = Path(__file__).resolve().parent.parent


def non_loopback_address() -> str | None:
    """This machine's address on its default route (no packet is sent), if it has one."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))  # TEST-NET-1: a route lookup only
        except OSError:
            return None
        address = str(probe.getsockname()[0])
    return None if address.startswith("127.") else address


def test_the_config_sets_loopback_a_short_session_ttl_and_no_agent_api() -> None:
    server = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())["server"]

    assert server["address"] == "127.0.0.1"
    assert server["disconnectedSessionTTL"] <= 60
    assert server["enableAgentApi"] is False
    assert server["enableStaticServing"] is False


def test_the_app_listens_on_loopback_only_and_looks_up_no_external_address(
    tmp_path: Path,
) -> None:
    port = free_port()
    log = tmp_path / "server.log"
    with open(log, "wb") as sink:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "streamlit",
                "run",
                "streamlit_app.py",
                "--server.headless",
                "true",
                "--server.port",
                str(port),
            ],
            cwd=ROOT,
            stdout=sink,
            stderr=subprocess.STDOUT,
        )
        try:
            deadline = time.monotonic() + 60
            while b"URL:" not in log.read_bytes():
                assert process.poll() is None, log.read_text()
                assert time.monotonic() < deadline, log.read_text()
                time.sleep(0.1)
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health") as answer:
                assert answer.read() == b"ok"
            other = non_loopback_address()
            if other:
                with socket.socket() as attempt:
                    attempt.settimeout(2)
                    assert attempt.connect_ex((other, port)) != 0
        finally:
            process.terminate()
            process.wait(timeout=15)

    said = log.read_text()
    assert f"URL: http://127.0.0.1:{port}" in said
    assert "External URL" not in said  # printed only after looking the address up
    assert "Network URL" not in said
    assert "Did not auto detect external IP" not in said
