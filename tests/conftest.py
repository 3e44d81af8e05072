"""Shared fixtures: a freshly migrated database on SQLite and on PostgreSQL for every test."""

from __future__ import annotations

import os
import shutil
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import text

from storage.db import Database, make_sync_engine, upgrade

POSTGRES_ADMIN_URL = os.environ.get("LPO_TEST_POSTGRES_URL",
                                    "postgresql://postgres@127.0.0.1:5432/test")
IN_CI = os.environ.get("CI") == "true"
SHARED = Path(__file__).resolve().parents[2] / "shared"
DEV_FIRM = SHARED / "data" / "dev-firm"
BACKENDS = ["sqlite", "postgresql"]


def require_shared(path: Path = DEV_FIRM) -> Path:
    """The shared dev data, or skip (a fresh clone has none); in CI it must be there."""
    if not path.exists():
        if IN_CI:
            pytest.fail(f"{path} is missing; CI runs with ../shared beside the repo")
        pytest.skip(reason="../shared dev data unavailable (fresh clone)")
    return path


def _postgres_reachable() -> str | None:
    try:
        with psycopg.connect(POSTGRES_ADMIN_URL, connect_timeout=3):
            return None
    except psycopg.Error as error:
        return str(error).strip().splitlines()[0]


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.db"
    upgrade(f"sqlite:///{path}")
    return path


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    problem = _postgres_reachable()
    if problem:
        if IN_CI:
            pytest.fail(f"PostgreSQL unavailable at {POSTGRES_ADMIN_URL}: {problem}")
        pytest.skip(reason=f"PostgreSQL unavailable at {POSTGRES_ADMIN_URL}: {problem}")
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    name = f"lpo_test_{worker}_{os.getpid()}"  # several test runs may share one server
    with psycopg.connect(POSTGRES_ADMIN_URL, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')
    url = POSTGRES_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
    upgrade(url)
    yield url
    with psycopg.connect(POSTGRES_ADMIN_URL, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _truncate_postgres(url: str) -> None:
    engine = make_sync_engine(url)
    with engine.begin() as connection:
        tables = connection.execute(text(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
            "AND tablename <> 'alembic_version'")).scalars().all()
        if tables:
            quoted = ", ".join(f'"{table}"' for table in tables)
            connection.execute(text(f"TRUNCATE {quoted} RESTART IDENTITY CASCADE"))
    engine.dispose()


@pytest.fixture(params=BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path: Path,
                 sqlite_template: Path) -> str:
    """The URL of an empty, migrated database of each backend."""
    if request.param == "sqlite":
        path = tmp_path / "lpo.db"
        shutil.copy(sqlite_template, path)
        return f"sqlite:///{path}"
    url = request.getfixturevalue("postgres_url")
    _truncate_postgres(url)
    return url


@pytest.fixture
async def db(database_url: str) -> AsyncIterator[Database]:
    database = Database(database_url)
    yield database
    await database.dispose()
