"""`lpo-bot export --from DATE --to DATE [--out FILE.csv]`: completed tasks as CSV."""

from __future__ import annotations

import argparse
import sys
from datetime import date, timedelta
from functools import partial
from pathlib import Path

from bot.app.bootstrap import bootstrap
from bot.app.commands import fail
from bot.app.commands._shared import run_on_database
from bot.settings import Settings
from storage.db import Database

LONGEST = timedelta(days=20 * 366)


def _dates(args: argparse.Namespace) -> tuple[date, date] | str:
    """The two days, or a one-line reason they will not do."""
    try:
        first, last = date.fromisoformat(args.first), date.fromisoformat(args.last)
    except ValueError:
        return "dates are YYYY-MM-DD, for example --from 2027-01-01 --to 2027-03-31"
    if last < first:
        return f"--to {last} is before --from {first}"
    if last - first > LONGEST:
        return "pick a range of at most twenty years"
    return first, last


async def _export(first: date, last: date, out: Path | None, settings: Settings,
                  database: Database) -> int:
    dashboard = bootstrap(settings, database=database).application.dashboard
    lines = dashboard.export(first, last)
    rows = -1  # the header is not a task
    if out is None:
        async for line in lines:
            sys.stdout.write(line)
            rows += 1
        return 0
    partial_file = out.with_name(out.name + ".part")
    try:
        with partial_file.open("w", encoding="utf-8", newline="") as handle:
            async for line in lines:
                handle.write(line)
                rows += 1
        partial_file.replace(out)  # a reader never sees half a file
    except OSError as error:
        partial_file.unlink(missing_ok=True)
        return fail(f"cannot write {out}: {error.strerror or error}")
    print(f"Wrote {rows} completed tasks ({first} to {last}) to {out}.", file=sys.stderr)
    return 0


def run(args: argparse.Namespace, settings: Settings) -> int:
    dates = _dates(args)
    if isinstance(dates, str):
        return fail(dates)
    out = Path(args.out) if args.out else None
    if out is not None and out.is_dir():
        return fail(f"{out} is a folder; give a file name like {out / 'completed.csv'}")
    return run_on_database(settings, partial(_export, *dates, out, settings))
