"""Spanish deadline phrases: read as the English rows of DOMAIN.md mean, and confirmed."""

from __future__ import annotations

from datetime import date

import pytest

from matching.parse.deadlines.spanish import in_english
from tests.matching.deadline_reading import reading

# Said on Tuesday 8 Dec 2026, 10:00 (deadline_reading.TUE).
SPANISH = [
    ("prepara el poder para el viernes, porfa", "2026-12-11 17:00"),
    ("revisa el contrato de Olmedo a más tardar el jueves", "2026-12-10 17:00"),
    ("llama a la señora Barrantes mañana a las 3", "2026-12-09 15:00"),
    ("sube los recibos hoy antes de las 4", "2026-12-08 16:00"),
    ("manda el escrito de Olmedo esta noche", "2026-12-08 23:59"),
    ("el memo de Barrantes para el lunes que viene", "2026-12-14 17:00"),
    ("la carta para el próximo miércoles por favor", "2026-12-16 17:00"),
    ("un resumen para la semana que viene", "2026-12-18 17:00"),
    ("termina el inventario esta semana", "2026-12-11 17:00"),
    ("el cuadro de gastos para fin de mes", "2026-12-31 17:00"),
    ("revisa el expediente en dos días", "2026-12-10 17:00"),
    ("la respuesta en 3 días hábiles", "2026-12-11 17:00"),
    ("el borrador dentro de una semana", "2026-12-15 17:00"),
    ("el memo antes del 17 de diciembre", "2026-12-17 17:00"),
    ("prepara la carta para el 18/12", "2026-12-18 17:00"),  # day first: no 18th month
    ("llama a Olmedo mañana a las 15:30", "2026-12-09 15:30"),
    ("llama a Olmedo mañana a las 16", "2026-12-09 16:00"),
    ("sube los recibos hoy a las 4 de la tarde", "2026-12-08 16:00"),
    ("la audiencia es el jueves a las 9 de la mañana, ¿vas tú?", "2026-12-10 09:00"),
]


@pytest.mark.parametrize(("text", "due"), SPANISH)
def test_a_spanish_deadline_is_read_as_its_english_would_be(text: str, due: str) -> None:
    assert reading(text) == (due, False)


def test_an_ambiguous_slash_date_keeps_the_documented_order_when_it_is_the_nearer() -> None:
    assert reading("el poder antes del 12/9")[0] == "2026-12-09 17:00"


def test_a_slash_date_read_day_first_is_asked_about() -> None:
    # "el 9/1" said in December: 9 January is nearer than 1 September
    assert reading("el poder para el 9/1, por favor") == ("2027-01-09 17:00", True)


@pytest.mark.parametrize(
    "text",
    [
        "pasa los recibos al sistema, llegaron en la mañana",
        "dile que venga por la mañana",
        "pls file the Olmedo answer by friday at 3",
    ],
)
def test_a_morning_and_english_are_left_as_written(text: str) -> None:
    assert in_english(text.lower(), date(2026, 12, 8)).text == text.lower()


def test_two_days_offered_are_asked_about() -> None:
    assert reading("¿la puedes llamar y ofrecerle martes o miércoles?")[1]


@pytest.mark.parametrize(
    "text",
    [
        "la audiencia fue el viernes pasado, prepara el resumen",
        "los viernes hay consultas, prepara la lista",
        "me llamó la semana pasada, llámala",
    ],
)
def test_a_day_gone_by_or_every_week_is_no_deadline(text: str) -> None:
    assert reading(text) == (None, False)


def test_a_day_said_not_to_be_the_deadline_is_none() -> None:
    assert reading("avísale que ya salió la carta. No es para hoy, cuando puedas.") == (None, False)
