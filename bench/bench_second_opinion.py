"""What the second opinion costs: start-up, fitting, and the time it adds to one parse.

    python bench/bench_second_opinion.py

Start-up loads the shipped model (bot/data/request_model.npz); fitting is what a firm with its
own catalogue pays at start-up, and what a retraining (nightly, `lpo-bot model train`) costs.

The added time per request is normalising the text with the firm's names, the classifier's
probabilities and the decision rule, over every labelled firm's requests. Wall-clock and CPU
medians are both printed: on a busy machine the CPU figure is the steadier one.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.build_training_data import firm_names, labelled_requests, training_firms  # noqa: E402
from bot.catalogue import default_taxonomy_text  # noqa: E402
from bot.request_model import (  # noqa: E402
    RequestModel,
    _fitted,
    model_for,
    shipped_examples,
    train,
    training_examples,
)
from matching.model import Taxonomy  # noqa: E402
from matching.second_opinion import NameBook, decide  # noqa: E402
from matching.taxonomy import parse_taxonomy  # noqa: E402

TRAININGS = 3
ROUNDS = 5


def timed(work: Callable[[], object]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one call."""
    wall, cpu = time.perf_counter(), time.process_time()
    work()
    return time.perf_counter() - wall, time.process_time() - cpu


def start_up(taxonomy: Taxonomy) -> RequestModel:
    """The start-up model of a firm on the bundled catalogue: the shipped one, loaded."""
    return model_for(taxonomy, clock=lambda: datetime.now(UTC))


def fresh_fit(taxonomy: Taxonomy) -> RequestModel:
    """The same model fitted anew (fitting is memoised within a process)."""
    _fitted.cache_clear()
    return train(training_examples(taxonomy, shipped_examples()), trained_at=datetime.now(UTC))


def read_one(model: RequestModel, text: str, names: NameBook) -> None:
    """What the second opinion adds to one parse."""
    decide("client_update", 0.5, model.probabilities(text, names))


def main() -> None:
    taxonomy = parse_taxonomy(default_taxonomy_text())
    for name, work in (("start-up, loading the shipped model", start_up),
                       ("fitting the same model", fresh_fit)):
        runs = [timed(partial(work, taxonomy)) for _ in range(TRAININGS)]
        print(f"{name} (median of {TRAININGS}): "
              f"wall {statistics.median(w for w, _ in runs):.2f} s, "
              f"CPU {statistics.median(c for _, c in runs):.2f} s")
    model = model_for(taxonomy, clock=lambda: datetime.now(UTC))
    requests = [(str(request["text"]), firm_names(firm))
                for firm in training_firms() for request in labelled_requests(firm)]
    walls, cpus = [], []
    for _ in range(ROUNDS):
        for text, names in requests:
            wall, cpu = timed(partial(read_one, model, text, names))
            walls.append(wall)
            cpus.append(cpu)
    walls.sort()
    print(f"added to a parse, {len(walls)} requests: p50 wall {statistics.median(walls) * 1e3:.3f} "
          f"ms (p90 {walls[int(len(walls) * 0.9)] * 1e3:.3f} ms), "
          f"p50 CPU {statistics.median(cpus) * 1e3:.3f} ms")


if __name__ == "__main__":
    main()
