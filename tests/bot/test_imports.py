"""Roster and matters CSV import: every validation message, atomicity, idempotency, concurrency."""

from __future__ import annotations

import asyncio
import csv
import io
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import pytest

from bot.app.commands.matters import matter_records
from bot.app.commands.roster import staff_records
from bot.firm import load_firm
from bot.imports import ImportRefused, ImportSummary, import_matters, import_roster
from bot.settings import Settings, load_settings
from matching.eligibility import Requirements, role_reasons
from storage import staff as staff_store
from storage.db import Database
from storage.versions import get_versions

HEADER = ("email,name,role,hourly_rate,skills,weekly_capacity_hours,timezone,working_hours,"
          "slack_user_id,teams_user_id,manager_email,bar_admissions,is_manager")
BOSS = ("lead@firm.test,Lena Lead,partner,500,negotiation:5;drafting:5,40,America/New_York,,"
        "U0LEAD,11111111-0000-4000-8000-000000000001,,FL;NY,true")
PARALEGAL = ("pat@firm.test,Pat Para,paralegal,60,drafting:3;document_management:3,35,"
             "America/Chicago,08:00-16:00,U0PAT,11111111-0000-4000-8000-000000000002,"
             "lead@firm.test,,false")
ASSISTANT = ("al@firm.test,Al Assist,legal_assistant,35,client_communication:2,40,,,U0AL,,"
             "lead@firm.test,,false")
ROSTER = f"{HEADER}\n{BOSS}\n{PARALEGAL}\n{ASSISTANT}\n"

MATTERS_HEADER = ("matter_number,client_name,title,responsible_attorney_email,jurisdiction,"
                  "screened_emails")
MATTERS = (f"{MATTERS_HEADER}\n"
           "2027-0001,Vera Lind,Lind v. Apex Recovery,lead@firm.test,FL,pat@firm.test\n"
           "2027-0002,Abe Ost,Ost - validation dispute,lead@firm.test,fl,\n")


def roster(*rows: str, header: str = HEADER) -> bytes:
    return ("\n".join([header, *rows]) + "\n").encode()


async def load(db: Database, data: bytes | str, *, matters: bool = False) -> ImportSummary:
    raw = data.encode() if isinstance(data, str) else data
    async with db.transaction() as session:
        if matters:
            return await import_matters(session, raw)
        return await import_roster(session, raw)


async def refused(db: Database, data: bytes | str, *, matters: bool = False) -> list[str]:
    with pytest.raises(ImportRefused) as caught:
        await load(db, data, matters=matters)
    return [str(problem) for problem in caught.value.problems]


async def snapshot(db: Database) -> tuple[list[dict[str, Any]], list[dict[str, Any]], int]:
    async with db.transaction() as session:
        return (await staff_records(session, settings=Settings()),
                await matter_records(session), (await get_versions(session)).firm)


# --- the happy path -----------------------------------------------------------------------


async def test_import_creates_everyone_with_every_column(db: Database) -> None:
    summary = await load(db, ROSTER)
    assert (summary.created, summary.updated, summary.unchanged) == (3, 0, 0)
    assert str(summary) == "Imported 3 staff: 3 created, 0 updated, 0 unchanged."
    async with db.transaction() as session:
        pat = await staff_store.get_staff_by_email(session, email="pat@firm.test")
        boss = await staff_store.get_staff_by_email(session, email="lead@firm.test")
        al = await staff_store.get_staff_by_email(session, email="al@firm.test")
    assert pat is not None and boss is not None and al is not None
    assert (pat.name, pat.role, pat.hourly_rate) == ("Pat Para", "paralegal", Decimal("60.00"))
    assert pat.skills == {"drafting": 3, "document_management": 3}
    assert (pat.weekly_capacity_hours, pat.timezone, pat.working_hours) == (
        35.0, "America/Chicago", "08:00-16:00")
    assert (pat.slack_user_id, pat.teams_user_id) == (
        "U0PAT", "11111111-0000-4000-8000-000000000002")
    assert pat.manager_id == boss.id and boss.manager_id is None
    assert boss.bar_admissions == ["FL", "NY"] and boss.is_manager and not pat.is_manager
    assert (al.timezone, al.working_hours, al.teams_user_id) == (None, None, None)


