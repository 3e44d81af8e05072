"""`lpo-bot model train|status [--json]` run in-process, as an operator would run them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.app.cli import main


@pytest.fixture(autouse=True)
def _no_stray_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # no .env from the working tree; no database is needed


def test_model_train_json_reports_the_design_fields(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["model", "train", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert set(report) == {"examples", "trained_at", "cv_accuracy", "by_source"}
    assert report["examples"] == sum(report["by_source"].values())
    assert {"catalogue", "hudson", "peachtree"} <= set(report["by_source"])
    assert 0.9 <= report["cv_accuracy"] <= 1.0


def test_model_status_reads_plainly(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["model", "status"]) == 0
    out = capsys.readouterr().out
    assert "as the bot trains it at start-up" in out and "catalogue" in out
    assert "Cross-validated:" in out


def test_a_firms_own_catalogue_gets_its_own_model(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
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
    assert main(["model", "train", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["by_source"]["catalogue"] == 4  # four phrases; the names repeat two of them
    assert report["examples"] == sum(report["by_source"].values())


def test_a_broken_catalogue_is_a_configuration_error(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    catalogue = tmp_path / "firm.toml"
    catalogue.write_text("[[task_type]]\nid = 'x'\n", encoding="utf-8")
    monkeypatch.setenv("LPO_TAXONOMY", str(catalogue))
    assert main(["model", "status"]) == 2
    assert "est_hours" in capsys.readouterr().err


def test_parse_prints_what_it_would_ask_and_the_candidates(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", "please draft the answer to the complaint by Friday",
                 "--now", "2027-01-04T09:00:00-05:00"]) == 0
    agreed = json.loads(capsys.readouterr().out)
    assert agreed["task_type"] == "answer_complaint" and agreed["unsure"] == []
    assert agreed["candidates"][0] == "answer_complaint" and len(agreed["candidates"]) <= 3

    assert main(["parse", "thanks all for a great quarter"]) == 0
    unclear = json.loads(capsys.readouterr().out)
    assert unclear["task_type"] is None and unclear["unsure"] == ["task_type"]
    assert 1 <= len(unclear["candidates"]) <= 3
