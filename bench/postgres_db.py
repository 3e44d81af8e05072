"""A throwaway benchmark database on the local PostgreSQL server, shared by the benches."""

from __future__ import annotations

import random

POSTGRES_ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/test"


def create_bench_database() -> str | None:
    """A fresh benchmark database on the local server, or None when none is reachable."""
    try:
        import psycopg

        name = f"lpo_bench_{random.randrange(10**6)}"
        with psycopg.connect(POSTGRES_ADMIN_URL, autocommit=True, connect_timeout=3) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
    except Exception as error:  # any failure means "no PostgreSQL here"; SQLite still runs
        print(f"PostgreSQL skipped: {str(error).strip().splitlines()[0]}")
        return None
    return POSTGRES_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"


def drop_bench_database(url: str) -> None:
    import psycopg

    with psycopg.connect(POSTGRES_ADMIN_URL, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{url.rsplit("/", 1)[1]}" WITH (FORCE)')