async def test_columns_in_any_order_with_a_bom_crlf_and_loose_spelling(db: Database) -> None:
    data = ("\ufeffIs_Manager , Role,EMAIL,hourly_rate,name,skills,working_hours,bar_admissions\r\n"
            "Yes,Legal Assistant,  Sam@Firm.TEST ,$42.50,Sam Smith,Client Communication:2,"
            " 9:00 - 17:30 ,\"fl, ny\"\r\n").encode()
    await load(db, data)
    async with db.transaction() as session:
        sam = await staff_store.get_staff_by_email(session, email="sam@firm.test")
    assert sam is not None
    assert (sam.role, sam.hourly_rate, sam.is_manager) == (
        "legal_assistant", Decimal("42.50"), True)
    assert sam.skills == {"client_communication": 2}
    assert sam.working_hours == "09:00-17:30"
    assert sam.bar_admissions == ["FL", "NY"]


async def test_a_manager_may_come_later_in_the_file_or_already_be_on_the_roster(
        db: Database) -> None:
    later = roster(PARALEGAL, BOSS)  # Pat names lead@ before lead@'s own line
    assert (await load(db, later)).created == 2
    newcomer = roster("new@firm.test,Nia New,paralegal,55,,,,,,,lead@firm.test,,false")
    assert (await load(db, newcomer)).created == 1  # lead@ is only in the database


async def test_reimport_is_idempotent(db: Database) -> None:
    await load(db, ROSTER)
    await load(db, MATTERS, matters=True)
    before = await snapshot(db)
    again = await load(db, ROSTER)
    matters_again = await load(db, MATTERS, matters=True)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 3)
    assert (matters_again.created, matters_again.updated, matters_again.unchanged) == (0, 0, 2)
    assert await snapshot(db) == before  # not even updated_at or the firm version moved


async def test_reimport_updates_changed_rows_and_keeps_people_left_out(db: Database) -> None:
    await load(db, ROSTER)
    cheaper = PARALEGAL.replace(",60,", ",58,")
    summary = await load(db, roster(BOSS, cheaper))  # al@ is not in this file
    assert (summary.created, summary.updated, summary.unchanged) == (0, 1, 1)
    records = {r["email"]: r for r in (await snapshot(db))[0]}
    assert records["pat@firm.test"]["hourly_rate"] == 58.0
    assert "al@firm.test" in records and records["al@firm.test"]["active"]


async def test_a_manager_change_alone_counts_as_an_update(db: Database) -> None:
    await load(db, ROSTER)
    unmanaged = ASSISTANT.replace("lead@firm.test", "")
    summary = await load(db, roster(BOSS, PARALEGAL, unmanaged))
    assert (summary.updated, summary.unchanged) == (1, 2)
    records = {r["email"]: r for r in (await snapshot(db))[0]}
    assert records["al@firm.test"]["manager_email"] is None


async def test_columns_absent_from_a_reimport_keep_their_values(db: Database) -> None:
    await load(db, ROSTER)
    summary = await load(db, roster("pat@firm.test,Pat Para,paralegal,61",
                                    header="email,name,role,hourly_rate"))
    assert summary.updated == 1
    pat = next(r for r in (await snapshot(db))[0] if r["email"] == "pat@firm.test")
    assert pat["hourly_rate"] == 61.0
    assert pat["slack_user_id"] == "U0PAT" and pat["manager_email"] == "lead@firm.test"
    assert pat["skills"] == {"drafting": 3, "document_management": 3}


async def test_roster_round_trip_through_list_json(db: Database) -> None:
    await load(db, ROSTER)
    records = (await snapshot(db))[0]
    assert [r["email"] for r in records] == ["lead@firm.test", "pat@firm.test", "al@firm.test"]
    for record, row in zip(records, csv.DictReader(io.StringIO(ROSTER)), strict=True):
        assert as_csv_row(record) == row


