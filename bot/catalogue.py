"""Loads the task catalogue (the firm's own file, LPO_TAXONOMY, or the bundled default) and the
parser's bundled vocabulary, and finds a task type by what a person types for it."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from rapidfuzz import fuzz

from bot.settings import Settings, SettingsError
from matching.model import TaskType, Taxonomy
from matching.parse import Vocabulary, parse_vocabulary
from matching.taxonomy import TaxonomyError, parse_taxonomy
from matching.text import fold

# How close typed words must come to a label (rapidfuzz WRatio, 0-100), and by how much the
# best label must beat the next one, for "doc review" to be taken as "Document review".
TYPE_MATCH_CUTOFF = 75.0
TYPE_MATCH_MARGIN = 3.0
# A typed word matches a word of the label when it is that close (a typo: "reserch").
WORD_MATCH_CUTOFF = 75.0


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


def find_task_type(taxonomy: Taxonomy, typed: str) -> TaskType | None:
    """The task type `typed` names: its id or its label, exactly or closely ("doc review",
    "document_review", "Document Review"); None when nothing, or more than one, fits."""
    wanted = _words(typed)
    if not wanted:
        return None
    exact = [t for t in taxonomy.types if wanted in (_words(t.name), _words(t.id))]
    if exact:
        return exact[0]
    scored = sorted(((max(fuzz.WRatio(" ".join(wanted), " ".join(_words(t.name))),
                          fuzz.WRatio(" ".join(wanted), " ".join(_words(t.id)))), t)
                     for t in taxonomy.types if _every_word_fits(wanted, t)),
                    key=lambda pair: -pair[0])
    if not scored or scored[0][0] < TYPE_MATCH_CUTOFF:
        return None
    if len(scored) > 1 and scored[0][0] - scored[1][0] < TYPE_MATCH_MARGIN:
        return None  # "document": review, collection or production?
    return scored[0][1]


def _words(text: str) -> tuple[str, ...]:
    return tuple(fold(text).replace("_", " ").replace("-", " ").split())


def _every_word_fits(wanted: tuple[str, ...], task_type: TaskType) -> bool:
    """Each typed word starts, abbreviates ("ltr") or nearly spells a word of the type's label
    or id: so "depo prep" is not taken for "Bankruptcy petition prep"."""
    known = {*_words(task_type.name), *_words(task_type.id)}
    return all(any(_abbreviates(word, w) or fuzz.ratio(word, w) >= WORD_MATCH_CUTOFF
                   for w in known) for word in wanted)


def _abbreviates(short: str, word: str) -> bool:
    """`short` is `word` with letters left out, starting alike ("doc", "ltr", "docs" no)."""
    if not short or short[0] != word[0]:
        return False
    letters = iter(word)
    return all(letter in letters for letter in short)
