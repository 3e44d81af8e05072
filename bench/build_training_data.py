"""Build the request classifier's shipped examples and model from the labelled firms.

Run `python bench/build_training_data.py` after a labelled firm, the normalisation, the
catalogue or the classifier's settings change. It writes bot/data/training.jsonl and
bot/data/request_model.npz, the model fitted on those examples with the bundled catalogue,
which start-up loads instead of fitting (bot/request_model.py).
Each line holds one request normalised with its own firm's names (matching/second_opinion.py)
and its label: {"text", "task_type" (null: delegates nothing), "source" (the firm)}. The blind
firms (tests/data/blind) are never read.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.catalogue import default_taxonomy_text, load_vocabulary  # noqa: E402
from bot.request_model import Example, save_model, train, training_examples  # noqa: E402
from matching.second_opinion import NO_TASK, NameBook, normalise  # noqa: E402
from matching.taxonomy import parse_taxonomy  # noqa: E402
from tests.matching.corpus import read_matters, read_roster  # noqa: E402

TRAINING_FIRMS = (ROOT / "tests" / "data" / "firms",)
OUT = ROOT / "bot" / "data" / "training.jsonl"
MODEL_OUT = ROOT / "bot" / "data" / "request_model.npz"


def training_firms() -> list[Path]:
    """Every labelled firm folder the shipped model may learn from, in a fixed order."""
    return sorted((firm for group in TRAINING_FIRMS for firm in group.iterdir()
                   if (firm / "delegations.jsonl").is_file()), key=lambda firm: firm.name)


def labelled_requests(firm: Path) -> Iterator[dict[str, object]]:
    """The firm's requests as raw JSON objects (text, now, tz, as, expect)."""
    for line in (firm / "delegations.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            yield json.loads(line)


def firm_names(firm: Path) -> NameBook:
    return NameBook.of_firm(read_matters(firm / "matters.csv"), read_roster(firm / "roster.csv"),
                            load_vocabulary().shorthand)


def firm_examples(firm: Path) -> list[dict[str, object]]:
    names = firm_names(firm)
    return [{"text": normalise(str(request["text"]), names),
             "task_type": request["expect"]["task_type"],  # type: ignore[index]
             "source": firm.name}
            for request in labelled_requests(firm)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help=f"where to write (default {OUT})")
    parser.add_argument("--model-out", type=Path, default=MODEL_OUT,
                        help=f"where to write the fitted model (default {MODEL_OUT})")
    args = parser.parse_args()
    rows = [example for firm in training_firms() for example in firm_examples(firm)]
    lines = [json.dumps(row, ensure_ascii=False, sort_keys=True) for row in rows]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(lines)} examples from {len(training_firms())} firms to {args.out}")
    shipped = [Example(str(row["text"]), str(row["task_type"] or NO_TASK), str(row["source"]))
               for row in rows]
    examples = training_examples(parse_taxonomy(default_taxonomy_text()), shipped)
    save_model(train(examples, trained_at=datetime.now(UTC)), examples, args.model_out)
    print(f"wrote the model fitted on {len(examples)} examples to {args.model_out}")


if __name__ == "__main__":
    main()