def as_csv_row(record: dict[str, Any]) -> dict[str, str]:
    """A `roster list --json` record written back in the Roster CSV format."""
    rate = record["hourly_rate"]
    return {
        "email": record["email"], "name": record["name"], "role": record["role"],
        "hourly_rate": f"{rate:g}",
        "skills": ";".join(f"{skill}:{level}" for skill, level in record["skills"].items()),
        "weekly_capacity_hours": f"{record['weekly_capacity_hours']:g}",
        "timezone": record["timezone"] or "", "working_hours": record["working_hours"] or "",
        "slack_user_id": record["slack_user_id"] or "",
        "teams_user_id": record["teams_user_id"] or "",
        "manager_email": record["manager_email"] or "",
        "bar_admissions": ";".join(record["bar_admissions"]),
        "is_manager": "true" if record["is_manager"] else "false",
    }


async def test_list_json_applies_the_settings_defaults_beside_the_stored_values(
        db: Database) -> None:
    await load(db, ROSTER)
    settings = load_settings(LPO_TIMEZONE="America/Denver", LPO_BUSINESS_HOURS="8:30-16:30")
    async with db.transaction() as session:
        al = next(r for r in await staff_records(session, settings=settings)
                  if r["email"] == "al@firm.test")
    assert (al["timezone"], al["working_hours"]) == (None, None)
    assert (al["timezone_effective"], al["working_hours_effective"]) == (
        "America/Denver", "08:30-16:30")


async def test_matters_import_resolves_people_and_walls(db: Database) -> None:
    await load(db, ROSTER)
    summary = await load(db, MATTERS, matters=True)
    assert (summary.created, summary.what) == (2, "matters")
    records = (await snapshot(db))[1]
    assert records[0] | {"id": 0} == {
        "id": 0, "matter_number": "2027-0001", "client_name": "Vera Lind",
        "title": "Lind v. Apex Recovery", "responsible_attorney_email": "lead@firm.test",
        "jurisdiction": "FL", "screened_emails": ["pat@firm.test"]}
    assert records[1]["jurisdiction"] == "FL" and records[1]["screened_emails"] == []


# --- jurisdictions: stored as postal codes ------------------------------------------------


async def test_jurisdiction_spellings_are_stored_as_codes(db: Database) -> None:
    await load(db, roster(BOSS.replace("FL;NY", "Florida;N.Y.;new york;D.C.;Federal"),
                          PARALEGAL, ASSISTANT))
    await load(db, MATTERS_HEADER + "\n2027-0001,Vera Lind,,lead@firm.test,Florida,\n"
                                    "2027-0002,Abe Ost,,lead@firm.test,fl,\n"
                                    "2027-0003,Ida Ray,,lead@firm.test,Fla.,\n"
                                    "2027-0004,Ned Oak,,lead@firm.test,U.S.,\n", matters=True)
    staff, matters, _ = await snapshot(db)
    boss = next(record for record in staff if record["email"] == "lead@firm.test")
    assert boss["bar_admissions"] == ["FL", "NY", "DC", "US"]
    assert [matter["jurisdiction"] for matter in matters] == ["FL", "FL", "FL", "US"]


async def test_an_attorney_admitted_in_florida_may_take_florida_work(db: Database) -> None:
    """The finding: "Florida" was stored as FLORIDA and then nobody was admitted there."""
    await load(db, roster(BOSS.replace("FL;NY", "Florida"), PARALEGAL, ASSISTANT))
    await load(db, MATTERS_HEADER + "\n2027-0001,Vera Lind,,lead@firm.test,florida,\n",
               matters=True)
    async with db.transaction() as session:
        firm = await load_firm(session, settings=Settings())
    boss, matter = firm.by_email("lead@firm.test"), firm.matter("2027-0001")
    assert boss is not None and matter is not None and matter.jurisdiction is not None
    court = Requirements(skills=(), hours=1.0, now=datetime(2027, 3, 2, 15, tzinfo=UTC),
                         attorney_only=True, jurisdiction=matter.jurisdiction)
    assert role_reasons(boss, court) == ()


