"""Scoring gold documents against predictions (EXTRACTION_SPEC §4): counts, attribute accuracies,
the per-document breakdown, the printed table and the JSON report.

Decisions where §4 leaves room:
- P (R) is 1.0 when nothing was predicted (nothing is gold), so an empty category scored
  against an empty one is perfect, and a missed or spurious category scores F1 0.
- Attribute accuracies are taken over the matches that count as TP (optional gold excluded).
- Strict dates and the item-only / content-only variants are matchings of their own, with
  their own predicate, not filters of the main matching.
- Predictions are paired with gold by `doc_id`; predictions of no gold document are not scored.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError, computed_field

from ..errors import AnnotationFileError
from ..models import ArticleResult
from .match import (Predicate, actor_match, claim_match, content_match, date_match, gift_match,
                    item_match, max_matching, strict_date_match)
from .resolve import ActorResolver, ref_names

Check = Callable[[ActorResolver, Any, Any], bool]
"""(resolver, gold entry, matched prediction) -> is the attribute right."""


@dataclass(frozen=True)
class Category:
    """A row of the report: the ArticleResult list it matches (`entries`), by which predicate,
    and the attributes checked on its matches."""

    name: str
    label: str
    entries: str
    predicate: Predicate
    accuracies: dict[str, Check] = field(default_factory=dict)


CATEGORIES = (
    Category("actors", "actors", "actors", actor_match,
             {"kind": lambda r, g, p: p.kind == g.kind}),
    Category("gifts", "gifts", "gifts", gift_match,
             {"date": lambda r, g, p: p.date == g.date}),
    Category("gifts_item", "  item only", "gifts", item_match),
    Category("dates", "dates (overlap)", "dates", date_match,
             {"value": lambda r, g, p: p.value == g.value}),
    Category("claims", "claims", "claims", claim_match,
             {"via": lambda r, g, p: r.ref_matches(p.via, g.via),
              "polarity": lambda r, g, p: p.polarity == g.polarity}),
    Category("claims_content", "  content only", "claims", content_match),
    Category("dates_strict", "dates (strict)", "dates", strict_date_match),
)
MACRO_CATEGORIES = ("actors", "gifts", "dates_strict", "claims")
NO_RULE = "(no rule)"


class Accuracy(BaseModel):
    correct: int = 0
    total: int = 0

    @computed_field
    @property
    def value(self) -> float | None:
        return self.correct / self.total if self.total else None


class RuleCount(BaseModel):
    """How the predictions of one rule fared: matched to counted gold, or unmatched."""

    tp: int = 0
    fp: int = 0

    @computed_field
    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0


class CategoryScore(BaseModel):
    tp: int = 0
    fp: int = 0
    fn: int = 0
    accuracies: dict[str, Accuracy] = {}
    by_rule: dict[str, RuleCount] = {}
    """predictions counted by the `rule` that produced them (`score --by-rule`)"""

    @computed_field
    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @computed_field
    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @computed_field
    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


class DocCategoryScore(CategoryScore):
    false_positives: list[dict[str, Any]] = []
    false_negatives: list[dict[str, Any]] = []


def macro_f1(categories: Mapping[str, CategoryScore]) -> float:
    """The headline of §4: mean F1 of actors, gifts, strict dates and claims."""
    return sum(categories[name].f1 for name in MACRO_CATEGORIES) / len(MACRO_CATEGORIES)


class DocScore(BaseModel):
    categories: dict[str, DocCategoryScore]

    @computed_field
    @property
    def macro_f1(self) -> float:
        return macro_f1(self.categories)


class ScoreReport(BaseModel):
    """Micro-averaged scores over all documents, and the per-document breakdown."""

    categories: dict[str, CategoryScore]
    per_doc: dict[str, DocScore]

    @computed_field
    @property
    def macro_f1(self) -> float:
        return macro_f1(self.categories)

    def to_json(self) -> str:
        data = self.model_dump(mode="json")
        return json.dumps({"macro_f1": data.pop("macro_f1"), **data}, indent=2, ensure_ascii=False)


def score_category(category: Category, gold: ArticleResult, pred: ArticleResult,
                   resolver: ActorResolver) -> DocCategoryScore:
    golds, preds = getattr(gold, category.entries), getattr(pred, category.entries)
    similarity = {(i, j): s for i, g in enumerate(golds) for j, p in enumerate(preds)
                  if (s := category.predicate(resolver, g, p)) is not None}
    pairs = max_matching(similarity, [not g.optional for g in golds])
    matched_gold, matched_pred = {i for i, _ in pairs}, {j for _, j in pairs}
    counted = [(golds[i], preds[j]) for i, j in pairs if not golds[i].optional]
    misses = [g for i, g in enumerate(golds) if i not in matched_gold and not g.optional]
    spurious = [p for j, p in enumerate(preds) if j not in matched_pred]
    by_rule: dict[str, RuleCount] = {}
    for p in spurious:
        by_rule.setdefault(p.rule or NO_RULE, RuleCount()).fp += 1
    for _, p in counted:
        by_rule.setdefault(p.rule or NO_RULE, RuleCount()).tp += 1
    return DocCategoryScore(
        by_rule=by_rule,
        tp=len(counted), fp=len(spurious), fn=len(misses),
        accuracies={name: Accuracy(correct=sum(check(resolver, g, p) for g, p in counted),
                                   total=len(counted))
                    for name, check in category.accuracies.items()},
        false_positives=[p.model_dump(mode="json", exclude_unset=True) for p in spurious],
        false_negatives=[g.model_dump(mode="json", exclude_unset=True) for g in misses])


def score_document(gold: ArticleResult, pred: ArticleResult) -> DocScore:
    resolver = ActorResolver(gold.actors)
    return DocScore(categories={c.name: score_category(c, gold, pred, resolver)
                                for c in CATEGORIES})


def score_results(gold: Iterable[ArticleResult], predictions: Iterable[ArticleResult]
                  ) -> ScoreReport:
    """Score gold documents against predictions paired by doc_id; a gold document without a
    prediction is scored against an empty one."""
    by_id = {p.doc_id: p for p in predictions}
    per_doc = {g.doc_id: score_document(g, by_id.get(g.doc_id, ArticleResult(doc_id=g.doc_id)))
               for g in gold}
    totals: dict[str, CategoryScore] = {}
    for c in CATEGORIES:
        scores = [doc.categories[c.name] for doc in per_doc.values()]
        totals[c.name] = CategoryScore(
            tp=sum(s.tp for s in scores), fp=sum(s.fp for s in scores),
            fn=sum(s.fn for s in scores),
            by_rule={rule: RuleCount(tp=sum(s.by_rule[rule].tp for s in scores if rule in s.by_rule),
                                     fp=sum(s.by_rule[rule].fp for s in scores if rule in s.by_rule))
                     for rule in sorted({r for s in scores for r in s.by_rule})},
            accuracies={a: Accuracy(correct=sum(s.accuracies[a].correct for s in scores),
                                    total=sum(s.accuracies[a].total for s in scores))
                        for a in c.accuracies})
    return ScoreReport(categories=totals, per_doc=per_doc)


def load_file(path: Path) -> ArticleResult:
    """Read one gold or prediction file; a file that does not parse or validate raises
    AnnotationFileError naming the file and each field at fault."""
    try:
        return ArticleResult.model_validate_json(path.read_bytes())
    except OSError as exc:
        raise AnnotationFileError(str(path), exc.strerror or str(exc)) from exc
    except ValidationError as exc:
        problems = dict.fromkeys(
            f"{'.'.join(map(str, e['loc']))}: {e['msg']}" if e["loc"] else e["msg"]
            for e in exc.errors())
        raise AnnotationFileError(str(path), "; ".join(problems)) from exc


def _load_files(folder: Path) -> list[tuple[Path, ArticleResult]]:
    if not folder.is_dir():
        raise AnnotationFileError(str(folder), "not a folder")
    loaded, seen = [], {}
    for path in sorted(folder.glob("*.json")):
        doc = load_file(path)
        if doc.doc_id in seen:
            raise AnnotationFileError(str(path),
                                      f"doc_id {doc.doc_id!r} is also in {seen[doc.doc_id]}")
        seen[doc.doc_id] = path
        loaded.append((path, doc))
    return loaded


def load_dir(folder: Path) -> list[ArticleResult]:
    """All `*.json` documents of a folder, in file name order."""
    return [doc for _, doc in _load_files(folder)]


def check_gold_refs(path: Path, gold: ArticleResult) -> None:
    """Every name in a gold giver, recipient, speaker or via must resolve to a gold actor:
    otherwise no prediction could match it and a typo would silently cost recall."""
    resolver = ActorResolver(gold.actors)
    for kind, fields in (("gifts", ("giver", "recipient")), ("claims", ("speaker", "via"))):
        for index, entry in enumerate(getattr(gold, kind)):
            for name in fields:
                for value in ref_names(getattr(entry, name)):
                    if resolver.resolve(value) is None:
                        raise AnnotationFileError(
                            str(path), f"{kind}.{index}.{name}: {value!r} is not a name or alias "
                                       "of an actor of this document")


def score_dirs(gold_dir: Path, pred_dir: Path) -> ScoreReport:
    """Score the `*.json` predictions of `pred_dir` against the gold of `gold_dir`."""
    gold = _load_files(Path(gold_dir))
    if not gold:
        raise AnnotationFileError(str(gold_dir), "no *.json gold files")
    for path, doc in gold:
        check_gold_refs(path, doc)
    return score_results([doc for _, doc in gold], load_dir(Path(pred_dir)))


def format_table(report: ScoreReport) -> str:
    """The §4 table: P R F1 TP FP FN per category, accuracies on matches, strict dates, and the
    macro F1 on the last line."""
    def row(label: str, s: CategoryScore) -> str:
        return (f"{label:<22}{s.precision:>7.3f}{s.recall:>7.3f}{s.f1:>7.3f}"
                f"{s.tp:>6}{s.fp:>6}{s.fn:>6}")

    cats = {c.name: c for c in CATEGORIES}
    lines = [f"{'category':<22}{'P':>7}{'R':>7}{'F1':>7}{'TP':>6}{'FP':>6}{'FN':>6}"]
    lines += [row(cats[n].label, report.categories[n])
              for n in ("actors", "gifts", "gifts_item", "dates", "claims", "claims_content")]
    lines.append("accuracy on matches")
    for c in CATEGORIES:
        for attr, acc in report.categories[c.name].accuracies.items():
            value = "n/a" if acc.value is None else f"{acc.value:.3f}"
            lines.append(f"  {c.name + ' ' + attr:<20}{value:>7}  ({acc.correct}/{acc.total})")
    lines.append(row(cats["dates_strict"].label, report.categories["dates_strict"]))
    lines.append(f"{'macro F1':<22}{report.macro_f1:>7.3f}  (actors, gifts, strict dates, claims)")
    return "\n".join(lines)


def format_by_rule(report: ScoreReport) -> str:
    """Predictions of each rule that matched gold (TP) or matched nothing (FP), so an error
    points at the rule that made it. Misses have no rule and stay in the main table."""
    lines = [f"{'category / rule':<40}{'P':>7}{'TP':>6}{'FP':>6}"]
    for name in ("actors", "gifts", "dates", "claims"):
        for rule, count in report.categories[name].by_rule.items():
            lines.append(f"{name + '  ' + rule:<40}{count.precision:>7.3f}{count.tp:>6}{count.fp:>6}")
    return "\n".join(lines)
