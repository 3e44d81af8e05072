"""`lpo-bot serve` as a real process: it answers /healthz and stops cleanly on SIGTERM/SIGINT."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from bot.app.cli import main

DEADLINE_SECONDS = 60


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_for_health(port: int, process: subprocess.Popen[bytes]) -> int:
    deadline = time.monotonic() + DEADLINE_SECONDS
    while time.monotonic() < deadline:
        assert process.poll() is None, process.stderr.read() if process.stderr else ""
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as reply:
                return reply.status
        except OSError:
            time.sleep(0.05)  # polling a starting process, not waiting on our own code
    raise AssertionError("the server did not answer /healthz in time")


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT])
def test_serve_answers_and_shuts_down_cleanly(database_url: str, tmp_path: Path,
                                              stop: signal.Signals) -> None:
    port = _free_port()
    env = {**os.environ, "LPO_DATABASE_URL": database_url}
    assert subprocess.run([sys.executable, "-m", "bot", "init"], env=env, cwd=tmp_path,
                          check=False).returncode == 0
    process = subprocess.Popen([sys.executable, "-m", "bot", "serve", "--port", str(port)],
                               env=env, cwd=tmp_path, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE)
    try:
        assert _wait_for_health(port, process) == 200
        process.send_signal(stop)
        assert process.wait(timeout=DEADLINE_SECONDS) == 0
    finally:
        if process.poll() is None:
            process.kill()
    errors = process.stderr.read().decode() if process.stderr else ""
    assert "Traceback" not in errors, errors


def test_bad_task_catalogue_stops_start_up_with_one_line(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    catalogue = tmp_path / "firm.toml"
    catalogue.write_text('[[task_type]]\nid = "x"\nname = "X"\nest_hours = 1\n'
                         'utbms_task = "L100"\nutbms_activity = "A101"\n'
                         'skills = { juggling = 2 }\n')
    monkeypatch.setenv("LPO_TAXONOMY", str(catalogue))
    monkeypatch.setenv("LPO_DATABASE_URL", f"sqlite:///{tmp_path / 'x.db'}")
    assert main(["parse", "draft a demand letter"]) == 2
    error = capsys.readouterr().err
    assert "configuration error: LPO_TAXONOMY" in error and "juggling" in error
    assert "Traceback" not in error