@pytest.mark.parametrize(("cell", "expected"), [
    ("Washington", "line 2, bar_admissions: 'Washington' is not a US jurisdiction; did you mean "
                   "WA (Washington State) or DC (District of Columbia)? use a postal code"),
    ("NY;Flurida", "line 2, bar_admissions: 'Flurida' is not a US jurisdiction; did you mean "
                   "FL (Florida)? use a postal code like FL or NY, or US for federal practice"),
    ("S.D.N.Y.", "line 2, bar_admissions: 'S.D.N.Y.' is not a US jurisdiction; use a postal"),
])
async def test_a_jurisdiction_that_names_no_place_is_refused_with_a_suggestion(
        db: Database, cell: str, expected: str) -> None:
    await load(db, roster(BOSS))
    problems = await refused(db, roster(ASSISTANT.replace(",,lead@firm.test,,false",
                                                          f",,lead@firm.test,{cell},false")))
    assert len(problems) == 1 and problems[0].startswith(expected), problems


async def test_a_matter_jurisdiction_that_names_no_place_is_refused(db: Database) -> None:
    await load(db, ROSTER)
    problems = await refused(db, MATTERS_HEADER + "\n2027-0001,Vera Lind,,lead@firm.test,,\n"
                                                  "2027-0002,Abe Ost,,lead@firm.test,Flori da,\n",
                             matters=True)
    assert problems == ["line 3, jurisdiction: 'Flori da' is not a US jurisdiction; did you "
                        "mean FL (Florida)? use a postal code like FL or NY, or US for federal "
                        "practice"]


async def test_matters_reimport_changes_the_wall_only(db: Database) -> None:
    await load(db, ROSTER)
    await load(db, MATTERS, matters=True)
    moved = MATTERS.replace(",pat@firm.test\n", ",al@firm.test;pat@firm.test\n")
    summary = await load(db, moved, matters=True)
    assert (summary.updated, summary.unchanged) == (1, 1)
    records = (await snapshot(db))[1]
    assert records[0]["screened_emails"] == ["al@firm.test", "pat@firm.test"]


async def test_a_header_only_file_imports_nothing(db: Database) -> None:
    assert (await load(db, HEADER + "\n")).total == 0


# --- every validation message names the line and the field ---------------------------------


