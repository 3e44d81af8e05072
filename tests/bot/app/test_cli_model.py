"""`lpo-bot model train|status [--json]` run in-process, as an operator would run them."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.app.cli import main
from storage.db import Database
from storage.examples import add_example


@pytest.fixture
def lpo(database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> Callable[..., tuple[int, str]]:
    """`lpo-bot ARGS...` against an initialised test database: (exit code, stdout)."""
    monkeypatch.setenv("LPO_DATABASE_URL", database_url)
    monkeypatch.chdir(tmp_path)  # no .env from the working tree

    def run(*args: str) -> tuple[int, str]:
        capsys.readouterr()
        code = main(list(args))
        return code, capsys.readouterr().out

    return run


async def _store_examples(database_url: str, *examples: tuple[str, str, str]) -> None:
    database = Database(database_url)
    try:
        async with database.transaction() as session:
            for text, task_type, source in examples:
                await add_example(session, text=text, task_type=task_type, source=source,
                                  at=datetime(2027, 3, 2, 15, tzinfo=UTC))
    finally:
        await database.dispose()


def test_model_train_learns_the_firms_examples_and_status_keeps_the_figures(
        lpo: Callable[..., tuple[int, str]], database_url: str) -> None:
    code, out = lpo("model", "status", "--json")
    before = json.loads(out)
    assert code == 0 and before["trained_at"] is None and before["cv_accuracy"] is None
    assert "confirm" not in before["by_source"]

    asyncio.run(_store_examples(
        database_url, ("pull the ledger for client", "document_collection", "confirm"),
        ("pull the ledger for client and xperson", "document_collection", "confirm"),
        ("draft the letter to client", "demand_letter", "correct")))
    code, out = lpo("model", "train", "--json")
    report = json.loads(out)
    assert code == 0 and set(report) == {"examples", "trained_at", "cv_accuracy", "by_source"}
    assert report["examples"] == sum(report["by_source"].values())
    assert {"catalogue", "hudson", "peachtree"} <= set(report["by_source"])
    assert report["by_source"]["confirm"] == 2 and report["by_source"]["correct"] == 1
    assert 0.9 <= report["cv_accuracy"] <= 1.0

    code, out = lpo("model", "status", "--json")
    assert code == 0 and json.loads(out) == report  # persisted: no training to show it

    code, out = lpo("model", "status")
    assert code == 0 and f"trained {report['trained_at']}" in out
    assert "confirm" in out and "Cross-validated:" in out


def test_a_firms_own_catalogue_gets_its_own_model(
        lpo: Callable[..., tuple[int, str]], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    catalogue = tmp_path / "firm.toml"
    catalogue.write_text("""
[[task_type]]
id = "lease_review"
est_hours = 1
phrases = ["review ... lease", "lease review"]

[[task_type]]
id = "eviction_notice"
est_hours = 1
phrases = ["eviction notice", "notice to quit"]
""", encoding="utf-8")
    monkeypatch.setenv("LPO_TAXONOMY", str(catalogue))
    code, out = lpo("model", "train", "--json")
    report = json.loads(out)
    assert code == 0
    assert report["by_source"]["catalogue"] == 4  # four phrases; the names repeat two of them
    assert report["examples"] == sum(report["by_source"].values())


def test_a_broken_catalogue_is_a_configuration_error(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    catalogue = tmp_path / "firm.toml"
    catalogue.write_text("[[task_type]]\nid = 'x'\n", encoding="utf-8")
    monkeypatch.setenv("LPO_TAXONOMY", str(catalogue))
    assert main(["model", "status"]) == 2
    assert "est_hours" in capsys.readouterr().err


def test_model_commands_need_an_initialised_database(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("LPO_DATABASE_URL", f"sqlite:///{tmp_path / 'none.db'}")
    assert main(["model", "status"]) == 2
    assert "lpo-bot init" in capsys.readouterr().err


def test_parse_prints_what_it_would_ask_and_the_candidates(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)  # no .env from the working tree; no database is needed
    assert main(["parse", "please draft the answer to the complaint by Friday",
                 "--now", "2027-01-04T09:00:00-05:00"]) == 0
    agreed = json.loads(capsys.readouterr().out)
    assert agreed["task_type"] == "answer_complaint" and agreed["unsure"] == []
    assert agreed["candidates"][0] == "answer_complaint" and len(agreed["candidates"]) <= 3

    assert main(["parse", "look into the Kwan thing"]) == 0
    unclear = json.loads(capsys.readouterr().out)
    assert unclear["task_type"] is None and unclear["unsure"] == ["task_type"]
    assert 1 <= len(unclear["candidates"]) <= 3

    assert main(["parse", "thanks all for a great quarter"]) == 0
    nothing = json.loads(capsys.readouterr().out)  # delegates nothing: no type, no question
    assert nothing["task_type"] is None and nothing["unsure"] == []
    assert 1 <= len(nothing["candidates"]) <= 3
