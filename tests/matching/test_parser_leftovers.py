"""Who is asked where the grammar points obliquely (issue 13): offers made and taken up, a name a
transcript misheard, "Name again", "… so maybe her?", a self-assigned notice, and asks put to
the queue, to an unassigned item or as an FYI, which give the people named no work."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from matching.model import MatterRef
from matching.parse import Parser
from matching.parse.sound_alike import SoundAlikes
from tests.matching.bundled import firm_parser, reader, sure_assignee
from tests.matching.bundled import named_person as person

DEN = "America/Denver"
NOW = datetime(2029, 9, 11, 9, 15, tzinfo=ZoneInfo(DEN))  # a Tuesday

ODALYS, ROSALIND = "odalys.brandvold@larkspur.test", "rosalind.quist@larkspur.test"
LUIS, REBECCA = "luis.tennant@larkspur.test", "rebecca.amsel@larkspur.test"
GARRETT, PERPETUA = "garrett.vinh@larkspur.test", "perpetua.lyle@larkspur.test"
ROSTER = (
    person(ODALYS, "Odalys Brandvold", "partner"),
    person(ROSALIND, "Rosalind Quist", "paralegal"),
    person(LUIS, "Luis Tennant", "paralegal"),
    person(REBECCA, "Rebecca Amsel", "associate"),
    person(GARRETT, "Garrett Vinh", "associate"),
    person(PERPETUA, "Perpetua Lyle", "legal_assistant"),
)
MATTERS = (
    MatterRef("LS-1", "Hollis Ferrante", "Apex Recovery v. Ferrante (debt-buyer suit)"),
    MatterRef("LS-2", "Imelda Quarrie", "In re Imelda Quarrie (Chapter 13)"),
)


@pytest.fixture(scope="module")
def parser() -> Parser:
    return firm_parser(MATTERS, ROSTER)


read = reader(NOW, DEN, ODALYS)


# ---------------------------------------------------------------------------------------------
# Offers: the writer's offer gives the one named no work; an offer taken up gives them the work


@pytest.mark.parametrize(
    "text",
    [
        'Voicemail for Garrett, Mon 9/10 4:02 pm, from Hollis Ferrante: "It\'s Hollis, they '
        'garnished my check again. Call me back."\n\nGarrett — want me to call him and say '
        "you'll ring after court?",
        'Voicemail for Garrett, from Hollis Ferrante: "Can somebody call me about the '
        'garnishment?"\n\nGarrett, want me to call him back or do you want to?',
    ],
)
def test_a_voicemail_and_the_writers_offer_ask_no_one(parser: Parser, text: str) -> None:
    assert sure_assignee(read(parser, text, PERPETUA)) == (None, False)


@pytest.mark.parametrize(
    ("text", "doer"),
    [
        ("<at>Garrett Vinh</at> you're a star, thank you for offering. Yes please: Ferrante, "
         "standing defenses memo. By Friday.", GARRETT),
        ("Becky yes please! Pull the Quarrie plan payment history by Thursday.", REBECCA),
        ("Rosalind yes, please. The Ferrante exhibits in one PDF by tomorrow.", ROSALIND),
    ],
)
def test_an_offer_taken_up(parser: Parser, text: str, doer: str) -> None:
    assert sure_assignee(read(parser, text)) == (doer, False)


def test_the_work_asked_of_us_at_a_name(parser: Parser) -> None:
    text = "Rosalind can we get the Ferrante cease letter out today? He is upset."
    assert sure_assignee(read(parser, text)) == (ROSALIND, False)


def test_a_question_of_what_we_can_do_still_asks_no_one(parser: Parser) -> None:
    text = "Garrett, Apex says they will garnish Friday. Can we stop it?"
    assert sure_assignee(read(parser, text)) == (None, False)


# ---------------------------------------------------------------------------------------------
# Thanks, then more work: the one the text opens on


@pytest.mark.parametrize(
    "text",
    [
        "<at>Garrett Vinh</at> thx for the Ferrante memo, very clear. one more — same check on "
        "the Quarrie card. by Friday",
        "Garrett, thank you for the Ferrante memo. Please draft the answer by Friday.",
    ],
)
def test_thanked_as_the_text_opens_then_asked(parser: Parser, text: str) -> None:
    assert sure_assignee(read(parser, text)) == (GARRETT, False)


def test_thanked_midway_is_still_asked_about(parser: Parser) -> None:
    text = "Ferrante answer filed yesterday, thx garrett. pls calendar the hearing for Friday."
    assert sure_assignee(read(parser, text))[1]


def test_praise_then_an_ask_of_whoever_answers(parser: Parser) -> None:
    text = "Ferrante summary looks great Garrett. now need the disputes — who can draft em? by Fri"
    assert sure_assignee(read(parser, text)) == (None, False)


# ---------------------------------------------------------------------------------------------
# A name a transcript misheard: taken where it sounds like one roster name


def test_a_misheard_name_in_a_transcript(parser: Parser) -> None:
    text = ("transcribed voice memo:\n\nSpeaker 1 (00:00): Lewis, it's Odalys, re Ferrante\n"
            "Speaker 1 (00:06): can you go through the bill of sale by Thursday noon")
    assert sure_assignee(read(parser, text)) == (LUIS, False)


def test_sound_alikes() -> None:
    heard = SoundAlikes(["luis", "rebecca", "kristin", "cristin"])
    assert heard.heard_as("lewis") == "luis"
    assert heard.heard_as("louis") == "luis"
    assert heard.heard_as("rebekah") == "rebecca"
    assert heard.heard_as("luis") is None  # the name itself is no mishearing
    assert heard.heard_as("krystin") is None  # two names sound alike: no one
    assert heard.heard_as("lee") is None  # too short to tell


# ---------------------------------------------------------------------------------------------
# Pointing at someone: "again", "maybe him?"


@pytest.mark.parametrize(
    "text",
    [
        "Ferrante: validation letter to Apex. Rosalind again since she has the file. By Friday.",
        "Ferrante validation letter to Apex — Rosalind again, please. By Friday.",
    ],
)
def test_a_name_again(parser: Parser, text: str) -> None:
    assert sure_assignee(read(parser, text)) == (ROSALIND, False)


def test_a_pronoun_proposed_points_back(parser: Parser) -> None:
    text = ("I want somebody to tally every call in the Ferrante logs into a spreadsheet. Luis "
            "Tennant did such a careful job on the Quarrie docket, so maybe him? By the 25th.")
    assert sure_assignee(read(parser, text)) == (LUIS, False)


# ---------------------------------------------------------------------------------------------
# The writer never the assignee, unless they assign a pasted notice to themself


def test_a_notice_the_writer_assigns_themself(parser: Parser) -> None:
    text = ("Task assigned to Rosalind Quist: Prepare the Ferrante document production — Due "
            "09/20/2029 — Priority: Normal\n\nassigning myself. Luis I'll grab you for QC later")
    assert sure_assignee(read(parser, text, ROSALIND)) == (ROSALIND, False)


def test_a_notice_naming_the_writer_alone_is_not_theirs(parser: Parser) -> None:
    text = ("Task assigned to Rosalind Quist: Prepare the Ferrante document production — Due "
            "09/20/2029")
    assert read(parser, text, ROSALIND).assignee is None


# ---------------------------------------------------------------------------------------------
# Asks put to no one named


def test_the_queue_asked(parser: Parser) -> None:
    text = ("Hi Garrett,\n\nApex sent Mr. Ferrante another letter. Could the queue pick up a "
            "validation request? I'd like it out in 3 business days.\n\nThanks,\nOdalys")
    assert sure_assignee(read(parser, text)) == (None, False)


def test_an_unassigned_item_put_to_the_pool(parser: Parser) -> None:
    text = ("Meeting summary — sync 9/10\n\nAction items:\n"
            "• Garrett — pre-filing screen on Ferrante — due Fri\n"
            "• (unassigned) — request the police report for the Quarrie call\n\n"
            "can someone take the 2nd one? no rush")
    assert read(parser, text).assignee is None


@pytest.mark.parametrize(
    ("text", "doer", "asked"),
    [
        ("<at>Perpetua Lyle</at> FYI Ms. Quarrie called asking if her hearing is still on. I told "
         "her yes. She'll call back after lunch, no need to call her.", None, False),
        ("<at>Perpetua Lyle</at> FYI Ms. Quarrie called about her hearing. Can you call her "
         "back today?", PERPETUA, False),
    ],
)
def test_an_fyi_to_the_one_named(
    parser: Parser, text: str, doer: str | None, asked: bool
) -> None:
    assert sure_assignee(read(parser, text)) == (doer, asked)


def test_a_name_then_an_aside_of_time_then_the_ask(parser: Parser) -> None:
    text = ("Apex v. Ferrante — Rosalind before I finish the answer can you pull the last "
            "payment date? Today if you can")
    assert sure_assignee(read(parser, text)) == (ROSALIND, False)


def test_wanting_someones_ok_then_a_talk_asks_no_one(parser: Parser) -> None:
    text = ("Ferrante: Apex is open to numbers. Before I go above $9k I want Garrett's OK. "
            "Garrett, can we talk tomorrow at 9?")
    assert sure_assignee(read(parser, text)) == (None, False)
