"""Matter and assignee as more untuned firms write them (issue 13, second round): a client's
matters told apart by their practice, given names, relatives and namesakes, the main item of a
list, and the people a text speaks to, proposes, copies or offers as alternatives."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from matching.model import MatterRef
from matching.parse import AMBIGUOUS_MATTER_WARNING, SEVERAL_MATTERS_WARNING, Parser
from matching.parse.asked_why import CONTEXT_GUESS_WARNING, NO_ACTION
from matching.parse.assigning import SEVERAL_ASKED
from matching.parse.items import main_part, parts
from matching.parse.matters import ANOTHER_PERSON_WARNING, GIVEN_NAME_WARNING
from matching.text import fold
from tests.matching.bundled import (
    firm_parser,
    reader,
    sure_assignee,
    sure_matter,
)
from tests.matching.bundled import named_person as person

CHI = "America/Chicago"
NOW = datetime(2027, 4, 13, 9, 30, tzinfo=ZoneInfo(CHI))  # a Tuesday

OTTILIE, BART, ZAINAB = "ottilie.brandt@firm.test", "bart.kaye@firm.test", "zainab.o@firm.test"
FERGUS, IMOGEN, FRED = "fergus.l@firm.test", "imogen.ward@firm.test", "fred.moss@firm.test"
ROSTER = (
    person(OTTILIE, "Ottilie Brandt", "partner", "U1OTTILIE"),
    person(BART, "Bartholomew Kaye", "associate"),
    person(ZAINAB, "Zainab Oyelowo", "paralegal", "U2ZAINAB"),
    person(FERGUS, "Fergus Lindqvist", "paralegal"),
    person(IMOGEN, "Imogen Ward", "legal_assistant", "U3IMOGEN"),
    person(FRED, "Frederick Moss", "associate"),
)
FCRA, CH13, QUILL, ROWNTREE = "DL-201", "DL-202", "QU-301", "RW-401"
WREN, HOLM, GRANGE, OBUYA = "WR-501", "HO-601", "GR-602", "OB-701"
VANCE_FCRA, VANCE_CH7, STAMPS, HOLLIS = "VA-801", "VA-802", "ST-901", "HL-111"
MATTERS = (
    MatterRef(FCRA, "Hyacinth Delacourt", "Delacourt v. Equifax Information Services (FCRA)"),
    MatterRef(CH13, "Hyacinth Delacourt", "In re Hyacinth Delacourt (Chapter 13)"),
    MatterRef(QUILL, "Thaddeus Quill", "Quill v. Apex Recovery (FDCPA)"),
    MatterRef(ROWNTREE, "Philippa Rowntree", "Midland Funding v. Rowntree"),
    MatterRef(WREN, "Ignatius Wren", "Wren - wage garnishment exemption"),
    MatterRef(HOLM, "Perpetua Holm", "Holm v. Crestline (FDCPA)"),
    MatterRef(GRANGE, "Perpetua Grange", "Grange - medical debt"),
    MatterRef(OBUYA, "Frank Obuya", "Obuya v. Summit Auto (repossession)"),
    MatterRef(VANCE_FCRA, "Osric Vance", "Vance v. TransUnion (FCRA)"),
    MatterRef(VANCE_CH7, "Mirela Vance", "In re Mirela Vance (Chapter 7)"),
    MatterRef(STAMPS, "Corliss Stamps", "Stamps - levy on wages"),
    MatterRef(HOLLIS, "Marguerite Hollis", "Hollis v. TransUnion"),
)


@pytest.fixture(scope="module")
def parser() -> Parser:
    return firm_parser(MATTERS, ROSTER)


read = reader(NOW, CHI)




# ---------------------------------------------------------------------------------------------
# Matter: one client's matters, given names, relatives and namesakes, words that are surnames
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "matter"),
    [
        ("the Delacourt ch 13 plan needs amending by Friday", CH13),
        ("Delacourt's trustee wants last year's tax return", CH13),
        ("please send the Chapter 13 checklist to Hyacinth Delacourt", CH13),
        ("the Delacourt FCRA case needs a damages summary", FCRA),
        ("Delacourt Equifax reinvestigation: summarise it", FCRA),
    ],
)
def test_a_word_of_one_matters_practice_or_parties_settles_a_clients_matters(
    parser: Parser, text: str, matter: str
) -> None:
    assert sure_matter(read(parser, text)) == (matter, False)


@pytest.mark.parametrize(
    "text",
    [
        "Delacourt — Equifax responded; summarise it",
        "Delacourt: Equifax wrote back again, pls let her know",
    ],
)
def test_a_party_opening_news_after_the_name_only_suggests_the_matter(
    parser: Parser, text: str
) -> None:
    # The party is the subject of a clause of its own, not a word naming one of her cases.
    draft = read(parser, text)
    assert (draft.matter, draft.reason("matter")) == (FCRA, CONTEXT_GUESS_WARNING)


@pytest.mark.parametrize(
    "text",
    [
        # A word of bankruptcy in a clause of its own: her lawsuit has deadlines too.
        "Delacourt: the trustee wants last year's tax return",
        "Delacourt - trustee's deadline for the pay stubs is the 9th, calendar it",
        # A chapter beside the other case's party: the text weighs one case against the other.
        "Hyacinth Delacourt asks whether to settle with Equifax or fold it into the ch 13 plan",
    ],
)
def test_a_bankruptcy_word_apart_from_the_name_only_suggests_the_matter(
    parser: Parser, text: str
) -> None:
    draft = read(parser, text)
    assert "matter" in draft.unsure and draft.matter in {None, CH13}


@pytest.mark.parametrize(
    "text",
    [
        "Delacourt chapter 7 — can someone pull the stubs",  # her case is a Chapter 13
        "Delacourt: Equifax verified again and the trustee called too; update her",
        "Ms. Delacourt wants a status update on both of her cases",
        # Two clients who share a surname are told apart by a full name or a caption only.
        "the Vance ch 7 schedules need another look",
    ],
)
def test_words_pointing_both_ways_or_two_clients_leave_the_matter_asked_about(
    parser: Parser, text: str
) -> None:
    draft = read(parser, text)
    assert (draft.matter, draft.reason("matter")) == (None, AMBIGUOUS_MATTER_WARNING)


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("can someone help with Ignatius's garnishment paperwork", "Ignatius"),
        ("call Ignatius about the hearing", "Ignatius"),
        ("ignatius's employer never answered, send a follow-up", "ignatius"),
    ],
)
def test_a_given_name_alone_is_asked_about(parser: Parser, text: str, said: str) -> None:
    draft = read(parser, text)
    assert (draft.matter, draft.reason("matter")) == (None, GIVEN_NAME_WARNING.format(name=said))


@pytest.mark.parametrize(
    ("text", "matter"),
    [
        ("Quill: get the statements from Thaddeus's bank", QUILL),
        # Another client's given name beside a surname is someone the work concerns.
        ("Quill: tell Ignatius's sister the hearing moved", QUILL),
        # Words that are given names too: "Will you", "to be frank".
        ("Will you draft the Quill demand letter", QUILL),
        ("to be frank, the Rowntree answer is late; draft it today", ROWNTREE),
    ],
)
def test_a_given_name_beside_a_surname_does_not_change_the_matter(
    parser: Parser, text: str, matter: str
) -> None:
    assert sure_matter(read(parser, text)) == (matter, False)


def test_two_clients_given_name_is_asked_about(parser: Parser) -> None:
    draft = read(parser, "Perpetua's file needs a summary")
    assert (draft.matter, "matter" in draft.unsure) == (None, True)


def test_a_client_named_through_a_relative_is_the_clients_matter(parser: Parser) -> None:
    draft = read(parser, "Hollis's son says the bureau still reports the account; draft a dispute")
    assert sure_matter(draft) == (HOLLIS, False)


def test_a_relative_who_is_a_prospect_names_no_matter(parser: Parser) -> None:
    draft = read(
        parser,
        "Hollis's neighbour wants to hire us for her own eviction; she "
        "hasn't signed yet. set up an intake call",
    )
    assert sure_matter(draft) == (None, False)


def test_a_clients_surname_after_another_given_name_is_asked_about(parser: Parser) -> None:
    draft = read(parser, "Ms. Odessa Quill called about a repo; set up an intake call")
    assert (draft.matter, draft.reason("matter")) == (None, ANOTHER_PERSON_WARNING)


@pytest.mark.parametrize(
    ("text", "matter"),
    [
        ("someone take the stamps thing please", STAMPS),
        ("stamps: the bank sent a levy notice, summarise it", STAMPS),
        ("buy stamps for the mailing", None),
    ],
)
def test_a_surname_that_is_a_word_names_the_client_where_a_client_is_named(
    parser: Parser, text: str, matter: str | None
) -> None:
    assert read(parser, text).matter == matter


# ---------------------------------------------------------------------------------------------
# Several matters: the main item
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "matter"),
    [
        ("#2 is the priority:\n1) Quill responses\n2) Rowntree answer", ROWNTREE),
        ("1. Quill discovery — top priority\n2. Rowntree answer\n3. Wren letter", QUILL),
        (
            "- Quill: call the client (I'll do)\n- Rowntree: summarise the Midland affidavit",
            ROWNTREE,
        ),
        ("Zainab can you cover the Quill hearing, I'm stuck in the Rowntree trial all day", QUILL),
        (
            "1. Wren exemption memo is still due Thu.\n2. Rowntree: pls calendar the hearing.",
            ROWNTREE,
        ),
    ],
)
def test_the_item_a_text_marks_or_asks_for_gives_the_matter(
    parser: Parser, text: str, matter: str
) -> None:
    assert sure_matter(read(parser, text)) == (matter, False)


def test_news_that_opens_with_a_task_word_leaves_several_matters_asked_about(
    parser: Parser,
) -> None:
    draft = read(parser, "Quill answer filed yesterday. Draft the Rowntree motion.")
    assert (draft.matter, draft.reason("matter")) == (None, SEVERAL_MATTERS_WARNING)


def test_a_bullet_item_is_one_part_whatever_its_full_stops() -> None:
    text = "• Dept. 4 hearing on 5/2 for Quill — top priority\n• Rowntree answer"
    folded = fold(text)
    found = parts(text, folded)
    assert len(found) == 2
    assert main_part(folded, found, {0, 1}) == 0


# ---------------------------------------------------------------------------------------------
# Assignee: mentions, alternatives, no action, hand-offs
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "assignee"),
    [
        ("Quill answer due Friday, draft it pls. cc <@U1OTTILIE>", None),
        ("@bart pls draft the Quill answer", BART),
        ("<at>Fred Moss</at> please cover the Rowntree hearing", FRED),
        ("<at>Bart Kaye</at> please cover the Rowntree hearing", BART),
        ("Ottilie please ask Zainab to pull the Quill ledger", ZAINAB),
        ("<@U2ZAINAB> <@U3IMOGEN> whoever's free: pull the Quill statements", None),
        ("<@U2ZAINAB> <@U3IMOGEN> can one of you pull the Quill statements", None),
        ("<@U2ZAINAB> pull the Quill statements, or whoever's free", ZAINAB),
    ],
)
def test_mentions_copies_alternatives_and_hand_offs(
    parser: Parser, text: str, assignee: str | None
) -> None:
    assert sure_assignee(read(parser, text)) == (assignee, False)


def test_a_person_told_that_nothing_needs_doing_is_no_assignee(parser: Parser) -> None:
    draft = read(parser, "Fergus, a heads up on Quill: nothing to do today, just keep it in mind")
    assert (draft.assignee, draft.reason("assignee")) == (None, NO_ACTION)


def test_nothing_to_do_with_something_is_no_word_of_no_action(parser: Parser) -> None:
    draft = read(parser, "Fergus, this letter has nothing to do with Rowntree; summarise it")
    assert sure_assignee(draft) == (FERGUS, False)


# ---------------------------------------------------------------------------------------------
# Assignee: spoken to, proposed, said to have the work
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "assignee"),
    [
        ("Zainab pls pull the Quill ledger", ZAINAB),
        ("zainab, you've seen these before; can you summarise the Quill letters", ZAINAB),
        ("fergus — summarise the Rowntree affidavit", FERGUS),
        ("Bart you're up on the Rowntree answer", BART),
        ("Imogen if you have a minute, calendar the Quill hearing", IMOGEN),
        ("Posting for Ottilie: Fergus, please summarise the Rowntree affidavit", FERGUS),
        ("the hearing went fine thanks Bart, um, Zainab can you file the motion", ZAINAB),
        ("the motion is drafted at Zainab can you file it", ZAINAB),
        (
            "Okay so the Quill statements, at Imogen it looks like the balance is off, can you "
            "recheck them",
            IMOGEN,
        ),
        ("Quill hearing needs coverage on the 12th and I'm out. Imogen?", IMOGEN),
        ("someone needs to call Mr. Quill, fergus maybe?", FERGUS),
        ("Bart. Rowntree. Draft the answer.", BART),
        ("Rowntree intake call tomorrow at ten. Imogen.", IMOGEN),
        ("Rowntree demand letter. Bart can do it?", BART),
        ("I think Imogen should call Mr. Quill", IMOGEN),
        ("Rowntree answer: Zainab's got it, due Friday", ZAINAB),
    ],
)
def test_a_person_spoken_to_or_proposed_is_the_assignee(
    parser: Parser, text: str, assignee: str
) -> None:
    assert sure_assignee(read(parser, text)) == (assignee, False)


@pytest.mark.parametrize(
    "text",
    [
        "From Ottilie: Rowntree answer needed by Friday",
        "Draft the Rowntree answer.\nFergus.",  # a signature on its own line
        "Draft the Rowntree answer. Thanks. Fergus.",
        "Ottilie should be back Monday; draft the Quill answer",
        "Rowntree answer: Zainab's got it, can somebody file it when she's done",
        "The Quill conference is tomorrow, at Ward Hall; summarise the file",
        "Bart can't do the Rowntree demand; Fergus will",
    ],
)
def test_a_person_named_in_another_role_is_not_the_assignee(parser: Parser, text: str) -> None:
    assert sure_assignee(read(parser, text)) == (None, False)


def test_the_person_in_the_main_item_of_a_list_is_the_assignee(parser: Parser) -> None:
    draft = read(
        parser,
        "• Fergus — summarise the Quill letters\n"
        "• Zainab — pull the Rowntree ledger — top priority",
    )
    assert (sure_assignee(draft), sure_matter(draft)) == ((ZAINAB, False), (ROWNTREE, False))


def test_several_people_asked_in_a_list_without_a_main_item_are_asked_about(
    parser: Parser,
) -> None:
    draft = read(
        parser, "• Fergus — summarise the Quill letters\n• Zainab — pull the Rowntree ledger"
    )
    assert (draft.assignee, draft.reason("assignee")) == (None, SEVERAL_ASKED)


# ---------------------------------------------------------------------------------------------
# Matter: parties by their initials, bankruptcy work, a party that picks one of two namesakes
# ---------------------------------------------------------------------------------------------

OSEI_SUIT, OSEI_CH7 = "KB-11", "KB-12"
LARK_GCS, LARK_TFC = "KB-21", "KB-22"
INITIALS_MATTERS = (
    MatterRef(OSEI_SUIT, "Kwabena Osei", "Granite Coast Servicing LLC v. Kwabena Osei (Wake Co.)"),
    MatterRef(OSEI_CH7, "Kwabena Osei", "In re Kwabena Osei (Chapter 7; Bankr. E.D.N.C.)"),
    MatterRef(LARK_GCS, "Mildred Lark", "Granite Coast Servicing LLC v. Mildred Lark"),
    MatterRef(LARK_TFC, "Tobias Lark", "Tallow Finance Corp. v. Tobias Lark (small claims)"),
)  # fmt: skip


@pytest.fixture(scope="module")
def initials() -> Parser:
    return firm_parser(INITIALS_MATTERS, ROSTER)


@pytest.mark.parametrize(
    ("text", "matter"),
    [
        # A caption with the other party's initials settles the client's two matters.
        ("GCS v. Osei: their lawyer wants a stay pending the bankruptcy. pls docket a f/u 5/2",
         OSEI_SUIT),
        ("Osei's GCS case - draft the answer by Friday", OSEI_SUIT),
        # Work only a bankruptcy has outweighs the creditor it lists.
        ("Kwabena Osei — BK scheds: list GCS on E/F with their counsel, within 2 days", OSEI_CH7),
        # A party said to pick one of two clients who share a surname.
        ("Lark — the Tallow one. answer due 5/3, has anyone started it?", LARK_TFC),
        ("Lark: the GCS suit needs an answer by Thursday", LARK_GCS),
    ],
)  # fmt: skip
def test_a_partys_initials_and_bankruptcy_work_tell_matters_apart(
    initials: Parser, text: str, matter: str
) -> None:
    assert sure_matter(read(initials, text)) == (matter, False)


@pytest.mark.parametrize(
    "text",
    [
        # Both of his cases named: the suit and the bankruptcy.
        "Osei rang about the GCS suit vs the BK timing. can someone call him back today",
        # A shared surname and no party to choose by.
        "Lark called again; can someone call her back",
    ],
)
def test_a_text_naming_both_cases_or_neither_party_is_asked_about(
    initials: Parser, text: str
) -> None:
    assert sure_matter(read(initials, text)) == (None, True)


def test_one_thanked_in_a_sentence_of_their_own_is_asked_about(parser: Parser) -> None:
    # thanked for work done, then an ask of no one: maybe them, maybe anyone
    text = "Thank you, Fergus, for the Quill summary. Draft the Rowntree answer please"
    assert sure_assignee(read(parser, text)) == (None, True)