ROW_PROBLEMS = [
    (ASSISTANT.replace("legal_assistant", "clerk"),
     "line 2, role: unknown role 'clerk'; allowed: legal_assistant, paralegal, associate, partner"),
    (ASSISTANT.replace("legal_assistant", "paralgal"),
     "line 2, role: unknown role 'paralgal'; did you mean 'paralegal'? allowed: "),
    (ASSISTANT.replace("client_communication:2", "drafing:2"),
     "line 2, skills: unknown skill 'drafing'; did you mean 'drafting'? known skills: "),
    (ASSISTANT.replace("client_communication:2", "drafting:6"),
     "line 2, skills: level of drafting must be a whole number from 1 to 5, got '6'"),
    (ASSISTANT.replace("client_communication:2", "drafting:0"),
     "line 2, skills: level of drafting must be a whole number from 1 to 5, got '0'"),
    (ASSISTANT.replace("client_communication:2", "drafting:high"),
     "line 2, skills: level of drafting must be a whole number from 1 to 5, got 'high'"),
    (ASSISTANT.replace("client_communication:2", "drafting"),
     "line 2, skills: 'drafting' is not skill:level (e.g. drafting:3)"),
    (ASSISTANT.replace("client_communication:2", "drafting:2;drafting:3"),
     "line 2, skills: drafting is listed twice"),
    (ASSISTANT.replace(",35,", ",-35,"),
     "line 2, hourly_rate: -35 is negative; an hourly cost is 0 or more"),
    (ASSISTANT.replace(",35,", ",thirty,"),
     "line 2, hourly_rate: 'thirty' is not a number (an hourly cost in USD, e.g. 85)"),
    (ASSISTANT.replace(",35,", ",NaN,"), "line 2, hourly_rate: 'NaN' is not a number"),
    (ASSISTANT.replace(",35,", ",,"), "line 2, hourly_rate: is empty; this column is required"),
    (ASSISTANT.replace(",40,", ",200,"),
     "line 2, weekly_capacity_hours: 200 is not between 0 and 168 hours per week"),
    (ASSISTANT.replace(",40,,", ",40,Mars/Olympus,"),
     "line 2, timezone: unknown timezone 'Mars/Olympus' (use an IANA name like America/New_York)"),
    (ASSISTANT.replace(",40,,,", ",40,,9 to 5,"),
     "line 2, working_hours: expected HH:MM-HH:MM, got '9 to 5'"),
    (ASSISTANT.replace(",40,,,", ",40,,17:00-09:00,"),
     "line 2, working_hours: start 17:00 is not before end 09:00"),
    (ASSISTANT.replace("U0AL", "@al"), "line 2, slack_user_id: '@al' is not a Slack member ID"),
    (ASSISTANT.replace("U0AL,", "U0AL,not-a-guid"),
     "line 2, teams_user_id: 'not-a-guid' is not a Microsoft Entra object ID"),
    (ASSISTANT.replace("lead@firm.test", "boss@firm.test"),
     "line 2, manager_email: boss@firm.test is not in this file nor on the roster"),
    (ASSISTANT.replace("lead@firm.test", "al@firm.test"),
     "line 2, manager_email: a person cannot be their own manager"),
    (ASSISTANT.replace("al@firm.test,", "al at firm,"),
     "line 2, email: 'al at firm' is not an email address"),
    (ASSISTANT.replace("Al Assist", ""), "line 2, name: is empty; this column is required"),
    (ASSISTANT.replace(",,lead@firm.test,,false", ",,lead@firm.test,Atlantis,false"),
     "line 2, bar_admissions: 'Atlantis' is not a US jurisdiction; use a postal code like FL "
     "or NY, or US for federal practice"),
    (ASSISTANT.replace(",false", ",maybe"),
     "line 2, is_manager: expected true or false, got 'maybe'"),
    (ASSISTANT + ",extra", "line 2: has 14 values but the header names 13 columns"),
    (ASSISTANT.rsplit(",", 2)[0], "line 2: has 11 values but the header names 13 columns"),
]


@pytest.mark.parametrize(("row", "expected"), ROW_PROBLEMS,
                         ids=[expected.split(": ", 1)[0] + " " + expected.split(": ", 2)[1][:24]
                              for _, expected in ROW_PROBLEMS])
async def test_a_bad_cell_is_named_by_line_and_field(db: Database, row: str,
                                                      expected: str) -> None:
    await load(db, roster(BOSS))
    problems = await refused(db, roster(row))
    assert len(problems) == 1, problems
    assert problems[0].startswith(expected)


async def test_trailing_empty_cells_are_tolerated(db: Database) -> None:
    assert (await load(db, roster(BOSS + ",,"))).created == 1


async def test_duplicate_email_in_the_file_is_refused_whatever_its_case(db: Database) -> None:
    problems = await refused(db, roster(BOSS, ASSISTANT, "", ASSISTANT.replace("al@", "AL@")))
    assert problems == ["line 5, email: al@firm.test is already on line 3"]


async def test_chat_identities_must_stay_unique(db: Database) -> None:
    await load(db, ROSTER)
    twin = "twin@firm.test,Tia Twin,paralegal,50,,,,,U0PAT,,,,false"
    assert await refused(db, roster(twin)) == [
        "line 2, slack_user_id: U0PAT also belongs to pat@firm.test (already on the roster)"]
    both = roster(ASSISTANT.replace("U0AL", "U0NEW"), twin.replace("U0PAT", "U0NEW"))
    assert await refused(db, both) == [
        "line 2, slack_user_id: U0NEW also belongs to twin@firm.test (line 3)",
        "line 3, slack_user_id: U0NEW also belongs to al@firm.test (line 2)"]
    # Moving an id from one person to another in the same file is fine.
    swapped = roster(PARALEGAL.replace("U0PAT", "U0AL"), ASSISTANT.replace("U0AL", "U0PAT"))
    assert (await load(db, swapped)).updated == 2


