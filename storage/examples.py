"""The firm's labelled requests and the request model's last training: keyword-only queries."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from storage.tables import RequestExample, RequestModelTraining

TRAINING_ROW = 1


async def add_example(session: AsyncSession, *, text: str, task_type: str, source: str,
                      at: datetime) -> None:
    """One labelled request; `text` must already be normalised (no client names)."""
    session.add(RequestExample(text=text, task_type=task_type, source=source, created_at=at))
    await session.flush()


async def list_examples(session: AsyncSession) -> list[RequestExample]:
    """Every example, oldest first: a later answer about the same words wins."""
    result = await session.execute(select(RequestExample).order_by(col(RequestExample.id)))
    return list(result.scalars().all())


async def latest_example_id(session: AsyncSession) -> int:
    """The newest example's id (0 when there is none): memories keyed by it stay current."""
    return (await session.execute(select(func.max(col(RequestExample.id))))).scalar() or 0


async def last_training(session: AsyncSession) -> RequestModelTraining | None:
    return await session.get(RequestModelTraining, TRAINING_ROW)


async def record_training(session: AsyncSession, *, trained_at: datetime,
                          cv_accuracy: float | None, by_source: Mapping[str, int]) -> None:
    """Keep the latest training's moment, score and examples (one row, replaced)."""
    await session.merge(RequestModelTraining(id=TRAINING_ROW, trained_at=trained_at,
                                             cv_accuracy=cv_accuracy, by_source=dict(by_source)))
    await session.flush()
