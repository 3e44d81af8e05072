"""The shared form-field reader: each field's label name and value span, by the caller's grammar."""

from __future__ import annotations

from matching.parse.fields import Field, field_reader, labelled_fields

_LINE = field_reader({"due": r"due|deadline", "owner": r"owner"})
_INLINE = field_reader({"owner": r"owner"}, start=r"(?:^|(?<=\|))[^\S\n]*", value=r"[^\n|]*")


def test_line_fields_name_their_label_and_span_their_value() -> None:
    text = "task: brief\ndue: 1/6\n  owner:\tkate\nnotes: owner: no"
    assert list(labelled_fields(_LINE, text)) == [
        Field("due", 17, 20), Field("owner", 30, 34)]
    assert text[17:20] == "1/6" and text[30:34] == "kate"


def test_a_caller_may_let_fields_open_mid_line_and_end_at_a_bar() -> None:
    text = "task: answer | owner: bob | client: vale"
    assert [text[f.start:f.end] for f in labelled_fields(_INLINE, text)] == ["bob "]
    assert list(labelled_fields(_LINE, text)) == []


def test_no_colon_no_fields() -> None:
    assert list(labelled_fields(_LINE, "due friday")) == []
