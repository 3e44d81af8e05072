"""The text command grammar shared by Slack's /lpo, Teams messages and the console."""

from __future__ import annotations

import re
from dataclasses import dataclass

VERBS = ("delegate", "tasks", "accept", "decline", "done", "hours", "approve", "changes",
         "cancel", "reassign", "snooze", "wrong", "away", "back", "digest", "dashboard",
         "rebalance", "help", "confirm", "as", "quit")
ALIASES = {"lpo": "", "exit": "quit", "request-changes": "changes", "list": "tasks",
           "mytasks": "tasks", "?": "help", "finish": "done", "complete": "done",
           "retype": "wrong"}
_ID_FIRST = frozenset({"accept", "decline", "done", "hours", "approve", "changes", "cancel",
                       "reassign", "snooze", "wrong"})
_MENTION = re.compile(r"<at>[^<]*</at>", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Command:
    verb: str
    rest: str = ""
    target: int | None = None

    @property
    def valid(self) -> bool:
        return self.verb in VERBS and (self.verb not in _ID_FIRST or self.target is not None)


def strip_mentions(text: str) -> str:
    """Drop Teams `<at>lpo-bot</at>` mentions so channel messages read like direct ones."""
    return _MENTION.sub(" ", text or "").strip()


def parse_command(text: str) -> Command:
    """`decline 12 no capacity` -> Command("decline", "no capacity", 12); `/lpo away` -> away."""
    words = strip_mentions(text).lstrip("/").split(maxsplit=1)
    while words and ALIASES.get(words[0].lower()) == "":
        words = words[1].lstrip("/").split(maxsplit=1) if len(words) > 1 else []
    if not words:
        return Command("help")
    verb = words[0].lower()
    verb = ALIASES.get(verb, verb)
    rest = words[1].strip() if len(words) > 1 else ""
    if verb in _ID_FIRST:
        return _with_target(verb, rest)
    return Command(verb, rest)


def _with_target(verb: str, rest: str) -> Command:
    """`12 no capacity`, `#12 ...`, and a button's own value `12:hour` (snooze 12:hour)."""
    head, _, tail = rest.partition(" ")
    number, _, option = head.lstrip("#").partition(":")
    if number.isdigit():
        return Command(verb, f"{option} {tail}".strip(), int(number))
    return Command(verb, rest)


@dataclass(frozen=True, slots=True)
class RebalanceRequest:
    """`rebalance` (show the plan), `rebalance apply [token]` (or the button's `apply:token`)."""

    apply: bool
    token: str | None = None


def rebalance_request(rest: str) -> RebalanceRequest:
    words = rest.replace(":", " ").split()
    if not words or words[0].lower() != "apply":
        return RebalanceRequest(apply=False)
    token = words[1] if len(words) > 1 else None
    # A plan token is short hex; anything else typed after "apply" is not one.
    if token is not None and not re.fullmatch(r"[0-9a-f]{6,32}", token.lower()):
        token = None
    return RebalanceRequest(apply=True, token=token.lower() if token else None)


def away_until_text(rest: str) -> str:
    """`until Dec 2` -> `Dec 2`; `` -> `` (open-ended)."""
    return re.sub(r"^(until|till|til|through|thru)\b", "", rest.strip(), flags=re.I).strip()
