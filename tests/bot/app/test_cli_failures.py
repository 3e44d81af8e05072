"""Every `lpo-bot` failure is one line on stderr, exit 2, nothing on stdout and nothing written."""

from __future__ import annotations

import socket
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from bot.app.cli import main

Run = Callable[..., tuple[int, str, str]]
UNREACHABLE = "postgresql://lpo:secret@127.0.0.1:1/none"
INIT_FIRST = "run `lpo-bot init` first"
SAMPLE_PERSON = "miriam.castellanos@sample-firm.test"

# Every command that needs the schema, as a user would type it before `lpo-bot init`.
NEEDS_THE_SCHEMA = [
    ["tasks", "list"],
    ["tasks", "show", "1"],
    ["chat", "--as", SAMPLE_PERSON],
    ["match", "draft a demand letter", "--as", SAMPLE_PERSON],
    ["roster", "list"],
    ["matters", "list"],
    ["digest"],
    ["digest", "--post"],
    ["model", "status"],  # the firm's examples and its last training live in the database
    ["model", "train"],
    ["tick"],
    ["export", "--from", "2027-03-01", "--to", "2027-03-05"],
    ["dashboard", "revoke", "--all"],
    ["serve", "--port", "1"],
]


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty working folder; the database is the default `./lpo.db` in it."""
    monkeypatch.chdir(tmp_path)  # no stray .env, and the default database lands here
    monkeypatch.delenv("LPO_DATABASE_URL", raising=False)
    return tmp_path


@pytest.fixture
def lpo(capsys: pytest.CaptureFixture[str]) -> Run:
    """Run `lpo-bot ARGS...` in-process; returns (exit code, stdout, stderr). Usage errors
    that argparse raises as SystemExit come back as their exit code too."""

    def run(*args: str) -> tuple[int, str, str]:
        capsys.readouterr()
        try:
            code = main(list(args))
        except SystemExit as stop:
            code = int(stop.code or 0)
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run


def one_line_failure(result: tuple[int, str, str]) -> str:
    """The error line, after checking the failure has exactly the promised shape."""
    code, out, err = result
    assert (code, out) == (2, ""), result
    assert len(err.splitlines()) == 1 and err.endswith("\n"), err
    assert "Traceback" not in err
    return err.strip()


@pytest.fixture
def sample_firm(folder: Path, lpo: Run) -> Path:
    assert lpo("init", "--sample")[0] == 0
    return folder / "lpo.db"


@pytest.fixture
def port_in_use() -> Iterator[int]:
    with socket.create_server(("127.0.0.1", 0)) as taken:
        yield taken.getsockname()[1]


@pytest.mark.parametrize("argv", NEEDS_THE_SCHEMA, ids=" ".join)
def test_before_init_every_command_says_so_and_creates_no_file(folder: Path, lpo: Run,
                                                               argv: list[str]) -> None:
    error = one_line_failure(lpo(*argv))
    assert error == f"lpo-bot: there is no database at sqlite:///./lpo.db: {INIT_FIRST}"
    assert list(folder.iterdir()) == []


@pytest.mark.parametrize("argv", [["tasks", "list"], ["chat", "--as", SAMPLE_PERSON],
                                  ["match", "draft a demand letter", "--as", SAMPLE_PERSON]],
                         ids=" ".join)
def test_a_database_without_tables_says_to_run_init(folder: Path, lpo: Run,
                                                    argv: list[str]) -> None:
    (folder / "lpo.db").touch()  # e.g. left behind by an older lpo-bot
    error = one_line_failure(lpo(*argv))
    assert error == f"lpo-bot: the database sqlite:///./lpo.db has no tables yet: {INIT_FIRST}"


def test_parse_works_before_init_without_creating_a_file(folder: Path, lpo: Run) -> None:
    code, out, err = lpo("parse", "draft a demand letter by Friday")
    assert code == 0 and '"task_type"' in out
    assert err.startswith("lpo-bot: note: there is no database") and len(err.splitlines()) == 1
    assert list(folder.iterdir()) == []


def test_init_on_a_file_that_is_not_sqlite_leaves_it_alone(folder: Path, lpo: Run,
                                                           monkeypatch: pytest.MonkeyPatch
                                                           ) -> None:
    notes = folder / "notes.txt"
    notes.write_text("Call the client back on Monday.\n")
    monkeypatch.setenv("LPO_DATABASE_URL", "sqlite:///notes.txt")
    error = one_line_failure(lpo("init"))
    assert error == "lpo-bot: cannot open the database sqlite:///notes.txt: file is not a database"
    assert notes.read_text() == "Call the client back on Monday.\n"
    assert list(folder.iterdir()) == [notes]
    assert one_line_failure(lpo("tasks", "list")) == (
        "lpo-bot: cannot open the database sqlite:///notes.txt: file is not a database")


@pytest.mark.parametrize("argv", [["init"], ["tasks", "list"], ["chat", "--as", SAMPLE_PERSON],
                                  ["match", "draft a demand letter", "--as", SAMPLE_PERSON],
                                  ["serve", "--port", "1"]], ids=" ".join)
def test_an_unreachable_database_is_one_line_without_the_password(
        folder: Path, lpo: Run, monkeypatch: pytest.MonkeyPatch, argv: list[str]) -> None:
    monkeypatch.setenv("LPO_DATABASE_URL", UNREACHABLE)
    error = one_line_failure(lpo(*argv))
    assert error.startswith("lpo-bot: cannot open the database "
                            "postgresql://lpo:***@127.0.0.1:1/none: ")
    assert "secret" not in error


def test_a_schema_from_a_newer_lpo_bot_is_named(sample_firm: Path, lpo: Run) -> None:
    with sqlite3.connect(sample_firm) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_future'")
    assert one_line_failure(lpo("tasks", "list")) == (
        "lpo-bot: the database sqlite:///./lpo.db was made by a newer lpo-bot "
        "(schema 9999_future): upgrade lpo-bot")
    assert one_line_failure(lpo("init")).startswith(
        "lpo-bot: cannot upgrade the database sqlite:///./lpo.db: Can't locate revision")


def test_serve_on_a_port_in_use_says_so_before_claiming_to_listen(
        sample_firm: Path, lpo: Run, port_in_use: int, caplog: pytest.LogCaptureFixture) -> None:
    error = one_line_failure(lpo("serve", "--port", str(port_in_use)))
    assert error == (f"lpo-bot: cannot listen on 127.0.0.1:{port_in_use}: Address already in "
                     "use (is lpo-bot already running? choose another with --port)")
    assert "listening" not in caplog.text


@pytest.mark.parametrize("port", ["99999", "0", "-1", "http"])
def test_serve_refuses_a_port_out_of_range(folder: Path, lpo: Run, port: str) -> None:
    error = one_line_failure(lpo("serve", "--port", port))
    assert error == (f"lpo-bot serve: argument --port: expected a port from 1 to 65535, got "
                     f"'{port}' (see `lpo-bot serve --help`)")
    assert list(folder.iterdir()) == []


def test_a_bad_now_is_a_usage_error(folder: Path, lpo: Run) -> None:
    error = one_line_failure(lpo("tick", "--now", "yesterday"))
    assert error.startswith("lpo-bot tick: argument --now: expected an ISO 8601 instant")


def test_chat_as_someone_not_on_the_roster(sample_firm: Path, lpo: Run) -> None:
    error = one_line_failure(lpo("chat", "--as", "nobody@x"))
    assert error == "lpo-bot: nobody@x is not on the roster (see `lpo-bot roster list`)"


def test_match_as_someone_not_on_the_roster(sample_firm: Path, lpo: Run) -> None:
    error = one_line_failure(lpo("match", "draft a demand letter", "--as", "nobody@x"))
    assert error == "lpo-bot: nobody@x is not on the roster"


def test_a_missing_command_is_one_line(lpo: Run) -> None:
    assert one_line_failure(lpo()) == (
        "lpo-bot: the following arguments are required: COMMAND (see `lpo-bot --help`)")
