"""The request classifier behind the second opinion, trained from the catalogue and shipped data.

The model is a scikit-learn text classifier (TF-IDF word 1-2-grams and char 2-5-grams, then a
linear SVM whose margins are calibrated into probabilities) over requests normalised by
matching/second_opinion.py. It learns from the catalogue's phrases plus the labelled firms
shipped in bot/data/training.jsonl. `python bench/build_training_data.py` builds both that file
and the model fitted on it with the bundled catalogue (bot/data/request_model.npz, plain arrays),
which start-up loads instead of fitting when nothing it learnt from has changed. A firm with its
own catalogue (LPO_TAXONOMY) gets a model of its own: its phrases, plus the shipped examples of
the types it shares with the bundled catalogue. A firm's own answers (requests its people
confirmed or corrected, stored normalised) join the training when it is retrained
(`lpo-bot model train`, and nightly), and are remembered word for word at once (`ReviewedParser`).
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray
from scipy.optimize import minimize_scalar
from scipy.special import log_softmax, softmax
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.model_selection import StratifiedKFold, cross_val_predict
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.svm import LinearSVC

from matching.model import TaskDraft, Taxonomy
from matching.parse import Parser
from matching.parse.titles import type_title
from matching.second_opinion import (
    NO_NAMES,
    NO_TASK,
    NameBook,
    catalogue_examples,
    memory_key,
    normalise,
    remembered,
    reviewed,
)

CATALOGUE_SOURCE = "catalogue"
TRAINING_DATA = "data/training.jsonl"
SHIPPED_MODEL = "data/request_model.npz"
CALIBRATION_FOLDS = 3
HELD_OUT_FOLDS = 5  # groups of whole sources held out when scoring a retrained model


@dataclass(frozen=True, slots=True)
class Example:
    """One labelled, normalised request; `task_type` NO_TASK when it delegates nothing."""

    text: str
    task_type: str
    source: str


def shipped_examples() -> list[Example]:
    """The labelled firms' requests bundled with the package (bot/data/training.jsonl)."""
    lines = resources.files("bot").joinpath(TRAINING_DATA).read_text("utf-8").splitlines()
    return [_example(json.loads(line)) for line in lines if line.strip()]


def _example(row: dict[str, Any]) -> Example:
    return Example(text=row["text"], task_type=row["task_type"] or NO_TASK, source=row["source"])


def training_examples(taxonomy: Taxonomy, shipped: Iterable[Example],
                      firm: Iterable[Example] = ()) -> list[Example]:
    """The catalogue's phrases, then the shipped and the firm's examples whose type it has."""
    known = {*taxonomy.ids, NO_TASK}
    phrases = [Example(text, type_id, CATALOGUE_SOURCE)
               for text, type_id in catalogue_examples(taxonomy)]
    return phrases + [example for example in (*shipped, *firm) if example.task_type in known]


def build_pipeline() -> Pipeline:
    """Untrained: word and character n-gram TF-IDF features, then a linear SVM.

    A linear SVM fits in a thirtieth of the time logistic regression takes on these features,
    with the same accuracy leaving one firm out (1104 of 1136 both); balanced class weights
    gain four of those (docs/decisions/0002-second-opinion.md, the classifier sweep). Session 8
    rechecked the features and C on 48 firms with `bench/classifier_cv.py`: unchanged.
    """
    features = FeatureUnion([
        # A token here is a word to the vectoriser, not a secret (bandit goes by the name).
        ("words", TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True,
                                  token_pattern=r"(?u)\b\w+\b")),  # noqa: S106
        ("chars", TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True,
                                  min_df=2)),
    ])
    classifier = LinearSVC(C=1.0, class_weight="balanced", random_state=0)
    return Pipeline([("features", features), ("classify", classifier)])


@dataclass(frozen=True)
class RequestModel:
    """A trained classifier: task type probabilities for a request, and what it learnt from.

    Probabilities are the softmax of the SVM's margins divided by `temperature`, which is
    fitted on out-of-fold margins (temperature scaling) so that they are calibrated.
    """

    scorer: LinearScorer
    temperature: float
    by_source: dict[str, int]
    trained_at: datetime

    @property
    def examples(self) -> int:
        return sum(self.by_source.values())

    @property
    def labels(self) -> tuple[str, ...]:
        return self.scorer.labels

    def probabilities(self, text: str, names: NameBook = NO_NAMES) -> dict[str, float]:
        """Each label's probability for the raw request `text` (normalised here with `names`)."""
        return self.probabilities_normalised(normalise(text, names))

    def probabilities_normalised(self, normalised: str) -> dict[str, float]:
        """Each label's probability for a request `normalise` has already read."""
        row = softmax(self.scorer.margins(normalised) / self.temperature)
        return {label: float(p) for label, p in zip(self.labels, row, strict=True)}


