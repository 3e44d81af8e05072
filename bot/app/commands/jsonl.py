"""The `--jsonl` batch mode shared by `parse` and `match`: one request per line, one answer each."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, TextIO

Answer = Callable[[str, str | None, str | None, str | None], dict[str, Any]]


def each_request(lines: TextIO, out: TextIO, answer: Answer, *,
                 defaults: dict[str, str | None]) -> int:
    """Answer every line; a bad line gets `{"error": ...}` and the exit code becomes 2."""
    failed = False
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            request = json.loads(line)
            if not isinstance(request, dict) or not isinstance(request.get("text"), str):
                raise ValueError('each line must be a JSON object with a "text" string')
            result = answer(request["text"], request.get("now") or defaults.get("now"),
                            request.get("tz") or defaults.get("tz"),
                            request.get("as") or defaults.get("as"))
        except ValueError as error:  # json.JSONDecodeError and DryRunError are ValueErrors
            failed = True
            result = {"error": f"line {number}: {error}"}
        out.write(json.dumps(result) + "\n")
    out.flush()
    return 2 if failed else 0
