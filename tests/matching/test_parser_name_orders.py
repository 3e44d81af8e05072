"""Clients' names in other orders: Vietnamese names written family name first, with or without
their marks, shared family names, given names said with a title of address, two surnames of
which the title keeps the first, and letters such as "Đ" that decompose to no ASCII letter."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from matching.model import MatterRef
from matching.parse import Parser
from matching.parse.client_names import family_name_first
from matching.text import fold
from tests.matching.bundled import firm_parser, reader
from tests.matching.bundled import named_person as person

CHI = "America/Chicago"
NOW = datetime(2029, 4, 10, 9, 0, tzinfo=ZoneInfo(CHI))  # a Tuesday

ROSTER = (
    person("quyen.do@firm.test", "Quyen Do", "paralegal"),
    person("oksana.bright@firm.test", "Oksana Bright", "associate"),
    person("gideon.marsh@firm.test", "Gideon Marsh", "partner"),
)
TIEN_SUIT, TIEN_ROOF, MY, TRUNG, LOC, YEN, RAFAELA, CAM_HOA = (
    "V-01", "V-02", "V-03", "V-04", "V-05", "V-06", "V-07", "V-08"
)
MATTERS = (
    MatterRef(TIEN_SUIT, "Huỳnh Văn Tiến", "Arrowhead Credit v. Huynh Van Tien (justice court)"),
    MatterRef(TIEN_ROOF, "Huỳnh Văn Tiến", "Huynh Van Tien v. Stormline Roofing (DTPA)"),
    MatterRef(MY, "Huỳnh Thị Mỹ", "In re Huynh Thi My (Chapter 7)"),
    MatterRef(TRUNG, "Đoàn Quốc Trung", "Kestrel Recovery v. Doan Quoc Trung (collection)"),
    MatterRef(LOC, "Bùi Văn Lộc", "Bui Van Loc - repossession (2019 Civic)"),
    MatterRef(YEN, "Bùi Thị Yến", "Bui Thi Yen v. Pinnacle Servicing (FCRA)"),
    MatterRef(RAFAELA, "Rafaela Quintero Ibarra", "Quintero - tradelines (FCRA disputes)"),
    MatterRef(CAM_HOA, "Cao Thị Hoa", "Cao Thi Hoa - payday loans (TDCA)"),
)
read = reader(NOW, CHI, "gideon.marsh@firm.test")


@pytest.fixture(scope="module")
def parser() -> Parser:
    return firm_parser(MATTERS, ROSTER)


@pytest.mark.parametrize(
    ("name", "first"),
    [
        ("Huỳnh Văn Tiến", True),
        ("Doan Quoc Trung", False),  # no marks, no Văn or Thị: the order is not known
        ("Bui Van Loc", True),
        ("Đoàn Quốc Trung", True),
        ("Mai Vang", False),
        ("Tuyet Nguyen", False),
        ("Rafaela Quintero Ibarra", False),
    ],
)
def test_a_name_written_family_first_is_told_by_its_marks_or_middle_name(
    name: str, first: bool
) -> None:
    assert family_name_first(name) is first


def test_a_crossed_d_folds_to_d() -> None:
    assert fold("Đoàn đi") == "doan di"


@pytest.mark.parametrize(
    ("text", "matter"),
    [
        ("Quyen, please draft the answer in Kestrel v. Doan by Friday", TRUNG),
        ("Quyen, please draft the answer in Kestrel v. Đoàn by Friday", TRUNG),
        ("Quyen — chú Trung brought the citation; draft his answer by Friday", TRUNG),
        ("Quyen, call Mr. Lộc about the repossession notice today", LOC),
        ("Quyen, call cô Yến about her dispute letters today", YEN),
        ("Quyen, call Loc Bui about the repossession notice today", LOC),
        ("Quyen, draft discovery in Arrowhead v. Huynh by Thursday", TIEN_SUIT),
        ("Quyen, summarise the invoices in Huynh v. Stormline by Thursday", TIEN_ROOF),
        ("Quyen, file the schedules for Huỳnh Thị Mỹ by Thursday", MY),
        ("Quyen, call rafaela quintero about the new tradeline today", RAFAELA),
        ("Quyen, draft the Quintero dispute letters by Friday", RAFAELA),
        ("Quyen, call bà Hoa about the payday lender today", CAM_HOA),
    ],
)
def test_a_client_named_either_way_round_settles_the_matter(
    parser: Parser, text: str, matter: str
) -> None:
    draft = read(parser, text)
    assert (draft.matter, "matter" in draft.unsure) == (matter, False)


@pytest.mark.parametrize(
    "text",
    [
        "Quyen, call bà Bùi back about her case today",  # two clients are Bùi
        "Quyen, please draft the letter in the Huynh case by Friday",  # two clients are Huỳnh
    ],
)
def test_a_shared_family_name_is_no_silent_answer(parser: Parser, text: str) -> None:
    draft = read(parser, text)
    assert draft.matter is None or "matter" in draft.unsure


@pytest.mark.parametrize(
    "text",
    [
        "Quyen, Mr. Đoàn Quốc Trang called: do an intake call with him today",
        "Quyen, Mr. Đoàn Văn Trang called: do an intake call with him today",
        "Quyen, Mr. Tạ Văn Trung called: do an intake call with him today",
    ],
)
def test_someone_else_of_a_clients_family_or_given_name_is_no_client(
    parser: Parser, text: str
) -> None:
    assert read(parser, text).matter is None


def test_an_hoa_after_the_associations_name_is_its_own(parser: Parser) -> None:
    hoa = firm_parser(
        (*MATTERS, MatterRef("V-09", "Egret Point Homeowners Association", "Egret Point HOA")),
        ROSTER,
    )
    draft = read(hoa, "Quyen, send the Egret Point HOA board an update by Friday")
    assert (draft.matter, "matter" in draft.unsure) == ("V-09", False)
