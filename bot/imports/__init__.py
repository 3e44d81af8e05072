"""Roster and matters CSV import: validate every row first, then upsert all of it or nothing.

Reading and limits live in `reading`, cell parsers in `cells`, each file kind in `roster` and
`matters`; the names below are what the rest of lpo-bot uses.
"""

from __future__ import annotations

from bot.imports.matters import MATTER_COLUMNS, import_matters
from bot.imports.pipeline import lock_imports
from bot.imports.reading import MAX_FILE_BYTES, MAX_ROWS, read_import_file
from bot.imports.results import FileRefused, ImportRefused, ImportSummary, Problem
from bot.imports.roster import ROSTER_COLUMNS, import_roster

__all__ = ["MATTER_COLUMNS", "MAX_FILE_BYTES", "MAX_ROWS", "ROSTER_COLUMNS", "FileRefused",
           "ImportRefused", "ImportSummary", "Problem", "import_matters", "import_roster",
           "lock_imports", "read_import_file"]
