"""Record how the rules read each blind-written firm on its first run, from the parser of that day.

Leave-one-firm-out cross-validation holds out the classifier, not the rules: the rules of today
were tuned on every labelled firm, so they read those firms far better than a new firm's
(session 5: 87 % of task types across the labelled firms, 74 % on three blind firms). A decision
rule chosen with today's rules trusts them too much. Each firm written blind records the commit
its first run was measured at (its README, or a group note such as OZARK_MESA_KEYSTONE.md); this
checks each such commit out into a temporary git worktree, reads the firm's requests with that
commit's rules, and writes what they read to bench/data/first_run_rules.jsonl:
{"firm", "id", "commit", "rule_type", "rule_confidence", "rule_candidates", "vague"}.
`python bench/second_opinion_cv.py --first-run` pairs those readings with the held-out
classifier's.

    python bench/first_run_rules.py      # needs the git history; a minute or two
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIRMS = ROOT / "tests" / "data" / "firms"
OUT = ROOT / "bench" / "data" / "first_run_rules.jsonl"
# Where a first run was recorded: a firm's README, or a note that covers several firms.
GIT = shutil.which("git") or "git"
GROUP_NOTES = {"BEACON_PUGET.md": ("beacon", "puget"),
               "OZARK_MESA_KEYSTONE.md": ("keystone", "mesa", "ozark"),
               "HURON_NORTHSTAR_BAYOU_CASCADE.md": ("bayou", "cascade", "huron", "northstar"),
               "ALLEGHENY_BLUEGRASS_SANGAMON_SONORAN.md": ("allegheny", "bluegrass", "sangamon",
                                                           "sonoran")}
_FIRST_RUN_COMMIT = re.compile(
    r"(?:measured\s+once|parser\s+measured\s+is\s+the\s+one)[^`]*?at\s+`([0-9a-f]{7,40})`",
    re.IGNORECASE)

# Run inside the old commit's worktree: only what every commit since session 5 has.
_READER = """
import json, sys
from datetime import datetime
from pathlib import Path
from tests.matching.corpus import firm_parser
try:
    from matching.parse.parser import VAGUE_REASON
except ImportError:
    VAGUE_REASON = None
firm = Path(sys.argv[1])
parser = firm_parser(firm)
for line in (firm / "delegations.jsonl").read_text(encoding="utf-8").splitlines():
    if not line.strip():
        continue
    request = json.loads(line)
    draft = parser.parse(request["text"], now=datetime.fromisoformat(request["now"]),
                         tz=request["tz"])
    reasons = dict(getattr(draft, "unsure_reasons", ()) or ())
    print(json.dumps({"id": request["id"], "rule_type": draft.task_type,
                      "rule_confidence": draft.confidence,
                      "rule_candidates": list(getattr(draft, "candidates", ()) or ()),
                      "vague": VAGUE_REASON is not None and reasons.get("task_type") == VAGUE_REASON}))
"""


def first_run_commits() -> dict[str, str]:
    """Firm name -> the commit its first run was measured at, for every firm that records one."""
    commits: dict[str, str] = {}
    for note, firms in GROUP_NOTES.items():
        found = _FIRST_RUN_COMMIT.search((FIRMS / note).read_text(encoding="utf-8"))
        if found:
            commits.update(dict.fromkeys(firms, found.group(1)))
    for readme in sorted(FIRMS.glob("*/README.md")):
        found = _FIRST_RUN_COMMIT.search(readme.read_text(encoding="utf-8"))
        if found:
            commits[readme.parent.name] = found.group(1)
    return commits


def read_at(commit: str, firms: list[str]) -> list[dict[str, object]]:
    """Each firm's requests read by the rules at `commit` (a temporary detached worktree)."""
    rows: list[dict[str, object]] = []
    with tempfile.TemporaryDirectory() as scratch:
        tree = Path(scratch) / "tree"
        subprocess.run([GIT, "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(tree),
                        commit], check=True)
        try:
            for firm in firms:
                done = subprocess.run([sys.executable, "-c", _READER, str(FIRMS / firm)],
                                      cwd=tree, env={"PYTHONPATH": str(tree), "PATH": ""},
                                      check=True, capture_output=True, text=True)
                rows += [{"firm": firm, "commit": commit, **json.loads(line)}
                         for line in done.stdout.splitlines()]
        finally:
            subprocess.run([GIT, "-C", str(ROOT), "worktree", "remove", "--force", str(tree)],
                           check=True)
    return rows


def main() -> None:
    by_commit: dict[str, list[str]] = defaultdict(list)
    for firm, commit in sorted(first_run_commits().items()):
        by_commit[commit].append(firm)
    rows = [row for commit, firms in sorted(by_commit.items()) for row in read_at(commit, firms)]
    rows.sort(key=lambda row: str(row["id"]))
    OUT.parent.mkdir(exist_ok=True)
    OUT.write_text("".join(json.dumps(row, sort_keys=True) + "\n" for row in rows),
                   encoding="utf-8")
    print(f"wrote {len(rows)} first-run readings of {sum(map(len, by_commit.values()))} firms "
          f"at {len(by_commit)} commits to {OUT}")


if __name__ == "__main__":
    main()
