"""The scorer against a second, independent implementation of EXTRACTION_SPEC §4.

The reference below is written from the spec text and the decisions documented in
`newsextract.scoring` (ties go to the actor listed first, a name beats an alias, every predicted
name must be accepted, P/R are 1.0 on empty denominators), without importing `scoring`.
It finds the matching counts differently: by the matroid property of bipartite matching, the
matching that first maximises required gold entries and then all gold entries matches r* required
entries (a maximum matching of the required entries alone) and M entries in all (a maximum
matching of everything), so TP = r*, FP = predictions - M, FN = required - r*; both come from
plain augmenting paths instead of the weighted Hungarian algorithm.

The bar of the issue: macro F1 within 0.02 of the reference on any prediction set. The test asks
for more, equal counts in every category of every document, on seeded perturbations of the gold.
"""

from __future__ import annotations

import random
from collections import Counter
from functools import cache
from pathlib import Path

import pytest
from rapidfuzz import fuzz, process

from newsextract.models import ArticleResult
from newsextract.normalize import norm
from newsextract.scoring import score_results

SHARED_GOLD = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "gold"
SEEDS = range(30)

pytestmark = pytest.mark.skipif(not SHARED_GOLD.is_dir(),
                                reason=f"shared gold not found at {SHARED_GOLD}")


# ---- the reference ---------------------------------------------------------------------------

def names_of(ref) -> list[str]:
    if ref is None:
        return []
    return [ref] if isinstance(ref, str) else list(ref)


def ref_resolve(text: str, actors) -> int | None:
    kept = norm(text, keep_honorifics=True)
    if kept:
        hits = [(0, i) for i, a in enumerate(actors) if norm(a.name, keep_honorifics=True) == kept]
        hits += [(1, i) for i, a in enumerate(actors)
                 if any(norm(x, keep_honorifics=True) == kept for x in a.aliases)]
        if hits:
            return min(hits)[1]
    plain = norm(text)
    if not plain:
        return None
    owners = {i for i, a in enumerate(actors) for x in (a.name, *a.aliases) if norm(x) == plain}
    if len(owners) == 1:
        return owners.pop()
    choices = [(norm(x), i) for i, a in enumerate(actors) for x in (a.name, *a.aliases) if norm(x)]
    best = process.extractOne(plain, [c for c, _ in choices], scorer=fuzz.token_sort_ratio,
                              score_cutoff=90)
    if best is not None:
        return choices[best[2]][1]
    surnames = [i for i, a in enumerate(actors) if norm(a.name).split()[-1:] == [plain]]
    return surnames[0] if len(surnames) == 1 else None


def ref_accepts(pred, gold, resolve) -> bool:
    p, g = names_of(pred), names_of(gold)
    if not p or not g:
        return not p and not g
    accepted = {resolve(n) for n in g} - {None}
    return all(resolve(n) in accepted for n in p)


def in_order(small: list[str], big: list[str]) -> bool:
    k = 0
    for token in big:
        if k < len(small) and small[k] == token:
            k += 1
    return k == len(small)


def content_f1(a: str, b: str) -> float:
    x, y = Counter(norm(a).split()), Counter(norm(b).split())
    same = sum(min(x[t], y[t]) for t in x)
    if not same:
        return 0.0
    p, r = same / sum(x.values()), same / sum(y.values())
    return 2 * p * r / (p + r)


def item_ok(g, p) -> bool:
    gold_tokens = norm(g.item).split()
    if gold_tokens and in_order(gold_tokens, norm(p.item).split()):
        return True
    return any(fuzz.token_set_ratio(norm(p.item), norm(x)) >= 85 for x in [g.item, *g.item_aliases])


def overlap(g, p) -> bool:
    a, b = norm(g.text).split(), norm(p.text).split()
    return bool(a and b) and (in_order(a, b) or in_order(b, a))


