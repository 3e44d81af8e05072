"""The delegation parser: text in, TaskDraft out (task type, title, deadline, priority, ...)."""

from matching.parse.asked_why import AMBIGUOUS_MATTER_WARNING, SEVERAL_MATTERS_WARNING
from matching.parse.catalogue import CONFIDENCE_THRESHOLD, Catalogue
from matching.parse.parser import Parser, parse
from matching.parse.people import Nicknames
from matching.parse.priority import priority_of
from matching.parse.vocabulary import Vocabulary, VocabularyError, parse_vocabulary

__all__ = [
    "AMBIGUOUS_MATTER_WARNING",
    "CONFIDENCE_THRESHOLD",
    "SEVERAL_MATTERS_WARNING",
    "Catalogue",
    "Nicknames",
    "Parser",
    "Vocabulary",
    "VocabularyError",
    "parse",
    "parse_vocabulary",
    "priority_of",
]
