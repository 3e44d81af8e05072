"""The `init --sample`, `chat`, `tasks` and `match` commands, end to end through `main()`."""

from __future__ import annotations

import io
import json
from dataclasses import replace
from datetime import datetime

import pytest

from bot.app.cli import main
from bot.app.commands._shared import read_firm
from bot.catalogue import load_taxonomy
from bot.dry_run import firm_parser, match_one
from bot.settings import load_settings
from matching.estimates import Median
from matching.matcher import StaffIndex

THEO = "theo.varga@sample-firm.test"
SCRIPT = """\
/delegate draft demand letter for 2027-0302 by Friday
as dmitri.albescu@sample-firm.test
decline 1 no_capacity
as imani.sutherland@sample-firm.test
accept 1
done 1
as theo.varga@sample-firm.test
changes 1 add the validation deadline
as imani.sutherland@sample-firm.test
done 1
as theo.varga@sample-firm.test
approve 1
quit
"""


@pytest.fixture
def sample_cli(database_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("LPO_DATABASE_URL", database_url)
    assert main(["init", "--sample"]) == 0
    return database_url


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_init_sample_refuses_a_populated_database(sample_cli: str,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = _run(capsys, "init", "--sample")
    assert code == 2 and "already has 10 staff" in err


def test_scripted_chat_session_and_audit_trail(sample_cli: str, monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    monkeypatch.setattr("sys.stdin", io.StringIO(SCRIPT))
    code, out, _err = _run(capsys, "chat", "--as", THEO, "--now", "2027-03-02T10:00:00-05:00")
    assert code == 0
    assert "-> DM to Dmitri Albescu: New task #1 from Theo Varga" in out
    assert "-> DM to Imani Sutherland: New task #1 from Theo Varga" in out
    assert "Approved task #1" in out

    code, out, _err = _run(capsys, "tasks", "list", "--json")
    (row,) = json.loads(out)
    assert set(row) == {"id", "title", "task_type", "state", "assignee", "delegator", "matter",
                        "due_at", "priority", "est_hours", "savings"}
    assert row["state"] == "completed" and row["assignee"] == "imani.sutherland@sample-firm.test"
    assert row["matter"] == "2027-0302" and row["task_type"] == "demand_letter"

    code, out, _err = _run(capsys, "tasks", "show", "1")
    assert code == 0
    for step in ("created", "offered", "declined", "accepted", "done", "changes_requested",
                 "approved"):
        assert step in out

    code, _out, err = _run(capsys, "tasks", "show", "42")
    assert code == 2 and "no task #42" in err
    code, _out, err = _run(capsys, "tasks", "list", "--state", "sleeping")
    assert code == 2 and "unknown state" in err


def test_match_is_a_dry_run(sample_cli: str, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    code, out, _err = _run(capsys, "match", "draft demand letter for 2027-0302 by Friday",
                           "--as", THEO, "--now", "2027-03-02T10:00:00-05:00", "--json")
    assert code == 0
    result = json.loads(out)
    assert result["chosen"]["email"] == "dmitri.albescu@sample-firm.test"
    assert result["task"]["task_type"] == "demand_letter"
    assert {"email", "eligible", "cost", "reasons"} <= set(result["candidates"][0])
    code, out, _err = _run(capsys, "tasks", "list", "--json")
    assert json.loads(out) == []


def test_match_costs_with_the_firms_median_once_it_is_known(sample_cli: str) -> None:
    settings = load_settings()
    taxonomy, reading = load_taxonomy(settings), read_firm(settings)
    parser, index = firm_parser(taxonomy, reading.firm), StaffIndex(reading.firm.staff)

    def chosen(medians: dict[str, Median]) -> dict[str, float]:
        result = match_one("draft demand letter for 2027-0302 by Friday",
                           now=datetime.fromisoformat("2027-03-02T10:00:00-05:00"),
                           as_email=THEO, tz=None, taxonomy=taxonomy,
                           reading=replace(reading, medians=medians), parser=parser, index=index)
        return dict(result["chosen"])

    catalogue = chosen({})
    assert catalogue["cost"] == pytest.approx(catalogue["hourly_rate"] * 1.5)
    too_few = chosen({"demand_letter": Median(hours=3.0, records=9)})
    assert too_few["cost"] == catalogue["cost"]
    firm = chosen({"demand_letter": Median(hours=3.0, records=12)})
    assert firm["cost"] == pytest.approx(firm["hourly_rate"] * 3.0)


def test_parse_and_match_read_the_request_as_its_writer_wrote_it(
        sample_cli: str, capsys: pytest.CaptureFixture[str]) -> None:
    # Theo's own name closing his request is his signature, not a question.
    signed = "draft demand letter for 2027-0302 by Friday. Theo"
    code, out, _err = _run(capsys, "parse", signed, "--now", "2027-03-02T10:00:00-05:00")
    assert code == 0 and "assignee" in json.loads(out)["unsure"]
    code, out, _err = _run(capsys, "parse", signed, "--as", THEO,
                           "--now", "2027-03-02T10:00:00-05:00")
    parsed = json.loads(out)
    assert code == 0 and "assignee" not in parsed["unsure"] and parsed["assignee"] is None
    code, out, _err = _run(capsys, "match", signed, "--as", THEO, "--json",
                           "--now", "2027-03-02T10:00:00-05:00")
    assert code == 0 and json.loads(out)["task"]["assignee"] is None


def test_match_jsonl_answers_every_line(sample_cli: str, monkeypatch: pytest.MonkeyPatch,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    lines = [json.dumps({"text": "file the answer with the court", "as": THEO,
                         "now": "2027-03-02T10:00:00-05:00"}),
             "{not json", json.dumps({"text": "rogs", "as": "ghost@nowhere.test"})]
    monkeypatch.setattr("sys.stdin", io.StringIO("\n".join(lines) + "\n"))
    code, out, _err = _run(capsys, "match", "--jsonl")
    results = [json.loads(line) for line in out.splitlines()]
    assert code == 2
    assert results[0]["chosen"] is not None
    assert "error" in results[1] and "line 2" in results[1]["error"]
    assert "not on the roster" in results[2]["error"]


def test_chat_needs_to_know_who_you_are() -> None:
    with pytest.raises(SystemExit) as raised:
        main(["chat"])
    assert raised.value.code == 2
