"""The person spoken to in dictation that runs on without stops: a short form opening the text
before an apology or news and an ask of "you", a name asked in the middle of the run, a name the
dictation split in two; and the runs that name nobody spoken to."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from matching.model import MatterRef
from matching.parse import Parser
from tests.matching.bundled import firm_parser, reader, sure_assignee
from tests.matching.bundled import named_person as person

PHOENIX = "America/Phoenix"
NOW = datetime(2029, 3, 14, 11, 5, tzinfo=ZoneInfo(PHOENIX))  # a Wednesday

THEO, LEXI, GABE = "tlusk@mesquite.test", "avarga@mesquite.test", "goduro@mesquite.test"
MARISELA, DAN_F, DAN_O = "mduarte@mesquite.test", "dfenn@mesquite.test", "dokoye@mesquite.test"
ROSTER = (
    person(THEO, "Theodore Lusk", "partner"),
    person(LEXI, "Alexis Varga", "associate"),
    person(GABE, "Gabriel Oduro", "associate"),
    person(MARISELA, "Marisela Duarte", "paralegal"),
    person(DAN_F, "Daniel Fenn", "paralegal"),
    person(DAN_O, "Daniel Okoye", "legal_assistant"),
)
MATTERS = (
    MatterRef("MQ-201", "Gabriel Quimby", "Saguaro Flats LLC v. Quimby (forcible detainer)"),
    MatterRef("MQ-202", "Odalys Ferrer", "Ferrer v. Ironwood Recovery (FDCPA)"),
)


@pytest.fixture(scope="module")
def parser() -> Parser:
    return firm_parser(MATTERS, ROSTER)


read = reader(NOW, PHOENIX, THEO)


@pytest.mark.parametrize(
    ("text", "who"),
    [
        # A short form opening the text, then an apology or news, then the ask.
        ("gabe sorry for the late one can you go through the ferrer complaint and tell me what "
         "they attached tonight if you can", GABE),
        ("lexi ironwood's lawyer emailed me they'll take half i'm stuck in court can you call "
         "them and try to get it down", LEXI),
        ("lexi while you're finishing the ferrer letters can you also draft interrogatories by "
         "next tuesday", LEXI),
        ("gabe before you go can you send the quimby trial notice to the client", GABE),
        # A yes before the name spoken to.
        ("yes gabe please calendar it and scan the notice to me", GABE),
        # A name asked in the middle of a run of dictation.
        ("the quimby trial got moved again and the landlord's lawyer wants to talk lexi can you "
         "call him back today", LEXI),
        # A name the dictation split in two, misheard.
        ("new intake at 2 today her landlord gave her a 5 day notice mary sela can you do the "
         "intake with her", MARISELA),
        # After a comma, told of "you" and asked later in the sentence.
        ("I was going to call Ferrer myself, but Gabe, you've been the one talking to her — can "
         "you call her today?", GABE),
    ],
)
def test_dictated_addressee(parser: Parser, text: str, who: str) -> None:
    assert sure_assignee(read(parser, text)) == (who, False)


@pytest.mark.parametrize(
    "text",
    [
        # The name opening the text is the subject of news.
        "lexi called about ferrer, can you call her back",
        "gabe said the quimby answer is filed can you check the docket",
        # A client's first name that a colleague shares is no one spoken to with the surname.
        "gabriel quimby the landlord sent a new notice can you draft the answer",
    ],
)
def test_dictated_news_names_nobody_spoken_to(parser: Parser, text: str) -> None:
    assert read(parser, text).assignee not in (LEXI, GABE)


def test_no_guess_from_letters_in_a_run(parser: Parser) -> None:
    """A word asked in a run counts only as a roster name or a short form the table gives:
    "mar" begins Marisela's name but is no name of hers."""
    draft = read(parser, "the ferrer letter is late again mar can you send it today")
    assert draft.assignee is None and "assignee" not in draft.unsure


def test_short_form_two_people_share_is_asked(parser: Parser) -> None:
    draft = read(parser, "danny sorry it's late but could you resend me the quimby complaint")
    assert draft.assignee is None and "assignee" in draft.unsure
