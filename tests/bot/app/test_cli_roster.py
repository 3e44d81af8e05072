"""`lpo-bot roster|matters import|list` run in-process, as a user would run them."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest

from bot.app.cli import main
from storage.db import downgrade
from tests.conftest import require_shared

GOOD = """email,name,role,hourly_rate,skills,manager_email,is_manager
lou@firm.test,Lou Marsh,partner,450,negotiation:4,,true
kai@firm.test,Kai Dunn,paralegal,62.5,drafting:3;litigation_support:2,lou@firm.test,false
"""
BAD = """email,name,role,hourly_rate,skills,manager_email
lou@firm.test,Lou Marsh,partner,460,negotiation:4,
kai@firm.test,Kai Dunn,intern,-3,drafting:9,ghost@firm.test
"""
MATTERS = """matter_number,client_name,title,responsible_attorney_email,jurisdiction,screened_emails
2027-0500,Nell Ward,Ward v. Summit Receivables,lou@firm.test,FL,kai@firm.test
"""


@pytest.fixture
def lpo(database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> Any:
    """Run `lpo-bot ARGS...` against the test database; returns (exit code, stdout, stderr)."""
    monkeypatch.setenv("LPO_DATABASE_URL", database_url)
    monkeypatch.chdir(tmp_path)  # no stray .env, and relative file names resolve here

    def run(*args: str) -> tuple[int, str, str]:
        capsys.readouterr()
        code = main(list(args))
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run


def write(tmp_path: Path, name: str, content: str) -> str:
    (tmp_path / name).write_text(content, encoding="utf-8")
    return name


def test_import_then_list_as_json_and_as_a_table(lpo: Any, tmp_path: Path) -> None:
    code, out, err = lpo("roster", "import", write(tmp_path, "staff.csv", GOOD))
    assert (code, err) == (0, "")
    assert out == "Imported 2 staff: 2 created, 0 updated, 0 unchanged.\n"
    code, out, _ = lpo("roster", "list", "--json")
    people = json.loads(out)
    assert code == 0 and [p["email"] for p in people] == ["lou@firm.test", "kai@firm.test"]
    assert people[1] | {"id": 0} == {
        "id": 0, "email": "kai@firm.test", "name": "Kai Dunn", "role": "paralegal",
        "hourly_rate": 62.5, "skills": {"drafting": 3, "litigation_support": 2},
        "weekly_capacity_hours": 40.0, "timezone": None, "working_hours": None,
        "slack_user_id": None, "teams_user_id": None, "manager_email": "lou@firm.test",
        "bar_admissions": [], "is_manager": False, "active": True,
        "timezone_effective": "America/New_York", "working_hours_effective": "09:00-17:00",
        "away": []}
    code, out, _ = lpo("roster", "list")
    lines = out.splitlines()
    assert code == 0 and lines[0].split()[:4] == ["EMAIL", "NAME", "ROLE", "RATE"]
    assert "Kai Dunn" in lines[2] and "$62.50" in lines[2] and "unreachable" in lines[2]
    assert lines[1].index("Lou Marsh") == lines[0].index("NAME")  # columns line up


def test_a_bad_file_prints_every_problem_and_writes_nothing(lpo: Any, tmp_path: Path) -> None:
    lpo("roster", "import", write(tmp_path, "staff.csv", GOOD))
    code, out, err = lpo("roster", "import", write(tmp_path, "bad.csv", BAD))
    assert (code, out) == (2, "")
    assert err.splitlines() == [
        "lpo-bot: bad.csv: 4 problems, nothing was imported",
        ("  line 3, role: unknown role 'intern'; allowed: legal_assistant, paralegal, "
         "associate, partner"),
        "  line 3, hourly_rate: -3 is negative; an hourly cost is 0 or more",
        "  line 3, skills: level of drafting must be a whole number from 1 to 5, got '9'",
        "  line 3, manager_email: ghost@firm.test is not in this file nor on the roster"]
    people = json.loads(lpo("roster", "list", "--json")[1])
    assert people[0]["hourly_rate"] == 450.0  # line 2 was fine, but nothing was written


def test_matters_import_and_list(lpo: Any, tmp_path: Path) -> None:
    lpo("roster", "import", write(tmp_path, "staff.csv", GOOD))
    code, out, _ = lpo("matters", "import", write(tmp_path, "matters.csv", MATTERS))
    assert (code, out) == (0, "Imported 1 matters: 1 created, 0 updated, 0 unchanged.\n")
    matters = json.loads(lpo("matters", "list", "--json")[1])
    assert [m | {"id": 0} for m in matters] == [{
        "id": 0, "matter_number": "2027-0500", "client_name": "Nell Ward",
        "title": "Ward v. Summit Receivables", "responsible_attorney_email": "lou@firm.test",
        "jurisdiction": "FL", "screened_emails": ["kai@firm.test"]}]
    table = lpo("matters", "list")[1].splitlines()
    assert table[0].split() == ["NUMBER", "CLIENT", "TITLE", "RESPONSIBLE", "JURISDICTION",
                                "SCREENED"]
    assert table[1].startswith("2027-0500  Nell Ward")


def test_empty_lists(lpo: Any) -> None:
    assert lpo("roster", "list", "--json")[:2] == (0, "[]\n")
    assert lpo("matters", "list", "--json")[:2] == (0, "[]\n")
    assert "No staff yet" in lpo("roster", "list")[1]
    assert "No matters yet" in lpo("matters", "list")[1]


@pytest.mark.parametrize("noun", ["roster", "matters"])
def test_missing_or_unreadable_file_is_a_friendly_error(lpo: Any, tmp_path: Path,
                                                        noun: str) -> None:
    assert lpo(noun, "import", "nope.csv") == (2, "", "lpo-bot: no such file: nope.csv\n")
    (tmp_path / "folder.csv").mkdir()
    assert lpo(noun, "import", "folder.csv")[2] == (
        "lpo-bot: folder.csv is a folder, not a CSV file\n")


def test_without_a_schema_it_says_to_run_init(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    url = f"sqlite:///{tmp_path / 'fresh.db'}"
    monkeypatch.setenv("LPO_DATABASE_URL", url)
    assert main(["roster", "list"]) == 2
    assert capsys.readouterr().err == (f"lpo-bot: there is no database at {url}: "
                                       "run `lpo-bot init` first\n")
    assert not (tmp_path / "fresh.db").exists()  # asking did not create an empty file
    assert main(["init"]) == 0
    downgrade(url, "base")
    capsys.readouterr()
    assert main(["matters", "import", write(tmp_path, "m.csv", MATTERS)]) == 2
    assert capsys.readouterr().err == (f"lpo-bot: the database {url} has no tables yet: "
                                       "run `lpo-bot init` first\n")


def test_an_unreachable_database_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("LPO_DATABASE_URL", "postgresql://lpo:secret@127.0.0.1:1/none")
    assert main(["roster", "list"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("lpo-bot: cannot open the database postgresql://lpo:***@127.0.0.1:1/none")
    assert "secret" not in err and len(err.splitlines()) == 1


def _csv_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_dev_firm_round_trip(lpo: Any) -> None:
    shared = require_shared()
    assert lpo("init")[0] == 0
    assert lpo("roster", "import", str(shared / "roster.csv"))[:2] == (
        0, "Imported 10 staff: 10 created, 0 updated, 0 unchanged.\n")
    assert lpo("matters", "import", str(shared / "matters.csv"))[:2] == (
        0, "Imported 9 matters: 9 created, 0 updated, 0 unchanged.\n")
    people = json.loads(lpo("roster", "list", "--json")[1])
    rows = _csv_rows(shared / "roster.csv")
    assert len(people) == 10 == len(rows)
    for person, row in zip(people, rows, strict=True):
        assert set(row) <= set(person), "every CSV column is in the JSON"
        assert person["email"] == row["email"].lower() and person["name"] == row["name"]
        assert person["role"] == row["role"]
        assert person["hourly_rate"] == float(row["hourly_rate"])
        assert person["skills"] == {skill: int(level) for skill, level in
                                    (pair.split(":") for pair in row["skills"].split(";"))}
        assert person["weekly_capacity_hours"] == float(row["weekly_capacity_hours"])
        assert (person["timezone"] or "") == row["timezone"]
        assert (person["working_hours"] or "") == row["working_hours"]
        assert (person["slack_user_id"] or "") == row["slack_user_id"]
        assert (person["teams_user_id"] or "") == row["teams_user_id"]
        assert (person["manager_email"] or "") == row["manager_email"]
        assert ";".join(person["bar_admissions"]) == row["bar_admissions"]
        assert person["is_manager"] == (row["is_manager"] == "true")
    matters = json.loads(lpo("matters", "list", "--json")[1])
    by_number = {m["matter_number"]: m for m in matters}
    for row in _csv_rows(shared / "matters.csv"):
        matter = by_number[row["matter_number"]]
        assert matter["client_name"] == row["client_name"] and matter["title"] == row["title"]
        assert matter["responsible_attorney_email"] == row["responsible_attorney_email"]
        assert matter["jurisdiction"] == row["jurisdiction"]
        assert ";".join(matter["screened_emails"]) == row["screened_emails"]
    again = lpo("roster", "import", str(shared / "roster.csv"))[1]
    assert again == "Imported 10 staff: 0 created, 0 updated, 10 unchanged.\n"


def test_init_sample_then_refuses_a_second_time(lpo: Any) -> None:
    code, out, _ = lpo("init", "--sample")
    assert code == 0 and "Loaded the sample firm: 10 staff, 8 matters." in out
    code, _, err = lpo("init", "--sample")
    assert code == 2
    assert err == ("lpo-bot: the database already has 10 staff; --sample only loads into an "
                   "empty database\n")
