"""`lpo-bot export` and `lpo-bot dashboard revoke --all` through `main()`."""

from __future__ import annotations

import asyncio
import csv
import io
from pathlib import Path

import pytest

from bot.app.bootstrap import bootstrap
from bot.app.cli import main
from bot.replies import Actor
from storage.db import Database
from tests.dashboard_support import MIRIAM, seeded_firm
from tests.support import settings_for


@pytest.fixture
def seeded_cli(database_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    async def seed() -> None:
        async with seeded_firm(database_url, tasks=150):
            pass

    asyncio.run(seed())
    monkeypatch.setenv("LPO_DATABASE_URL", database_url)
    return database_url


def test_export_writes_the_csv_to_stdout_or_a_file(seeded_cli: str, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--from", "2026-12-01", "--to", "2027-03-02"]) == 0
    printed = capsys.readouterr().out
    rows = list(csv.DictReader(io.StringIO(printed)))
    assert rows and all(row["UTBMS task code"] for row in rows)
    out = tmp_path / "done.csv"
    assert main(["export", "--from", "2026-12-01", "--to", "2027-03-02", "--out", str(out)]) == 0
    assert out.read_bytes().decode() == printed
    assert f"Wrote {len(rows)} completed tasks" in capsys.readouterr().err


@pytest.mark.parametrize(("argv", "problem"), [
    (["--from", "March", "--to", "2027-03-02"], "YYYY-MM-DD"),
    (["--from", "2027-03-02", "--to", "2027-03-01"], "is before"),
    (["--from", "2027-03-01", "--to", "2027-03-02", "--out", "."], "is a folder"),
])
def test_export_refuses_bad_input_in_one_line(seeded_cli: str, argv: list[str], problem: str,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", *argv]) == 2
    err = capsys.readouterr().err
    assert problem in err and "Traceback" not in err


def test_revoke_all_ends_sessions(seeded_cli: str, capsys: pytest.CaptureFixture[str]) -> None:
    async def sign_in() -> str | None:
        database = Database(seeded_cli)
        try:
            dashboard = bootstrap(settings_for(seeded_cli), database=database).application.dashboard
            reply = await dashboard.link_for(Actor(email=MIRIAM))
            token = next(f.value for f in reply.message.facts).split("token=")[1]
            grant = await dashboard.sign_in(token)
            return grant.secret if grant else None
        finally:
            await database.dispose()

    secret = asyncio.run(sign_in())
    assert secret is not None
    assert main(["dashboard", "revoke", "--all"]) == 0
    assert "Ended 1 dashboard sessions" in capsys.readouterr().out
    assert main(["dashboard", "revoke"]) == 2
