"""The bundled task catalogue and the validation of firm-supplied ones."""

from __future__ import annotations

import pytest

from matching.model import SKILLS
from matching.taxonomy import TaxonomyError, parse_taxonomy, phrase_elements
from tests.matching.bundled import BUNDLED_TAXONOMY_FILE

BUNDLED = BUNDLED_TAXONOMY_FILE

# DOMAIN.md's launch catalogue: id -> (skills, est hours, UTBMS task, activity, attorney, review)
DOMAIN_TABLE = {
    "intake_call": ({"client_communication": 1}, 0.5, "L110", "A106", False, False),
    "client_update": ({"client_communication": 1}, 0.25, "L190", "A106", False, False),
    "document_collection": ({"document_management": 1}, 1.5, "L140", "A110", False, False),
    "document_review": (
        {"document_management": 2, "case_analysis": 1}, 2, "L140", "A104", False, False
    ),
    "court_filing": ({"litigation_support": 1}, 0.5, "L250", "A110", False, False),
    "calendar_deadlines": ({"litigation_support": 1}, 0.25, "L190", "A110", False, False),
    "debt_validation_letter": ({"drafting": 1}, 0.5, "L190", "A103", False, True),
    "cease_desist_letter": ({"drafting": 1}, 0.5, "L190", "A103", False, True),
    "credit_dispute_letter": ({"drafting": 1}, 0.75, "L190", "A103", False, True),
    "demand_letter": ({"drafting": 2}, 1.5, "L160", "A103", False, True),
    "answer_complaint": ({"drafting": 3, "litigation_support": 2}, 3, "L210", "A103", False, True),
    "discovery_requests": (
        {"drafting": 3, "litigation_support": 2}, 3, "L310", "A103", False, True
    ),
    "document_production": (
        {"document_management": 2, "litigation_support": 1}, 2, "L320", "A110", False, False
    ),
    "legal_research": ({"legal_research": 3}, 4, "L120", "A102", False, True),
    "sol_analysis": ({"legal_research": 2}, 1, "L120", "A102", False, True),
    "prefiling_analysis": ({"case_analysis": 3}, 2, "L120", "A104", False, True),
    "bankruptcy_prep": (
        {"bankruptcy": 2, "document_management": 1}, 4, "B110", "A103", False, True
    ),
    "settlement_negotiation": ({"negotiation": 3}, 2, "L160", "A108", True, False),
    "client_advice": ({"client_communication": 2}, 1, "L120", "A106", True, False),
    "court_appearance": ({"litigation_support": 3}, 3, "L450", "A109", True, False),
}  # fmt: skip


def bundled_text() -> str:
    return BUNDLED.read_text(encoding="utf-8")


def test_the_bundled_catalogue_has_exactly_the_twenty_domain_ids_in_order() -> None:
    taxonomy = parse_taxonomy(bundled_text())
    assert taxonomy.ids == tuple(DOMAIN_TABLE)


@pytest.mark.parametrize("type_id", list(DOMAIN_TABLE))
def test_each_bundled_type_matches_the_domain_table(type_id: str) -> None:
    task_type = parse_taxonomy(bundled_text()).get(type_id)
    assert task_type is not None
    skills, hours, utbms_task, utbms_activity, attorney_only, review = DOMAIN_TABLE[type_id]
    assert dict(task_type.skills) == skills
    assert task_type.est_hours == hours
    assert (task_type.utbms_task, task_type.utbms_activity) == (utbms_task, utbms_activity)
    assert task_type.attorney_only is attorney_only
    assert task_type.review_required is review
    assert task_type.name and task_type.name[0].isupper()
    assert len(task_type.phrases) >= 10


def test_bundled_phrases_are_unique_within_each_type() -> None:
    for task_type in parse_taxonomy(bundled_text()).types:
        folded = [p.lower() for p in task_type.phrases]
        assert len(folded) == len(set(folded)), task_type.id


def entry(**fields: object) -> str:
    """A one-entry catalogue, with the given fields replacing a valid default."""
    values: dict[str, object] = {
        "id": '"memo"',
        "name": '"Memo"',
        "est_hours": "1.5",
        "utbms_task": '"L120"',
        "utbms_activity": '"A102"',
        "skills": "{ legal_research = 3 }",
        "phrases": '["memo", "research ... law"]',
    }
    values.update({k: v for k, v in fields.items()})
    body = "\n".join(f"{k} = {v}" for k, v in values.items() if v is not None)
    return f"[[task_type]]\n{body}\n"