def reference_tests(actors):
    """Category -> (gold field, predicate(gold index, gold entry, prediction))."""
    resolve = cache(lambda text: ref_resolve(text, actors))
    return {
        "actors": ("actors", lambda i, g, p: i in {resolve(s) for s in (p.name, *p.aliases)}),
        "gifts": ("gifts", lambda i, g, p: ref_accepts(p.giver, g.giver, resolve)
                  and ref_accepts(p.recipient, g.recipient, resolve) and item_ok(g, p)),
        "gifts_item": ("gifts", lambda i, g, p: item_ok(g, p)),
        "dates": ("dates", lambda i, g, p: overlap(g, p)),
        "dates_strict": ("dates", lambda i, g, p: overlap(g, p) and g.value == p.value),
        "claims": ("claims", lambda i, g, p: ref_accepts(p.speaker, g.speaker, resolve)
                   and content_f1(p.content, g.content) >= 0.5),
        "claims_content": ("claims", lambda i, g, p: content_f1(p.content, g.content) >= 0.5),
    }


def matching_size(edges: dict[int, list[int]]) -> int:
    """Maximum bipartite matching by augmenting paths (Kuhn)."""
    taken: dict[int, int] = {}

    def augment(g: int, seen: set[int]) -> bool:
        for p in edges[g]:
            if p not in seen:
                seen.add(p)
                if p not in taken or augment(taken[p], seen):
                    taken[p] = g
                    return True
        return False

    return sum(augment(g, set()) for g in edges)


def reference_counts(gold: ArticleResult, pred: ArticleResult) -> dict[str, tuple[int, int, int]]:
    out = {}
    for name, (field, test) in reference_tests(gold.actors).items():
        golds, preds = getattr(gold, field), getattr(pred, field)
        edges = {i: [j for j, p in enumerate(preds) if test(i, g, p)] for i, g in enumerate(golds)}
        required = {i: e for i, e in edges.items() if not golds[i].optional}
        tp, everything = matching_size(required), matching_size(edges)
        out[name] = (tp, len(preds) - everything, len(required) - tp)
    return out


def reference_macro(totals: dict[str, tuple[int, int, int]]) -> float:
    f1s = []
    for name in ("actors", "gifts", "dates_strict", "claims"):
        tp, fp, fn = totals[name]
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        f1s.append(0.0 if p + r == 0 else 2 * p * r / (p + r))
    return sum(f1s) / 4


# ---- perturbed predictions -------------------------------------------------------------------

JUNK = ["weather", "the committee", "Lisbon", "a bottle of wine", "yesterday", "Jane Doe", "gifts"]


