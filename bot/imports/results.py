"""What an import reports: problems by line, the refusal that lists them, the summary of a success."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from storage.staff import Change

HEADER_LINE = 1


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with the file: where (line, column) and what, in plain words."""

    line: int
    field: str | None
    message: str

    def __str__(self) -> str:
        where = f"line {self.line}" + (f", {self.field}" if self.field else "")
        return f"{where}: {self.message}"


class ImportRefused(Exception):
    """The file has problems; nothing was written. `problems` lists every one, by line."""

    def __init__(self, source: str, problems: Iterable[Problem]) -> None:
        self.source = source
        self.problems = tuple(sorted(problems, key=lambda problem: problem.line))
        super().__init__(str(self))

    def __str__(self) -> str:
        count = len(self.problems)
        heading = (f"{self.source}: {count} problem{'s' if count != 1 else ''}, "
                   "nothing was imported")
        return "\n".join([heading, *(f"  {problem}" for problem in self.problems)])


class FileRefused(ImportRefused):
    """The file as a whole cannot be imported (too big, too long, not text): one line says why."""

    def __init__(self, source: str, message: str, *, line: int = HEADER_LINE) -> None:
        super().__init__(source, [Problem(line, None, message)])

    def __str__(self) -> str:
        return f"{self.source}: {self.problems[0]}; nothing was imported"


@dataclass(frozen=True, slots=True)
class ImportSummary:
    """What an import did, counted per row."""

    what: str
    created: int = 0
    updated: int = 0
    unchanged: int = 0

    @property
    def total(self) -> int:
        return self.created + self.updated + self.unchanged

    def __str__(self) -> str:
        return (f"Imported {self.total} {self.what}: {self.created} created, "
                f"{self.updated} updated, {self.unchanged} unchanged.")


def summarise(what: str, changes: Iterable[Change]) -> ImportSummary:
    changes = list(changes)
    return ImportSummary(what, created=changes.count("created"),
                         updated=changes.count("updated"), unchanged=changes.count("unchanged"))
