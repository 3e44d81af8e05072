"""Reading an import file safely: size and row limits, text checks, lines of named cells."""

from __future__ import annotations

import codecs
import csv
import io
import os
import stat
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from bot.imports.cells import suggestion
from bot.imports.results import HEADER_LINE, FileRefused, Problem

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_ROWS = 50_000
# Enough to tell a binary or a device like /dev/zero from text before reading any further.
SNIFF_BYTES = 64 * 1024
# A spreadsheet runs a cell starting with these as a formula ("formula injection");
# TAB and CR count when they come first, before the cell is trimmed.
FORMULA_STARTS = ("=", "+", "-", "@")
CONTROL_STARTS = {"\t": "a TAB", "\r": "a carriage return"}
SAVE_AS_CSV = "save it as 'CSV UTF-8'"


@dataclass(frozen=True, slots=True)
class Line:
    """A data line of the file: its first line number and its cells by column name."""

    number: int
    cells: dict[str, str]


@dataclass(frozen=True, slots=True)
class Table:
    """A CSV file read against a column contract: its header, its data lines, its problems."""

    columns: tuple[str, ...]
    lines: tuple[Line, ...]
    problems: tuple[Problem, ...]


# --- bytes ---------------------------------------------------------------------------------


def _too_big(source: str) -> FileRefused:
    return FileRefused(source, f"the file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB; "
                               "split it and import the parts")


def read_import_file(path: str) -> bytes:
    """The file's bytes, never reading past the size limit.

    FileRefused when it is too big or plainly not text (a binary, /dev/zero: told from the
    first bytes); OSError when it cannot be read at all.
    """
    source = Path(path).name
    with Path(path).open("rb") as file:
        status = os.fstat(file.fileno())
        # Devices and pipes have no size to ask: the bounded read below still stops them.
        if stat.S_ISREG(status.st_mode) and status.st_size > MAX_FILE_BYTES:
            raise _too_big(source)
        head = file.read(SNIFF_BYTES)
        decode_text(head, source=source, final=False)
        data = head + file.read(MAX_FILE_BYTES + 1 - len(head))
    if len(data) > MAX_FILE_BYTES:
        raise _too_big(source)
    return data


def decode_text(data: bytes, *, source: str, final: bool = True) -> str:
    """UTF-8 text without its byte-order mark (Excel writes one), or FileRefused naming the line.

    `final=False` checks a prefix: a character cut in two at its end is not a fault.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise FileRefused(source, f"the file is UTF-16 text; {SAVE_AS_CSV}")
    if b"\x00" in data:
        raise FileRefused(source, f"this is not a CSV text file (an Excel workbook?); {SAVE_AS_CSV}")
    body = data.removeprefix(codecs.BOM_UTF8)
    try:
        return codecs.getincrementaldecoder("utf-8")().decode(body, final=final)
    except UnicodeDecodeError as error:
        line = body.count(b"\n", 0, error.start) + 1
        raise FileRefused(source, f"the file is not UTF-8 text (byte 0x{body[error.start]:02x}); "
                                  f"{SAVE_AS_CSV}", line=line) from None


# --- lines and cells -----------------------------------------------------------------------


def _no_header(columns: Sequence[str]) -> Problem:
    return Problem(HEADER_LINE, None, "the file is empty; the first line must name the "
                                      f"columns: {', '.join(columns)}")


def _header_problems(names: list[str], line: int, *, columns: Sequence[str],
                     required: Sequence[str]) -> list[Problem]:
    if len(names) == 1 and ";" in names[0]:
        return [Problem(line, None, "the columns are separated by semicolons; save the file as "
                                    "'CSV UTF-8 (comma delimited)'")]
    problems: list[Problem] = []
    for position, name in enumerate(names):
        if not name:
            problems.append(Problem(line, None, f"column {position + 1} has no name"))
        elif name not in columns:
            problems.append(Problem(line, None, f"unknown column {name!r}; "
                                                f"{suggestion(name, columns)}"
                                                f"the columns are: {', '.join(columns)}"))
        elif names.index(name) != position:
            problems.append(Problem(line, name, "this column appears twice"))
    problems.extend(Problem(line, None, f"missing required column {name!r}")
                    for name in required if name not in names)
    return problems


def formula_start(cell: str) -> str | None:
    """How a raw cell starts if a spreadsheet would run it as a formula, else None."""
    if cell[:1] in CONTROL_STARTS:
        return CONTROL_STARTS[cell[:1]]
    trimmed = cell.strip()
    return repr(trimmed[0]) if trimmed.startswith(FORMULA_STARTS) else None


def _formula_problems(cells: dict[str, str], number: int,
                      free_text: Sequence[str]) -> list[Problem]:
    return [Problem(number, column, f"starts with {start}, which a spreadsheet would run as a "
                                    "formula (formula injection); remove that character")
            for column in free_text
            if (start := formula_start(cells.get(column, ""))) is not None]


def _data_line(record: list[str], number: int, header: Sequence[str]) -> dict[str, str] | Problem:
    """The raw cells by column name, or why the line does not fit the header."""
    # Spreadsheets often leave empty cells after the last column; they carry nothing.
    if len(record) > len(header) and not any(cell.strip() for cell in record[len(header):]):
        record = record[:len(header)]
    if len(record) != len(header):
        return Problem(number, None, f"has {len(record)} values but the header names "
                                     f"{len(header)} columns (a value with a comma needs "
                                     "\"double quotes\")")
    return dict(zip(header, record, strict=True))


def read_csv(data: bytes, *, source: str, columns: Sequence[str], required: Sequence[str],
             free_text: Sequence[str] = ()) -> Table:
    """Split the file into lines of named cells; line numbers are file lines (header = 1).

    FileRefused when the file is too big, not UTF-8 text or longer than MAX_ROWS rows (counted
    as they stream by). Free-text cells that a spreadsheet would run as formulas are problems.
    """
    if len(data) > MAX_FILE_BYTES:
        raise _too_big(source)
    content = decode_text(data, source=source)
    if not content.strip():
        return Table((), (), (_no_header(columns),))
    reader = csv.reader(io.StringIO(content, newline=""))
    header: list[str] | None = None
    lines: list[Line] = []
    problems: list[Problem] = []
    last_line = rows = 0
    try:
        for record in reader:
            # A quoted value may span lines: the row starts where the previous one ended.
            first_line, last_line = last_line + 1, reader.line_num
            if not any(cell.strip() for cell in record):
                continue  # blank lines, and lines of bare commas, are not rows
            if header is None:
                names = [cell.strip().lower() for cell in record]
                while names and not names[-1]:
                    names.pop()
                header_problems = _header_problems(names, first_line, columns=columns,
                                                   required=required)
                if header_problems:
                    return Table((), (), tuple(header_problems))
                header = names
                continue
            rows += 1
            if rows > MAX_ROWS:
                raise FileRefused(source, f"the file has more than {MAX_ROWS:,} rows; split it "
                                          "and import the parts", line=first_line)
            cells = _data_line(record, first_line, header)
            if isinstance(cells, Problem):
                problems.append(cells)
                continue
            problems.extend(_formula_problems(cells, first_line, free_text))
            lines.append(Line(first_line, {name: cell.strip() for name, cell in cells.items()}))
    except csv.Error as error:
        problems.append(Problem(reader.line_num, None, f"this is not valid CSV: {error}"))
    if header is None:
        return Table((), (), tuple(problems) or (_no_header(columns),))
    return Table(tuple(header), tuple(lines), tuple(problems))
