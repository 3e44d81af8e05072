"""What the second opinion costs: training at start-up, and the time it adds to one parse.

    python bench/bench_second_opinion.py

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
from bot.request_model import RequestModel, _fitted, model_for  # noqa: E402
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


def fresh_model(taxonomy: Taxonomy) -> RequestModel:
    """The start-up model, fitted anew (fitting is memoised within a process)."""
    _fitted.cache_clear()
    return model_for(taxonomy, clock=lambda: datetime.now(UTC))


def read_one(model: RequestModel, text: str, names: NameBook) -> None:
    """What the second opinion adds to one parse."""
    decide("client_update", 0.5, model.probabilities(text, names))


def main() -> None:
    taxonomy = parse_taxonomy(default_taxonomy_text())
    trainings = [timed(lambda: fresh_model(taxonomy)) for _ in range(TRAININGS)]
    print(f"training at start-up (median of {TRAININGS}): "
          f"wall {statistics.median(w for w, _ in trainings):.2f} s, "
          f"CPU {statistics.median(c for _, c in trainings):.2f} s")
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
