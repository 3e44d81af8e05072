"""CSV import limits: size, rows, binaries, spreadsheet formulas and look-alike e-mails."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from bot.app.cli import main
from bot.imports import (
    MAX_FILE_BYTES,
    MAX_ROWS,
    FileRefused,
    ImportRefused,
    import_matters,
    import_roster,
)
from bot.imports.reading import read_csv, read_import_file
from bot.imports.roster import ROSTER
from storage.db import Database
from storage.matters import count_matters
from storage.staff import count_staff

HEADER = "email,name,role,hourly_rate,manager_email\n"
LEAD = "lead@firm.test,Lena Lead,partner,500,\n"
MATTERS_HEADER = ("matter_number,client_name,title,responsible_attorney_email,jurisdiction,"
                  "screened_emails\n")
ONE_SECOND = 1.0


@pytest.fixture
def lpo(database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> Any:
    """Run `lpo-bot ARGS...` in-process; returns (exit code, stdout, stderr, seconds taken)."""
    monkeypatch.setenv("LPO_DATABASE_URL", database_url)
    monkeypatch.chdir(tmp_path)

    def run(*args: str) -> tuple[int, str, str, float]:
        capsys.readouterr()
        started = time.monotonic()
        code = main(list(args))
        elapsed = time.monotonic() - started
        captured = capsys.readouterr()
        return code, captured.out, captured.err, elapsed

    return run


def _refused_in_one_line(result: tuple[int, str, str, float], *expected: str) -> None:
    code, out, err, _ = result
    assert (code, out) == (2, "")
    assert err.count("\n") == 1, err
    for words in expected:
        assert words in err, err


def _nothing_imported(lpo: Any) -> None:
    assert lpo("roster", "list", "--json")[1] == "[]\n"
    assert lpo("matters", "list", "--json")[1] == "[]\n"


# --- not text --------------------------------------------------------------------------------


@pytest.mark.parametrize("noun", ["roster", "matters"])
def test_dev_zero_is_refused_within_a_second(lpo: Any, noun: str) -> None:
    result = lpo(noun, "import", "/dev/zero")
    _refused_in_one_line(result, "zero: line 1: this is not a CSV text file",
                         "nothing was imported")
    assert result[3] < ONE_SECOND
    _nothing_imported(lpo)


@pytest.mark.parametrize("content", [
    b"PK\x03\x04\x14\x00\x06\x00" + bytes(range(256)) * 40_000,  # a workbook-like binary
    bytes(range(0x80, 0x100)) * 40_000,  # no NUL at all, but nothing like UTF-8
])
def test_a_binary_file_is_refused_within_a_second(lpo: Any, tmp_path: Path,
                                                  content: bytes) -> None:
    (tmp_path / "photo.csv").write_bytes(content)
    result = lpo("roster", "import", "photo.csv")
    _refused_in_one_line(result, "photo.csv: line 1: ", "save it as 'CSV UTF-8'")
    assert result[3] < ONE_SECOND
    _nothing_imported(lpo)


# --- size and rows ---------------------------------------------------------------------------


def test_a_21_mb_file_is_refused_by_its_size_before_it_is_read(lpo: Any, tmp_path: Path) -> None:
    # Sparse, so all NUL bytes: had any of it been read, it would be refused as not text.
    with (tmp_path / "huge.csv").open("wb") as file:
        file.truncate(21 * 1000 * 1000)
    result = lpo("roster", "import", "huge.csv")
    _refused_in_one_line(result, "huge.csv: line 1: the file is larger than 20 MB")
    assert result[3] < ONE_SECOND
    _nothing_imported(lpo)


def test_a_stream_with_no_size_is_read_no_further_than_the_limit(tmp_path: Path) -> None:
    """A pipe has no size to stat: the read itself stops one byte past the limit."""
    pipe = tmp_path / "pipe.csv"
    os.mkfifo(pipe)
    line = b"a@firm.test,A,paralegal,5,\n"
    written: list[int] = []

    def write_forever() -> None:
        try:
            with pipe.open("wb") as sink:
                sink.write(HEADER.encode())
                while True:  # until the reader hangs up
                    written.append(sink.write(line * 4096))
        except BrokenPipeError:
            pass

    writer = threading.Thread(target=write_forever, daemon=True)
    writer.start()
    with pytest.raises(FileRefused, match="larger than 20 MB"):
        read_import_file(str(pipe))
    writer.join(timeout=10)
    assert not writer.is_alive()
    assert sum(written) < MAX_FILE_BYTES + 2 * len(line) * 4096 + 65536


async def test_bytes_over_the_limit_are_refused_by_the_import_too(db: Database) -> None:
    data = HEADER.encode() + b" " * MAX_FILE_BYTES
    async with db.transaction() as session:
        with pytest.raises(FileRefused, match="larger than 20 MB"):
            await import_roster(session, data)


def _many_rows(count: int) -> str:
    return HEADER + "".join(f"p{number}@firm.test,P {number},paralegal,50,\n"
                            for number in range(count))


def test_50001_rows_are_refused_in_one_line(lpo: Any, tmp_path: Path) -> None:
    (tmp_path / "long.csv").write_text(_many_rows(MAX_ROWS + 1), encoding="utf-8")
    result = lpo("roster", "import", "long.csv")
    _refused_in_one_line(result, f"long.csv: line {MAX_ROWS + 2}: the file has more than "
                                 "50,000 rows; split it")
    _nothing_imported(lpo)


def test_50000_rows_are_within_the_limit() -> None:
    table = read_csv(_many_rows(MAX_ROWS).encode(), source="roster.csv", columns=ROSTER.columns,
                     required=ROSTER.required)
    assert len(table.lines) == MAX_ROWS and table.problems == ()


# --- spreadsheet formulas --------------------------------------------------------------------


async def _problems(db: Database, roster: str, matters: str | None = None) -> list[str]:
    with pytest.raises(ImportRefused) as caught:
        async with db.transaction() as session:
            await import_roster(session, roster.encode())
            if matters is not None:
                await import_matters(session, matters.encode())
    async with db.transaction() as session:
        assert (await count_staff(session), await count_matters(session)) == (0, 0)
    return [str(problem) for problem in caught.value.problems]


FORMULA_WHY = "which a spreadsheet would run as a formula (formula injection)"


@pytest.mark.parametrize(("cell", "start"), [
    ("\"=cmd|' /C calc'!A0\"", "'='"), ("+1 555 0100", "'+'"), ("-2+3", "'-'"),
    ("@SUM(A1:A9)", "'@'"), ("\"\tTab\"", "a TAB"), ("\"\rReturn\"", "a carriage return"),
    ("  =HYPERLINK(\"\"x\"\")", "'='"),
])
async def test_a_name_a_spreadsheet_would_run_is_refused(db: Database, cell: str,
                                                         start: str) -> None:
    problems = await _problems(db, HEADER + LEAD + f"pat@firm.test,{cell},paralegal,60,\n")
    assert problems == [f"line 3, name: starts with {start}, {FORMULA_WHY}; "
                        "remove that character"]


@pytest.mark.parametrize("column", ["matter_number", "client_name", "title"])
async def test_matter_cells_a_spreadsheet_would_run_are_refused(db: Database,
                                                                column: str) -> None:
    cells = {"matter_number": "2027-0001", "client_name": "Vera Lind", "title": "Lind v. Apex",
             "responsible_attorney_email": "lead@firm.test", "jurisdiction": "FL",
             "screened_emails": ""}
    cells[column] = "=cmd|' /C calc'!A0"
    problems = await _problems(db, HEADER + LEAD, MATTERS_HEADER + ",".join(cells.values()))
    assert problems == [f"line 2, {column}: starts with '=', {FORMULA_WHY}; "
                        "remove that character"]


async def test_a_hyphen_inside_a_cell_is_fine(db: Database) -> None:
    async with db.transaction() as session:
        await import_roster(session, (HEADER + LEAD).encode())
        summary = await import_matters(session, (
            MATTERS_HEADER + "2027-0002,Abe Ost,Ost - validation dispute,lead@firm.test,FL,\n"
        ).encode())
    assert summary.created == 1


# --- look-alike e-mails ----------------------------------------------------------------------


THEO = "theo@firm.test,Theo Varga,associate,320,\n"
CYRILLIC_THEO = "th\u0435o@firm.test"  # a Cyrillic "е" (U+0435)
CYRILLIC_O = "the\u043e@firm.test"  # a Cyrillic "о" (U+043E)
GREEK_O = "the\u03bf@firm.test"  # a Greek omicron


@pytest.mark.parametrize(("address", "letter"), [
    (CYRILLIC_O, "Cyrillic 'о' (U+043E)"), (CYRILLIC_THEO, "Cyrillic 'е' (U+0435)"),
    (GREEK_O, "Greek 'ο' (U+03BF)"),
])
async def test_an_email_mixing_scripts_is_refused_with_its_line(db: Database, address: str,
                                                                letter: str) -> None:
    problems = await _problems(db, HEADER + LEAD + THEO + f"{address},Theo Two,paralegal,60,\n")
    assert problems == [f"line 4, email: {address!r} mixes Latin letters with {letter}: a "
                        "look-alike of another address; type it again in one alphabet"]


async def test_look_alike_emails_are_refused_in_every_email_column(db: Database) -> None:
    problems = await _problems(
        db, HEADER + LEAD + THEO + f"pat@firm.test,Pat,paralegal,60,{CYRILLIC_O}\n",
        MATTERS_HEADER + f"2027-0001,Vera Lind,,{CYRILLIC_O},FL,theo@firm.test;{GREEK_O}\n")
    assert [problem.split(":")[0] for problem in problems] == ["line 4, manager_email"]
    problems = await _problems(
        db, HEADER + LEAD + THEO,
        MATTERS_HEADER + f"2027-0001,Vera Lind,,{CYRILLIC_O},FL,theo@firm.test;{GREEK_O}\n")
    assert [problem.split(":")[0] for problem in problems] == [
        "line 2, responsible_attorney_email", "line 2, screened_emails"]


async def test_an_address_in_one_script_is_fine(db: Database) -> None:
    async with db.transaction() as session:
        summary = await import_roster(session, (
            HEADER + LEAD + "zoë.ångström@firm.test,Zoë Ångström,paralegal,60,\n").encode())
    assert summary.created == 2
