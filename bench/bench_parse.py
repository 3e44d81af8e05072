"""Parses per second on one core: the dev corpus texts, or built-in phrasings without ../shared."""

from __future__ import annotations

import csv
import json
import sys
import time
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import matching
from bot.nicknames import load_nicknames
from matching.model import MatterRef, StaffProfile
from matching.parse import Catalogue, Parser, parse_vocabulary
from matching.taxonomy import parse_taxonomy

DEV_FIRM = Path(__file__).resolve().parents[2] / "shared" / "data" / "dev-firm"
TAXONOMY_FILE = Path(matching.__file__).parent / "data" / "taxonomy.toml"
VOCABULARY_FILE = TAXONOMY_FILE.with_name("vocabulary.toml")
SECONDS = 3.0
ROUNDS = 5

BUILT_IN_TEXTS = [
    "draft demand letter for Garcia by Friday",
    "<@U02DCHO> C&D to Midland for 2026-0101, EOD",
    "e-file the answer for Garcia today, to @maria",
    "URGENT: 1692g letter to Encore re matter 2026-0101 - the 30-day window closes soon",
    "research memo on FCRA furnisher duties, next week, low priority",
    "calendar the hearing + reply deadline within 2 hours",
    "Bates stamp the production and prep a priv log in 3 business days",
    "intake call with a new lead, tmrw at 9",
    "status update for Elena Garcia, not urgent",
    "pick up the holiday party cake by 4pm",
]


def _skills(text: str) -> dict[str, int]:
    return {k: int(v) for k, v in (pair.split(":") for pair in text.split(";") if pair)}


def _dev_firm() -> tuple[list[StaffProfile], list[MatterRef], list[tuple[str, datetime, str]]]:
    with (DEV_FIRM / "roster.csv").open(encoding="utf-8", newline="") as handle:
        roster = [
            StaffProfile(
                email=r["email"], name=r["name"], role=r["role"],
                hourly_rate=float(r["hourly_rate"]), skills=_skills(r["skills"]),
                weekly_capacity_hours=float(r["weekly_capacity_hours"]),
                slack_user_id=r["slack_user_id"] or None,
            )
            for r in csv.DictReader(handle)
        ]  # fmt: skip
    with (DEV_FIRM / "matters.csv").open(encoding="utf-8", newline="") as handle:
        matters = [MatterRef(r["matter_number"], r["client_name"]) for r in csv.DictReader(handle)]
    lines = [json.loads(x) for x in (DEV_FIRM / "delegations.jsonl").read_text().splitlines() if x]
    texts = [(x["text"], datetime.fromisoformat(x["now"]), x["tz"]) for x in lines]
    return roster, matters, texts


def _built_in() -> tuple[list[StaffProfile], list[MatterRef], list[tuple[str, datetime, str]]]:
    roster = [
        StaffProfile("maria.lopez@firm.test", "Maria Lopez", "paralegal", 65, {}, 35,
                     slack_user_id="U06MLOPEZ"),
        StaffProfile("david.cho@firm.test", "David Cho", "associate", 300, {}, 40,
                     slack_user_id="U02DCHO"),
    ]  # fmt: skip
    matters = [MatterRef("2026-0101", "Elena Garcia")]
    now = datetime(2026, 12, 8, 10, tzinfo=ZoneInfo("America/New_York"))
    return roster, matters, [(text, now, "America/New_York") for text in BUILT_IN_TEXTS]


def main() -> None:
    source = "dev corpus" if DEV_FIRM.exists() else "built-in phrasings"
    roster, matters, texts = _dev_firm() if DEV_FIRM.exists() else _built_in()
    taxonomy = parse_taxonomy(TAXONOMY_FILE.read_text(encoding="utf-8"))
    vocabulary = parse_vocabulary(VOCABULARY_FILE.read_text(encoding="utf-8"))
    started = time.perf_counter()
    parser = Parser(Catalogue(taxonomy, vocabulary), matters, roster, load_nicknames())
    print(f"parser built in {(time.perf_counter() - started) * 1000:.1f} ms "
          f"({len(roster)} staff, {len(matters)} matters)")  # fmt: skip
    for text, now, tz in texts:
        parser.parse(text, now=now, tz=tz)
    best_wall = best_cpu = 0.0
    for _ in range(ROUNDS):
        count, wall, cpu = 0, time.perf_counter(), time.process_time()
        while time.perf_counter() - wall < SECONDS / ROUNDS:
            for text, now, tz in texts:
                parser.parse(text, now=now, tz=tz)
            count += len(texts)
        best_wall = max(best_wall, count / (time.perf_counter() - wall))
        best_cpu = max(best_cpu, count / (time.process_time() - cpu))
    print(f"{source}: {len(texts)} texts")
    print(f"parses/s (wall clock, best of {ROUNDS}): {best_wall:,.0f}")
    print(f"parses/s (CPU time,  best of {ROUNDS}): {best_cpu:,.0f}")
    print(f"mean parse: {1e6 / best_cpu:.0f} us")


if __name__ == "__main__":
    main()
