"""The bundled sample firm: loads into an empty database only, and shows every feature."""

from __future__ import annotations

import csv
import io
import tomllib
from pathlib import Path

import pytest

from bot.firm import load_firm
from bot.imports import MATTER_COLUMNS, ROSTER_COLUMNS
from bot.sample import (
    SAMPLE_DELEGATOR,
    SAMPLE_MATTERS,
    SAMPLE_ROSTER,
    SampleRefused,
    load_sample_firm,
    sample_file,
)
from bot.settings import Settings
from matching.model import ROLES
from storage import matters as matter_store
from storage import staff as staff_store
from storage.db import Database
from tests.conftest import require_shared

ROOT = Path(__file__).resolve().parents[2]


async def test_loads_a_realistic_firm_into_an_empty_database(db: Database) -> None:
    message = await load_sample_firm(db, settings=Settings())
    assert message == ("Loaded the sample firm: 10 staff, 8 matters. "
                       f"Try: lpo-bot chat --as {SAMPLE_DELEGATOR}")
    async with db.transaction() as session:
        firm = await load_firm(session, settings=Settings())
    assert len(firm.staff) == 10 and len(firm.matters) == 8
    assert {p.role for p in firm.staff} == set(ROLES)
    assert any(p.is_manager for p in firm.staff)
    assert any(m.screened for m in firm.matters)  # an ethical wall
    assert sum(not p.reachable for p in firm.staff) <= 1
    assert all(p.email.endswith("@sample-firm.test") for p in firm.staff)
    attorneys = [p for p in firm.staff if p.is_attorney]
    assert attorneys and all(p.bar_admissions for p in attorneys)
    delegator = firm.by_email(SAMPLE_DELEGATOR)
    assert delegator is not None and delegator.role == "partner"
    cheapest = min(p.hourly_rate for p in firm.staff)
    assert delegator.hourly_rate > 10 * cheapest  # the savings story shows


async def test_refuses_when_staff_exist(db: Database) -> None:
    await load_sample_firm(db, settings=Settings())
    with pytest.raises(SampleRefused, match=r"^the database already has 10 staff; --sample "
                                            r"only loads into an empty database$"):
        await load_sample_firm(db, settings=Settings())


async def test_refuses_when_only_matters_exist(db: Database) -> None:
    async with db.transaction() as session:
        await matter_store.upsert_matter(session, number="X-1", values={"client_name": "Kept"})
    with pytest.raises(SampleRefused, match="already has 1 matters"):
        await load_sample_firm(db, settings=Settings())
    async with db.transaction() as session:
        assert await staff_store.count_staff(session) == 0


def test_sample_files_use_every_contract_column_and_are_bundled() -> None:
    assert sample_file(SAMPLE_ROSTER).decode().splitlines()[0].split(",") == list(ROSTER_COLUMNS)
    assert sample_file(SAMPLE_MATTERS).decode().splitlines()[0].split(",") == list(MATTER_COLUMNS)
    package_data = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"][
        "package-data"]
    assert "data/*.csv" in package_data["bot"]


def _names(roster: str, matters: str) -> set[str]:
    people = {row["name"] for row in csv.DictReader(io.StringIO(roster))}
    return people | {row["client_name"] for row in csv.DictReader(io.StringIO(matters))}


def test_sample_people_and_matters_are_our_own() -> None:
    shared = require_shared()
    ours = _names(sample_file(SAMPLE_ROSTER).decode(), sample_file(SAMPLE_MATTERS).decode())
    theirs = _names((shared / "roster.csv").read_text(), (shared / "matters.csv").read_text())
    assert len(ours) == 18 and not ours & theirs