class Perturber:
    """Builds a plausible, imperfect prediction from a gold document."""

    def __init__(self, gold: ArticleResult, rng: random.Random):
        self.gold, self.rng = gold, rng
        self.forms = [[a.name, *a.aliases] for a in gold.actors]

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def text(self, s: str) -> str:
        tokens, rng = s.split(), self.rng
        r = rng.random()
        if r < 0.15 and len(tokens) > 1:
            del tokens[rng.randrange(len(tokens))]
        elif r < 0.3 and len(tokens) > 2:
            start = rng.randrange(len(tokens) - 1)
            tokens = tokens[start:rng.randrange(start + 1, len(tokens) + 1)]
        elif r < 0.4:
            tokens = ["in", *tokens] if self.chance(0.5) else [*tokens, rng.choice(["ago", "new", "gift"])]
        elif r < 0.45:
            tokens = rng.choice(JUNK).split()
        elif r < 0.5:
            rng.shuffle(tokens)
        return " ".join(tokens)

    def name(self, s: str) -> str:
        r, rng = self.rng.random(), self.rng
        if r < 0.1 and len(s) > 4:
            cut = rng.randrange(len(s))
            return s[:cut] + s[cut + 1:]
        if r < 0.2:
            return s.split()[-1]
        if r < 0.3:
            return rng.choice(["Mr ", "Mrs ", "the "]) + s
        if r < 0.35:
            return s.upper()
        return s

    def any_actor(self) -> str:
        return self.name(self.rng.choice(self.rng.choice(self.forms))) if self.forms else "Nobody"

    def ref(self, ref):
        names = names_of(ref)
        if self.chance(0.1):
            return None
        if self.chance(0.15) or not names:
            return self.any_actor() if names or self.chance(0.5) else None
        if self.chance(0.1):
            return names
        name = self.rng.choice(names)
        forms = next((f for f in self.forms if f[0] == name), [name])
        return self.name(self.rng.choice(forms))

    def entries(self, items: list[dict], junk) -> list[dict]:
        kept = [e for e in items if not self.chance(0.2)]
        kept += [dict(self.rng.choice(kept)) for _ in range(self.rng.randrange(3)) if kept]
        kept += [junk() for _ in range(self.rng.randrange(3))]
        self.rng.shuffle(kept)
        return kept

    def prediction(self) -> ArticleResult:
        g, rng = self.gold, self.rng
        actors = [{"name": self.name(rng.choice(f)),
                   "kind": rng.choice(["person", "organization", "country"]) if self.chance(0.15) else a.kind,
                   "aliases": [self.name(x) for x in f if self.chance(0.3)]}
                  for a, f in zip(g.actors, self.forms)]
        gifts = [{"giver": self.ref(x.giver), "recipient": self.ref(x.recipient),
                  "item": self.text(rng.choice([x.item, *x.item_aliases])),
                  "date": x.date if self.chance(0.7) else "2020-01-01"} for x in g.gifts]
        gifts += [{**x, "giver": x["recipient"], "recipient": x["giver"]}
                  for x in gifts if self.chance(0.1)]
        dates = [{"text": self.text(x.text), "type": x.type,
                  "value": x.value if self.chance(0.7) else "PAST_REF"} for x in g.dates]
        claims = [{"speaker": self.ref(x.speaker), "via": self.ref(x.via) if self.chance(0.5) else x.via,
                   "content": self.text(x.content) if self.chance(0.5)
                   else " ".join(x.content.split()[:rng.randrange(1, len(x.content.split()) + 1)]),
                   "polarity": x.polarity if self.chance(0.8) else "hedged"} for x in g.claims]
        return ArticleResult(
            doc_id=g.doc_id,
            actors=self.entries(actors, lambda: {"name": rng.choice(JUNK), "kind": "person"}),
            gifts=self.entries(gifts, lambda: {"giver": self.any_actor(), "recipient": self.any_actor(),
                                               "item": rng.choice(JUNK)}),
            dates=self.entries(dates, lambda: {"text": rng.choice(JUNK), "type": "DATE"}),
            claims=self.entries(claims, lambda: {"speaker": self.any_actor(), "content": rng.choice(JUNK)}))


@pytest.fixture(scope="module")
def gold_docs() -> list[ArticleResult]:
    return [ArticleResult.model_validate_json(p.read_bytes()) for p in sorted(SHARED_GOLD.glob("*.json"))]


def test_reference_scores_gold_against_itself_perfectly(gold_docs):
    for gold in gold_docs:
        assert all(fp == fn == 0 for _, fp, fn in reference_counts(gold, gold).values()), gold.doc_id


@pytest.mark.parametrize("seed", SEEDS)
def test_scorer_agrees_with_reference(gold_docs, seed):
    rng = random.Random(seed)
    preds = [Perturber(gold, rng).prediction() for gold in gold_docs]
    report = score_results(gold_docs, preds)
    totals = Counter()
    for gold, pred in zip(gold_docs, preds):
        expected = reference_counts(gold, pred)
        got = {name: (s.tp, s.fp, s.fn) for name, s in report.per_doc[gold.doc_id].categories.items()}
        assert got == expected, gold.doc_id
        for name, counts in expected.items():
            totals[name] = tuple(map(sum, zip(totals.get(name, (0, 0, 0)), counts)))
    assert abs(report.macro_f1 - reference_macro(totals)) <= 0.02
    assert 0.0 < report.macro_f1 < 1.0
