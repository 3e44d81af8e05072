"""The request classifier: trained from shipped data, deterministic, fast path equal to sklearn."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

import numpy as np
import pytest

from bot.catalogue import default_taxonomy_text
from bot.request_model import (
    CATALOGUE_SOURCE,
    Example,
    LinearScorer,
    RequestModel,
    ReviewedParser,
    cross_validated_accuracy,
    fingerprint,
    fitted_pipeline,
    model_for,
    save_model,
    shipped_examples,
    shipped_model,
    status,
    train,
    training_examples,
)
from matching.model import MatterRef, TaskType, Taxonomy
from matching.parse import Parser
from matching.second_opinion import NO_TASK, NameBook, memory_key
from matching.taxonomy import parse_taxonomy
from tests.matching.bundled import BUNDLED_CATALOGUE, named_person

BUNDLED = parse_taxonomy(default_taxonomy_text())
AT = datetime(2027, 1, 4, 9, tzinfo=UTC)
BUILD = Path(__file__).resolve().parents[2] / "bench" / "build_training_data.py"


@pytest.fixture(scope="module")
def model() -> RequestModel:
    return train(training_examples(BUNDLED, shipped_examples()), trained_at=AT)


def test_shipped_data_holds_the_labelled_firms_and_no_blind_firm() -> None:
    sources = {example.source for example in shipped_examples()}
    blind = Path(__file__).resolve().parents[1] / "data" / "blind"
    assert {"hudson", "peachtree", "saguaro", "beacon", "puget"} <= sources
    assert not sources & {firm.name for firm in blind.iterdir() if firm.is_dir()}


def test_shipped_data_is_what_the_build_command_writes(tmp_path: Path) -> None:
    out = tmp_path / "training.jsonl"
    subprocess.run([sys.executable, str(BUILD), "--out", str(out),
                    "--model-out", str(tmp_path / "model.npz")], check=True, capture_output=True)
    shipped = resources.files("bot").joinpath("data/training.jsonl").read_text("utf-8")
    assert out.read_text("utf-8") == shipped, "run `python bench/build_training_data.py`"


def test_training_is_deterministic(model: RequestModel) -> None:
    again = train(training_examples(BUNDLED, shipped_examples()), trained_at=AT)
    text = "Please pull together Ms. May's bank statements by Friday"
    assert again.probabilities(text) == model.probabilities(text)
    assert again.temperature == model.temperature


def test_probabilities_cover_the_catalogue_and_no_task(model: RequestModel) -> None:
    probabilities = model.probabilities("draft the answer to the complaint for Garcia")
    assert set(probabilities) == {*BUNDLED.ids, NO_TASK}
    assert sum(probabilities.values()) == pytest.approx(1.0)
    assert max(probabilities, key=probabilities.__getitem__) == "answer_complaint"


def test_the_firms_names_are_normalised_before_reading(model: RequestModel) -> None:
    names = NameBook.of_firm([MatterRef("2027-0500", "Nell Courtappearance")],
                             [named_person("kai@firm.test", "Kai Updateletter", "paralegal")])
    plain = model.probabilities("ask a colleague to call the client with a status update")
    named = model.probabilities("ask Kai Updateletter to call Nell Courtappearance with a status "
                                "update", names)
    assert max(named, key=named.__getitem__) == max(plain, key=plain.__getitem__) == "client_update"


def test_the_fast_scorer_equals_the_pipeline(model: RequestModel) -> None:
    texts = [e.text for e in shipped_examples()[::25]] + ["", "qqq zzz"]
    pipeline = fitted_pipeline(training_examples(BUNDLED, shipped_examples()))
    expected = pipeline.decision_function(texts)
    assert np.allclose([model.scorer.margins(text) for text in texts], expected, atol=1e-9)


def test_the_shipped_model_is_the_one_the_shipped_examples_fit(model: RequestModel) -> None:
    loaded = shipped_model(training_examples(BUNDLED, shipped_examples()), trained_at=AT)
    assert loaded is not None, "run `python bench/build_training_data.py`"
    assert loaded.labels == model.labels
    assert loaded.temperature == pytest.approx(model.temperature)
    assert loaded.by_source == model.by_source
    texts = [e.text for e in shipped_examples()[::25]] + ["", "qqq zzz"]
    assert np.allclose([loaded.scorer.margins(t) for t in texts],
                       [model.scorer.margins(t) for t in texts], atol=1e-5)


def test_start_up_loads_the_shipped_model_only_for_what_it_was_fitted_on() -> None:
    clock = lambda: AT  # noqa: E731
    assert shipped_model(training_examples(BUNDLED, shipped_examples()), trained_at=AT)
    firm = [Example("xperson pls do the thing", "client_update", "confirm")]
    assert shipped_model(training_examples(BUNDLED, shipped_examples(), firm),
                         trained_at=AT) is None
    assert model_for(BUNDLED, clock=clock, firm=firm).by_source["confirm"] == 1


def test_a_saved_model_reads_back_the_same(tmp_path: Path) -> None:
    examples = [Example("call the client", "client_update", "catalogue"),
                Example("phone the client back", "client_update", "catalogue"),
                Example("file the answer", "answer_complaint", "catalogue"),
                Example("draft and file an answer", "answer_complaint", "catalogue")]
    model = train(examples, trained_at=AT)
    save_model(model, examples, tmp_path / "model.npz")
    with np.load(tmp_path / "model.npz", allow_pickle=False) as arrays:
        assert str(arrays["fingerprint"]) == fingerprint(examples) != fingerprint(examples[:3])
        scorer = LinearScorer.of_arrays(arrays)
    assert scorer.labels == model.labels
    assert np.allclose(scorer.margins("call them about the answer"),
                       model.scorer.margins("call them about the answer"), atol=1e-6)


def test_a_custom_catalogue_gets_a_model_of_its_own() -> None:
    def kind(type_id: str, *phrases: str) -> TaskType:
        return TaskType(id=type_id, name=type_id.replace("_", " "), skills={}, est_hours=1.0,
                        utbms_task="", utbms_activity="", phrases=phrases)
    taxonomy = Taxonomy(types=(
        kind("lease_review", "review ... lease", "lease review", "check the lease"),
        kind("eviction_notice", "eviction notice", "notice to quit", "pay or vacate notice"),
    ))
    examples = training_examples(taxonomy, shipped_examples())
    shipped_sources = {e.source for e in shipped_examples()}
    assert {e.source for e in examples} <= {CATALOGUE_SOURCE, *shipped_sources}
    assert {e.task_type for e in examples} <= {"lease_review", "eviction_notice", NO_TASK}
    model = train(examples, trained_at=AT)
    probabilities = model.probabilities("please serve a notice to quit on the tenant")
    assert set(probabilities) <= {"lease_review", "eviction_notice", NO_TASK}
    assert max(probabilities, key=probabilities.__getitem__) == "eviction_notice"


def test_a_type_the_rules_did_not_read_is_titled_for_itself(model: RequestModel) -> None:
    reviewed = ReviewedParser(Parser(BUNDLED_CATALOGUE, [MatterRef("2027-0500", "Nell Ruiz")], []),
                              model, NameBook.of_firm([MatterRef("2027-0500", "Nell Ruiz")], []))
    text = "please handle the thing for Ruiz"
    untyped = reviewed.parse(text, now=AT, tz="UTC")
    assert untyped.task_type is None and "Demand" not in untyped.title
    memory = {memory_key(reviewed.normalise(text)): "demand_letter"}
    answered = reviewed.parse(text, now=AT, tz="UTC", memory=memory)
    assert (answered.task_type, answered.title) == ("demand_letter", "Demand letter — 2027-0500")


def test_two_types_are_enough_and_one_is_refused() -> None:
    two = [Example("call the client", "client_update", "catalogue"),
           Example("file the answer", "answer_complaint", "catalogue")]
    assert set(train(two, trained_at=AT).probabilities("call them")) == {
        "client_update", "answer_complaint"}
    with pytest.raises(ValueError, match="two task types"):
        train(two[:1], trained_at=AT)


def test_status_reports_examples_by_source_and_cross_validation(model: RequestModel) -> None:
    report = status(by_source=model.by_source, trained_at=model.trained_at, cv_accuracy=0.97875)
    assert report["examples"] == sum(model.by_source.values()) == len(
        training_examples(BUNDLED, shipped_examples()))
    assert report["trained_at"] == AT.isoformat()
    assert report["cv_accuracy"] == 0.9788
    assert report["by_source"][CATALOGUE_SOURCE] > 0  # type: ignore[index]


def test_cross_validation_needs_two_firms() -> None:
    catalogue_only = [Example("call the client", "client_update", CATALOGUE_SOURCE),
                      Example("file the answer", "answer_complaint", CATALOGUE_SOURCE)]
    assert cross_validated_accuracy(catalogue_only) is None
