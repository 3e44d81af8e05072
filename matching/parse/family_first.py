"""Clients' names written family name first, the Vietnamese way: their forms and namesakes."""

from __future__ import annotations

from collections.abc import Callable

from matching.parse.client_names import family_first_word
from matching.parse.words import Span, Word, squashed

__all__ = ["FamilyFirstNames"]


class FamilyFirstNames:
    """The names of a firm's clients that put the family name first ("Nguyễn Văn Hùng")."""

    def __init__(self) -> None:
        self._words: set[str] = set()  # "nguyen", "van", "hung"
        self._families: set[str] = set()  # "nguyen"

    def add(self, name: tuple[str, ...]) -> set[tuple[str, ...]]:
        """Index a client's name; the full forms it may be written in besides its own:
        "Nguyen Hung" and "Hung Nguyen" of "Nguyen Van Hung"."""
        self._words.update(map(squashed, name))
        self._families.add(squashed(name[0]))
        return {(name[0], name[-1]), (name[-1], name[0])}

    def __contains__(self, word: str) -> bool:
        # A word of such a name: "Thanh" one letter from Thang is another name, not a typo.
        return word in self._words

    def another(
        self,
        text: str,
        found: list[Word],
        index: int,
        span: Span,
        names: list[tuple[str, ...]],
        is_known_word: Callable[[str], bool],
    ) -> bool:
        """Whether the one word at `index` names someone else than the clients (their `names`):
        a family name going on with a given name none of them has ("Mrs. Nguyễn Thị Bích Ngọc"
        when no Nguyễn client is Ngọc), or a given name after other names of that order ("Mr.
        Tạ Văn Trung" when the client Trung is a Đoàn)."""
        said = squashed(found[index][2])
        if found[index][1] != span[1] or said not in self._words:
            return False
        if index > 0 and found[index][0] - found[index - 1][1] == 1:
            before = squashed(found[index - 1][2])
            if (
                text[found[index - 1][0]].isupper()
                and (before in self._words or family_first_word(before))
                and all(before not in name for name in names)
            ):
                return True
        after = index + 1
        if said not in self._families or after >= len(found):
            return False
        start, _, word = found[after]
        return (
            start - span[1] == 1
            and text[start].isupper()
            and word.isalpha()
            and not is_known_word(word)
            and all(squashed(word) != name[-1] for name in names)
        )
