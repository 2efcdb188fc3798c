"""Actor resolution of EXTRACTION_SPEC §4: which gold actor a predicted string refers to.

Decisions where §4 leaves room:
- Ties go to the actor listed first in the gold: two actors sharing an exact form, or equal best
  fuzzy scores (so "the Kellers" -> Tom Keller when he is listed before Mary Keller, as the shared
  gold expects). This is also what `rapidfuzz.process.extractOne` would pick. A form that is a name of
  one actor and an alias of another refers to the actor it names.
- The fuzzy rule takes the actor with the highest `token_sort_ratio` (>= 90), not the first
  actor above the threshold.
- A string that normalises to nothing ("the", "Mr") refers to no actor at rules 2-4.
"""

from __future__ import annotations

from collections.abc import Sequence

from rapidfuzz import fuzz

from ..models import Actor, ActorRef
from ..normalize import norm

FUZZY_THRESHOLD = 90


def ref_names(ref: ActorRef) -> list[str]:
    """The names of an actor field: [] for null (or an empty list), else one or several."""
    if ref is None:
        return []
    return [ref] if isinstance(ref, str) else list(ref)


class ActorResolver:
    """Resolves strings against one gold document's actors; their forms are normalised once."""

    def __init__(self, actors: Sequence[Actor]):
        self.actors = list(actors)
        self._names_kept = [norm(a.name, keep_honorifics=True) for a in self.actors]
        self._aliases_kept = [{norm(s, keep_honorifics=True) for s in a.aliases}
                              for a in self.actors]
        self._forms = [{f for f in (norm(s) for s in (a.name, *a.aliases)) if f}
                       for a in self.actors]
        self._surnames = [(norm(a.name).split() or [""])[-1] for a in self.actors]
        self._cache: dict[str, Actor | None] = {}

    def resolve(self, text: str) -> Actor | None:
        """The gold actor `text` refers to under the four rules of §4, in order, or None."""
        if text not in self._cache:
            self._cache[text] = self._resolve(text)
        return self._cache[text]

    def _resolve(self, text: str) -> Actor | None:
        kept = norm(text, keep_honorifics=True)
        if kept:
            for actor, name in zip(self.actors, self._names_kept):
                if kept == name:
                    return actor
            for actor, aliases in zip(self.actors, self._aliases_kept):
                if kept in aliases:
                    return actor
        dropped = norm(text)
        if not dropped:
            return None
        same = [a for a, forms in zip(self.actors, self._forms) if dropped in forms]
        if len(same) == 1:
            return same[0]
        scores = [max((fuzz.token_sort_ratio(dropped, f) for f in forms), default=0.0)
                  for forms in self._forms]
        if scores and max(scores) >= FUZZY_THRESHOLD:
            return self.actors[scores.index(max(scores))]
        owners = [a for a, surname in zip(self.actors, self._surnames) if surname == dropped]
        return owners[0] if len(owners) == 1 else None

    def resolve_ref(self, ref: ActorRef) -> list[Actor | None]:
        """Each name of an actor field resolved; None where a name refers to no gold actor."""
        return [self.resolve(name) for name in ref_names(ref)]

    def ref_matches(self, predicted: ActorRef, gold: ActorRef) -> bool:
        """A predicted actor field matches the gold one. Null matches null only; otherwise every
        predicted name must resolve to one of the gold's accepted actors, so that a prediction
        cannot hedge its way into a match by listing several."""
        names = self.resolve_ref(predicted)
        if not names or not ref_names(gold):
            return not names and not ref_names(gold)
        accepted = [a for a in self.resolve_ref(gold) if a is not None]
        return all(any(a is b for b in accepted) for a in names)