def test_a_minimal_entry_parses() -> None:
    taxonomy = parse_taxonomy(entry())
    memo = taxonomy.get("memo")
    assert memo is not None
    assert memo.est_hours == 1.5
    assert dict(memo.skills) == {"legal_research": 3}
    assert memo.phrases == ("memo", "research ... law")
    assert memo.attorney_only is False and memo.review_required is False


def test_a_missing_name_falls_back_to_the_id() -> None:
    assert parse_taxonomy(entry(id='"sol_check"', name=None)).types[0].name == "Sol check"


def test_unknown_skill_is_named() -> None:
    with pytest.raises(TaxonomyError, match=r"'memo'.*unknown skill 'typing'"):
        parse_taxonomy(entry(skills="{ typing = 2 }"))


def test_duplicate_id_is_named() -> None:
    with pytest.raises(TaxonomyError, match=r"'memo': duplicate id"):
        parse_taxonomy(entry() + entry())


@pytest.mark.parametrize("level", ["0", "6", "-1"])
def test_level_outside_one_to_five_is_named(level: str) -> None:
    with pytest.raises(TaxonomyError, match=r"'memo'.*legal_research must be 1\.\.5"):
        parse_taxonomy(entry(skills=f"{{ legal_research = {level} }}"))


@pytest.mark.parametrize("level", ["2.5", '"3"', "true"])
def test_level_must_be_a_whole_number(level: str) -> None:
    with pytest.raises(TaxonomyError, match=r"'memo'.*whole number"):
        parse_taxonomy(entry(skills=f"{{ legal_research = {level} }}"))


def test_missing_est_hours_is_named() -> None:
    with pytest.raises(TaxonomyError, match=r"'memo': missing est_hours"):
        parse_taxonomy(entry(est_hours=None))


def test_negative_est_hours_is_named() -> None:
    with pytest.raises(TaxonomyError, match=r"'memo': est_hours must be zero or more"):
        parse_taxonomy(entry(est_hours="-1"))


def test_est_hours_must_be_a_number() -> None:
    with pytest.raises(TaxonomyError, match=r"'memo': est_hours must be a number"):
        parse_taxonomy(entry(est_hours='"two"'))


def test_missing_id_names_the_position() -> None:
    with pytest.raises(TaxonomyError, match=r"task type #2: missing id"):
        parse_taxonomy(entry() + entry(id=None))


def test_malformed_id_is_named() -> None:
    with pytest.raises(TaxonomyError, match=r"'Memo Task': id must be"):
        parse_taxonomy(entry(id='"Memo Task"'))


def test_flags_must_be_booleans() -> None:
    with pytest.raises(TaxonomyError, match=r"'memo': attorney_only must be true or false"):
        parse_taxonomy(entry(attorney_only='"yes"'))


def test_phrases_must_be_strings() -> None:
    with pytest.raises(TaxonomyError, match=r"'memo': phrases must be a list of strings"):
        parse_taxonomy(entry(phrases="[1, 2]"))


@pytest.mark.parametrize(
    ("phrase", "problem"),
    [
        ("... memo", "must stand between words"),
        ("memo ...", "must stand between words"),
        ("memo ... ... law", "must stand between words"),
        ("memo|legal-memo", "must be one word"),
        ("!!!", "has no words"),
    ],
)
def test_misused_phrase_notation_is_named(phrase: str, problem: str) -> None:
    with pytest.raises(TaxonomyError, match=rf"'memo'.*{problem}"):
        parse_taxonomy(entry(phrases=f'["{phrase}"]'))


def test_invalid_toml_is_reported() -> None:
    with pytest.raises(TaxonomyError, match="not valid TOML"):
        parse_taxonomy("[[task_type]\nid = ")


def test_an_empty_catalogue_is_refused() -> None:
    with pytest.raises(TaxonomyError, match="no \\[\\[task_type\\]\\] entries"):
        parse_taxonomy("# nothing here\n")


def test_taxonomy_error_is_a_value_error() -> None:
    assert issubclass(TaxonomyError, ValueError)


def test_phrase_notation() -> None:
    assert phrase_elements("C&D") == (("c&d",),)
    assert phrase_elements("e-file ... answer|motion") == (
        ("e",),
        ("file",),
        None,
        ("answer", "motion"),
    )
    assert phrase_elements("1692c(c)") == (("1692c",), ("c",))


def test_every_domain_skill_is_known() -> None:
    used = {s for t in parse_taxonomy(bundled_text()).types for s in t.skills}
    assert used <= set(SKILLS)
