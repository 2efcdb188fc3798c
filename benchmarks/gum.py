"""GUM news (Wikinews part of the GUM corpus) as an external check of actors and claims.

Reads GUM's enriched CoNLL-U (pure Python: no new dependency), rebuilds each document's text,
turns its annotation into spec-shaped gold ArticleResult objects, runs newsextract on the text
and scores both with the project scorer (`newsextract.scoring`, EXTRACTION_SPEC §4). The GUM
texts are used for evaluation only and never copied into the repository.

Mapping decisions (SOURCE.md §4, §6-§8; the spec's §2.1 and §2.4):
- Actors: coreference clusters (merged when GUM splits one Wikipedia identity, or leaves a
  bare surname apart) of type person or organization with a proper name in the text, and place
  clusters that are states (identity or name in the project's country list). Optional, so
  neither hit nor miss: a state that is never an argument (subject, object, agent, possessor),
  since the spec excludes places that only locate; a cluster with a Wikipedia identity but no
  proper name in the text; names only in photo credits; the publisher Wikinews. `name` = the
  proper name of a mention (`proper_name`: a person's without the titles that open it, the
  apposition of a title head) closest to the Wikipedia title, else the longest;
  `aliases` = the other names and mention strings, without pronouns and long descriptions.
- Claims: one per RST attribution relation. `speaker` = the actor of the source span's mention
  (an exact-span mention, else the actor mentions inside the span, as a list), null when the
  source is no actor (unnamed: "officials"). `cue` = the indicative-word signal tokens, else
  the indicative phrase ("according to"), else null. `content` = the nucleus EDU plus its
  same-unit continuations and the satellite-free EDUs of its subtree inside the sentences it
  spans (GUM's nucleus is the head EDU of the content span), run on to the closing quote mark
  of a quotation it opens; a nested "according to X, Y believes Z" keeps Y's attribution in
  X's content; duplicate (nucleus, speaker) pairs ("'I think ...', said X") count once. `polarity` = deny for
  attribution-negative, else assert; `via` is not annotated and stays null. Optional: credits
  and pull-quote captions (no cue, nothing but the source), and the publisher's own "Wikinews
  has learned". Hedged claims without a source are not annotated, so predictions of them are
  dropped before scoring.

    python benchmarks/gum.py [../shared/benchmarks/gum-news/conllu] [--split test] [-v]
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from newsextract.components.lexicon import countries, roles
from newsextract.models import Actor, ArticleResult, Claim
from newsextract.normalize import norm
from newsextract.scoring import ActorResolver, max_matching, score_results
from newsextract.scoring.match import content_match

DEFAULT_DIR = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "gum-news" / "conllu"
ANCHORS = [("Citron (BBC), PARC 3.0", {"source F1": 82.0, "cue F1": 82.3,
                                        "content overlap F1": 83.3})]
ACTOR_TYPES = {"person": "person", "organization": "organization"}
ARGUMENT_DEPRELS = ("nsubj", "obj", "iobj", "obl:agent", "nmod:poss", "csubj")
MAX_ALIAS_TOKENS = 8
DROPPED_DEPRELS = ("det", "appos", "acl", "nmod:poss", "punct", "nummod", "advmod", "conj", "cc")
TITLES = roles().titles | {"professor", "administrator", "dr", "dr.", "mr", "mr.", "mrs", "mrs.",
                           "ms", "ms.", "sir", "sen.", "rep.", "gov.", "judge", "justice", "curator"}
PUBLISHER = "wikinews"  # the outlet publishing the text: its own narration, like a byline
QUOTES = {'"', "\u201c", "\u201d", "``", "''"}
JOINERS = {"of", "and", "&", "for", "de", "the", "-"}
_SIGNAL = re.compile(r"(sem-atsrc|lex-indwd|lex-indph|grf-qt)-([\d,\-]+)")


@dataclass
class Token:
    index: int  # 1-based over the document's words, as GUM's signal ids count them
    form: str
    upos: str
    xpos: str
    head: int  # document index of the syntactic head, 0 for a root
    deprel: str
    sent: int
    start: int
    end: int
    misc: dict[str, str]


@dataclass
class Mention:
    group: str
    etype: str
    identity: str | None
    first: int
    last: int


@dataclass
class Attribution:
    positive: bool
    sat: int
    nuc: int
    source: list[int]
    cue: list[int]
    phrase: list[int]
    quotes: list[int]


@dataclass
class GumDoc:
    doc_id: str
    date: str | None
    text: str
    tokens: list[Token]
    mentions: list[Mention] = field(default_factory=list)
    edus: list[int] = field(default_factory=list)  # first token index of EDU 1, 2, ...
    parents: dict[int, tuple[int, str]] = field(default_factory=dict)  # edu -> (parent, rel)
    attributions: list[Attribution] = field(default_factory=list)

    def head(self, m: Mention) -> Token:
        """The syntactic head of a mention: its first token whose head lies outside it."""
        inside = range(m.first, m.last + 1)
        return next((self.tokens[i - 1] for i in inside if self.tokens[i - 1].head not in inside),
                    self.tokens[m.first - 1])

    def span(self, first: int, last: int) -> str:
        return self.text[self.tokens[first - 1].start:self.tokens[last - 1].end]


def _ids(spec: str) -> list[int]:
    """`121-128,130` -> [121, ..., 128, 130]."""
    out: list[int] = []
    for part in filter(None, spec.split(",")):
        lo, _, hi = part.partition("-")
        out += range(int(lo), int(hi or lo) + 1)
    return out


def _misc(value: str) -> dict[str, str]:
    return dict(p.split("=", 1) for p in value.split("|") if "=" in p) if value != "_" else {}


def parse_conllu(source: str, doc_id: str = "") -> GumDoc:
    """One GUM document: text rebuilt from the surface tokens (a multiword token by its own
    form), `SpaceAfter=No` honoured, one line per paragraph; then entities, EDUs, attributions."""
    meta: dict[str, str] = {}
    units: list[tuple[str, bool, list[list[str]]] | str] = []  # (surface, space, words) or break
    pending = 0  # words still owed to the last multiword token
    for line in source.splitlines():
        if line.startswith("# newdoc id =") and not doc_id:
            doc_id = line.split("=", 1)[1].strip()
        elif line.startswith("# meta::"):
            key, _, value = line[8:].partition(" = ")
            meta[key] = value.strip()
        elif re.match(r"# newpar( =|$)", line):
            units.append("\n")
        elif line.startswith("# sent_id"):
            units.append(" ")
        elif line and not line.startswith("#"):
            cols = line.split("\t")
            if "." in cols[0]:
                continue
            if "-" in cols[0]:
                lo, hi = map(int, cols[0].split("-"))
                units.append((cols[1], _misc(cols[9]).get("SpaceAfter") != "No", []))
                pending = hi - lo + 1
            elif pending:
                units[-1][2].append(cols)
                pending -= 1
            else:
                units.append((cols[1], _misc(cols[9]).get("SpaceAfter") != "No", [cols]))
    text, tokens, sent, offset = "", [], 0, 0
    for unit in units:
        if unit == "\n":
            text = text.rstrip(" ") + "\n" if text else text
            continue
        if unit == " ":
            sent, offset = sent + 1, len(tokens)
            text += " " if text and not text.endswith(("\n", " ")) else ""
            continue
        surface, space, words = unit
        base, cursor = len(text), 0
        for cols in words:
            at = surface.find(cols[1], cursor)
            start, end = (base + at, base + at + len(cols[1])) if at >= 0 else (base, base + len(surface))
            cursor = end - base
            head = int(cols[6]) + offset if cols[6] not in ("0", "_") else 0
            tokens.append(Token(len(tokens) + 1, cols[1], cols[3], cols[4], head, cols[7], sent, start,
                                end, _misc(cols[9])))
        text += surface + (" " if space else "")
    doc = GumDoc(doc_id, meta.get("dateCreated"), text.rstrip(), tokens)
    _read_layers(doc)
    return doc


def _read_layers(doc: GumDoc) -> None:
    """Entities from the bracketed `Entity=` values; EDUs and attributions from `Discourse=`."""
    open_: dict[str, list[tuple[int, list[str]]]] = defaultdict(list)
    for tok in doc.tokens:
        value = tok.misc.get("Entity", "")
        for match in re.finditer(r"\(([^()]+)\)?|(\d+)\)", value):
            if match.group(1):
                fields = match.group(1).split("-", 7)
                if match.group(0).endswith(")"):
                    doc.mentions.append(_mention(fields, tok.index, tok.index))
                else:
                    open_[fields[0]].append((tok.index, fields))
            else:
                first, fields = open_[match.group(2)].pop()
                doc.mentions.append(_mention(fields, first, tok.index))
        discourse = tok.misc.get("Discourse")
        if not discourse:
            continue
        doc.edus.append(tok.index)
        rel, _, rest = discourse.partition(":")
        link = rest.split(":")[0]
        if "->" not in link:
            continue
        src, dst = map(int, link.split("->"))
        doc.parents[src] = (dst, rel)
        if rel.startswith("attribution"):
            signals = defaultdict(list)
            for name, ids in _SIGNAL.findall(rest):
                signals[name] += _ids(ids)
            doc.attributions.append(Attribution(rel.endswith("positive"), src, dst,
                                                signals["sem-atsrc"], signals["lex-indwd"],
                                                signals["lex-indph"], signals["grf-qt"]))
    doc.mentions.sort(key=lambda m: (m.first, -m.last))


def _mention(fields: list[str], first: int, last: int) -> Mention:
    identity = fields[7].replace("%2D", "-") if len(fields) > 7 else None
    return Mention(fields[0], fields[1], identity, first, last)


def read_gum(path: Path) -> GumDoc:
    return parse_conllu(path.read_text(encoding="utf-8"), path.stem)


def _subtree(doc: GumDoc, token: Token, inside: range) -> set[int]:
    kids = [t for t in doc.tokens[inside.start - 1:inside.stop - 1] if t.head == token.index]
    return {token.index}.union(*(_subtree(doc, k, inside) for k in kids))


def proper_name(doc: GumDoc, m: Mention) -> str | None:
    """The proper name a mention carries ("NASA Administrator Charles Bolden" -> "Charles
    Bolden"): for a person its proper-noun head (or the head noun's `flat` name: "team member
    Rodaba Noori") with its `flat` parts; otherwise the run of proper nouns (inner "of", "and"
    allowed) around the head, without titles (GUM's `nmod:desc`), appositions and clauses.
    Plural demonym-like groups ("Muslims", "Afghans") are no names."""
    head, inside = doc.head(m), range(m.first, m.last + 1)
    named = [t for t in doc.tokens[m.first - 1:m.last] if t.head == head.index
             and t.deprel == "appos" and t.xpos == "NNP"]
    if m.etype == "person" and head.form.lower() in TITLES and named:
        head = named[0]  # "Undersecretary for Education Mr. Toccafondi": the name is the apposition
    if head.xpos not in ("NNP", "NNPS"):
        flat = [t.index for t in doc.tokens[m.first - 1:m.last] if t.head == head.index
                and t.deprel in ("flat", "appos") and t.xpos == "NNP"]
        if not flat:
            return None
        if m.etype == "person":
            kept = _without_titles(doc, _flat_closure(doc, set(flat), inside))
            return doc.span(min(kept), max(kept))
        head = doc.tokens[flat[0] - 1]
    if m.etype == "person":
        kept = _flat_closure(doc, {head.index}, inside)
        before = doc.tokens[head.index - 2] if head.index - 1 in inside else None
        if len(kept) == 1 and before and before.head == head.index and before.xpos == "NNP" \
                and before.form.lower() not in TITLES:
            kept.add(before.index)
        kept = _without_titles(doc, kept)
        return doc.span(min(kept), max(kept)) if len(kept) > 1 or not _demonym(head.form) else None
    dropped: set[int] = set()
    for t in doc.tokens[m.first - 1:m.last]:
        if t.head == head.index and (
                t.deprel.startswith(DROPPED_DEPRELS)
                or t.deprel == "nmod" and t.index < head.index
                or t.deprel == "nmod:desc" and (t.xpos != "NNP" or t.form.lower() in TITLES)):
            dropped |= _subtree(doc, t, inside)

    def ok(i: int) -> bool:
        t = doc.tokens[i - 1]
        return i in inside and i not in dropped and (t.xpos in ("NNP", "NNPS")
                                                     or t.form.lower() in JOINERS)

    first = last = head.index
    while ok(first - 1):
        first -= 1
    while ok(last + 1):
        last += 1
    while doc.tokens[first - 1].xpos not in ("NNP", "NNPS"):
        first += 1
    while doc.tokens[last - 1].xpos not in ("NNP", "NNPS"):
        last -= 1
    name = doc.span(first, last)
    if first == last and (head.xpos == "NNPS" or _demonym(name)):
        return None
    return name


def _without_titles(doc: GumDoc, kept: set[int]) -> set[int]:
    """A person's name without the titles that open it ("General Suleiman al-Amr")."""
    kept = set(kept)
    while len(kept) > 1 and doc.tokens[min(kept) - 1].form.lower() in TITLES:
        kept.discard(min(kept))
    return kept


def _proper_tail(doc: GumDoc, m: Mention) -> str | None:
    """The proper nouns ending a mention ("coauthor Colette Heald" -> "Colette Heald"), an alias
    where GUM's parse hides the full name from `proper_name`."""
    first = m.last
    while first > m.first and doc.tokens[first - 2].xpos == "NNP":
        first -= 1
    return doc.span(first, m.last) if first < m.last and doc.tokens[m.last - 1].xpos == "NNP" else None


def _flat_closure(doc: GumDoc, kept: set[int], inside: range) -> set[int]:
    """`kept` with the `flat` (and hyphen) tokens hanging from it: "Suleiman al - Amr"."""
    grown = True
    while grown:
        more = {t.index for t in doc.tokens[inside.start - 1:inside.stop - 1] if t.index not in kept
                and t.head in kept and (t.deprel == "flat" or t.form == "-")}
        kept, grown = kept | more, bool(more)
    return kept


def _demonym(text: str) -> bool:
    return countries().of_demonym(text) is not None or countries().of_demonym(text.rstrip("s")) is not None


def _country(*texts: str | None) -> bool:
    return any(t and countries().country(t.replace("_", " ")) for t in texts)


@dataclass
class Cluster:
    group: str
    etype: str
    mentions: list[Mention]
    identity: str | None
    actor: Actor | None = None


def gold_actors(doc: GumDoc) -> dict[str, Cluster]:
    """Clusters by group id, with `.actor` set for those that are spec actors (module docstring)."""
    clusters: dict[str, Cluster] = {}
    captions = [a for a in doc.attributions if is_caption(doc, a)]
    for m in doc.mentions:
        c = clusters.setdefault(m.group, Cluster(m.group, m.etype, [], None))
        c.mentions.append(m)
        c.identity = c.identity or m.identity
    by_identity: dict[str, Cluster] = {}
    for c in list(clusters.values()):
        if c.identity and c.identity in by_identity:
            by_identity[c.identity].mentions += c.mentions
            clusters[c.group] = by_identity[c.identity]
        elif c.identity:
            by_identity[c.identity] = c
    for c in {id(c): c for c in clusters.values()}.values():
        names = [n for m in c.mentions if (n := proper_name(doc, m))]
        state = c.etype == "place" and _country(c.identity, *names)
        if c.etype not in ACTOR_TYPES and not state:
            continue
        if not names and not c.identity:
            continue
        title = re.sub(r"\s*\(.*\)$", "", (c.identity or "").replace("_", " "))
        known = set(norm(title).split())
        name = max(names, key=lambda n: (len(known & set(norm(n).split())),
                                         -len(set(norm(n).split()) - known), len(n.split())),
                   default=title)
        forms = [doc.span(m.first, m.last) for m in c.mentions
                 if doc.head(m).upos != "PRON" and m.last - m.first < MAX_ALIAS_TOKENS]
        tails = [t for m in c.mentions if c.etype == "person" and (t := _proper_tail(doc, m))]
        aliases = list(dict.fromkeys(f for f in [*names, *tails, *forms] if f != name))
        acting = any(doc.head(m).deprel.startswith(ARGUMENT_DEPRELS) for m in c.mentions)
        credit = all(any(m.first in a.source for a in captions) for m in c.mentions)
        optional = not names or (state and not acting) or credit or norm(name) == PUBLISHER
        c.actor = Actor(name=name, kind="country" if state else ACTOR_TYPES[c.etype],
                        aliases=aliases, optional=optional,
                        note="GUM " + c.etype + (f" {c.identity}" if c.identity else ""))
    _merge_surnames(clusters)
    return clusters


def _merge_surnames(clusters: dict[str, Cluster]) -> None:
    """GUM sometimes leaves "Sehar Memon" and a later "Memon" in two clusters: a one-token person
    name that is the surname of exactly one other person actor joins that actor."""
    people = [c for c in {id(c): c for c in clusters.values()}.values()
              if c.actor is not None and c.actor.kind == "person"]
    for c in people:
        owners = [o for o in people if o is not c and len(c.actor.name.split()) == 1
                  and len(o.actor.name.split()) > 1 and o.actor.name.split()[-1] == c.actor.name]
        if len(owners) == 1:
            owner = owners[0].actor
            owner.aliases = list(dict.fromkeys([*owner.aliases, c.actor.name, *c.actor.aliases]))
            owner.optional = owner.optional and c.actor.optional
            owners[0].mentions += c.mentions
            c.actor = owner


def _edu_of(doc: GumDoc) -> list[int]:
    """EDU number (1-based) of every token, index 0 unused."""
    out, edu = [0], 0
    starts = set(doc.edus)
    for t in doc.tokens:
        edu += t.index in starts
        out.append(edu)
    return out


def content_edus(doc: GumDoc, att: Attribution) -> list[int]:
    """The nucleus EDU, its same-unit partners, and the EDUs of its subtree (attribution
    satellites cut off) that are contiguous with them and in the same sentences."""
    children: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for child, (parent, rel) in doc.parents.items():
        children[parent].append((child, rel))
    cut = {a.sat: a for a in doc.attributions}
    if att.nuc in cut and cut[att.nuc] is not att:
        return sorted(set(content_edus(doc, cut[att.nuc])) | {att.nuc})
    subtree, seeds, todo = set(), {att.nuc}, [att.nuc]
    while todo:
        edu = todo.pop()
        subtree.add(edu)
        for child, rel in children[edu]:
            if child not in cut:
                todo.append(child)
                if rel.startswith("same-unit") and edu in seeds:
                    seeds.add(child)
    edu_of = _edu_of(doc)
    sents = {doc.tokens[i - 1].sent for i in range(1, len(doc.tokens) + 1) if edu_of[i] in seeds}
    allowed = {e for e in subtree if doc.tokens[doc.edus[e - 1] - 1].sent in sents}
    run = set()
    for seed in seeds:
        lo = hi = seed
        while lo - 1 in allowed:
            lo -= 1
        while hi + 1 in allowed:
            hi += 1
        run |= set(range(lo, hi + 1))
    return sorted(run)


def content_text(doc: GumDoc, att: Attribution) -> str:
    """The content EDUs' text; a quotation that they open runs on to its closing mark (GUM's
    nucleus is often only a quote's first sentence), and the `grf-qt` quote marks signalled
    for the attribution bound the content when they enclose the nucleus."""
    edus = content_edus(doc, att)
    bounds = doc.edus + [len(doc.tokens) + 1]
    first, last = bounds[edus[0] - 1], bounds[edus[-1]] - 1
    if att.quotes and min(att.quotes) <= first <= max(att.quotes) and len(att.quotes) > 1:
        return doc.span(min(att.quotes), max(att.quotes))
    if doc.tokens[first - 1].form in QUOTES:
        close = next((t.index for t in doc.tokens[first:] if t.form in QUOTES), None)
        if close is not None and close > last:
            return doc.span(first, close)
    return _edus_text(doc, edus)


def _edus_text(doc: GumDoc, edus: list[int]) -> str:
    """The text of a set of EDUs, a gap between runs of EDUs joined by a space."""
    bounds, runs = doc.edus + [len(doc.tokens) + 1], []
    for e in edus:
        if runs and runs[-1][1] == e - 1:
            runs[-1][1] = e
        else:
            runs.append([e, e])
    return " ".join(doc.span(bounds[a - 1], bounds[b] - 1) for a, b in runs)


def _speaker(doc: GumDoc, clusters: dict[str, Cluster], source: list[int]) -> str | list[str] | None:
    """The actor of the source span: the largest mention on exactly its non-punctuation tokens
    (else headed by its syntactic head); if that mention is a thing, not an agent ("Cornyn's
    statement", "the report"), the actors mentioned inside it."""
    ids = [i for i in source if doc.tokens[i - 1].upos != "PUNCT"]
    if not ids:
        return None
    inside = range(min(ids), max(ids) + 1)
    head = next((i for i in ids if doc.tokens[i - 1].head not in inside), ids[0])
    cands = [m for m in doc.mentions if (m.first, m.last) == (ids[0], ids[-1])]
    cands = cands or [m for m in doc.mentions if doc.head(m).index == head
                      and m.first <= ids[0] and m.last >= ids[-1]]
    cands = cands or [m for m in doc.mentions if doc.head(m).index == head]
    mention = max(cands, key=lambda m: m.last - m.first, default=None)
    if mention is not None and (mention.etype in ("person", "organization")
                                or clusters[mention.group].actor is not None):
        actor = clusters[mention.group].actor
        return actor.name if actor is not None and not actor.optional else None
    names = list(dict.fromkeys(a.name for m in doc.mentions if m.first in inside and m.last in inside
                               and (a := clusters[m.group].actor) is not None and not a.optional))
    return names[0] if len(names) == 1 else names or None


def _cue(doc: GumDoc, att: Attribution) -> str | None:
    ids = att.cue or att.phrase
    return " ".join(doc.tokens[i - 1].form for i in ids) or None


def is_caption(doc: GumDoc, att: Attribution) -> bool:
    """A credit or pull-quote caption ("Image: NASA.", "- Matthew Ingram"): no cue signal and
    nothing in the satellite but the source and punctuation."""
    bounds = doc.edus + [len(doc.tokens) + 1]
    sat = range(bounds[att.sat - 1], bounds[att.sat])
    rest = [i for i in sat if i not in att.source and doc.tokens[i - 1].upos != "PUNCT"]
    return not att.cue and not att.phrase and not rest


def gold_result(doc: GumDoc) -> ArticleResult:
    """The spec-shaped gold of one GUM document (mapping in the module docstring)."""
    clusters = gold_actors(doc)
    claims, seen = [], set()
    for att in doc.attributions:
        speaker = _speaker(doc, clusters, att.source)
        key = (att.nuc, str(speaker))
        if key in seen:
            continue
        seen.add(key)
        source = " ".join(doc.tokens[i - 1].form for i in att.source)
        optional = is_caption(doc, att) or norm(source) == PUBLISHER
        claims.append(Claim(speaker=speaker, cue=_cue(doc, att),
                            content=content_text(doc, att),
                            polarity="assert" if att.positive else "deny", optional=optional,
                            note=f"GUM source: {source}"))
    actors = list({id(c.actor): c.actor for c in clusters.values() if c.actor is not None}.values())
    return ArticleResult(doc_id=doc.doc_id, published=doc.date, actors=actors, claims=claims)


def read_split(folder: Path, split: str | None) -> list[Path]:
    """The `.conllu` files of `folder`, or those of one split of `splits.tsv` beside it."""
    paths = sorted(folder.glob("*.conllu"))
    if split is None:
        return paths
    table = (folder.parent / "splits.tsv").read_text(encoding="utf-8").split("\n")
    keep = {row.split("\t")[0] for row in table if row.endswith("\t" + split)}
    return [p for p in paths if p.stem in keep]


def speaker_accuracy(gold: list[ArticleResult], pred: list[ArticleResult]) -> tuple[int, int]:
    """(right speaker, pairs) over the content-only matching: how often the speaker is right
    when the content was found."""
    right = total = 0
    by_id = {p.doc_id: p for p in pred}
    for g in gold:
        p, resolver = by_id[g.doc_id], ActorResolver(g.actors)
        sim = {(i, j): s for i, gc in enumerate(g.claims) for j, pc in enumerate(p.claims)
               if (s := content_match(resolver, gc, pc)) is not None}
        for i, j in max_matching(sim, [not c.optional for c in g.claims]):
            if not g.claims[i].optional:
                total += 1
                right += resolver.ref_matches(p.claims[j].speaker, g.claims[i].speaker)
    return right, total


def evaluate(paths: list[Path], nlp=None) -> tuple[list[ArticleResult], list[ArticleResult]]:
    """Gold and newsextract's predictions for each GUM file. Hedged claims without a source
    ("reportedly") are left out of the predictions: GUM does not annotate them (SOURCE.md §9)."""
    import newsextract
    nlp = nlp or newsextract.load()
    gold, pred = [], []
    for path in paths:
        doc = read_gum(path)
        gold.append(gold_result(doc))
        result = newsextract.extract(doc.text, published=doc.date, doc_id=doc.doc_id, nlp=nlp)
        result.claims = [c for c in result.claims if c.polarity != "hedged" or c.speaker]
        pred.append(result)
    return gold, pred


def report(gold: list[ArticleResult], pred: list[ArticleResult], verbose: bool = False) -> str:
    """Claims (spec matching), content only, speaker accuracy and actors beside the Citron
    anchors; the last line is machine-readable."""
    scores = score_results(gold, pred)
    cats = scores.categories
    right, total = speaker_accuracy(gold, pred)
    lines = [f"GUM news: {len(gold)} documents, {sum(not c.optional for g in gold for c in g.claims)}"
             f" gold claims (+{sum(c.optional for g in gold for c in g.claims)} optional), "
             f"{sum(not a.optional for g in gold for a in g.actors)} gold actors "
             f"(+{sum(a.optional for g in gold for a in g.actors)} optional)",
             f"{'':<28}{'P':>7}{'R':>7}{'F1':>7}{'TP':>6}{'FP':>6}{'FN':>6}"]
    for name, label in (("claims", "claims (spec matching)"), ("claims_content", "claims content only"),
                        ("actors", "actors")):
        s = cats[name]
        lines.append(f"{label:<28}{s.precision:>7.3f}{s.recall:>7.3f}{s.f1:>7.3f}"
                     f"{s.tp:>6}{s.fp:>6}{s.fn:>6}")
    acc = right / total if total else 0.0
    lines.append(f"speaker accuracy on content-matched claims {acc:.3f} ({right}/{total})")
    for attr in ("polarity", "via"):
        a = cats["claims"].accuracies[attr]
        lines.append(f"claims {attr} accuracy on matches {a.value or 0:.3f} ({a.correct}/{a.total})")
    a = cats["actors"].accuracies["kind"]
    lines.append(f"actors kind accuracy on matches {a.value or 0:.3f} ({a.correct}/{a.total})")
    for system, anchor in ANCHORS:
        lines.append(f"anchor {system} (other data, not comparable one to one): "
                     + ", ".join(f"{k} {v:.1f}" for k, v in anchor.items()))
    lines.append(f"ours: claims F1 (speaker+content) {100 * cats['claims'].f1:.1f}, "
                 f"content overlap F1 {100 * cats['claims_content'].f1:.1f}; "
                 f"targets: content F1 >= 75.0, speaker accuracy >= 0.85")
    if verbose:
        for doc_id, doc in scores.per_doc.items():
            for name in ("claims", "actors"):
                s = doc.categories[name]
                lines.append(f"== {doc_id} {name}: TP {s.tp} FP {s.fp} FN {s.fn}")
                lines += [f"  FP {_brief(e)}" for e in s.false_positives]
                lines += [f"  FN {_brief(e)}" for e in s.false_negatives]
    lines.append(f"gum claims_content_f1 {cats['claims_content'].f1:.3f}")
    return "\n".join(lines)


def _brief(entry: dict) -> str:
    if "content" in entry:
        return f"[{entry.get('speaker')}] {entry.get('cue')}: {entry['content'][:140]}"
    return f"{entry['name']} ({entry['kind']}) {entry.get('aliases', [])[:4]}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("folder", nargs="?", type=Path, default=DEFAULT_DIR)
    ap.add_argument("--split", choices=("train", "dev", "test"))
    ap.add_argument("-v", "--verbose", action="store_true", help="list misses and false positives")
    args = ap.parse_args(argv)
    paths = read_split(args.folder, args.split)
    if not paths:
        print(f"no .conllu files in {args.folder}", file=sys.stderr)
        return 1
    print(report(*evaluate(paths), verbose=args.verbose))
    return 0


if __name__ == "__main__":
    sys.exit(main())
