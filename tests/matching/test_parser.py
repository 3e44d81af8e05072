"""The delegation parser on a small firm of its own: types, priorities, matters, assignees."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from matching.model import PRIORITIES, MatterRef, TaskDraft, Taxonomy
from matching.parse import CONFIDENCE_THRESHOLD, Catalogue, Parser, parse, priority_of
from matching.taxonomy import parse_taxonomy
from tests.matching.bundled import (
    BUNDLED_CATALOGUE,
    BUNDLED_TAXONOMY,
    BUNDLED_VOCABULARY,
    firm_parser,
    reader,
)
from tests.matching.bundled import named_person as person

NY = "America/New_York"
NOW = datetime(2026, 12, 8, 10, 0, tzinfo=ZoneInfo(NY))  # a Tuesday

TAXONOMY = BUNDLED_TAXONOMY



ROSTER = (
    person("alicia.romero@lawco.test", "Alicia Romero", "partner", "UA1ROMERO"),
    person("ben.ortiz@lawco.test", "Ben Ortiz", "associate", "UB2ORTIZ"),
    person("chloe.park@lawco.test", "Chloe Park", "paralegal", "UC3PARK"),
    person("chloe.dunn@lawco.test", "Chloe Dunn", "legal_assistant", "UC4DUNN"),
    person("mark.fenn@lawco.test", "Mark Fenn", "legal_assistant", "UF6FENN"),
    person("ellie.grant@lawco.test", "Ellie Grant", "paralegal"),
    person("sam.adeyemi@lawco.test", "Sam Adeyemi", "paralegal", "US7ADEYEMI"),
)
MATTERS = (
    MatterRef("24-1001", "Harold Whitaker", "Whitaker v. Jefferson Capital"),
    MatterRef("24-1002", "Janet Whitaker", "Whitaker - credit disputes"),
    MatterRef("24-1010", "Luis de la Cruz", "de la Cruz - Chapter 13"),
    MatterRef("24-1020", "Priya Banerjee-Rao", "Banerjee-Rao v. Resurgent"),
    MatterRef("24-1030", "Grace O'Neil", "O'Neil - validation dispute"),
    MatterRef("24-1040", "Tomás Peña", "Peña - debt settlement"),
    MatterRef("24-1050", "Nina Grant", "Grant v. Crown Asset"),
    MatterRef("LIT-2025-007", "Samuel Okoye", "Okoye v. Velocity Investments"),
)


@pytest.fixture(scope="module")
def parser() -> Parser:
    return firm_parser(MATTERS, ROSTER, nicknames=False)


read = reader(NOW, NY)


# ---------------------------------------------------------------------------------------------
# Task types
# ---------------------------------------------------------------------------------------------

TYPED = [
    ("set up an intake call with the new lead from the website", "intake_call"),
    ("initial consultation with a walk-in who got a summons from Portfolio", "intake_call"),
    ("screen the new caller - harassing calls from a collector", "intake_call"),
    ("give Okoye a quick status update on the case", "client_update"),
    ("let Harold Whitaker know the bureau finished its reinvestigation", "client_update"),
    ("touch base with Peña about where things stand", "client_update"),
    ("gather the client's pay stubs and bank statements for de la Cruz", "document_collection"),
    ("request the last 12 months of statements from Okoye", "document_collection"),
    ("scan and organize the collector letters Pena mailed us", "document_collection"),
    ("review the account documents Velocity sent over for Okoye", "document_review"),
    ("summarise the deposition transcript in 24-1050", "document_review"),
    ("go through O'Neil's statements and flag anything odd", "document_review"),
    ("e-file the motion for summary judgment in Grant", "court_filing"),
    ("file the notice of appearance for Okoye with the clerk", "court_filing"),
    ("file and serve the stipulation in 24-1001", "court_filing"),
    ("docket the pretrial conference for Okoye", "calendar_deadlines"),
    ("calendar every discovery deadline in Grant v. Crown Asset", "calendar_deadlines"),
    ("put the mediation on the calendar for 24-1010", "calendar_deadlines"),
    (
        "send Jefferson Capital a debt validation request for Harold Whitaker",
        "debt_validation_letter",
    ),
    ("1692g letter to Resurgent for Banerjee-Rao", "debt_validation_letter"),
    ("dv ltr for O'Neil", "debt_validation_letter"),
    ("cease and desist to Crown Asset for Nina Grant", "cease_desist_letter"),
    ("they won't stop calling Okoye at work - send a C&D", "cease_desist_letter"),
    ("stop-contact letter under 1692c for Pena", "cease_desist_letter"),
    ("dispute the Crown Asset tradeline with Experian for Nina Grant", "credit_dispute_letter"),
    ("609 letters to all three bureaus for Janet Whitaker", "credit_dispute_letter"),
    (
        "FCRA dispute to TransUnion re the duplicate collection account, 24-1002",
        "credit_dispute_letter",
    ),
    ("pre-suit demand to Velocity for Okoye, statutory damages", "demand_letter"),
    ("draft a demand letter to Resurgent on 24-1020", "demand_letter"),
    ("answer the Jefferson Capital complaint for Harold Whitaker", "answer_complaint"),
    (
        "Okoye was served with a summons - draft our answer and affirmative defenses",
        "answer_complaint",
    ),
    (
        "draft interrogatories and requests for production to Crown Asset, 24-1050",
        "discovery_requests",
    ),
    ("respond to Velocity's first set of RFAs in Okoye", "discovery_requests"),
    ("Bates stamp the Okoye production and build the privilege log", "document_production"),
    ("produce the client's statements to opposing counsel in Grant", "document_production"),
    (
        "research whether a time-barred debt letter violates 1692e in the 11th Cir.",
        "legal_research",
    ),
    ("legal memo on FCRA willfulness for 24-1002", "legal_research"),
    ("check if the statute of limitations has run on Peña's card", "sol_analysis"),
    ("is the Okoye debt time-barred? last payment 2019", "sol_analysis"),
    ("case evaluation for O'Neil: any FDCPA claims against the collector?", "prefiling_analysis"),
    ("run a violation screen on the Resurgent letters for 24-1020", "prefiling_analysis"),
    ("prepare the chapter 13 petition and schedules for Luis de la Cruz", "bankruptcy_prep"),
    ("means test + schedule I/J for de la Cruz", "bankruptcy_prep"),
    ("negotiate a lump-sum settlement with Crown Asset for Grant", "settlement_negotiation"),
    ("counteroffer at 35% on the Velocity account, Okoye", "settlement_negotiation"),
    ("advise Okoye on whether to settle or fight", "client_advice"),
    ("strategy call with Janet Whitaker about her options", "client_advice"),
    ("appear at the motion hearing in Grant", "court_appearance"),
    ("cover the status conference for Okoye", "court_appearance"),
    ("attend the 341 meeting for de la Cruz", "court_appearance"),
]


@pytest.mark.parametrize(("text", "expected"), TYPED)
def test_task_type(parser: Parser, text: str, expected: str) -> None:
    draft = read(parser, text)
    assert draft.task_type == expected
    assert CONFIDENCE_THRESHOLD <= draft.confidence <= 1


@pytest.mark.parametrize(
    "text",
    ["the thing we talked about", "handle it", "order coffee for the team", "hi",
     "book the big conference room", "", "   ", "🙏🙏🙏", "draft something for Okoye"],
)  # fmt: skip
def test_text_naming_no_task_has_no_type(parser: Parser, text: str) -> None:
    draft = read(parser, text)
    assert draft.task_type is None
    assert 0 <= draft.confidence < CONFIDENCE_THRESHOLD


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("drfat a demnad leter for Okoye", "demand_letter"),
        ("interogatories to Crown for Grant", "discovery_requests"),
        ("setlement negotation with Velocity", "settlement_negotiation"),
        ("prepare the answr to the complant", "answer_complaint"),
        ("bankrupcy petition for de la Cruz", "bankruptcy_prep"),
        ("reveiw the collector's documents", "document_review"),
    ],
)
def test_typos_are_forgiven(parser: Parser, text: str, expected: str) -> None:
    assert read(parser, text).task_type == expected


@pytest.mark.parametrize(
    "text",
    ["DEMAND LETTER FOR OKOYE!!!", "🚨 demand letter 🚨 for Okoye 🙏",
     "  demand    letter\tfor   okoye  ", "demand-letter for okoye...", "Demand Letter — Okoye"],
)  # fmt: skip
def test_case_emoji_punctuation_and_spacing_do_not_matter(parser: Parser, text: str) -> None:
    draft = read(parser, text)
    assert (draft.task_type, draft.matter, draft.priority) == (
        "demand_letter",
        "LIT-2025-007",
        "normal",
    )


def test_the_verb_decides_between_task_words(parser: Parser) -> None:
    assert read(parser, "e-file the answer for Okoye").task_type == "court_filing"
    assert read(parser, "draft the answer for Okoye").task_type == "answer_complaint"
    assert read(parser, "review Okoye's bank statements").task_type == "document_review"
    assert read(parser, "collect Okoye's bank statements").task_type == "document_collection"


def test_a_clients_file_is_not_a_court_filing(parser: Parser) -> None:
    assert read(parser, "send the Okoye file to opposing counsel").task_type != "court_filing"
    assert read(parser, "re: Okoye - file the motion to compel").task_type == "court_filing"


def test_words_in_a_gap_are_left_to_other_phrases(parser: Parser) -> None:
    # "check ... account" does not swallow the SOL it skips over.
    assert read(parser, "check SOL on the Okoye account").task_type == "sol_analysis"


def test_a_client_spoken_to_reads_as_client(parser: Parser) -> None:
    assert read(parser, "text Okoye that Experian deleted the tradeline").task_type == (
        "client_update"
    )
    # The client's collector is not the client.
    assert read(parser, "call Okoye's collector and negotiate a payment plan").task_type == (
        "settlement_negotiation"
    )


def test_a_capitalised_name_outweighs_a_lower_case_surname() -> None:
    matters = (*MATTERS, MatterRef("25-0001", "Carter Page"))
    draft = Parser(BUNDLED_CATALOGUE, matters, ROSTER).parse(
        "summarize the 3-page letter for Okoye", now=NOW, tz=NY
    )
    assert draft.matter == "LIT-2025-007"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # What the task is for or about does not decide what it is.
        ("collect pay advices from de la Cruz for the amended schedule I", "document_collection"),
        ("advise Okoye on whether he should file a Chapter 13 first", "client_advice"),
        ("appear for me at the status call in Grant", "court_appearance"),
        # A filing someone reports is not a filing to do.
        ("Velocity filed a 2nd suit vs Okoye - answer + aff defenses", "answer_complaint"),
        ("summarize the docket in Grant (who filed POCs)", "document_review"),
        ("get the Okoye answer filed by 4", "court_filing"),
        # The ask after the news is the task.
        ("The judge continued the hearing in Grant. Please update the calendar with the new "
         "hearing date.", "calendar_deadlines"),
        ("Velocity never answered our validation request. Draft a demand letter for Okoye",
         "demand_letter"),
        ("the trustee wants updated pay stubs. Collect them from de la Cruz", "document_collection"),
        ("any FDCPA claims against Velocity for Okoye? They called him at 6am", "prefiling_analysis"),
        ("Hi all. Velocity has answered in Okoye. Could someone please draft our first "
         "interrogatories to Velocity", "discovery_requests"),
        ("Mr. Okoye's Experian file shows a new tradeline. Could you draft a 1681i dispute?",
         "credit_dispute_letter"),
        ("Velocity never answered the validation letter. I want a pre-filing evaluation.",
         "prefiling_analysis"),
        # An ask made first, then its reasons.
        ("Can somebody pull a fresh Equifax report for Okoye? Equifax answered our dispute.",
         "document_collection"),
        ("within six hours i need de la Cruz's objection to the proof of claim filed",
         "court_filing"),
        # Filing a bankruptcy paper is a filing; preparing it is bankruptcy work.
        ("e-file the amended sched I & J for de la Cruz", "court_filing"),
        ("prepare the amended sched I & J for de la Cruz", "bankruptcy_prep"),
        ("File the de la Cruz Chapter 7 petition with the bankruptcy court", "court_filing"),
    ],
)  # fmt: skip
def test_the_request_not_its_context_decides(parser: Parser, text: str, expected: str) -> None:
    assert read(parser, text).task_type == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Telling the client about a letter is a client update, not the letter.
        ("ring Okoye and tell him the C&D went to Velocity on Friday", "client_update"),
        ("email Mr. Okoye the draft dispute letter so he can check the account numbers",
         "client_update"),
        ("touch base with Nina Grant on the validation letter we mailed", "client_update"),
        ("draft a letter to Ms. Grant explaining where the case stands", "client_update"),
        ("Velocity wrote back to our dispute - could someone update Okoye", "client_update"),
        ("pls send Okoye an update - Velocity answered the validation letter with a printout",
         "client_update"),
        # Putting papers in the client's file is collecting them, not a court filing.
        ("please save the statements Okoye emailed to the file", "document_collection"),
        ("add the signed fee agreement to the de la Cruz folder", "document_collection"),
        ("scan + index everything de la Cruz brought in", "document_collection"),
        ("pull what we have on Okoye (letters, texts, notes) and organize it",
         "document_collection"),
        ("put the Okoye answer on file with the district court", "court_filing"),
        # Docketing a hearing of any name is calendaring; attending one is an appearance.
        ("docket the order to show cause hearing in Grant for 1/12", "calendar_deadlines"),
        ("diary the status conference in Okoye", "calendar_deadlines"),
        ("we need an attorney at the Grant hearing Thursday at 10", "court_appearance"),
        ("can someone be at the ex parte for Okoye at 2", "court_appearance"),
        # Bates numbers make a production.
        ("stamp Bates numbers on the Okoye statements before they go out", "document_production"),
        # Leading the talks, or pushing for terms, is the negotiation.
        ("Velocity's lawyer called about a deal. please take the lead on the settlement talks "
         "for Okoye", "settlement_negotiation"),
        ("opposing counsel emailed. someone needs to call them and push for a walkaway in Grant",
         "settlement_negotiation"),
        # A memo asked for is research, whatever its question.
        ("memo on whether the Velocity debt is time-barred in NY, for Okoye", "legal_research"),
        ("I require a short research memo on FDCPA standing for Okoye", "legal_research"),
        # A polite ask in lower case after the news is still the ask.
        ("Crown Asset produced its documents last week. can someone summarize them for Grant?",
         "document_review"),
    ],
)  # fmt: skip
def test_the_main_ask_wins_over_the_task_words_it_mentions(
    parser: Parser, text: str, expected: str
) -> None:
    assert read(parser, text).task_type == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Other names for the answer: Virginia's grounds of defense, Maryland's notice of
        # intention to defend, "aff defenses".
        ("Grant: the court wants grounds of defense. Could someone draft them by the 20th",
         "answer_complaint"),
        ("prepare a notice of intention to defend for Okoye, served last Tuesday",
         "answer_complaint"),
        ("Okoye - need the answer with aff defenses (SOL, standing) by Friday",
         "answer_complaint"),
        ("pls file the grounds of defense in Grant today", "court_filing"),
        # A finished answer is news; filing it is the ask.
        ("the Grant answer is signed. can somebody e-file it this afternoon", "court_filing"),
        ("Okoye answer has to go in today, signed copy's in the folder", "court_filing"),
        # Income schedules, an amended plan and a reaffirmation are bankruptcy work.
        ("de la Cruz lost overtime - need amended I and J by Monday", "bankruptcy_prep"),
        ("can someone prepare the amended plan to answer the trustee's objection, de la Cruz",
         "bankruptcy_prep"),
        ("redo the means test for de la Cruz with the new pay stubs", "bankruptcy_prep"),
        ("put together the reaffirmation agreement for de la Cruz's truck", "bankruptcy_prep"),
        # Taking a 341 or a return date for someone is an appearance.
        ("Chloe, can you cover the return date in Grant tomorrow at 9", "court_appearance"),
        ("could you take the de la Cruz 341 next Thursday? I'm in trial", "court_appearance"),
        # Calling the other side's counsel with a number, or pressing for terms, negotiates.
        ("Okoye. Authority is $4,000. Ben, make the call to Velocity's counsel",
         "settlement_negotiation"),
        ("Crown's lawyer offered 50%. please open at 20% and press for deletion, Grant",
         "settlement_negotiation"),
        # Reading a paper and reporting on it is a review.
        ("read Velocity's motion in Okoye and give me a one page summary", "document_review"),
        ("lay the ledger and the collector's letters side by side for Grant", "document_review"),
        ("cite-check the Okoye opposition before it goes out", "document_review"),
        # Papers gathered into one place, or sent to the asker, are collected.
        ("put together a binder of Whitaker's dispute letters in date order",
         "document_collection"),
        ("can you send me the bill of sale and the notice from the Grant file",
         "document_collection"),
        # A call back to a lead for an intake is the intake, not a client update.
        ("two web leads came in overnight. someone call them back for an intake consult",
         "intake_call"),
        # What the client is sent is an update; a question that needs a lawyer is advice.
        ("could someone send Okoye a short note with his hearing date and what to expect",
         "client_update"),
        ("please send Ms. Grant a quick update: Crown answered, discovery starts next month",
         "client_update"),
        ("Okoye wants to know if he can keep his car. he needs actual advice - Ben, call him",
         "client_advice"),
        ("go through her options with Janet Whitaker before she signs anything",
         "client_advice"),
        # A short answer on a legal question is research; a screen of the facts is prefiling.
        ("I need a short answer on whether the lien survives the discharge, de la Cruz",
         "legal_research"),
        ("the Resurgent letters added a fee. pls screen it under the FDCPA for Banerjee-Rao",
         "prefiling_analysis"),
        # A hearing that moved is calendared again.
        ("Grant return date moved to 3/4 - calendar it", "calendar_deadlines"),
    ],
)  # fmt: skip
def test_office_shorthand_for_a_task_reads_as_that_task(
    parser: Parser, text: str, expected: str
) -> None:
    assert read(parser, text).task_type == expected


@pytest.mark.parametrize(
    "text",
    ["reserve the large conference room for the Grant deposition prep",
     "ask IT to reset my Westlaw pw", "renew the firm's PACER acct and update the card on file",
     "update the firm website bio with my CLE talk",
     "mail the holiday cards to our co-counsel and referral sources",
     "send my CLE certificates to HR for my personnel file"],
)  # fmt: skip
def test_office_chores_that_mention_legal_words_have_no_type(parser: Parser, text: str) -> None:
    assert read(parser, text).task_type is None


def test_a_client_named_like_a_task_word_is_found_in_a_lower_case_caption() -> None:
    matters = (*MATTERS, MatterRef("25-0002", "Rosa Call", "Call v. Jefferson Capital"))
    draft = Parser(BUNDLED_CATALOGUE, matters, ROSTER).parse(
        "need the jury demand filed in call v jefferson capital by 2/16", now=NOW, tz=NY
    )
    assert (draft.matter, draft.task_type) == ("25-0002", "court_filing")
    assert Parser(BUNDLED_CATALOGUE, matters, ROSTER).parse("call Okoye", now=NOW, tz=NY).matter == (
        "LIT-2025-007"
    )


def test_sending_it_to_me_for_review_is_not_a_document_review(parser: Parser) -> None:
    draft = read(parser, "C&D for Pena, send it to me for review")
    assert draft.task_type == "cease_desist_letter"


def test_a_firm_catalogue_of_its_own_is_used(parser: Parser) -> None:
    own = parse_taxonomy(
        '[[task_type]]\nid = "notary"\nname = "Notarise"\nest_hours = 0.25\n'
        'skills = { document_management = 1 }\nphrases = ["notarize", "notary", "apostille"]\n'
    )
    draft = Parser(Catalogue(own, BUNDLED_VOCABULARY), MATTERS, ROSTER).parse(
        "get the affidavit notarized for Okoye", now=NOW, tz=NY
    )
    assert (draft.task_type, draft.matter, draft.title) == (
        "notary",
        "LIT-2025-007",
        "Notarise — LIT-2025-007",
    )


# ---------------------------------------------------------------------------------------------
# Priority
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("demand letter for Okoye", "normal"),
        ("URGENT demand letter", "urgent"),
        ("demand letter asap", "urgent"),
        ("demand letter ASAP!!!", "urgent"),
        ("rush: demand letter", "urgent"),
        ("emergency TRO hearing", "urgent"),
        ("as soon as possible please", "urgent"),
        ("high priority: answer", "high"),
        ("High-Priority answer", "high"),
        ("answer - important", "high"),
        ("It's important.", "high"),
        ("low priority: status update", "low"),
        ("no rush on the memo", "low"),
        ("whenever you get a chance", "low"),
        ("not urgent", "low"),
        ("not super urgent", "low"),
        ("non-urgent DV letter", "low"),
        ("no need to rush this one", "low"),
        ("nothing urgent, just calendar it", "low"),
        ("this is not an emergency", "low"),
        ("Okoye is an important client - demand letter", "normal"),
        ("very important clients deserve good letters", "normal"),
        ("🚨🚨🚨 demand letter 🔥", "normal"),
        ("DEMAND LETTER FOR OKOYE", "normal"),
        ("urgent!! but no rush on the memo", "low"),
        ("important and urgent", "urgent"),
    ],
)
def test_priority(parser: Parser, text: str, expected: str) -> None:
    assert read(parser, text).priority == expected
    assert priority_of(text) == expected


# ---------------------------------------------------------------------------------------------
# Matter references
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("demand letter for 24-1001", "24-1001"),
        ("demand letter for #24-1001", "24-1001"),
        ("demand letter, matter 24-1001", "24-1001"),
        ("demand letter, matter no. 24-1001", "24-1001"),
        ("demand letter re 24/1001", "24-1001"),
        ("demand letter for lit-2025-007", "LIT-2025-007"),
        ("demand letter for LIT 2025-007", "LIT-2025-007"),
        ("demand letter for Okoye", "LIT-2025-007"),
        ("demand letter for okoye", "LIT-2025-007"),
        ("demand letter for Samuel Okoye", "LIT-2025-007"),
        ("Okoye's demand letter", "LIT-2025-007"),
        ("Okoye v. Velocity: demand letter", "LIT-2025-007"),
        ("re Okoye - demand letter", "LIT-2025-007"),
        ("Okoye", "LIT-2025-007"),
        ("demand letter for Harold Whitaker", "24-1001"),
        ("demand letter for Janet Whitaker's account", "24-1002"),
        ("demand letter for Whitaker (24-1002)", "24-1002"),
        ("demand letter for Luis de la Cruz", "24-1010"),
        ("demand letter for de la Cruz", "24-1010"),
        ("demand letter for Banerjee-Rao", "24-1020"),
        ("demand letter for O'Neil", "24-1030"),
        ("demand letter for O\u2019Neil\u2019s matter", "24-1030"),
        ("demand letter for Peña", "24-1040"),
        ("demand letter for PENA", "24-1040"),
        ("demand letter for Okoyee", "LIT-2025-007"),
        ("demand letter for Nina Grant, to Ellie Grant", "24-1050"),
        ("demand letter for Whitaker", None),
        ("demand letter for Whitaker and Okoye", None),
        ("demand letter for 24-1001 and 24-1010", None),
        ("demand letter for Midland Funding", None),
        ("demand letter for the new client", None),
        ("demand letter to Ellie Grant", None),
        ("demand letter for 2024-1001", None),
        ("demand letter, due 2026-12-15", None),
    ],
)
def test_matter(parser: Parser, text: str, expected: str | None) -> None:
    assert read(parser, text).matter == expected


def test_an_ambiguous_client_name_is_flagged(parser: Parser) -> None:
    draft = read(parser, "demand letter for Whitaker")
    assert draft.matter is None
    assert any("more than one matter" in w for w in draft.warnings)


# ---------------------------------------------------------------------------------------------
# Assignee hints
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("demand letter for Okoye, to @ben", "ben.ortiz@lawco.test"),
        ("demand letter for Okoye to @ben.ortiz", "ben.ortiz@lawco.test"),
        ("demand letter for Okoye to @bortiz", "ben.ortiz@lawco.test"),
        ("@sam demand letter for Okoye", "sam.adeyemi@lawco.test"),
        ("demand letter for Okoye, to Ben Ortiz", "ben.ortiz@lawco.test"),
        ("demand letter for Okoye, to ben ortiz", "ben.ortiz@lawco.test"),
        ("demand letter for Okoye, to Ben", "ben.ortiz@lawco.test"),
        ("demand letter for Okoye, assign to Sam", "sam.adeyemi@lawco.test"),
        ("demand letter for Okoye, to Chloe Park", "chloe.park@lawco.test"),
        ("demand letter for Okoye, to Chloe D.", "chloe.dunn@lawco.test"),
        ("demand letter for Okoye, to Chloe", None),
        ("<@UB2ORTIZ> demand letter for Okoye", "ben.ortiz@lawco.test"),
        ("demand letter for Okoye <@UB2ORTIZ|ben>", "ben.ortiz@lawco.test"),
        ("<@U999NOPE> demand letter for Okoye", None),
        ("demand letter for Okoye, send it to me", None),
        ("demand letter to Midland Funding for Okoye", None),
        ("demand letter to the collector", None),
        ("to mark the deadline on the calendar", None),
        ("calendar it, to Mark", "mark.fenn@lawco.test"),
        ("demand letter for Okoye, to Ellie", "ellie.grant@lawco.test"),
        ("demand letter for Okoye to Elie", "ellie.grant@lawco.test"),
        ("demand letter for Okoye to Bne", None),
    ],
)
def test_assignee(parser: Parser, text: str, expected: str | None) -> None:
    assert read(parser, text).assignee == expected


def test_the_hint_stands_even_when_the_person_cannot_take_the_task(parser: Parser) -> None:
    draft = read(parser, "appear at the hearing for Okoye, to @mark")
    assert (draft.task_type, draft.assignee) == ("court_appearance", "mark.fenn@lawco.test")


# ---------------------------------------------------------------------------------------------
# Title, deadline, warnings
# ---------------------------------------------------------------------------------------------


def test_title_names_the_task_and_matter_but_never_the_client(parser: Parser) -> None:
    draft = read(parser, "pls draft a demand letter for Samuel Okoye by Friday, to @ben")
    assert draft.title == "Demand letter — LIT-2025-007"


def test_an_untyped_title_is_the_text_without_names_hints_or_deadline(parser: Parser) -> None:
    draft = read(parser, "Please book a room for Samuel Okoye tomorrow at 9am, to @ben ASAP")
    assert draft.task_type is None
    assert draft.title == "Book a room — LIT-2025-007"


def test_an_untyped_title_drops_ambiguous_client_names_too(parser: Parser) -> None:
    title = read(parser, "follow up on that for Whitaker next week").title
    assert "Whitaker" not in title and title.startswith("Follow up on that")


def test_an_untyped_title_is_short(parser: Parser) -> None:
    title = read(parser, "coordinate " + "the quarterly office logistics " * 10).title
    assert len(title) <= 80 and title.endswith("…")


def test_due_at_is_read_in_the_delegators_zone(parser: Parser) -> None:
    draft = read(parser, "C&D for Okoye by 3pm", tz="America/Chicago")
    assert draft.due_at == datetime(2026, 12, 8, 15, tzinfo=ZoneInfo("America/Chicago"))


def test_matter_numbers_are_not_read_as_dates(parser: Parser) -> None:
    draft = read(parser, "demand letter for 24-1001")
    assert draft.due_at is None


def test_a_passed_deadline_keeps_its_moment_and_warns(parser: Parser) -> None:
    draft = read(
        parser, "status update for Okoye EOD", now=datetime(2026, 12, 8, 18, tzinfo=ZoneInfo(NY))
    )
    assert draft.due_at == datetime(2026, 12, 8, 17, tzinfo=ZoneInfo(NY))
    assert "deadline has passed" in draft.warnings


def test_an_unknown_zone_still_parses_with_a_warning(parser: Parser) -> None:
    draft = read(parser, "demand letter for Okoye tomorrow", tz="Not/AZone")
    assert draft.task_type == "demand_letter" and draft.due_at is not None
    assert any("timezone" in w for w in draft.warnings)


def test_the_contract_shape(parser: Parser) -> None:
    result = read(parser, "URGENT: e-file the answer for Okoye by 2pm, to Sam").as_contract()
    assert result == {
        "task_type": "court_filing",
        "confidence": result["confidence"],
        "title": "Court filing — LIT-2025-007",
        "due_at": "2026-12-08T14:00:00-05:00",
        "priority": "urgent",
        "matter": "LIT-2025-007",
        "assignee": "sam.adeyemi@lawco.test",
        "unsure": [],
        "candidates": ["court_filing", "answer_complaint"],
        "unsure_reasons": {},
    }


def test_the_convenience_function_reads_as_a_parser_built_for_its_inputs() -> None:
    first = parse(
        "C&D for Okoye", now=NOW, tz=NY, taxonomy=TAXONOMY, vocabulary=BUNDLED_VOCABULARY,
        matters=MATTERS, roster=ROSTER
    )
    again = parse(
        "C&D for Okoye", now=NOW, tz=NY, taxonomy=TAXONOMY, vocabulary=BUNDLED_VOCABULARY,
        matters=MATTERS, roster=ROSTER
    )
    assert first == again and first.matter == "LIT-2025-007"
    others = (MatterRef("99-0001", "Zed Okoye"),)
    moved = parse("C&D for Okoye", now=NOW, tz=NY, taxonomy=TAXONOMY,
                  vocabulary=BUNDLED_VOCABULARY, matters=others, roster=ROSTER)
    assert moved.matter == "99-0001"


# ---------------------------------------------------------------------------------------------
# Never raises
# ---------------------------------------------------------------------------------------------


def assert_valid(draft: TaskDraft, taxonomy: Taxonomy = TAXONOMY) -> None:
    assert isinstance(draft, TaskDraft)
    assert draft.task_type is None or draft.task_type in taxonomy.ids
    assert 0.0 <= draft.confidence <= 1.0
    assert isinstance(draft.title, str) and 0 < len(draft.title) <= 80 + 20
    assert draft.priority in PRIORITIES
    assert draft.matter is None or draft.matter in {m.number for m in MATTERS}
    assert draft.assignee is None or draft.assignee in {p.email for p in ROSTER}
    assert draft.due_at is None or draft.due_at.tzinfo is not None
    assert not any(w.startswith("could not read") for w in draft.warnings)
    title_words = draft.title.lower().split()
    for matter in MATTERS:
        first, *_, last = matter.client_name.lower().split()
        assert first not in title_words and last not in title_words


@settings(
    max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text())
def test_any_unicode_text_parses(parser: Parser, text: str) -> None:
    assert_valid(read(parser, text))


WORDS = st.sampled_from(
    ["by", "to", "@ben", "<@UB2ORTIZ>", "Okoye", "24-1001", "tomorrow", "at", "3pm", "12/5",
     "in", "2", "business", "days", "next", "Friday", "EOD", "urgent", "not", "no rush", "file",
     "answer", "C&D", "31/31", "99:99", "0am", "Feb 30", "the 31st", "within", "999", "weeks",
     "Chloe", "Whitaker", "#", "—", "🙏", "'s", "de la", "Cruz", ",", "."]
)  # fmt: skip


@settings(
    max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(pieces=st.lists(WORDS, max_size=14))
def test_any_mix_of_meaningful_words_parses(parser: Parser, pieces: list[str]) -> None:
    assert_valid(read(parser, " ".join(pieces)))


@pytest.mark.parametrize(
    "text", [None, 42, "x" * 100_000, "\x00\x01\x02", "<@>", "<at></at>", "@", "to", "to @"]
)
def test_odd_inputs_never_raise(parser: Parser, text: object) -> None:
    assert_valid(parser.parse(text, now=NOW, tz=NY))  # type: ignore[arg-type]


def test_a_naive_or_missing_now_never_raises(parser: Parser) -> None:
    assert read(parser, "C&D by 3pm", now=datetime(2026, 12, 8, 10)).due_at is not None  # noqa: DTZ001
    draft = parser.parse("C&D by 3pm", now=None, tz=NY)  # type: ignore[arg-type]
    assert draft.task_type == "cease_desist_letter" and draft.due_at is None
