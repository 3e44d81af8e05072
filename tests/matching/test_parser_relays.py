"""Requests relayed for someone and people called by other names (issue 13, session 8): the one
relayed for and the writer's principal are not the doer, a Vietnamese word of kinship or "ơi"
calls someone, a chat display name or a clipped surname names a roster person."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from matching.model import MatterRef
from matching.parse import Parser
from matching.parse.called_by import by_initials, clipped_surname, initials_named, shown_as
from matching.text import fold
from tests.matching.bundled import firm_parser, reader, sure_assignee
from tests.matching.bundled import named_person as person

CHI = "America/Chicago"
NOW = datetime(2029, 4, 10, 9, 30, tzinfo=ZoneInfo(CHI))  # a Tuesday

ELDON, WINIFRED = "eldon.marchbanks@pinecrest.test", "winifred.aske@pinecrest.test"
QUYNH, KHANH, DUY = "quynh.lam@pinecrest.test", "khanh.do@pinecrest.test", "duy.trinh@pinecrest.test"
TOMASZ, BRIANNA = "tomasz.wierzbicki@pinecrest.test", "brianna.ostrander@pinecrest.test"
LUIS, YESENIA = "luis.pardo@pinecrest.test", "yesenia.ruelas@pinecrest.test"
ODETTE, HA = "odette.fairweather@pinecrest.test", "ha.quach@pinecrest.test"
ROSTER = (
    person(ELDON, "Eldon Marchbanks", "partner"),
    person(WINIFRED, "Winifred Aske", "legal_assistant"),
    person(QUYNH, "Quỳnh Lâm", "associate"),
    person(KHANH, "Khanh Do", "paralegal"),
    person(DUY, "Duy Trinh", "paralegal"),
    person(TOMASZ, "Tomasz Wierzbicki", "paralegal"),
    person(BRIANNA, "Brianna Ostrander", "paralegal"),
    person(LUIS, "Luis Pardo", "paralegal"),
    person(YESENIA, "Yesenia Ruelas", "paralegal"),
    person(ODETTE, "Odette Fairweather", "associate"),
    person(HA, "Ha Quach", "associate"),
    person("minh.dang@pinecrest.test", "Minh Dang", "legal_assistant"),
)
MATTERS = (
    MatterRef("PC-1", "Đặng Văn Lợi", "Crestline Credit v. Dang Van Loi (debt-buyer suit)"),
    MatterRef("PC-2", "Harbor Point Homeowners Association", "Harbor Point HOA v. Bexley Builders"),
    MatterRef("PC-3", "Mirela Kostadinova", "In re Mirela Kostadinova (Chapter 7)"),
)


@pytest.fixture(scope="module")
def parser() -> Parser:
    return firm_parser(MATTERS, ROSTER)


read = reader(NOW, CHI, WINIFRED)


# ---------------------------------------------------------------------------------------------
# Relayed for a partner: the one the assistant writes for is no doer


@pytest.mark.parametrize(
    "text",
    [
        "On behalf of Mr. Marchbanks — <at>Odette Fairweather</at>: please draft the answer in "
        "Kostadinova by Friday.",
        "On behalf of Mr. Marchbanks — Kostadinova: he asks that <at>Odette Fairweather</at> "
        "draft the answer by Friday.",
        "Forwarded voicemail for Mr. Marchbanks — Mon 4/9, 5:10 pm (transcript):\n\"Please call "
        "me back.\"\n\nMr. Marchbanks asks that <at>Odette Fairweather</at> call Ms. Kostadinova "
        "today.",
    ],
)
def test_the_one_relayed_for_after_an_honorific_is_not_spoken_to(parser: Parser, text: str) -> None:
    assert sure_assignee(read(parser, text)) == (ODETTE, False)


def test_whose_assistant_a_signature_says_is_no_doer(parser: Parser) -> None:
    text = ("Good morning. The Kostadinova file is on the credenza if anyone needs it.\n"
            "— Winifred Aske\nAssistant to Eldon Marchbanks")
    assert read(parser, text).assignee is None


def test_a_task_for_someone_by_title(parser: Parser) -> None:
    text = "This is a task for Mr. Trinh, if he is free. Please file the Kostadinova schedules today."
    assert sure_assignee(read(parser, text)) == (DUY, False)


# ---------------------------------------------------------------------------------------------
# Vietnamese words of kinship and "ơi"


@pytest.mark.parametrize(
    ("text", "doer"),
    [
        ("Khánh ơi, please pull the Kostadinova bank statements by Friday.", KHANH),
        ("Duy em, please e-file the Kostadinova petition tomorrow.", DUY),
        ("Chị Quỳnh ơi, can you call Ms. Kostadinova today?", QUYNH),
        ("Dạ em Khanh, please scan the Kostadinova paystubs today.", KHANH),
    ],
)
def test_a_name_called_with_kinship_or_oi(parser: Parser, text: str, doer: str) -> None:
    assert sure_assignee(read(parser, text, ELDON)) == (doer, False)


def test_a_name_called_with_kinship_off_the_roster_is_asked_about(parser: Parser) -> None:
    draft = read(parser, "Bobby em, please scan the Kostadinova paystubs today.", ELDON)
    assert sure_assignee(draft) == (None, True)


def test_a_word_before_kinship_is_no_name(parser: Parser) -> None:
    draft = read(parser, "Yes em, please do the intake calls by Friday.", QUYNH)
    assert draft.assignee is None


def test_a_client_with_kinship_is_no_staff(parser: Parser) -> None:
    draft = read(parser, "cô Lợi brought her paystubs. Khanh, please scan them today.", ELDON)
    assert sure_assignee(draft) == (KHANH, False)


def test_a_stroked_letter_folds_to_its_base() -> None:
    assert fold("Đặng Văn Lợi") == "dang van loi"


# ---------------------------------------------------------------------------------------------
# Other names a colleague goes by


def test_a_display_name_with_the_roster_surname(parser: Parser) -> None:
    draft = read(parser, "<at>Tommy Wierzbicki</at> please scan the Kostadinova file today.")
    assert sure_assignee(draft) == (TOMASZ, False)


def test_a_display_name_is_read_only_with_one_bearer_and_its_initial() -> None:
    by_last = {"vo": {"a@x"}, "le": {"b@x", "c@x"}}
    first_of = {"a@x": "tuan", "b@x": "vy", "c@x": "lan"}
    firsts = {"tuan": {"a@x"}, "vy": {"b@x"}, "lan": {"c@x"}}
    assert shown_as(("tommy", "vo"), by_last, first_of, firsts) == {"a@x"}
    assert shown_as(("henry", "vo"), by_last, first_of, firsts) is None  # another initial
    assert shown_as(("lily", "le"), by_last, first_of, firsts) is None  # two Les
    assert shown_as(("vy", "vo"), by_last, first_of, firsts) is None  # Vy is someone's name


@pytest.mark.parametrize(
    "text",
    ["wierz can you scan the Kostadinova paystubs today?", "wierz — scan the Kostadinova file."],
)
def test_a_clipped_surname_spoken_to(parser: Parser, text: str) -> None:
    assert sure_assignee(read(parser, text, ODETTE)) == (TOMASZ, False)


def test_a_clipped_surname_is_long_enough_and_clipped() -> None:
    by_last = {"hoopingarner": {"t@x"}, "fairweather": {"o@x"}}
    assert clipped_surname("hoop", by_last) == {"t@x"}
    assert clipped_surname("hoo", by_last) is None
    assert clipped_surname("fairweath", by_last) is None  # hardly clipped: a misspelling


@pytest.mark.parametrize(
    ("text", "doer"),
    [
        ("Bree, please pull the Kostadinova statements today.", BRIANNA),
        ("Lou — draft the Kostadinova schedules by Friday.", LUIS),
        ("Yesi, can you scan the Kostadinova paystubs today?", YESENIA),
    ],
)
def test_short_forms_the_package_lacks(parser: Parser, text: str, doer: str) -> None:
    assert sure_assignee(read(parser, text, ODETTE)) == (doer, False)


def test_an_organisations_initials_are_no_client_surname(parser: Parser) -> None:
    # "HA" of "Harbor Point HA" is no word of the client's name, so "Ha" stays a staff name.
    draft = read(parser, "Ha, please draft the Harbor Point HOA discovery by Friday.", ELDON)
    assert sure_assignee(draft) == (HA, False)


# ---------------------------------------------------------------------------------------------
# Word passed on, questions relayed, and work handed on through an assistant


@pytest.mark.parametrize(
    "text",
    [
        "Morning Winifred — could you let EM know the Kostadinova trustee called back? Nothing "
        "else yet.",
        "Winifred, could you tell Mr. Marchbanks I'll have the Kostadinova schedules to him by "
        "Friday?",
        "<at>Winifred Aske</at> when Eldon has a minute, can you ask him whether he wants me to "
        "accept the Crestline offer?",
        "Odette — Eldon asked me to ask you whether the Kostadinova 341 is still on for the 20th. "
        "Just a yes or no is fine.",
    ],
)
def test_word_passed_on_gives_nobody_work(parser: Parser, text: str) -> None:
    assert read(parser, text, KHANH).assignee is None


def test_word_passed_on_beside_another_ask_is_still_work(parser: Parser) -> None:
    text = ("Winifred, could you let Eldon know the Kostadinova trustee called? Also please scan "
            "the new statements today.")
    assert read(parser, text, KHANH).assignee == WINIFRED


def test_word_passed_on_to_a_client_is_work(parser: Parser) -> None:
    text = "Winifred, could you let Ms. Kostadinova know her 341 moved to the 20th?"
    assert read(parser, text, KHANH).assignee == WINIFRED


def test_asking_whether_someone_can_do_it_hands_it_on(parser: Parser) -> None:
    text = ("<at>Winifred Aske</at> could you ask EM whether he can cover the Kostadinova 341 "
            "for me Thursday at 9:00?")
    assert read(parser, text, ODETTE).assignee == ELDON


def test_initials_name_someone_only_in_capitals() -> None:
    index = by_initials([("r@x", ("robert", "j", "hadley")), ("m@x", ("mai", "hoang"))])
    assert initials_named("RJH", index) == {"r@x"}
    assert initials_named("RJ", index) == {"r@x"}
    assert initials_named("MH", index) == {"m@x"}
    assert initials_named("mh", index) is None
    assert initials_named("SOL", index) is None


# ---------------------------------------------------------------------------------------------
# Transcribed voice memos


MEMO = (
    "Voice memo → transcript:\n\n"
    "Speaker 1 (00:00): Bree it's Odette, on the Kostadinova seven\n"
    "Speaker 1 (00:07): I need the amended schedule I drafted\n"
    "Speaker 1 (00:15): by, uh, Friday at ten\n"
    "Speaker 2 (00:19): [inaudible]"
)


def test_a_voice_memo_calls_the_one_it_is_for(parser: Parser) -> None:
    draft = read(parser, MEMO, ODETTE)
    assert sure_assignee(draft) == (BRIANNA, False)


def test_a_transcripts_offsets_are_no_times(parser: Parser) -> None:
    draft = read(parser, MEMO, ODETTE)
    assert draft.due_at == datetime(2029, 4, 13, 10, 0, tzinfo=ZoneInfo(CHI))
    assert "due_at" not in draft.unsure


def test_a_client_named_family_name_first_is_no_staff_surname(parser: Parser) -> None:
    # Minh Dang is staff; "Dang Van Loi" is the client Đặng Văn Lợi, family name first.
    draft = read(parser, "Dang Van Loi — whoever has time: draft the answer by Friday.", ELDON)
    assert draft.assignee is None
