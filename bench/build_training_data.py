"""Build bot/data/training.jsonl, the request classifier's shipped examples, from labelled firms.

Run `python bench/build_training_data.py` after a labelled firm or the normalisation changes.
Each line holds one request normalised with its own firm's names (matching/second_opinion.py)
and its label: {"text", "task_type" (null: delegates nothing), "source" (the firm)}. The blind
firms (tests/data/blind) are never read.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.catalogue import load_vocabulary  # noqa: E402
from matching.second_opinion import NameBook, normalise  # noqa: E402
from tests.matching.corpus import read_matters, read_roster  # noqa: E402

TRAINING_FIRMS = (ROOT / "tests" / "data" / "firms",)
OUT = ROOT / "bot" / "data" / "training.jsonl"


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
    args = parser.parse_args()
    lines = [json.dumps(example, ensure_ascii=False, sort_keys=True)
             for firm in training_firms() for example in firm_examples(firm)]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(lines)} examples from {len(training_firms())} firms to {args.out}")


if __name__ == "__main__":
    main()