@dataclass(frozen=True, eq=False)
class ScorerPart:
    """One vectoriser's fitted vocabulary (term -> column) and idf, at `offset` in the weights."""

    vocabulary: dict[str, int]
    idf: NDArray[np.float64]
    offset: int


@dataclass(frozen=True, eq=False)
class LinearScorer:
    """The fitted pipeline's margins for one text, without scikit-learn's per-call overhead.

    `Pipeline.decision_function` spends about 2 ms per text validating inputs and building
    sparse matrices; the arithmetic is a few dozen dictionary look-ups and one small product.
    This computes the same numbers from the fitted public attributes (each vectoriser's
    `vocabulary_` and `idf_`; the SVM's `coef_`, `intercept_` and `classes_`), for the settings
    `build_pipeline` uses: sublinear tf, l2 norm per vectoriser. Those arrays are all a trained
    model is, so they are what `save` writes and `load` reads (bot/data/request_model.npz).
    tests/bot/test_request_model.py checks it against `Pipeline.decision_function`.
    """

    labels: tuple[str, ...]
    parts: tuple[ScorerPart, ...]
    weights: NDArray[np.float64]
    intercept: NDArray[np.float64]
    analysers: tuple[Callable[[str], list[str]], ...] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        # The analysers are the unfitted vectorisers' own: they depend on settings, not data.
        vectorisers = build_pipeline().named_steps["features"].transformer_list
        object.__setattr__(self, "analysers",
                           tuple(vectoriser.build_analyzer() for _, vectoriser in vectorisers))

    @classmethod
    def of_pipeline(cls, pipeline: Pipeline) -> LinearScorer:
        classifier = pipeline.named_steps["classify"]
        parts, offset = [], 0
        for _, vectoriser in pipeline.named_steps["features"].transformer_list:
            parts.append(ScorerPart(dict(vectoriser.vocabulary_),
                                    np.asarray(vectoriser.idf_, dtype=np.float64), offset))
            offset += len(vectoriser.vocabulary_)
        return cls(labels=tuple(str(label) for label in classifier.classes_), parts=tuple(parts),
                   weights=np.asarray(classifier.coef_, dtype=np.float64),
                   intercept=np.asarray(classifier.intercept_, dtype=np.float64))

    def margins(self, text: str) -> NDArray[np.float64]:
        margins = self.intercept.copy()
        for analyse, part in zip(self.analysers, self.parts, strict=True):
            counts = Counter(part.vocabulary[term] for term in analyse(text)
                             if term in part.vocabulary)
            if not counts:
                continue
            columns = np.fromiter(counts.keys(), dtype=np.intp, count=len(counts))
            values = (1.0 + np.log(np.fromiter(counts.values(), dtype=np.float64,
                                               count=len(counts)))) * part.idf[columns]
            margins += self.weights[:, part.offset + columns] @ (values / np.linalg.norm(values))
        return _margins(margins[0]) if len(margins) == 1 else margins

    def arrays(self) -> dict[str, NDArray[Any]]:
        """The scorer as plain arrays (no pickles), for `numpy.savez_compressed`."""
        arrays: dict[str, NDArray[Any]] = {"labels": np.array(self.labels, dtype=str),
                                           "weights": self.weights.astype(np.float32),
                                           "intercept": self.intercept}
        for index, part in enumerate(self.parts):
            terms = sorted(part.vocabulary, key=part.vocabulary.__getitem__)
            arrays[f"terms{index}"] = np.array(terms, dtype=str)
            arrays[f"idf{index}"] = part.idf
        return arrays

    @classmethod
    def of_arrays(cls, arrays: Mapping[str, NDArray[Any]]) -> LinearScorer:
        parts, offset, index = [], 0, 0
        while f"terms{index}" in arrays:
            terms = [str(term) for term in arrays[f"terms{index}"]]
            parts.append(ScorerPart({term: column for column, term in enumerate(terms)},
                                    np.asarray(arrays[f"idf{index}"], dtype=np.float64), offset))
            offset += len(terms)
            index += 1
        return cls(labels=tuple(str(label) for label in arrays["labels"]), parts=tuple(parts),
                   weights=np.asarray(arrays["weights"], dtype=np.float64),
                   intercept=np.asarray(arrays["intercept"], dtype=np.float64))


