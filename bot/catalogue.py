"""Loads the task catalogue (the firm's own file, LPO_TAXONOMY, or the bundled default) and the
parser's bundled vocabulary."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from bot.settings import Settings, SettingsError
from matching.model import Taxonomy
from matching.parse import Vocabulary, parse_vocabulary
from matching.taxonomy import TaxonomyError, parse_taxonomy


def default_taxonomy_text() -> str:
    return resources.files("matching").joinpath("data/taxonomy.toml").read_text("utf-8")


def load_vocabulary() -> Vocabulary:
    """The parser's shorthand, ignored words and vetoes (matching/data/vocabulary.toml)."""
    text = resources.files("matching").joinpath("data/vocabulary.toml").read_text("utf-8")
    return parse_vocabulary(text)


def load_taxonomy(settings: Settings) -> Taxonomy:
    """The catalogue, validated; a bad firm file stops start-up with one clear line."""
    path: Path | None = settings.taxonomy
    try:
        text = path.read_text("utf-8") if path else default_taxonomy_text()
        return parse_taxonomy(text)
    except (OSError, UnicodeDecodeError) as error:
        raise SettingsError(f"LPO_TAXONOMY: cannot read {path}: {error}") from None
    except TaxonomyError as error:
        where = f"LPO_TAXONOMY ({path})" if path else "bundled taxonomy"
        raise SettingsError(f"{where}: {error}") from None