async def test_every_problem_of_every_line_is_reported_in_order(db: Database) -> None:
    await load(db, roster(BOSS))
    bad = roster(
        ASSISTANT.replace("legal_assistant", "clerk").replace(",35,", ",-1,"),
        PARALEGAL.replace("lead@firm.test", "ghost@firm.test"),
        ASSISTANT.replace("client_communication:2", "wizardry:9"))
    problems = await refused(db, bad)
    assert [p.split(":", 1)[0] for p in problems] == [
        "line 2, role", "line 2, hourly_rate", "line 3, manager_email",
        "line 4, email", "line 4, skills"]


@pytest.mark.parametrize(("content", "expected"), [
    (b"", "line 1: the file is empty; the first line must name the columns: email, name, "),
    (b"\n \n,,,\n", "line 1: the file is empty"),
    ("email,name,role,hourly_rate\nzoë@firm.test,Zoë Ångström,paralegal,50\n".encode("latin-1"),
     "line 2: the file is not UTF-8 text (byte 0xeb); save it as 'CSV UTF-8'"),
    ("email,name,role,hourly_rate\n".encode("utf-16"),
     "line 1: the file is UTF-16 text; save it as 'CSV UTF-8'"),
    (b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00",
     "line 1: this is not a CSV text file (an Excel workbook?); save it as 'CSV UTF-8'"),
    (b"email;name;role;hourly_rate\na@b.test;A;paralegal;5\n",
     "line 1: the columns are separated by semicolons"),
    (b"email,name,role\na@firm.test,A,paralegal\n",
     "line 1: missing required column 'hourly_rate'"),
    (b"email,name,role,hourly_rate,skils\n",
     "line 1: unknown column 'skils'; did you mean 'skills'? the columns are: email, "),
    (b"email,name,role,hourly_rate,name\n", "line 1, name: this column appears twice"),
    (b"email,name,,role,hourly_rate\n", "line 1: column 3 has no name"),
])
async def test_a_file_that_cannot_be_read_is_refused_whole(db: Database, content: bytes,
                                                           expected: str) -> None:
    problems = await refused(db, content)
    assert problems[0].startswith(expected), problems


async def test_a_utf8_file_with_accents_is_fine(db: Database) -> None:
    await load(db, roster("zoe@firm.test,Zoë Ångström-Núñez,paralegal,50",
                        header="email,name,role,hourly_rate"))
    records = (await snapshot(db))[0]
    assert records[0]["name"] == "Zoë Ångström-Núñez"


async def test_a_quoted_value_may_hold_commas_and_newlines(db: Database) -> None:
    data = roster('x@firm.test,"Reyes, Ana",paralegal,50',
                  'y@firm.test,"Two\nLines",paralegal,50',
                  "z@firm.test,Zed,wizard,50",
                  header="email,name,role,hourly_rate")
    assert await refused(db, data) == [("line 5, role: unknown role 'wizard'; allowed: "
                                        "legal_assistant, paralegal, associate, partner")]


MATTER_PROBLEMS = [
    ("2027-0003,Ida Ray,,nobody@firm.test,FL,",
     "line 2, responsible_attorney_email: nobody@firm.test is not on the roster"),
    ("2027-0003,Ida Ray,,pat@firm.test,FL,",
     "line 2, responsible_attorney_email: pat@firm.test is a paralegal, not an attorney"),
    ("2027-0003,Ida Ray,,lead@firm.test,FL,pat@firm.test;ghost@firm.test",
     "line 2, screened_emails: ghost@firm.test is not on the roster"),
    ("2027-0003,Ida Ray,,lead@firm.test,FL,lead@firm.test",
     "line 2, screened_emails: the responsible attorney cannot be screened from their own matter"),
    ("2027-0003,Ida Ray,,lead@firm.test,F L,",
     "line 2, jurisdiction: 'F L' is not a US jurisdiction; did you mean FL (Florida)?"),
    (",Ida Ray,,lead@firm.test,FL,", "line 2, matter_number: is empty; this column is required"),
    ("2027-0003,,,lead@firm.test,FL,", "line 2, client_name: is empty; this column is required"),
]


