"""Per-category match predicates and the one-to-one maximum matching of EXTRACTION_SPEC §4.

A predicate returns None when a prediction cannot match a gold entry, else a similarity in
[0, 1] that only breaks ties between matchings of equal size (§4: "then similarity").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from rapidfuzz import fuzz

from ..models import Actor, Claim, Gift, TimeExpression
from ..normalize import norm, norm_tokens
from .resolve import ActorResolver

ITEM_THRESHOLD = 85
CONTENT_THRESHOLD = 0.5

Predicate = Callable[[ActorResolver, Any, Any], float | None]
"""(resolver of the gold document, gold entry, predicted entry) -> similarity or None."""


def is_subsequence(needle: Sequence[str], haystack: Iterable[str]) -> bool:
    """`needle` occurs in `haystack` in order, not necessarily contiguously."""
    rest = iter(haystack)
    return all(token in rest for token in needle)


def token_f1(predicted: str, gold: str) -> float:
    """Bag-of-tokens F1 (with multiplicity) of two normalised texts."""
    p, g = norm_tokens(predicted), norm_tokens(gold)
    common = sum((Counter(p) & Counter(g)).values())
    return 2 * common / (len(p) + len(g)) if common else 0.0


def actor_match(r: ActorResolver, gold: Actor, pred: Actor) -> float | None:
    if not any(r.resolve(s) is gold for s in (pred.name, *pred.aliases)):
        return None
    return fuzz.token_sort_ratio(norm(pred.name), norm(gold.name)) / 100


def item_match(r: ActorResolver, gold: Gift, pred: Gift) -> float | None:
    """§4 item rule: gold item a token subsequence of the predicted one, or token_set_ratio >= 85
    against the item or an item alias."""
    item = norm(pred.item)
    gold_tokens = norm_tokens(gold.item)
    if gold_tokens and is_subsequence(gold_tokens, item.split()):
        return 1.0
    score = max(fuzz.token_set_ratio(item, norm(g)) for g in (gold.item, *gold.item_aliases))
    return score / 100 if score >= ITEM_THRESHOLD else None


def gift_match(r: ActorResolver, gold: Gift, pred: Gift) -> float | None:
    if r.ref_matches(pred.giver, gold.giver) and r.ref_matches(pred.recipient, gold.recipient):
        return item_match(r, gold, pred)
    return None


def date_match(r: ActorResolver, gold: TimeExpression, pred: TimeExpression) -> float | None:
    """Normalised texts overlap: one is a token subsequence of the other."""
    p, g = norm_tokens(pred.text), norm_tokens(gold.text)
    if not (p and g and (is_subsequence(p, g) or is_subsequence(g, p))):
        return None
    return fuzz.ratio(" ".join(p), " ".join(g)) / 100


def strict_date_match(r: ActorResolver, gold: TimeExpression, pred: TimeExpression) -> float | None:
    return date_match(r, gold, pred) if pred.value == gold.value else None


def content_match(r: ActorResolver, gold: Claim, pred: Claim) -> float | None:
    score = token_f1(pred.content, gold.content)
    return score if score >= CONTENT_THRESHOLD else None


def claim_match(r: ActorResolver, gold: Claim, pred: Claim) -> float | None:
    return content_match(r, gold, pred) if r.ref_matches(pred.speaker, gold.speaker) else None


def max_matching(similarity: dict[tuple[int, int], float], required: Sequence[bool]
                 ) -> list[tuple[int, int]]:
    """One-to-one matching of gold i to prediction j over the edges of `similarity`, maximising
    first the matched required gold entries, then the matched optional ones, then the summed
    similarity: integer weights make that order exact, the Hungarian algorithm the optimum."""
    golds = sorted({i for i, _ in similarity})
    preds = sorted({j for _, j in similarity})
    if not golds:
        return []
    size = max(len(golds), len(preds))
    step = 1000 * size + 1
    weight = {(i, j): (step * (size + 1) if required[i] else step) + round(1000 * s)
              for (i, j), s in similarity.items()}
    matrix = [[-weight.get((i, j), 0) for j in preds] + [0] * (size - len(preds)) for i in golds]
    matrix += [[0] * size for _ in range(size - len(golds))]
    return [(golds[row], preds[col]) for row, col in _assignment(matrix)
            if row < len(golds) and col < len(preds) and (golds[row], preds[col]) in weight]


def _assignment(cost: list[list[int]]) -> list[tuple[int, int]]:
    """Minimum-cost perfect assignment of a square matrix (Hungarian algorithm with potentials,
    O(n^3)); returns (row, column) pairs."""
    n = len(cost)
    u, v = [0] * (n + 1), [0] * (n + 1)
    owner, way = [0] * (n + 1), [0] * (n + 1)
    for row in range(1, n + 1):
        owner[0], col = row, 0
        slack, used = [float("inf")] * (n + 1), [False] * (n + 1)
        while owner[col]:
            used[col] = True
            r, delta, nxt = owner[col], float("inf"), 0
            for j in range(1, n + 1):
                if not used[j]:
                    reduced = cost[r - 1][j - 1] - u[r] - v[j]
                    if reduced < slack[j]:
                        slack[j], way[j] = reduced, col
                    if slack[j] < delta:
                        delta, nxt = slack[j], j
            for j in range(n + 1):
                if used[j]:
                    u[owner[j]] += delta
                    v[j] -= delta
                else:
                    slack[j] -= delta
            col = nxt
        while col:
            prev = way[col]
            owner[col], col = owner[prev], prev
    return [(owner[j] - 1, j - 1) for j in range(1, n + 1)]
