"""Learning from every answer: the firm's labelled requests, retraining the model, its status.

A person who confirms what the bot asked about, or corrects a task's type afterwards, labels
that request. `remember` stores it, normalised (no client or person names), in the caller's
transaction; the parser remembers those words at once (bot/firm_state.py). `train` refits the
request model on the catalogue, the shipped firms and the firm's examples, scores it by
cross-validation and records when; the scheduler runs it nightly (`nightly`), and every
server instance refits its own copy when the recorded training moved (`follow`).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta

from bot.firm_state import FirmState, Snapshot
from bot.request_model import (
    Example,
    RequestModel,
    count_sources,
    cross_validated_accuracy,
    shipped_examples,
    status,
    train,
    training_examples,
)
from bot.settings import Settings
from bot.unit_of_work import UnitOfWork, Units
from matching.model import Taxonomy
from storage import examples as example_store
from storage.events import claim_job_run

log = logging.getLogger(__name__)

CONFIRMED, CORRECTED = "confirm", "correct"
NIGHTLY_AT = time(2, 0)  # the firm's local time: after the day's work, before the next
NIGHTLY_GRACE = timedelta(hours=4)


async def remember(uow: UnitOfWork, snap: Snapshot, request: str, task_type: str,
                   source: str) -> None:
    """Store a person's answer about `request` as a labelled example, normalised."""
    await example_store.add_example(uow.session, text=snap.parser.normalise(request),
                                    task_type=task_type, source=source, at=uow.now)


@dataclass(frozen=True, slots=True)
class Training:
    """A model fitted on the firm's examples, with its cross-validated accuracy (if scored)."""

    model: RequestModel
    cv_accuracy: float | None

    def report(self) -> dict[str, object]:
        return status(by_source=self.model.by_source, trained_at=self.model.trained_at,
                      cv_accuracy=self.cv_accuracy)


class Learning:
    """`lpo-bot model train|status` and the scheduler's nightly retraining."""

    def __init__(self, units: Units, state: FirmState, taxonomy: Taxonomy,
                 settings: Settings) -> None:
        self.units = units
        self.state = state
        self.taxonomy = taxonomy
        self.settings = settings
        self._following: datetime | None = None  # the recorded training this process follows

    async def _examples(self, now: datetime) -> list[Example]:
        async with self.units.reading(now) as uow:
            rows = await example_store.list_examples(uow.session)
        firm = [Example(row.text, row.task_type, row.source) for row in rows]
        return training_examples(self.taxonomy, shipped_examples(), firm)

    async def train(self, now: datetime) -> dict[str, object]:
        """Refit on everything the firm has taught so far, score it, record it and use it."""
        now = now.astimezone(UTC)  # reported as it is stored
        examples = await self._examples(now)
        # Fitting takes seconds of CPU: off the event loop, so chat keeps being answered.
        training = await asyncio.to_thread(_fit_and_score, examples, now)
        async with self.units.begin(now) as uow:
            await example_store.record_training(uow.session, trained_at=now,
                                                cv_accuracy=training.cv_accuracy,
                                                by_source=training.model.by_source)
        self._use(training.model, now)
        return training.report()

    async def status(self, now: datetime) -> dict[str, object]:
        """What the next training learns from (by source), and the last training's figures."""
        by_source = count_sources(await self._examples(now))
        async with self.units.reading(now) as uow:
            last = await example_store.last_training(uow.session)
        return status(by_source=by_source, trained_at=last.trained_at if last else None,
                      cv_accuracy=last.cv_accuracy if last else None)

    def due(self, now: datetime) -> bool:
        local = now.astimezone(self.settings.zone)
        start = datetime.combine(local.date(), NIGHTLY_AT, tzinfo=self.settings.zone)
        return start <= local < start + NIGHTLY_GRACE

    async def nightly(self, now: datetime) -> int:
        """The scheduler's job: retrain once a night (one instance claims the night), else
        follow a training another instance or `lpo-bot model train` recorded. 1 if it fitted."""
        if self.due(now):
            night = now.astimezone(self.settings.zone).date().isoformat()
            async with self.units.begin(now) as uow:
                claimed = await claim_job_run(uow.session, key=f"model:{night}", now=now)
            if claimed:
                await self.train(now)
                return 1
        return await self.follow(now)

    async def follow(self, now: datetime) -> int:
        """Refit this process's model when the recorded training is not the one it follows
        (after a start-up, or a training elsewhere); no scoring, that was recorded."""
        async with self.units.reading(now) as uow:
            last = await example_store.last_training(uow.session)
        if last is None or last.trained_at == self._following:
            return 0
        examples = await self._examples(now)
        model = await asyncio.to_thread(train, examples, trained_at=last.trained_at)
        self._use(model, last.trained_at)
        return 1

    def _use(self, model: RequestModel, recorded: datetime) -> None:
        self.state.adopt(model)
        self._following = recorded
        log.info("request model retrained: %d examples", model.examples)


def _fit_and_score(examples: Sequence[Example], now: datetime) -> Training:
    return Training(model=train(examples, trained_at=now),
                    cv_accuracy=cross_validated_accuracy(examples))