@pytest.mark.parametrize(("row", "expected"), MATTER_PROBLEMS)
async def test_a_bad_matter_cell_is_named_by_line_and_field(db: Database, row: str,
                                                             expected: str) -> None:
    await load(db, ROSTER)
    problems = await refused(db, f"{MATTERS_HEADER}\n{row}\n", matters=True)
    assert len(problems) == 1, problems
    assert problems[0].startswith(expected)


async def test_duplicate_matter_number_is_refused(db: Database) -> None:
    await load(db, ROSTER)
    data = MATTERS + "2027-0001,Vera Lind,Again,lead@firm.test,FL,\n"
    assert await refused(db, data, matters=True) == [
        "line 4, matter_number: 2027-0001 is already on line 2"]


async def test_matters_before_the_roster_says_to_import_the_roster_first(db: Database) -> None:
    problems = await refused(db, MATTERS, matters=True)
    assert problems[0] == ("line 2, responsible_attorney_email: lead@firm.test is not on the "
                           "roster (import the roster first)")


async def test_missing_matter_columns_are_named(db: Database) -> None:
    assert await refused(db, "matter_number,title\n2027-1,T\n", matters=True) == [
        "line 1: missing required column 'client_name'"]


# --- atomicity and concurrency -------------------------------------------------------------


async def test_one_bad_row_changes_nothing_on_a_populated_database(db: Database) -> None:
    await load(db, ROSTER)
    await load(db, MATTERS, matters=True)
    before = await snapshot(db)
    mostly_good = roster(BOSS.replace(",500,", ",450,"), PARALEGAL.replace(",60,", ",62,"),
                         "new@firm.test,Nia New,paralegal,55,,,,,,,lead@firm.test,,false",
                         ASSISTANT.replace("legal_assistant", "intern"))
    assert await refused(db, mostly_good) == [
        ("line 5, role: unknown role 'intern'; allowed: legal_assistant, paralegal, associate, "
         "partner")]
    bad_matters = (MATTERS.replace("Lind v. Apex Recovery", "Renamed")
                   + "2027-0003,Ida Ray,,ghost@firm.test,FL,\n")
    assert len(await refused(db, bad_matters, matters=True)) == 1
    assert await snapshot(db) == before


async def test_a_database_error_midway_rolls_everything_back(db: Database) -> None:
    await load(db, ROSTER)
    before = await snapshot(db)
    with pytest.raises(RuntimeError):
        async with db.transaction() as session:
            await import_roster(session, roster("new@firm.test,Nia New,paralegal,55",
                                                header="email,name,role,hourly_rate"))
            raise RuntimeError("the caller's unit of work fails after the import")
    assert await snapshot(db) == before


def _bulk_roster(rate: int, people: int = 25) -> bytes:
    rows = [f"person{n:02d}@firm.test,Person {n},paralegal,{rate},drafting:2,40,,,U0P{n:02d},,"
            f"lead@firm.test,,false" for n in range(people)]
    return roster(BOSS, *rows)


async def test_concurrent_imports_are_serialised(database_url: str) -> None:
    first, second = Database(database_url), Database(database_url)
    try:
        summaries = await asyncio.gather(load(first, _bulk_roster(50)),
                                         load(second, _bulk_roster(60)))
        async with first.transaction() as session:
            everyone = await staff_store.list_staff(session)
    finally:
        await first.dispose()
        await second.dispose()
    assert sorted(s.created for s in summaries) == [0, 26]
    assert sorted(s.updated for s in summaries) == [0, 25]
    paralegals = [s for s in everyone if s.role == "paralegal"]
    assert len(paralegals) == 25
    assert len({s.hourly_rate for s in paralegals}) == 1  # one import won, wholly
