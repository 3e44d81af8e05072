"""Matter and assignee as more untuned firms write them (issue 13, third round): short forms and
endearments, people thanked, praised, kept off the work or asked to find someone, families,
parties whose names begin with a client's, matters named as a model, and clients' relatives."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from matching.model import MatterRef
from matching.parse import Parser
from matching.parse.asked_why import FOR_ANOTHER, SEVERAL_PEOPLE
from matching.parse.matters import RELATIVE_WARNING
from matching.parse.people import ROUTING, THANKED_ASKED
from tests.matching.bundled import (
    firm_parser,
    reader,
    sure_assignee,
    sure_matter,
)
from tests.matching.bundled import named_person as person

DEN = "America/Denver"
NOW = datetime(2027, 5, 11, 9, 15, tzinfo=ZoneInfo(DEN))  # a Tuesday

JOLENE, ROBERT, THEO = "jolene.marsh@larkspur.test", "robert.quince@larkspur.test", "theo@lk.test"
PRISCILLA, IMANI, GIDEON = "p.hunt@larkspur.test", "imani.carter@larkspur.test", "gp@lk.test"
LUIS, DANIEL, DANA = "luis.serrano@larkspur.test", "d.okafor@lk.test", "dana.w@lk.test"
CHESTER, CHANDRA = "chester.lam@lk.test", "chandra.o@lk.test"
ROSTER = (
    person(JOLENE, "Jolene Marsh", "paralegal"),
    person(ROBERT, "Robert Quince", "legal_assistant"),
    person(THEO, "Theo Barlow", "associate"),
    person(PRISCILLA, "Priscilla Hunt", "partner"),
    person(IMANI, "Imani Carter", "paralegal"),
    person(GIDEON, "Gideon Pratt", "associate"),
    person(LUIS, "Luis Serrano", "paralegal"),
    person(DANIEL, "Daniel Okafor", "associate"),
    person(DANA, "Dana Whitlock", "paralegal"),
    person(CHESTER, "Chester Lam", "legal_assistant"),
    person(CHANDRA, "Chandra Oyelaran", "associate"),
)
ASHBY, KETTERING, ODELL, NADIA = "LK-1", "LK-2", "LK-3", "LK-4"
HARBOR, PEREDA, WREN, LOWELL = "LK-5", "LK-6", "LK-7", "LK-8"
MAREK_SUIT, MAREK_CH7, CARTER, RUSH = "LK-9", "LK-10", "LK-11", "LK-12"
PAGE, FIELD = "LK-13", "LK-14"
MATTERS = (
    MatterRef(ASHBY, "Harriet Ashby", "In re Harriet Ashby (Chapter 13)"),
    MatterRef(KETTERING, "Walter and June Kettering", "Harbor Point Credit v. Kettering"),
    MatterRef(ODELL, "Odell Brandt", "Brandt v. Summit Recovery (FDCPA)"),
    MatterRef(NADIA, "Nadia Brandt", "Crestview Lending v. Nadia Brandt"),
    MatterRef(HARBOR, "Lorna Harbor", "Harbor v. Tideline Funding"),
    MatterRef(PEREDA, "Maria Luis Pereda", "Pereda - wage garnishment"),
    MatterRef(WREN, "Tobias Wren", "Wren v. Apex Portfolio"),
    MatterRef(LOWELL, "Edith Lowell", "Apex Portfolio v. Lowell"),
    MatterRef(MAREK_SUIT, "Ivo Marek", "Granger Funding v. Marek"),
    MatterRef(MAREK_CH7, "Ivo Marek", "In re Ivo Marek (Chapter 7)"),
    MatterRef(CARTER, "Rufus Carter", "In re Rufus Carter (Chapter 13)"),
    MatterRef(RUSH, "Ellis Rush", "In re Ellis Rush (Chapter 7)"),
    MatterRef(PAGE, "Rosalind Page", "Page v. Dunmore Credit"),
    MatterRef(FIELD, "Amos Field", "In re Amos Field (Chapter 7)"),
)


@pytest.fixture(scope="module")
def parser() -> Parser:
    return firm_parser(MATTERS, ROSTER)


read = reader(NOW, DEN)




# ---------------------------------------------------------------------------------------------
# Assignee: short forms, endearments, "you", lower-case names before a capital
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "assignee"),
    [
        ("jo can you pull the Ashby paystubs from the portal", JOLENE),
        ("Jo, would you call Ms. Ashby back about her plan payment?", JOLENE),
        ("Jo honey, would you call Ms. Ashby back this afternoon?", JOLENE),
        ("Bobby hon, please put the Ashby confirmation hearing on the calendar", ROBERT),
        ("theo you want to take the Brandt v. Summit Recovery call tomorrow?", THEO),
        ("gideon — Brandt v. Summit Recovery. I need your research on the bona fide error "
         "defence by Friday", GIDEON),
        ("Luis - the Pereda garnishment hearing moved to the 20th; please update the calendar",
         LUIS),
    ],
)  # fmt: skip
def test_a_short_form_or_a_name_spoken_to_is_the_assignee(
    parser: Parser, text: str, assignee: str
) -> None:
    assert sure_assignee(read(parser, text)) == (assignee, False)


def test_a_beginning_two_first_names_share_is_asked_about(parser: Parser) -> None:
    draft = read(parser, "dan can you draft the Wren answer by Friday")
    people = "Dana Whitlock or Daniel Okafor"
    assert draft.assignee is None
    assert draft.reason("assignee") == SEVERAL_PEOPLE.format(name="dan", people=people)


def test_a_short_form_shared_by_the_table_and_a_beginning_is_asked_about() -> None:
    roster = (person(JOLENE, "Jolene Marsh", "paralegal"), person(DANA, "Joanna Pike", "paralegal"))
    parser = firm_parser(MATTERS, roster)
    assert sure_assignee(read(parser, "jo can you pull the Ashby paystubs")) == (None, True)


@pytest.mark.parametrize(
    "text",
    [
        "Please e-file the Wren answer on Monday at the latest.",
        "ch. 7 for Ashby - sched E/F and the creditor matrix by Friday",
        "So can you draft the Lowell answer by Friday?",
    ],
)
def test_short_words_and_abbreviations_are_no_short_forms(parser: Parser, text: str) -> None:
    assert sure_assignee(read(parser, text)) == (None, False)


# ---------------------------------------------------------------------------------------------
# Assignee: people named in another role
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "assignee"),
    [
        ("Dana, please stay off this one (conflict). Theo, draft the Ashby plan by Friday", THEO),
        ("Priscilla you're off the hook for the Ashby hearing; can someone cover it?", None),
        ("Reminder: the retreat is Friday. RSVP to Dana by Monday!", None),
        ("Lunch is on us Thursday. Not a task, just FYI - questions to Theo.", None),
        ("please calendar the Ashby 341 and a tickler for Gideon to review the schedules", None),
        ("can someone draft a cease letter to Apex for Priscilla to sign? Wren is getting calls",
         None),
        ("Could someone summarise the Wren production by Friday? cc <at>Priscilla Hunt</at>",
         None),
        ("Please file the Wren answer today. Thanks, Gideon", None),
        ("Theo — the Ashby hearing moved to 3pm. Jolene, please update the calendar.", JOLENE),
        ("<at>Priscilla Hunt</at> the Kettering discharge came in. pls get Imani started on the "
         "closing letter", IMANI),
    ],
)  # fmt: skip
def test_people_kept_off_answered_or_copied_are_not_the_assignee(
    parser: Parser, text: str, assignee: str | None
) -> None:
    assert sure_assignee(read(parser, text)) == (assignee, False)


def test_one_asked_to_find_someone_is_asked_about(parser: Parser) -> None:
    draft = read(parser, "Hey <at>Priscilla Hunt</at> - could you get someone on the Ashby letter?")
    assert (draft.assignee, draft.reason("assignee")) == (PRISCILLA, ROUTING)


def test_one_who_only_helps_whoever_does_the_task_is_asked_about(parser: Parser) -> None:
    draft = read(
        parser,
        "we need an amended answer for Lowell by the 20th. theo can u pull the old answer for "
        "whoever drafts it",
    )
    assert (draft.assignee, draft.reason("assignee")) == (None, FOR_ANOTHER)


# ---------------------------------------------------------------------------------------------
# Assignee: thanks and praise
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "assignee"),
    [
        ("Imani you are a star, thank you for catching the Wren typo!", None),
        ("Thank you, Gideon, for covering the Lowell call. The client was relieved.", None),
        ("Imani, thank you for the Wren summary. Could you now pull the Lowell docket?", IMANI),
        ("wren draft looks good theo, one fix: cite the right section. then file it pls", THEO),
        ("thanks Dana for the Lowell binder, no further action needed", None),
    ],
)
def test_people_thanked_or_praised_are_the_assignee_only_when_asked(
    parser: Parser, text: str, assignee: str | None
) -> None:
    assert sure_assignee(read(parser, text)) == (assignee, False)


def test_thanks_running_on_into_an_ask_of_no_one_is_asked_about(parser: Parser) -> None:
    draft = read(parser, "wren answer went in ✅ thx imani. pls calendar the hearing for the 20th")
    assert (draft.assignee, draft.reason("assignee")) == (
        None,
        THANKED_ASKED.format(name="Imani Carter"),
    )


# ---------------------------------------------------------------------------------------------
# Matter: families, parties, models, brackets, chapters, possessives, relatives
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "matter"),
    [
        ("The Ketterings dropped off their tax returns. Could someone update schedule I?",
         KETTERING),
        ("ketterings want to know if they can keep the boat. can someone run the numbers", KETTERING),
        ("wfh today. ketterings - trustee wants the returns before the 341", KETTERING),
        ("Harbor Point Credit sent the Kettering payoff; can someone check it by Friday", KETTERING),
        ("answer for Lowell due tuesday, can use wren's as a template", LOWELL),
        ("same facts as Wren - pls draft the Lowell answer by Friday", LOWELL),
        ("Brandt (Nadia) — pls pull her payment history into a chart", NADIA),
        # Carter is Imani's surname too: in lower case, set off with its chapter, the client's.
        ("carter 13 - he got a raise, need amended sched I/J within 10 days", CARTER),
        ("fyi trustee says rush's 341 is concluded, nothing needed", RUSH),
        ("Imani — Mr. Marek filed his chapter 7 petition yesterday. Please file a suggestion of "
         "bankruptcy in Granger Funding v. Marek today.", MAREK_SUIT),
    ],
)  # fmt: skip
def test_a_client_named_as_firms_write_them_gives_the_matter(
    parser: Parser, text: str, matter: str
) -> None:
    assert sure_matter(read(parser, text)) == (matter, False)


@pytest.mark.parametrize(
    "text",
    [
        "Harbor Point Credit repossessed a caller's truck; can someone do an intake call",
        "Pages 3-5 of the scan are missing; can someone rescan them",
        "fill in the fields on the intake form by Friday",
    ],
)
def test_a_party_or_a_plural_word_names_no_client(parser: Parser, text: str) -> None:
    assert sure_matter(read(parser, text)) == (None, False)


def test_a_clients_relative_with_a_name_of_their_own_is_asked_about(parser: Parser) -> None:
    draft = read(
        parser,
        "ashby's brother (Milo Fenn) wants us to look at a judgment against him. can someone "
        "check whether it was renewed",
    )
    assert (draft.matter, draft.reason("matter")) == (None, RELATIVE_WARNING)



# ---------------------------------------------------------------------------------------------
# Words of urgency that look like names, greetings, and people thanked "to"
# ---------------------------------------------------------------------------------------------

RUTH, ASAF, NOOR = "ruth.okonkwo@lk.test", "asaf.levi@lk.test", "noor.haddad@lk.test"
GREETED_ROSTER = (
    person(RUTH, "Ruth Okonkwo", "associate"),
    person(ASAF, "Asaf Levi", "paralegal"),
    person(NOOR, "Noor Haddad", "paralegal"),
)
QUAILE = "QX-1"


@pytest.fixture(scope="module")
def greeted() -> Parser:
    matters = (MatterRef(QUAILE, "Bertram Quaile", "Quaile v. Sable Funding"),)
    return firm_parser(matters, GREETED_ROSTER)


@pytest.mark.parametrize(
    "text",
    [
        "Rush — Quaile has a hearing Thursday at 9 and only just called us. Can someone cover it?",
        "ASAP — the Quaile answer, can someone draft it today",
    ],
)
def test_a_word_of_urgency_opening_a_text_is_no_misspelt_name(greeted: Parser, text: str) -> None:
    draft = read(greeted, text)
    assert (draft.assignee, draft.priority) == (None, "urgent")


@pytest.mark.parametrize(
    ("text", "assignee"),
    [
        ("Good morning Noor,\n\nPlease draft the Quaile answer for my review by Thursday.\n\n"
         "Thanks,\nBea", NOOR),
        ("Good afternoon Asaf, could you pull the Quaile file together", ASAF),
    ],
)  # fmt: skip
def test_the_person_greeted_at_the_top_of_a_message_is_the_assignee(
    greeted: Parser, text: str, assignee: str
) -> None:
    assert sure_assignee(read(greeted, text)) == (assignee, False)


@pytest.mark.parametrize(
    "text",
    [
        "Quaile dropped off cookies and says gracias to Noor!",
        "Quaile dropped off cookies and says thank you to Noor!",
        "big shout out to Asaf for the Quaile brief",
        "say hi to Ruth for me, she's back Monday",
    ],
)
def test_a_person_thanked_or_greeted_after_to_is_no_assignee(greeted: Parser, text: str) -> None:
    assert sure_assignee(read(greeted, text)) == (None, False)


@pytest.mark.parametrize(("text", "expected"), [
    ("pull the Wren bank statements by Friday, ask Imani", (IMANI, False)),
    ("Lowell answer needs drafting this week - have Daniel pls", (DANIEL, False)),
    ("prep the Page demand letter; ask Dana Whitlock.", (DANA, False)),
    ("draft the Harbor validation letter, ask Quentin", (None, True)),  # nobody called Quentin
])
def test_an_ask_that_closes_on_a_person_names_them(
    parser: Parser, text: str, expected: tuple[str | None, bool]
) -> None:
    assert sure_assignee(read(parser, text)) == expected


@pytest.mark.parametrize("text", [
    "if you have questions ask Imani. draft the Wren validation letter",
    "any doubts, ask Daniel. pull the Lowell statements by Friday",
    "draft the Page demand letter, ask Imani about the balance first",
])
def test_whom_to_ask_about_the_work_is_not_the_doer(parser: Parser, text: str) -> None:
    assert sure_assignee(read(parser, text))[0] is None
