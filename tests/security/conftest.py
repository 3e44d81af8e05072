"""Fixtures for the hostile-input tests: a migrated SQLite firm database and a clean log."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest


@pytest.fixture
def sqlite_url(tmp_path: Path, sqlite_template: Path) -> str:
    """One backend is enough here: these requests are refused before anything is written."""
    path = tmp_path / "lpo.db"
    shutil.copy(sqlite_template, path)
    return f"sqlite:///{path}"


@pytest.fixture
def server_log(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    """Everything logged anywhere, DEBUG included (the root logger's capture)."""
    caplog.set_level(logging.DEBUG)
    return caplog