def _margins(decision: Any) -> NDArray[np.float64]:
    """One margin per class, also for two classes (where the SVM gives one per text)."""
    decision = np.asarray(decision, dtype=np.float64)
    return np.stack([-decision, decision], axis=-1) if decision.ndim < 2 else decision


def train(examples: Sequence[Example], *, trained_at: datetime) -> RequestModel:
    """A model fitted on `examples` (deterministic: the same examples give the same model)."""
    if len({example.task_type for example in examples}) < 2:
        raise ValueError("a request model needs examples of at least two task types")
    pipeline, temperature = _fitted(tuple(examples))
    return RequestModel(scorer=LinearScorer.of_pipeline(pipeline), temperature=temperature,
                        by_source=count_sources(examples), trained_at=trained_at)


def count_sources(examples: Iterable[Example]) -> dict[str, int]:
    return dict(sorted(Counter(e.source for e in examples).items()))


def fitted_pipeline(examples: Sequence[Example]) -> Pipeline:
    """The scikit-learn pipeline `train` fits on `examples` (the reference for `LinearScorer`)."""
    return _fitted(tuple(examples))[0]


@lru_cache(maxsize=2)
def _fitted(examples: tuple[Example, ...]) -> tuple[Pipeline, float]:
    """The fitted pipeline and its temperature. Fitting is deterministic, so a process that
    wires several bots on the same examples (the tests, the benches) fits once; the pipeline
    is never changed after fitting, so sharing it is safe."""
    pipeline, features = _fit(examples)
    return pipeline, _temperature(features, [e.task_type for e in examples])


def _fit(examples: Sequence[Example], pipeline: Pipeline | None = None) -> tuple[Pipeline, Any]:
    """`pipeline` (by default `build_pipeline()`'s) fitted on `examples`, and their features."""
    pipeline = build_pipeline() if pipeline is None else pipeline
    features = pipeline.named_steps["features"].fit_transform([e.text for e in examples])
    pipeline.named_steps["classify"].fit(features, [e.task_type for e in examples])
    return pipeline, features


def _temperature(features: Any, labels: list[str], classifier: Any = None) -> float:
    """The softmax temperature that best predicts held-out labels from held-out margins.

    The folds share the features fitted on all examples (cheaper, and the vocabulary barely
    matters to a single scale factor), and fit copies of `classifier`'s settings (by default
    `build_pipeline()`'s). 1.0 when some type has too few examples to hold out.
    """
    if min(Counter(labels).values()) < CALIBRATION_FOLDS:
        return 1.0
    folds = StratifiedKFold(CALIBRATION_FOLDS, shuffle=True, random_state=0)
    if classifier is None:
        classifier = build_pipeline().named_steps["classify"]
    margins = _margins(cross_val_predict(classifier, features, labels, cv=folds,
                                         method="decision_function"))
    truth = np.searchsorted(np.unique(labels), labels)

    def log_loss(log_t: float) -> float:
        chosen = log_softmax(margins / np.exp(log_t), axis=1)[np.arange(len(truth)), truth]
        return float(-chosen.mean())

    return float(np.exp(minimize_scalar(log_loss, bounds=(-5.0, 5.0), method="bounded").x))


def cross_validated_accuracy(examples: Sequence[Example]) -> float | None:
    """How often the classifier alone names a firm's labelled type when trained without that firm.

    Grouped by source: the catalogue's phrases are always learnt from, and the other sources
    (each labelled firm, the firm's own answers) are held out in at most `HELD_OUT_FOLDS` groups
    of whole sources, so the cost stays a few fits however many firms are shipped. None when
    there is no second source to hold out.
    """
    return _held_out_accuracy(tuple(examples))


@lru_cache(maxsize=2)
def _held_out_accuracy(examples: tuple[Example, ...]) -> float | None:
    """Seconds of CPU: the same examples give the same figure, so a process retraining on
    unchanged examples (a night with no new answers) scores them once."""
    sources = sorted({e.source for e in examples} - {CATALOGUE_SOURCE})
    if len(sources) < 2:
        return None
    fold_of = {source: index % HELD_OUT_FOLDS for index, source in enumerate(sources)}
    right = total = 0
    for fold in sorted(set(fold_of.values())):
        held_out = [e for e in examples if fold_of.get(e.source) == fold]
        pipeline, _ = _fit([e for e in examples if fold_of.get(e.source) != fold])
        guesses = pipeline.predict([e.text for e in held_out])
        right += sum(str(g) == e.task_type for g, e in zip(guesses, held_out, strict=True))
        total += len(held_out)
    return right / total


