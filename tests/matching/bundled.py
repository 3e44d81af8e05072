"""The catalogue shipped in the package, loaded once for the matching tests."""

from __future__ import annotations

from pathlib import Path

import matching
from matching.taxonomy import parse_taxonomy

BUNDLED_TAXONOMY_FILE = Path(matching.__file__).parent / "data" / "taxonomy.toml"
BUNDLED_TAXONOMY = parse_taxonomy(BUNDLED_TAXONOMY_FILE.read_text(encoding="utf-8"))
