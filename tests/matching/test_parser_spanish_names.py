"""People and clients named the Spanish way: diminutives of staff names, two surnames, Don/Doña."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from matching.model import MatterRef
from matching.parse import Parser
from matching.parse.diminutives import diminutives
from tests.matching.bundled import firm_parser, reader
from tests.matching.bundled import named_person as person

NY = "America/New_York"
NOW = datetime(2027, 3, 9, 10, 0, tzinfo=ZoneInfo(NY))  # a Tuesday

TOMAS = "tomas.arriaga@firm.test"
ANA = "ana.belmonte@firm.test"
LUIS = "luis.carranza@firm.test"
GABRIELA = "gabriela.duarte@firm.test"
FRANCISCO = "francisco.esquivel@firm.test"
ROSTER = (
    person(TOMAS, "Tomás Arriaga Leiva", "associate"),
    person(ANA, "Ana Belmonte", "legal_assistant"),
    person(LUIS, "Luis Carranza Mejía", "paralegal"),
    person(GABRIELA, "Gabriela Duarte", "paralegal"),
    person(FRANCISCO, "Francisco Esquivel", "paralegal"),
    person("nora.quill@firm.test", "Nora Quill", "partner"),
)
OLMEDO, ZAVALA_1, ZAVALA_2, ORTUNO, PAREDES = "S-1", "S-2", "S-3", "S-4", "S-5"
MATTERS = (
    MatterRef(OLMEDO, "Rosa Inés Olmedo Tupayachi", "Pinecrest Funding v. Olmedo Tupayachi"),
    MatterRef(ZAVALA_1, "Juan Pablo Zavala Ccahua", "In re Zavala Ccahua (Chapter 7)"),
    MatterRef(ZAVALA_2, "Juan Pablo Zavala Ccahua", "Zavala Ccahua v. Northgate Motors"),
    MatterRef(ORTUNO, "Evaristo Ortuño Quilla", "Ortuño Quilla v. Servicios Ráfaga LLC"),
    MatterRef(PAREDES, "Donald Paredes", "Paredes v. Brightline Credit"),
)
read = reader(NOW, NY)


@pytest.fixture(scope="module")
def parser() -> Parser:
    return firm_parser(MATTERS, ROSTER)


@pytest.mark.parametrize(
    ("name", "forms"),
    [("tomas", {"tomasito"}), ("ana", {"anita"}), ("lucho", {"luchito"}), ("paco", {"paquito"}),
     ("jose", {"josecito"}), ("al", set())],
)  # fmt: skip
def test_a_diminutive_is_the_name_and_ito_or_ita(name: str, forms: set[str]) -> None:
    assert forms <= diminutives(name) if forms else not diminutives(name)


@pytest.mark.parametrize(
    ("text", "assignee"),
    [
        ("Tomasito, ¿puedes revisar el contrato de Olmedo para el viernes?", TOMAS),
        ("Anita, por favor escanea los recibos de Olmedo", ANA),
        ("Luchito, prepara la carta de cese y desista para Olmedo", LUIS),
        ("Gabi por favor llama a la señora Olmedo", GABRIELA),
        ("Paco, ¿me ayudas con el inventario de Ortuño Quilla?", FRANCISCO),
        # greeted, or asked straight after the name
        ("oye Anita, escanea los recibos de Olmedo", ANA),
        ("Hola Gabi, ¿puedes llamar a la señora Olmedo?", GABRIELA),
        ("Tomás porfa revisa el contrato de Olmedo", TOMAS),
        ("Luis ¿puedes ir a la audiencia de Olmedo?", LUIS),
        # asked to hand it on: "pídele a X que …", "dile a X que …"
        ("Por favor pídele a Gabi que llame a la señora Olmedo hoy", GABRIELA),
        ("Nora, dile a Luis que prepare la carta para Olmedo", LUIS),
    ],
)
def test_a_colleague_is_addressed_by_a_spanish_short_form(
    parser: Parser, text: str, assignee: str
) -> None:
    assert read(parser, text).assignee == assignee


@pytest.mark.parametrize(
    ("text", "matter"),
    [
        # the first of two surnames, when the title names the client by both
        ("llama a la señora Olmedo para confirmar la cita", OLMEDO),
        ("draft the answer for Ms. Olmedo by Friday", OLMEDO),
        # a given name and the first surname
        ("Rosa Olmedo trajo los estados de cuenta, revísalos porfa", OLMEDO),
        # a given name after Don or Doña
        ("llama a Don Evaristo y explícale la contestación", ORTUNO),
        ("doña Rosa trajo los recibos, escanéalos por favor", OLMEDO),
    ],
)
def test_a_client_is_named_the_spanish_way(parser: Parser, text: str, matter: str) -> None:
    draft = read(parser, text)
    assert (draft.matter, "matter" in draft.unsure) == (matter, False)


def test_a_client_with_two_matters_is_told_apart_by_the_proceeding(parser: Parser) -> None:
    draft = read(parser, "prepara los Schedules del capítulo 7 de Juan Pablo Zavala")
    assert draft.matter in (ZAVALA_1, None)
    assert read(parser, "el señor Zavala llamó, llámalo por favor").matter is None


def test_don_alone_is_no_honorific(parser: Parser) -> None:
    # "Don" is an English given name too: "Don Paredes" is a surname, and a bare given name
    # after an English word stays a given name
    draft = read(parser, "can you call Evaristo about the Servicios Rafaga letter")
    assert "matter" in draft.unsure or draft.matter is None