def model_for(taxonomy: Taxonomy, *, clock: Callable[[], datetime],
              firm: Iterable[Example] = ()) -> RequestModel:
    """The firm's model: the catalogue, the shipped firms and the firm's own `firm` examples.

    The shipped model when it was fitted on exactly these examples (the bundled catalogue and
    no examples of the firm's own: every start-up of a firm on the default catalogue), so
    start-up reads arrays instead of fitting for seconds; otherwise fitted here.
    """
    examples = training_examples(taxonomy, shipped_examples(), firm)
    return shipped_model(examples, trained_at=clock()) or train(examples, trained_at=clock())


def fingerprint(examples: Iterable[Example]) -> str:
    """What a model is fitted on, as a digest: every example's text, label and source, in order."""
    digest = hashlib.sha256()
    for example in examples:
        digest.update(json.dumps([example.text, example.task_type, example.source]).encode())
        digest.update(b"\n")
    return digest.hexdigest()


def save_model(model: RequestModel, examples: Sequence[Example], path: Path) -> None:
    """Write `model`, fitted on `examples`, as plain compressed arrays (no pickles)."""
    arrays: dict[str, Any] = {"fingerprint": np.array(fingerprint(examples)),
                              "temperature": np.array(model.temperature),
                              **model.scorer.arrays()}
    np.savez_compressed(path, **arrays)


def shipped_model(examples: Sequence[Example], *, trained_at: datetime) -> RequestModel | None:
    """The model fitted at build time (bot/data/request_model.npz) when it was fitted on
    exactly `examples`; None when it was not, or is not there."""
    shipped = resources.files("bot").joinpath(SHIPPED_MODEL)
    if not shipped.is_file():
        return None
    with resources.as_file(shipped) as path, np.load(path, allow_pickle=False) as arrays:
        if str(arrays["fingerprint"]) != fingerprint(examples):
            return None
        return RequestModel(scorer=LinearScorer.of_arrays(arrays),
                            temperature=float(arrays["temperature"]),
                            by_source=count_sources(examples), trained_at=trained_at)


@dataclass(frozen=True)
class ReviewedParser:
    """The rule-based parser with the classifier's second opinion on each draft's task type.

    A request whose words the firm already answered (`memory`: memory keys of normalised
    requests -> task type) takes that answer before the classifier is asked. Without a
    `model` (a command that reads no requests) drafts are the rules' alone.
    """

    parser: Parser
    model: RequestModel | None
    names: NameBook

    def normalise(self, text: str) -> str:
        """The request as the classifier and the firm's examples read it: no names in it."""
        return normalise(text, self.names)

    def parse(self, text: str, *, now: datetime, tz: str,
              memory: Mapping[str, str] | None = None, writer: str | None = None) -> TaskDraft:
        """The rules' draft reviewed; `writer`: the roster e-mail of the one who wrote it."""
        draft = self.parser.parse(text, now=now, tz=tz, writer=writer)
        if self.model is None:
            return draft
        normalised = self.normalise(text)
        answered = (memory or {}).get(memory_key(normalised))
        if answered is not None:
            return self._titled(remembered(draft, answered), draft)
        return self._titled(reviewed(draft, self.model.probabilities_normalised(normalised)),
                            draft)

    def _titled(self, draft: TaskDraft, rules: TaskDraft) -> TaskDraft:
        """The draft titled for its type when that is not the type the rules read."""
        known = self.parser.taxonomy.get(draft.task_type)
        if known is None or draft.task_type == rules.task_type:
            return draft
        return replace(draft, title=type_title(known.name, draft.matter))

    def with_model(self, model: RequestModel) -> ReviewedParser:
        return ReviewedParser(self.parser, model, self.names)


def memory_of(examples: Iterable[Example]) -> dict[str, str]:
    """Memory keys of the firm's examples -> their task type; a later answer wins."""
    return {memory_key(example.text): example.task_type for example in examples}


def status(*, by_source: Mapping[str, int], trained_at: datetime | None,
           cv_accuracy: float | None) -> dict[str, object]:
    """`lpo-bot model status --json` (README, "Command line")."""
    return {"examples": sum(by_source.values()),
            "trained_at": None if trained_at is None else trained_at.isoformat(),
            "cv_accuracy": None if cv_accuracy is None else round(cv_accuracy, 4),
            "by_source": dict(by_source)}
