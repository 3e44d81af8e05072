"""The assignee as the person spoken to (issue 13): texts typed on phones or dictated that open on
a name — a pet form, a spelling the nickname table lacks, a first name and a surname's initial,
in any case, with or without a comma — and what makes the one named no assignee after all."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from matching.model import MatterRef
from matching.parse import Parser
from matching.parse.asked_why import SEVERAL_PEOPLE
from matching.parse.doer import asked_only_with_we, handed_back
from matching.parse.hints import Hint, told_apart
from matching.parse.people import ROUTING
from matching.text import fold
from tests.matching.bundled import firm_parser, reader, sure_assignee
from tests.matching.bundled import named_person as person

BOISE = "America/Boise"
NOW = datetime(2029, 3, 13, 8, 40, tzinfo=ZoneInfo(BOISE))  # a Tuesday

CORBIN, MADELEINE, OWEN = "chale@sagebrush.test", "mquist@sagebrush.test", "opryce@sagebrush.test"
MEGAN_B, MEGAN_R, WILLIAM = "mboyle@sagebrush.test", "mruiz@sagebrush.test", "wtandy@sagebrush.test"
TESS, GIDEON, HOPE = "tharlan@sagebrush.test", "gmarsh@sagebrush.test", "hlind@sagebrush.test"
HAROLD, INES = "hpike@sagebrush.test", "isoto@sagebrush.test"
ROSTER = (
    person(OWEN, "Owen Pryce", "partner", "U01OWEN"),
    person(GIDEON, "Gideon Marsh", "associate", "U02GIDEON"),
    person(WILLIAM, "William Tandy", "associate", "U03WILL"),
    person(CORBIN, "Corbin Hale", "paralegal", "U04CORBIN"),
    person(MADELEINE, "Madeleine Quist", "paralegal", "U05MADDIE"),
    person(MEGAN_B, "Megan Boyle", "paralegal", "U06MEGB"),
    person(MEGAN_R, "Megan Ruiz", "legal_assistant", "U07MEGR"),
    person(TESS, "Tess Harlan", "legal_assistant", "U08TESS"),
    person(HOPE, "Hope Lindqvist", "legal_assistant", "U09HOPE"),
    person(HAROLD, "Harold Pike III", "paralegal", "U10TREY"),
    person(INES, "Ines Soto", "associate", "U11INES"),
)
MATTERS = (
    MatterRef("SB-101", "Dolores Alder", "Ridgeway Credit v. Alder"),
    MatterRef("SB-102", "Vern Quimby", "In re Vern Quimby (Chapter 7)"),
)


@pytest.fixture(scope="module")
def parser() -> Parser:
    return firm_parser(MATTERS, ROSTER)


read = reader(NOW, BOISE)


# ---------------------------------------------------------------------------------------------
# Who a name spoken to names: pet forms, spellings, initials
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "who"),
    [
        # A pet form of a first name the nickname table lacks: the first syllable and "-y".
        ("corby pls draft the Alder answer by friday", CORBIN),
        ("Corby, can you pull the Quimby paystubs?", CORBIN),
        ("@corby can you pull the Quimby paystubs?", CORBIN),
        # A spelling the table lacks borrows the short forms of one it knows (Madeline's).
        ("maddie can you pull the Alder ledger from the portal today", MADELEINE),
        # A first name and a surname's initial in lower case tell two Megans apart.
        ("megan r, the Alder ledger came in. pls scan it to the file", MEGAN_R),
        ("megan b pls calendar the Alder hearing, 4/2 at 9", MEGAN_B),
        ("@megan r draft the Alder demand letter, friday ok", MEGAN_R),
        # A third of the name is called by his suffix.
        ("Trey, can you run the Alder answer to the clerk tomorrow morning?", HAROLD),
        # A courtesy title and surname.
        ("Ms. Soto, I shall be away Monday. Would you be kind enough to appear at the Alder "
         "hearing in my stead?", INES),
        # A first name and surname in lower case, set off by a dash.
        ("megan ruiz - pls research the Quimby homestead exemption by next mon", MEGAN_R),
    ],
)
def test_a_short_form_or_initial_spoken_to_names_the_assignee(
    parser: Parser, text: str, who: str
) -> None:
    assert sure_assignee(read(parser, text, writer=OWEN)) == (who, False)


def test_a_first_name_two_people_share_with_no_initial_is_asked_about(parser: Parser) -> None:
    draft = read(parser, "megan, pls scan the Alder ledger to the file today", writer=OWEN)
    assert sure_assignee(draft) == (None, True)
    assert dict(draft.unsure_reasons)["assignee"] == SEVERAL_PEOPLE.format(
        name="megan", people="Megan Boyle or Megan Ruiz"
    )


# ---------------------------------------------------------------------------------------------
# A name opening the text without a comma, before news or an ask of "you"
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("tess the Alder answer is signed and on your desk, please file it today", TESS),
        ("tess since corby's out pls cover the Alder hearing thursday at 9", TESS),
        ("tess good catch on the Alder ledger. pls draft the dispute letter by fri", TESS),
        ("tess quimby's trustee wants 60 days of paystubs by 3/20, pls get them from him", TESS),
        ("Gideon Mrs Alder says Ridgeway is still calling her at work. send them a cease and "
         "desist letter today", GIDEON),
        ("Gideon I need you to review the Quimby schedules by Friday", GIDEON),
        ("Okay Gideon when you get a minute I'd like you to call Ms. Alder about the offer", GIDEON),
        ("gideon need the Quimby 341 notes b4 tmrw", GIDEON),
        ("welcome back corby. pls do a sol check on the Alder card, eod thurs", CORBIN),
        # A greeting and a name closing its sentence; thanks or a yes said first.
        ("Hi Gideon! Could you draft the Alder answer on the county form by Friday?", GIDEON),
        ("corby appreciate you. while you're there can you calendar the Quimby deadline?",
         CORBIN),
        ("Gideon yes, counter Ridgeway at 35 on Alder. you can go to 45 without calling me",
         GIDEON),
        # A note headed with whom it is for.
        ("for Corby :point_right: pls call Ms. Alder back about the offer tmrw morning", CORBIN),
        # Another's doing is only mentioned: the one spoken to does the work.
        ("tess hope ur ok covering for megan b today, pls finish the Alder workup she started",
         TESS),
        ("tess since corby's out pls help megan b pull the Alder exhibits together. eod", TESS),
    ],
)
def test_a_name_opening_the_text_without_a_comma_is_spoken_to(
    parser: Parser, text: str, who: str
) -> None:
    assert sure_assignee(read(parser, text, writer=OWEN)) == (who, False)


@pytest.mark.parametrize(
    "text",
    [
        # The name is the subject of what is told: not spoken to.
        "tess called the clerk. can someone calendar the Alder hearing for 4/2?",
        "tess filed the Alder answer yesterday, someone pls serve it",
    ],
)
def test_a_name_that_is_the_subject_is_not_spoken_to(parser: Parser, text: str) -> None:
    assert read(parser, text, writer=OWEN).assignee != TESS


@pytest.mark.parametrize(
    ("text", "who"),
    [
        # "Will" is a name only where the syntax says it is spoken to.
        ("will i want you to cover the Alder hearing thursday at 9", WILLIAM),
        ("hi will, the Alder clerk called about the hearing. can u call her back?", WILLIAM),
        ("you take it will. counter at 2k, authority to 3k. before fri", WILLIAM),
        ("Will I'd like you to make the counteroffer on Alder by 3 today", WILLIAM),
    ],
)
def test_a_name_that_is_also_a_word_is_a_name_where_it_is_spoken_to(
    parser: Parser, text: str, who: str
) -> None:
    assert sure_assignee(read(parser, text, writer=OWEN)) == (who, False)


@pytest.mark.parametrize(
    ("text", "not_who"),
    [
        ("Will the Alder answer be filed by Friday? someone pls check the docket", WILLIAM),
        ("will need the Quimby schedules by friday, pls pull them", WILLIAM),
        ("hope the Alder hearing went ok. pls send me the minute entry today", HOPE),
        ("Hope you're well! Can you send me the Alder minute entry today?", HOPE),
        ("hope u had a good weekend. pls send me the Alder minute entry today", HOPE),
    ],
)
def test_a_name_that_is_also_a_word_is_no_one_as_a_word(
    parser: Parser, text: str, not_who: str
) -> None:
    assert read(parser, text, writer=OWEN).assignee != not_who


# ---------------------------------------------------------------------------------------------
# Spoken to, but not given the work
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # News and an offer, or a question of what "we" can do: no one is assigned.
        "corby, the clerk says the Alder hearing moved to 4/2 at 1:30. want me to calendar it?",
        "owen, mrs alder says ridgeway is repossessing her truck friday, can we stop it?",
        "Hi Gideon,\n\nQuick question on the Alder requests: should we produce Ms. Alder's bank "
        "statements, or object and offer a summary?\n\nThanks,\nTess",
        # Work handed back by one kept off the matter: a reply, not a delegation.
        "will i can't work on alder, i'm walled off (i used to work at Ridgeway). can u ask tess?",
        "Hi Gideon, I'm screened from Quimby. Could you send that one to Tess or Corbin instead?",
        "Gideon I can't open that one (walled off). Tess can you reassign?",
        "Gideon - I can't touch Alder, I'm walled off. can Tess or Corbin grab it?",
        "Tess I can't, I'm walled off Quimby. try Corbin?",
        # The writer's own ask.
        "Owen, Alder - can I grab 30 min w/ you tmrw on the plan? I'll chase her for the stubs",
    ],
)
def test_one_spoken_to_only_with_news_offers_or_a_hand_back_is_no_assignee(
    parser: Parser, text: str
) -> None:
    assert sure_assignee(read(parser, text, writer=MEGAN_B)) == (None, False)


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("Tess, I'm walled off from Alder. Could you ask Gideon to draft the answer by Friday?",
         GIDEON),
        ("Tess, I'm walled off from Alder, so please draft the answer by Friday", TESS),
    ],
)
def test_one_kept_off_who_still_asks_for_work_assigns_it(
    parser: Parser, text: str, who: str
) -> None:
    assert sure_assignee(read(parser, text, writer=OWEN)) == (who, False)


def test_one_proposed_after_a_question_of_what_we_can_do_is_the_assignee(parser: Parser) -> None:
    text = "Can we get Mr. Quimby's bank statements? Maybe Gideon? By Monday."
    assert sure_assignee(read(parser, text, writer=OWEN)) == (GIDEON, False)


def test_one_of_two_for_the_one_spoken_to_to_choose_is_asked_about(parser: Parser) -> None:
    draft = read(parser, "<@U01OWEN> can u have Tess or Gideon start the Alder discovery "
                         "responses? want a draft tues", writer=MEGAN_B)
    assert sure_assignee(draft) == (OWEN, True)
    assert dict(draft.unsure_reasons)["assignee"] == ROUTING


# ---------------------------------------------------------------------------------------------
# Several people named: who is given the work
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "who"),
    [
        # The one spoken to is asked whether another could do it.
        ("Owen I know you wanted me on the Alder call but I'm slammed, could Gideon call "
         "Ridgeway's counsel next week?", GIDEON),
        # A name said to replace the one before.
        ("<@U08TESS> i know ur slammed so <@U02GIDEON> instead - pls run the Alder prefiling "
         "screen within 7 days", GIDEON),
        # Each mention in a sentence of its own: the one asked for work.
        ("<@U01OWEN> happy to take the Alder research. <@U08TESS> can you pull the Quimby "
         "docket for me? Today if possible.", TESS),
        # A namesake spoken to by a fuller name as well.
        ("Good afternoon Megan R. and Gideon,\n\nThe Alder discovery is open. Megan, could you "
         "please prepare first drafts of the interrogatories by Friday?", MEGAN_R),
        ("On Alder, I think it's time for discovery. Megan, uh, Megan Boyle, I'd like you to "
         "take first crack at the interrogatories by Friday.", MEGAN_B),
        # A proposal that says so: "X can take …".
        ("I want a prefiling workup on Alder. Megan B can take a first pass. Let's say Friday",
         MEGAN_B),
    ],
)
def test_the_one_given_the_work_among_several_named(parser: Parser, text: str, who: str) -> None:
    assert sure_assignee(read(parser, text, writer=MADELEINE)) == (who, False)


@pytest.mark.parametrize(
    ("text", "who"),
    [
        # Thanks closing an ask go to the one asked.
        ("Could you prepare the Alder answer? It's due 4/2. A draft by Friday would be "
         "perfect. Thanks Gideon!", GIDEON),
        ("yes pls calendar the Alder hearing 4/2 at 9 + a reminder the day before. thx Corby",
         CORBIN),
        ("<@U08TESS> thx for the intake notes!! next step can u gather the Alder pay stubs? "
         "in 5 business days is fine", TESS),
        # A heading says whose work it is.
        ("Work for Corby tomorrow, if he has time: Ms. Alder called. Please call her back about "
         "the offer.", CORBIN),
        # The one named for the pool's ask.
        ("Mr. Quimby's trustee wants his bank statements. I need somebody to get them into the "
         "file. <@U08TESS> would you? In 5 business days.", TESS),
    ],
)
def test_the_one_thanked_headed_or_put_the_ask_is_the_assignee(
    parser: Parser, text: str, who: str
) -> None:
    assert sure_assignee(read(parser, text, writer=OWEN)) == (who, False)


def test_a_signature_after_a_comma_is_not_thanked_into_the_work(parser: Parser) -> None:
    draft = read(parser, "Could you prepare the Alder answer by Friday? Thanks, Owen")
    assert draft.assignee != OWEN


# ---------------------------------------------------------------------------------------------
# The pieces
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "only_we"),
    [
        ("dale, the clerk moved the hearing. can we push the depo?", True),
        ("dale, the clerk moved the hearing. want me to calendar it?", True),
        ("dale, the clerk moved the hearing. can we push it? pls call the clerk", False),
        ("dale, the clerk moved the hearing. can we push it? call the clerk today", False),
        ("dale, can you call the clerk?", False),
        ("dale, the answer is due friday. can we get it filed by thursday?", False),
    ],
)
def test_asked_only_with_we(text: str, only_we: bool) -> None:
    assert asked_only_with_we(fold(text), 0) is only_we


def test_a_question_of_what_we_can_do_before_the_name_asks_nothing_of_it() -> None:
    folded = fold("can we get the statements? maybe gideon?")
    assert asked_only_with_we(folded, folded.index("gideon")) is False


@pytest.mark.parametrize(
    ("text", "back"),
    [
        ("i'm walled off on alder. can u ask tess?", True),
        ("Jo's screened from it - can someone else take those?", True),
        ("I can't touch that one. Can you give the call logs to someone else?", True),
        ("i'm walled off on alder. can u ask tess? and pls draft the quimby letter", False),
        ("i'm walled off on alder. can u ask tess to draft the answer?", False),
        ("can u ask tess?", False),
    ],
)
def test_handed_back(text: str, back: bool) -> None:
    assert handed_back(fold(text)) is back


def test_told_apart_reads_a_shared_name_as_the_one_spoken_to_in_full() -> None:
    shared = Hint(40, None, "two", 1, could_be=frozenset({MEGAN_B, MEGAN_R}))
    full = Hint(5, MEGAN_R, role=6)  # LISTED
    assert told_apart([full, shared])[1].email == MEGAN_R
    other = Hint(5, GIDEON, role=1)
    assert told_apart([other, shared])[1].email is None
