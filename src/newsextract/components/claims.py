"""Claims (EXTRACTION_SPEC §2.4): direct quotes, reported speech, beliefs and findings
("X believes/found that"), "according to", "citing", hedges and denials, as `ClaimRecord`s on
`doc._.claims`.

Speakers are never resolved here: the actors component has already put the `ActorRecord` on
every token of every actor mention (`token._.actor`), and `actor_of` only reads it.
Runs last in the pipeline; cue words come from data/claim_cues.json, and the constructions
that say where each cue's speaker and content sit (and name the `rule` on each claim) from
data/claim_constructions.json.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..records import ActorRecord, ClaimRecord, register_extensions
from ..errors import NewsExtractError
from .claim_cues import ClaimConstructions, ClaimCues, Construction, load_constructions, load_cues
from .sentences import Sentences
from .token_arrays import TokenColumns, flagged, string_ids

OPEN_QUOTES = {"“", "‘‘", "``", "„"}
CLOSE_QUOTES = {"”", "’’", "''"}
STRAIGHT_QUOTES = {'"'}
QUOTE_CHARS = OPEN_QUOTES | CLOSE_QUOTES | STRAIGHT_QUOTES
QUOTE_IDS = string_ids(tuple(sorted(QUOTE_CHARS)))
OPEN_PARENS = string_ids(("(", "（"))
DASHES = ("—", "–", "-", "--")
EDGE_PUNCT = {",", ".", ":", ";", "—", "–", "-", "--", "(", ")", "'", "‘", "’", *QUOTE_CHARS}
SENT_END = {".", "!", "?"}
FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}
NOT_CUES = {"is", "are", "was", "were", "be", "been", "being", "has", "have", "had"}
VERB_TAGS = string_ids(("VERB", "AUX"))
PLURAL_NOUN_TAG = string_ids(("NNS",))
NOUN_TAG = string_ids(("NN",))
CLAUSAL_DEPS = {"advcl", "xcomp", "ccomp", "conj", "pcomp", "acl"}
CLAUSAL_DEP_IDS = string_ids(tuple(sorted(CLAUSAL_DEPS)))
ACCORDING = string_ids(("according",))
MODIFIER_DEPS = {"compound", "amod", "nmod", "poss", "det", "nummod"}
SUBJECT_DEPS = {"nsubj", "csubj"}
CLAUSE_SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj", "expl"}
FIRST_PERSON = {"i", "we"}
PRESENT_TAGS = {"VBP", "VBZ"}
NER_SOURCES = {"PERSON", "ORG", "NORP", "GPE"}
IRREGULAR = {"said": "say", "says": "say", "told": "tell", "wrote": "write", "written": "write",
             "thought": "think", "understood": "understand", "made": "make"}
MAX_ATTRIBUTION_GAP = 12
"""Most tokens allowed between a quote and its cue ("Deputy Foreign Minister ... Kim said")."""


def actor_of(obj: Span | Token) -> ActorRecord | None:
    """The actor a span refers to: its head's, else an apposition's, else that of the first
    token that is not a mere modifier, else any token's ("A Vatican statement" -> Vatican)."""
    span = obj.doc[obj.i:obj.i + 1] if isinstance(obj, Token) else obj
    root = span.root
    if root._.actor is not None:
        return root._.actor
    tokens = [t for t in span if t._.actor is not None]
    for tok in tokens:
        if tok.head == root and tok.dep_ in ("appos", "flat"):
            return tok._.actor
    for tok in tokens:
        if tok.dep_ not in MODIFIER_DEPS:
            return tok._.actor
    return tokens[0]._.actor if tokens else None


@dataclass
class _Quote:
    open: int
    """index of the opening quote mark"""
    start: int
    end: int
    """the quoted tokens are doc[start:end]; end is the closing mark (or the paragraph end)"""


@dataclass
class _Draft:
    cue: Span
    start: int
    end: int
    speaker: ActorRecord | None
    via: ActorRecord | None = None
    polarity: str = "assert"
    quoted: bool = False
    dropped: bool = False
    anchor: Token | None = field(default=None, repr=False)
    """the cue verb whose syntax produced this draft (None for quote continuations)"""
    omit: list[tuple[int, int]] = field(default_factory=list)
    echo: Token | None = field(default=None, repr=False)
    """a claim noun ("a charge that X deny") whose content is the proposition before it"""
    first_person: bool = False
    """"I think ..." inside a quote: the speaker's present stance, a claim of its own (a
    past "I thought" is part of the story told, a leading "I think" hedges the whole quote)"""
    nested: bool = False
    """a belief inside another claim's quote: a claim of its own, not a duplicate"""
    rule: str = "claim.speech"
    """the construction that produced it, carried into the output"""
    subject: Token | None = field(default=None, repr=False)
    """the cue's grammatical subject, also when it names no actor"""

    def covers(self, i: int) -> bool:
        return self.start <= i < self.end and not any(s <= i < e for s, e in self.omit)


class ClaimsComponent:
    """Find attributions by general rules over the parse, quote marks and the cue lexicons;
    the constructions (data/claim_constructions.json) say which cue words take their content
    from where, and name the rule on each claim."""

    def __init__(self, cues: ClaimCues, max_gap: int = MAX_ATTRIBUTION_GAP,
                 constructions: ClaimConstructions | None = None):
        self.cues = cues
        self.max_gap = max_gap
        constructions = constructions or load_constructions()
        readers = {
            "verb": {"hedged_clause": self._hedged_passive_content,
                     "accused_passive": self._accused_passive_content,
                     "as_characterisation": lambda v, ctx, q: (self._as_content(v, ctx), False),
                     "for_object": lambda v, ctx, q: (_for_content(v, ctx), False),
                     "naming": lambda v, ctx, q: (_naming_content(v, ctx), False),
                     "phrasal": lambda v, ctx, q: (self._phrasal_content(v, ctx), False),
                     "infinitive": self._infinitive_content,
                     "denial": lambda v, ctx, q: (self._deny_content(v, ctx), False),
                     "speech": self._speech_content,
                     "quoted_as_saying": self._quoted_as_saying_content,
                     "free_relative": self._free_relative_content,
                     "praised_object": self._praised_object_content,
                     "quote_with": self._quote_with_content,
                     "document_reads": self._document_reads_content,
                     "belief": self._belief_content},
            "adjective": {"adjective_clause": None}, "noun": {"noun_clause": None},
            "phrase": {"around_phrase": None},
            "adverb": {"hedged_clause": None}, "quote": {"continuation": None, "run_on": None},
            "signature": {"signed_text": None, "signed_quote": None}}
        self._verb_constructions: list[tuple[Construction, frozenset[str], Callable]] = []
        lemmas: dict[str, frozenset[str]] = {}
        for con in constructions.constructions:
            reader = readers[con.kind]
            if con.content not in reader:
                raise NewsExtractError(f"claim construction {con.name}: no content reader "
                                       f"{con.content!r} for kind {con.kind} "
                                       f"(known: {sorted(reader)})")
            lemmas[con.name] = constructions.lemmas(con, cues)
            if con.kind == "verb":
                heads = frozenset(c.split()[0] for c in lemmas[con.name])
                self._verb_constructions.append((con, heads, reader[con.content]))
        by_kind = {con.kind: con for con in reversed(constructions.constructions)}
        self._adjective = by_kind.get("adjective")
        self._stance_adjectives = string_ids(tuple(sorted(lemmas[self._adjective.name]))) \
            if self._adjective else frozenset()
        self._noun = by_kind.get("noun")
        self._stance_nouns = string_ids(tuple(sorted(lemmas[self._noun.name]))) \
            if self._noun else frozenset()
        self._phrase = by_kind.get("phrase")
        self._phrases = lemmas[self._phrase.name] if self._phrase else frozenset()
        self._phrase_heads = string_ids(tuple(sorted({p.split()[0] for p in self._phrases})))
        self._adverb = by_kind.get("adverb")
        self._hedge_ids = string_ids(tuple(sorted(lemmas[self._adverb.name]))) \
            if self._adverb else frozenset()
        quotes = {con.content: con.name for con in constructions.constructions
                  if con.kind == "quote"}
        self._continuation_rule = quotes.get("continuation")
        self._run_on_rule = quotes.get("run_on")
        self._signatures = {con.content: con for con in constructions.constructions
                            if con.kind == "signature"}
        self._verbs = frozenset().union(*(heads for _, heads, _ in self._verb_constructions))
        self._verb_ids = string_ids(self._verbs)
        self._phrasal_heads = {entry.split()[0] for entry in cues.accuse_verbs | cues.appeal_verbs}

    def __call__(self, doc: Doc) -> Doc:
        columns = TokenColumns(doc)
        ctx = _DocContext(doc, columns)
        drafts: list[_Draft] = []
        for i in self._cue_candidates(doc, columns):
            drafts.extend(self._verb_claims(doc[i], ctx))
        if self._adjective is not None:
            drafts.extend(self._adjective_claims(
                [doc[i] for i in columns.positions("LOWER", self._stance_adjectives)], ctx))
        if self._noun is not None:
            drafts.extend(self._noun_claims(
                [doc[i] for i in columns.positions("LEMMA", self._stance_nouns)], ctx, drafts))
        hedges = [doc[i] for i in columns.positions("LOWER", self._hedge_ids)]
        accordings = [doc[i] for i in columns.positions("LOWER", self._phrase_heads)]
        _resolve_echoes(drafts)
        self._resolve_nesting(drafts)
        drafts = [d for d in drafts if not d.dropped]
        if self._adverb is not None:
            drafts.extend(self._hedge_claims(hedges, ctx, drafts))
        if self._phrase is not None:
            drafts.extend(self._according_to(accordings, ctx, drafts))
        if "signed_text" in self._signatures:
            drafts.extend(self._signed_posts(doc, ctx, drafts,
                                             columns.positions("ORTH", OPEN_PARENS)))
        if "signed_quote" in self._signatures:
            drafts.extend(self._signed_quotes(doc, ctx, drafts))
        drafts.extend(self._continuations(doc, ctx, drafts))
        self._document_speakers(drafts, ctx)
        self._denied_references(drafts, ctx)
        _carry_via(drafts, ctx)
        doc._.claims = [ClaimRecord(speaker=d.speaker, content=doc[d.start:d.end], cue=d.cue,
                                    polarity=d.polarity,
                                    via=d.via if d.via is not d.speaker else None,
                                    omit=[doc[s:e] for s, e in d.omit], rule=d.rule)
                        for d in _dedupe(drafts)]
        return doc

    # --- cue verbs -----------------------------------------------------------------------

    def _cue_candidates(self, doc: Doc, columns: TokenColumns) -> list[int]:
        """Positions of the verbs whose lemma is a cue, read from the doc's attribute columns:
        most verbs are none, and building their Tokens cost more than the test. A verb with
        no lemma (no lemmatizer) is left to `_lemma`'s guess in `_verb_claims`. The parser
        tags some present-tense cues as plural nouns ("The agency notes, “...”", "The
        report claims that"): such a "noun" with a subject or a clause of its own is the
        verb; so is an "-ing" noun heading a clause ("..., writing: “...”")."""
        strings = doc.vocab.strings
        not_cues = string_ids(tuple(NOT_CUES))
        lower, lemma = columns["LOWER"], columns["LEMMA"]
        verbs = [i for i in columns.positions("POS", VERB_TAGS) if lower[i] not in not_cues
                 and (not lemma[i] or strings[lemma[i]].lower() in self._verbs)]
        tags = columns["TAG"]
        nouns = [i for i in columns.positions("LEMMA", self._verb_ids)
                 if tags[i] in PLURAL_NOUN_TAG
                 and any(c.dep_ in ("nsubj", "ccomp") for c in doc[i].children)]
        gerunds = [i for i in columns.positions("DEP", CLAUSAL_DEP_IDS)
                   if tags[i] in NOUN_TAG and strings[lower[i]].endswith("ing")
                   and self._lemma(doc[i]) in self._verbs]
        return sorted(verbs + nouns + gerunds)

    def _verb_claims(self, verb: Token, ctx: _DocContext) -> list[_Draft]:
        """The first construction of the cue's lemma, voice and quote setting whose content
        is found makes the claim."""
        lemma = self._lemma(verb)
        if lemma not in self._verbs:
            return []
        cues = self.cues
        children = {c.dep_: c for c in verb.children}
        if "neg" in children:
            return []
        in_quote = ctx.quote_at(verb.i) is not None
        passive = _passive(verb, children)
        for con, heads, read in self._verb_constructions:
            if lemma not in heads or in_quote and not con.in_quote or \
                    con.voice == "passive" and not passive or con.voice == "active" and passive:
                continue
            spans, quoted = read(verb, ctx, in_quote)
            if spans:
                break
            if con.final:
                return []
        else:
            return []
        polarity = "deny" if con.polarity == "assert" and (
            lemma in cues.deny_verbs or self._called_false(verb, con)) else con.polarity
        spans = [s if len(s) > 2 else _without(s, verb) for s in spans]
        spans = [(*s, []) if len(s) == 2 else s for s in spans if s is not None]
        if not spans:
            return []
        if con.content in ("naming", "as_characterisation") and len(spans) == 1:
            spans = [self._with_judging_conjunct(verb, spans[0], ctx)]
        if con.speaker == "none":
            return [_Draft(_cue(verb), s, e, None, polarity=polarity, anchor=verb, omit=omit,
                           rule=con.name) for s, e, omit in spans]
        subject = _subject(verb)
        stray = subject is not None and ctx.para_start[subject.i] != ctx.para_start[verb.i]
        if (stray or subject is None) and (_finite(verb) or verb.dep_ == "ROOT"):
            subject = _inverted_subject(verb) or _stranded_subject(
                verb, ctx.sentence(verb)[0]) or subject
        speaker, via = self._speaker(verb, subject, ctx)
        first_person = in_quote and lemma in cues.belief_verbs and verb.tag_ in PRESENT_TAGS \
            and subject is not None and subject.lower_ in FIRST_PERSON \
            and not ctx.opens_quote(subject)
        if speaker is None and not self._is_source(subject) and not first_person \
                and not self._unnamed_subject(subject, verb, in_quote):
            return []
        echo = verb.head if polarity == "deny" and self._echoes(verb) else None
        return [_Draft(_cue(verb), s, e, speaker, via, polarity, quoted, anchor=verb, omit=omit,
                       echo=echo, first_person=first_person, rule=con.name, subject=subject)
                for s, e, omit in spans]

    def _with_judging_conjunct(self, verb: Token, span: tuple, ctx: _DocContext) -> tuple:
        """"X called it Y and likened it to Z": a coordinated judgement of the same subject
        is part of one claim."""
        judging = self.cues.as_verbs | self.cues.naming_verbs
        conj = next((c for c in verb.children if c.dep_ == "conj" and c.i > span[1] - 1
                     and self._lemma(c) in judging
                     and not any(g.dep_ in SUBJECT_DEPS for g in c.children)), None)
        if conj is None or ctx.para_start[conj.i] != ctx.para_start[verb.i]:
            return span
        end = _rstrip(verb.doc, span[0], conj.right_edge.i + 1)
        return (span[0], max(end, span[1]), span[2])

    def _called_false(self, verb: Token, con: Construction) -> bool:
        """"called the report false", "described the claims as baseless": a denial."""
        if con.content == "naming":
            obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
            pred = _naming_predicate(verb, obj)
            words = list(pred.subtree) if pred is not None else []
        elif con.content == "as_characterisation":
            words = [t for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"
                     for t in c.subtree]
        else:
            return False
        return any(_noun_lemma(t) in self.cues.falsity_words for t in words)

    def _hedged_passive_content(self, verb: Token, ctx: _DocContext,
                                in_quote: bool) -> tuple[list[tuple], bool]:
        """"X is believed to be Y", "It is thought that Y" -> the clause; "Y, it was claimed"
        -> the clause before the comma."""
        children = {c.dep_: c for c in verb.children}
        if "xcomp" in children or "ccomp" in children:
            span = ctx.hedged_clause(children.get("ccomp") or verb, verb)
            return ([span], False) if span else ([], False)
        subject = children.get("nsubjpass") or children.get("expl")
        if subject is not None and subject.lower_ == "it":
            span = ctx.trailing_clause(verb, subject)
            return ([span], False) if span else ([], False)
        return [], False

    def _accused_passive_content(self, verb: Token, ctx: _DocContext,
                                 in_quote: bool) -> tuple[list[tuple], bool]:
        """"X is accused of Y" -> "X of Y", without the passive verb."""
        subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        prep = next((c for c in verb.children if c.dep_ == "prep"
                     and f"{self._lemma(verb)} {c.lower_}" in self.cues.accuse_verbs), None)
        if subject is None or prep is None or subject.i > verb.i:
            return [], False
        span = ctx.clean(subject.left_edge.i, prep.right_edge.i + 1, verb)
        if not span:
            return [], False
        omit_start = subject.right_edge.i + 1
        return [(*span, [(omit_start, prep.i)] if omit_start < prep.i else [])], False

    def _infinitive_content(self, verb: Token, ctx: _DocContext,
                            in_quote: bool) -> tuple[list[tuple], bool]:
        """"X vowed to Y" -> Y (a quote in it is the whole content); "X threatened Y with Z"
        -> "Y with Z"."""
        pred = next((c for c in verb.children if c.dep_ == "xcomp" and c.i > verb.i), None)
        if pred is not None:
            mark = next((c for c in pred.children if c.dep_ == "aux" and c.lower_ == "to"), None)
            start = mark.i + 1 if mark is not None and mark.i == pred.left_edge.i \
                else pred.left_edge.i
            span = ctx.clean(start, pred.right_edge.i + 1, verb)
            if span:
                quote = ctx.quote_at(span[0])
                if quote is not None and ctx.opens_quote(verb.doc[span[0]]):
                    return [ctx.quote_span(quote)], True
            return ([span], False) if span else ([], False)
        doc = verb.doc
        if verb.i + 3 < len(doc) and doc[verb.i + 1].lower_ == "to" \
                and ctx.opens_quote(doc[verb.i + 3]):  # "vowed to “end the waste”"
            return [ctx.quote_span(ctx.quote_at(verb.i + 3))], True
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"), None)
        if obj is None or prep is None:
            return [], False
        span = ctx.clean(obj.left_edge.i, prep.right_edge.i + 1, verb)
        return ([span], False) if span else ([], False)

    def _free_relative_content(self, verb: Token, ctx: _DocContext,
                               in_quote: bool) -> tuple[list[tuple], bool]:
        """"what X believes is Y" -> Y."""
        what = next((c for c in verb.children if c.dep_ in ("dobj", "nsubj") and c.tag_ == "WP"
                     and c.lower_ == "what"), None)
        if what is None or verb.dep_ != "csubj" or self._lemma(verb.head) != "be":
            return [], False
        attr = next((c for c in verb.head.children if c.dep_ in ("attr", "acomp")
                     and c.i > verb.head.i), None)
        span = ctx.clean(attr.left_edge.i, attr.right_edge.i + 1, verb) if attr else None
        return ([span], False) if span else ([], False)

    def _praised_object_content(self, verb: Token, ctx: _DocContext,
                                in_quote: bool) -> tuple[list[tuple], bool]:
        """"X complimented Y's skills" -> "Y's skills": a judged quality of someone."""
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if obj is None or any(c.dep_ == "prep" and c.lower_ in ("for", "as")
                              for c in verb.children):
            return [], False
        owner = any(t.tag_ == "POS" or t.dep_ == "poss" for t in obj.subtree if t.i < obj.i)
        span = ctx.clean(obj.left_edge.i, obj.right_edge.i + 1, verb) if owner else None
        return ([span], False) if span else ([], False)

    def _document_reads_content(self, verb: Token, ctx: _DocContext,
                                in_quote: bool) -> tuple[list[tuple], bool]:
        """"The statement read: “...”": a text that reads is its author's statement."""
        subject = _subject(verb)
        if subject is None or _noun_lemma(subject) not in self.cues.source_things:
            return [], False
        return self._speech_content(verb, ctx, in_quote)

    def _quote_with_content(self, verb: Token, ctx: _DocContext,
                            in_quote: bool) -> tuple[list[tuple], bool]:
        """"X teased Y with “...”", "X replied with “...”" -> the quote."""
        for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"):
            first = next((t for t in prep.subtree if t.i > prep.i), None)
            if first is not None and ctx.quote_at(first.i) is not None \
                    and ctx.quote_at(first.i).open == first.i:
                span = ctx.quote_span(ctx.quote_at(first.i))
                return ([span], True) if span else ([], False)
        return [], False

    def _quoted_as_saying_content(self, verb: Token, ctx: _DocContext,
                                  in_quote: bool) -> tuple[list[tuple], bool]:
        """The speech content of "saying" in "X was quoted as saying"."""
        quoter = _passive_quoter(verb, self.cues.citing_verbs, self._lemma)
        if quoter is None:
            return [], False
        comps = [c for c in (*quoter.children, *verb.children) if c.dep_ == "ccomp"]
        span = ctx.clause(comps, verb) if comps else None
        if span is None:
            after = ctx.quote_after(verb, self.max_gap)
            return ([ctx.quote_span(after)], True) if after is not None else ([], False)
        quote = ctx.quote_at(span[0]) if ctx.opens_quote(verb.doc[span[0]]) else None
        return ([ctx.quote_span(quote)], True) if quote is not None else ([span], False)

    def _lemma(self, tok: Token) -> str:
        """The lemma, or a crude one from the lexicons if the pipeline has no lemmatizer (or
        tagged a gerund as a noun: "..., writing: “...”")."""
        if tok.lemma_ and not (tok.tag_ == "NN" and tok.lower_.endswith("ing")
                               and tok.dep_ in CLAUSAL_DEPS):
            return tok.lemma_.lower()
        word = tok.lower_
        for cand in (word, word[:-1], word[:-2], word[:-3], word[:-2] + "e", word[:-3] + "e",
                     word[:-4], word[:-3] + "y"):
            if cand in self._verbs:
                return cand
        return IRREGULAR.get(word, word)

    def _speech_content(self, verb: Token, ctx: _DocContext,
                        in_quote: bool) -> tuple[list[tuple], bool]:
        """Content of a speech verb: an adjacent quote (one split by the attribution at a
        comma is one claim, the attribution omitted; one after "adding:" is that verb's), else
        its that-clause (also one the parser hung elsewhere: "said in a statement that",
        "observed that ..."), else the clause it is set in ("A, X said, B", "As X told Y, A"),
        else the clause it trails ("..., X reported")."""
        comps = [c for c in verb.children if c.dep_ == "ccomp"] or _statement_clauses(verb) \
            or _addressee_clauses(verb)
        cite = self._cite(verb, ctx)
        if cite is not None:
            comps.extend(c for c in cite.subtree if c.head == cite and c.dep_ == "ccomp"
                         or c.dep_ in ("relcl", "acl") and _that_clause(c))
        if in_quote:
            right = [c for c in comps if c.i > verb.i]
            span = ctx.clause(right, verb) if right else None
            return ([span], False) if span else ([], False)
        after = ctx.quote_after(verb, self.max_gap)
        if after is not None and any(t.pos_ == "VERB" and self._lemma(t) in self.cues.speech_verbs
                                     for t in verb.doc[verb.i + 1:after.open]):
            after = None
        before = ctx.quote_before(verb, self.max_gap)
        if after is not None:
            second = ctx.quote_span(after)
            first = ctx.quote_span(before) if before is not None and \
                ctx.gap_ends_with(verb, after, {","}) else None
            if first and second:
                return [(first[0], second[1], ctx.split_omit(first, after))], True
            return ([second], True) if second else ([], False)
        if before is not None:
            span = ctx.quote_span(before)
            return ([span], True) if span else ([], False)
        right = [c for c in comps if c.i > verb.i]
        if right:
            span = ctx.clause(right, verb)
            if span and cite is not None and span[0] <= cite.i < span[1]:
                span = ctx.clean(cite.right_edge.i + 1, span[1], verb) if cite.i < right[0].i \
                    else ctx.clean(span[0], cite.left_edge.i, verb)
            quote = ctx.quote_at(span[0]) if span and ctx.opens_quote(verb.doc[span[0]]) else None
            if quote is not None:
                return ([ctx.quote_span(quote)], True)
            return ([span], False) if span else ([], False)
        left = [c for c in comps if c.i < verb.i]
        if left:
            span = ctx.clause(left, verb)
            return ([span], ctx.within_quote(span)) if span else ([], False)
        if verb.i + 1 < len(verb.doc) and verb.nbor().lower_ == "that" \
                and verb.nbor().tag_ == "IN":
            span = ctx.clean(verb.i + 2, verb.right_edge.i + 1, verb)
            return ([span], False) if span else ([], False)
        span = _unmarked_clause(verb, ctx)
        if span:
            return [span], False
        if verb.dep_ == "parataxis":
            span = ctx.inserted_in(verb.head, verb.left_edge.i, verb.right_edge.i + 1)
            return ([span], False) if span else ([], False)
        if verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as"
                                        for c in verb.children):
            span = ctx.as_clause(verb)
            return ([span], False) if span else ([], False)
        own = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
        span = ctx.trailing_clause(verb, own) if own is not None else None
        return ([span], False) if span else ([], False)

    def _belief_content(self, verb: Token, ctx: _DocContext,
                        in_quote: bool) -> tuple[list[tuple[int, int]], bool]:
        """"X believes/found/estimates (that) Y": only a following finite clause with a
        subject of its own is a claim ("found the keys", "shows him handing" are not), or a
        quote set off after it ("concluded: “...”", not "recommending “free tools”")."""
        comps = [c for c in verb.children if c.dep_ == "ccomp" and c.left_edge.i > verb.i
                 and _finite(c) and any(g.dep_ in CLAUSE_SUBJECT_DEPS for g in c.children)]
        span = ctx.clause(comps, verb) if comps else None
        if span:
            return [span], False
        quote = ctx.quote_after(verb, self.max_gap) if not in_quote else None
        span = ctx.quote_span(quote) if quote is not None \
            and ctx.gap_ends_with(verb, quote, {",", ":"}) else None
        if span:
            return [span], True
        span = _unmarked_clause(verb, ctx)
        return ([span], False) if span else ([], False)

    def _as_content(self, verb: Token, ctx: _DocContext) -> list[tuple[int, int]]:
        """"X described Y as Z" -> "Y as Z", also "Y that X described as Z", "X likened Y to
        Z"; passive "Y has been hailed as Z" -> the clause."""
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        scope = list(verb.children) + (list(obj.subtree) if obj is not None else [])
        marks = ("as", "to") if self._lemma(verb) in self.cues.likening_verbs else ("as",)
        as_prep = next((t for t in scope if t.lower_ in marks and t.dep_ in ("prep", "dative")),
                       None)
        if as_prep is None:
            return []
        if obj is not None and obj.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
            span = ctx.clean(verb.head.left_edge.i, as_prep.right_edge.i + 1, verb)
            return [(*span, [(verb.left_edge.i, as_prep.i)])] if span else []
        if obj is not None:
            start = obj.left_edge.i
        else:
            subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
            if subj is None or subj.i > verb.i:
                return []
            if subj.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":  # "a rite that was hailed as"
                span = ctx.clean(verb.head.left_edge.i, as_prep.right_edge.i + 1, verb)
                omit = (verb.left_edge.i, as_prep.i)
                return [(*span, [omit] if omit[0] < omit[1] else [])] if span else []
            span = ctx.clean(subj.left_edge.i, as_prep.right_edge.i + 1, verb)
            omit = (subj.right_edge.i + 1, as_prep.i)
            return [(*span, [omit] if omit[0] < omit[1] else [])] if span else []
        span = ctx.clean(start, as_prep.right_edge.i + 1, verb)
        return [span] if span else []

    def _phrasal_content(self, verb: Token, ctx: _DocContext) -> list[tuple]:
        """"accused X of Y" -> "X Y" (without "of"); "called on X to Y", "urged X to Y" ->
        "X to Y"."""
        lemma = self._lemma(verb)
        if lemma.partition(" ")[0] not in self._phrasal_heads:
            return []
        preps = [c for c in verb.children if c.dep_ == "prep"]
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        for prep in preps + [c for c in obj.children if c.dep_ == "prep"] if obj else []:
            comp = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
            if f"{lemma} {prep.lower_}" in self.cues.accuse_verbs and comp is not None:
                span = ctx.clean(obj.left_edge.i, comp.right_edge.i + 1, verb)
                return [(*span, [(prep.i, prep.i + 1)])] if span else []
        if lemma not in self.cues.appeal_verbs:
            prep = next((p for p in preps if f"{lemma} {p.lower_}" in self.cues.appeal_verbs),
                        None)
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep else None
        pred = next((c for c in verb.children if c.dep_ in ("xcomp", "ccomp")), None)
        if obj is None or pred is None or pred.i < obj.i:
            return []
        span = ctx.clean(obj.left_edge.i, pred.right_edge.i + 1, verb)
        return [span] if span else []

    def _echoes(self, verb: Token) -> bool:
        """"<proposition> - a charge that X deny": the denied content is the proposition the
        appositive claim noun sums up."""
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        return verb.dep_ in ("relcl", "acl") and _noun_lemma(verb.head) in self.cues.claim_nouns \
            and _echo_start(verb.head) is not None \
            and (obj is None or obj.tag_ in ("WDT", "WP") or obj.lower_ in ("that", "which"))

    def _deny_content(self, verb: Token, ctx: _DocContext) -> list[tuple[int, int]]:
        """"denied that ..." / "rejected claims that ..." -> the denied proposition."""
        if self._echoes(verb):
            span = ctx.clean(ctx.sentence(verb)[0], _echo_start(verb.head), verb)
            return [span] if span else []
        comps = [c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i]
        if comps:
            span = ctx.clause(comps, verb)
            return [span] if span else []
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if obj is None or any(c.dep_ == "dative" for c in verb.children):
            return []
        clause = next((c for c in obj.children if c.dep_ in ("acl", "ccomp", "relcl")
                       and _that_clause(c)), None)
        if clause is not None:
            span = ctx.clause([clause], verb)
        elif _noun_lemma(obj) in self.cues.claim_nouns or self._lemma(verb) == "deny":
            span = ctx.clean(obj.left_edge.i, obj.right_edge.i + 1, verb)
        else:
            return []
        return [span] if span else []

    # --- speakers ------------------------------------------------------------------------

    def _speaker(self, verb: Token, subject: Token | None,
                 ctx: _DocContext) -> tuple[ActorRecord | None, ActorRecord | None]:
        """Speaker and via of a cue verb: its subject's actor, or the actor cited by
        "citing Y" (then the subject is the via); a medium told or obtaining the source is via."""
        speaker = self._subject_actor(subject, ctx) if subject is not None else None
        via = None
        cite = self._cite(verb, ctx)
        if cite is not None:
            obj = next((c for c in cite.children if c.dep_ in ("dobj", "pobj")), None)
            if obj is not None:
                via, speaker = speaker, self._subject_actor(obj, ctx)
        quoter = _passive_quoter(verb, self.cues.citing_verbs, self._lemma)
        if quoter is not None and not any(c.dep_ in SUBJECT_DEPS for c in verb.children):
            speaker = self._subject_actor(
                next(c for c in quoter.children if c.dep_ == "nsubjpass"), ctx)
        quoting = _quoting_verb(verb, self.cues.citing_verbs, self._lemma)
        if quoting is not None:
            obj = next(c for c in quoting.children if c.dep_ == "dobj")
            quoter = next((c for c in quoting.children if c.dep_ in SUBJECT_DEPS), None)
            if not any(c.dep_ in SUBJECT_DEPS for c in verb.children):
                speaker = self._subject_actor(obj, ctx)  # "quoted Y as saying": Y speaks
            via = self._subject_actor(quoter, ctx) if quoter is not None else None
        if subject is not None:
            for acl in (c for c in subject.children if c.dep_ == "acl"
                        and self._lemma(c) in self.cues.via_acl_verbs):
                agent = next((c for c in acl.children if c.dep_ == "agent"), None)
                pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
                if pobj is not None and actor_of(ctx.phrase(pobj)) is not None:
                    via = actor_of(ctx.phrase(pobj))
        if via is None and self._lemma(verb) in self.cues.speech_verbs:
            for obj in (c for c in verb.children if c.dep_ in ("dobj", "dative")):
                actor = actor_of(ctx.phrase(obj))
                if actor is not None and self._is_media(obj, actor):
                    via = actor
            for prep in (c for c in verb.children if c.dep_ == "prep"):
                media = [t._.actor for t in prep.subtree if t.dep_ == "pobj"
                         and t._.actor is not None and self._is_media(t, t._.actor)]
                via = via or (media[0] if media else None)
        return speaker, via

    def _cite(self, verb: Token, ctx: _DocContext) -> Token | None:
        """The "citing Y" of a report, also when the parser hangs it on the reported clause
        ("X reported, citing Y, that ..."). Both the content and the speaker of a speech verb
        ask for it, so it is found once per verb."""
        if verb.i not in ctx.cites:
            ctx.cites[verb.i] = self._find_cite(verb)
        return ctx.cites[verb.i]

    def _find_cite(self, verb: Token) -> Token | None:
        own, in_clause = [], []
        for child in verb.children:
            dep = child.dep_
            if dep in ("advcl", "xcomp", "prep", "conj", "acl"):
                own.append(child)
            elif dep == "ccomp":
                in_clause.extend(c for c in child.children if c.dep_ == "advcl" and verb.i < c.i
                                 and (c.i < child.i or c.nbor(-1).text == ","
                                      and self._cites_source(c)))
        return next((c for c in own + in_clause if self._lemma(c) in self.cues.citing_verbs),
                    None)

    def _cites_source(self, cite: Token) -> bool:
        """Whether a trailing "..., citing Y" names a source (not "citing safety concerns")."""
        obj = next((c for c in cite.children if c.dep_ == "dobj"), None)
        return obj is not None and (obj._.actor is not None or self._is_source(obj))

    def _subject_actor(self, tok: Token, ctx: _DocContext) -> ActorRecord | None:
        """Unnamed people ("American officials") have no speaker even if a modifier is an actor;
        an unnamed spokesperson speaks for the institution named with them."""
        if tok._.actor is not None:
            return tok._.actor
        for appos in (c for c in tok.children if c.dep_ == "appos" and c._.actor is not None):
            return appos._.actor
        lemma = _noun_lemma(tok)
        if lemma in self.cues.voice_nouns:  # "a spokesperson for X", "X's spokesman"
            owners = [g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("for", "of")
                      for g in c.children if g.dep_ == "pobj"]
            owners += [c for c in tok.children if c.dep_ in ("poss", "compound")]
            return next((actor_of(ctx.phrase(o)) for o in owners
                         if actor_of(ctx.phrase(o)) is not None), None)
        if lemma in self.cues.unnamed_sources:
            return None
        return actor_of(ctx.phrase(tok))

    @staticmethod
    def _unnamed_subject(subject: Token | None, verb: Token, in_quote: bool) -> bool:
        """A cue verb's own noun subject is a source even when no actor ("the site's FAQ
        explains that"), and so is a narrator's "they" that names no actor ("they say")."""
        return subject is not None and subject.head == verb and subject.dep_ in SUBJECT_DEPS \
            and (subject.pos_ in ("NOUN", "PROPN") or subject.lower_ == "they" and not in_quote)

    def _is_source(self, tok: Token | None) -> bool:
        """Whether an unresolved subject can still be an (unnamed) source of a claim; an
        acronym the tagger took for a pronoun ("WHO say") is a name."""
        if tok is None or tok.pos_ == "PRON" and not (tok.is_upper and len(tok.text) > 1):
            return False
        lemma = _noun_lemma(tok)
        return (lemma in self.cues.unnamed_sources or lemma in self.cues.source_things
                or tok.ent_type_ in NER_SOURCES)

    def _is_media(self, tok: Token, actor: ActorRecord) -> bool:
        words = {tok.lemma_.lower(), *actor.name.lower().split()}
        return bool(words & self.cues.media_words)

    # --- nesting, hedges, "according to", continuations ----------------------------------

    def _resolve_nesting(self, drafts: list[_Draft]) -> None:
        """A claim whose content holds another claim's cue: inside a quote it is the quoted
        person's report (via the quoter; "I think" is the quoted person's own belief); a
        wrapping "..., Y reported" becomes the via; otherwise the content stops before the
        other claim's clause (a relative clause). A first person found in no quote is no one."""
        for outer in drafts:
            for inner in drafts:
                if inner is outer or inner.anchor is None or outer.anchor is None or \
                        outer.dropped or inner.dropped:
                    continue
                cue = inner.anchor
                if inner.anchor == outer.anchor or not outer.covers(cue.i):
                    continue
                if self._is_belief(inner) and not outer.quoted:
                    continue
                if cue.dep_ == "conj" and cue.head == outer.anchor:
                    inner.dropped = True  # a coordinated judgement the outer claim took in
                    continue
                if outer.quoted:
                    inner.via = inner.via or outer.speaker
                    inner.nested = self._is_belief(inner)
                    if inner.first_person:
                        inner.speaker = inner.speaker or outer.speaker
                elif cue.head == outer.anchor or outer.anchor.head == cue:
                    inner.via = inner.via or outer.speaker
                    if inner.speaker is None and self._unresolved_named(inner.subject):
                        inner.speaker, inner.via = outer.speaker, None
                    outer.dropped = True
                else:
                    cut = min(cue.left_edge.i, inner.start)
                    if cut > outer.start:
                        outer.end = min(outer.end, _rstrip(cue.doc, outer.start, cut))
                    if outer.end <= outer.start:
                        outer.dropped = True
        for draft in drafts:
            if draft.first_person and draft.speaker is None:
                draft.dropped = True

    def _document_speakers(self, drafts: list[_Draft], ctx: _DocContext) -> None:
        """"X's office told the agency A. “B,” a statement said.": a document named with no
        author is that of the source of the claim just before it (same or previous
        paragraph); "according to a media report" is the report that an outlet is said to
        have made right after it."""
        ordered = sorted(drafts, key=lambda d: d.cue.start)
        for prev, cur in zip(ordered, ordered[1:]):
            subject = cur.subject
            if cur.speaker is not None or prev.speaker is None or subject is None or \
                    _noun_lemma(subject) not in self.cues.document_nouns or any(
                        c.dep_ in ("poss", "compound", "prep", "amod") or c.lower_ == "the"
                        for c in subject.children):
                continue
            start = ctx.para_start[cur.cue.start]
            if start == 0 or ctx.para_start[prev.cue.start] not in (
                    start, ctx.para_start[start - 1]):
                continue
            cur.speaker, cur.via = prev.speaker, cur.via or prev.via
        for cur, nxt in zip(ordered, ordered[1:]):
            subject = cur.subject
            outlet = nxt.via or (nxt.speaker if self._lemma(nxt.cue[0]) == "report" else None)
            if cur.speaker is not None or outlet is None or subject is None or \
                    _noun_lemma(subject) != "report" or any(
                        c.dep_ == "poss" or c.lower_ == "the" for c in subject.children) or \
                    not self._is_media(nxt.cue[0], outlet):
                continue
            start = ctx.para_start[nxt.cue.start]
            if start == 0 or ctx.para_start[cur.cue.start] not in (
                    start, ctx.para_start[start - 1]):
                continue
            cur.speaker = outlet  # "according to a media report ... the Courier reported"

    def _denied_references(self, drafts: list[_Draft], ctx: _DocContext) -> None:
        """"X claimed A. Y rejected the claim.": a denial of a claim noun that refers back
        ("the claim", "these allegations") denies the content of the claim just before it
        (same or previous paragraph, another source)."""
        doc = ctx.doc
        ordered = sorted(drafts, key=lambda d: d.cue.start)
        for prev, cur in zip(ordered, ordered[1:]):
            if cur.polarity != "deny" or cur.end - cur.start > 4:
                continue
            noun = doc[cur.end - 1]
            if _noun_lemma(noun) not in self.cues.claim_nouns or not any(
                    c.dep_ == "det" and c.lower_ in ("the", "this", "these", "that", "those",
                                                     "such") for c in noun.children):
                continue
            start = ctx.para_start[cur.cue.start]
            window = (start, ctx.para_start[max(start - 1, 0)])
            if prev.end > cur.cue.start or prev.polarity == "deny" or \
                    prev.speaker is not None and prev.speaker is cur.speaker or \
                    ctx.para_start[prev.cue.start] not in window:
                continue
            cur.start, cur.end, cur.omit = prev.start, prev.end, list(prev.omit)

    def _unresolved_named(self, subject: Token | None) -> bool:
        """A singular source the text names by a description no actor was found for ("the
        foreign secretary has argued ..., the Times reported"): the report that wraps it is
        the best-known source. Unnamed people ("officials", "a source") stay unnamed."""
        return subject is not None and subject.pos_ in ("NOUN", "PROPN") \
            and subject.tag_ not in ("NNS", "NNPS") \
            and _noun_lemma(subject) not in self.cues.unnamed_sources \
            and not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in subject.children)

    def _is_belief(self, draft: _Draft) -> bool:
        """A belief or finding reported by someone else is a claim in that report's content
        ("X said the study shows Y", "according to X, Y believes Z"): both are kept."""
        return draft.anchor is not None and self._lemma(draft.anchor) in self.cues.belief_verbs

    def _hedge_claims(self, hedges: list[Token], ctx: _DocContext,
                      drafts: list[_Draft]) -> list[_Draft]:
        """"X is reportedly Y": hearsay with no named source; on a cue verb it hedges that claim."""
        out = []
        for tok in hedges:
            if tok.dep_ != "advmod":
                continue
            verb = tok.head
            while verb.pos_ not in ("VERB", "AUX") and verb.dep_ in ("acomp", "attr", "advmod"):
                verb = verb.head
            own = [d for d in drafts if d.anchor == verb]
            if own:
                for d in own:
                    d.polarity = "hedged" if d.polarity == "assert" else d.polarity
                continue
            if any(d.start <= tok.i < d.end for d in drafts) or ctx.quote_at(tok.i):
                continue
            span = ctx.hedged_clause(verb, tok)
            if span:
                out.append(_Draft(_cue(tok), *span[:2], None, polarity="hedged",
                                  anchor=tok, omit=span[2] + [(tok.i, tok.i + 1)],
                                  rule=self._adverb.name))
        return out

    def _according_to(self, accordings: list[Token], ctx: _DocContext,
                      drafts: list[_Draft]) -> list[_Draft]:
        """"..., according to X": X is the source, or the via of a claim the sentence already has."""
        out = []
        doc = ctx.doc
        for tok in accordings:
            if tok.i + 1 >= len(doc) or ctx.quote_at(tok.i):
                continue
            nxt = doc[tok.i + 1]
            if f"{tok.lower_} {nxt.lower_}" not in self._phrases:
                continue
            objs = [c for c in nxt.children if c.dep_ == "pobj"]
            obj = next((c for c in objs if c._.actor is not None), objs[0] if objs else None)
            if obj is None:
                continue
            source = self._subject_actor(obj, ctx)
            if source is None and not self._is_source(obj):
                continue
            s_start, s_end = ctx.sentence(tok)
            phrase_start = tok.left_edge.i
            phrase_end = max([tok.right_edge.i] + [o.right_edge.i for o in objs]) + 1
            via = None
            cite = next((c for c in tok.head.children if c.dep_ == "advcl"
                         and self._lemma(c) in self.cues.citing_verbs
                         and 0 <= c.left_edge.i - phrase_end <= 1), None)
            cited = next((c for c in cite.children if c.dep_ == "dobj"), None) if cite else None
            if cited is not None:  # "According to X, quoting Y, ...": Y speaks, via X
                phrase_end = cite.right_edge.i + 1
                via, source = source, self._subject_actor(cited, ctx)
            inside = [d for d in drafts if d.anchor is not None and s_start <= d.anchor.i < s_end]
            if inside:
                for d in inside:
                    if d.via is None and d.speaker is not source:
                        d.via = source
                    if d.start < phrase_start < d.end <= phrase_end:
                        d.end = _rstrip(doc, d.start, phrase_start)
                if not all(self._is_belief(d) for d in inside):
                    continue
            if phrase_end >= _rstrip(doc, s_start, s_end):
                span = ctx.clean(s_start, phrase_start, tok)
            elif phrase_start <= _lstrip(doc, s_start, s_end):
                span = ctx.clean(phrase_end, s_end, tok)
            else:
                span = ctx.inserted_in(tok.head, phrase_start, phrase_end)
            if span:
                start, end, *omit = span
                out.append(_Draft(doc[tok.i:nxt.i + 1], start, end, source, via, anchor=tok,
                                  omit=omit[0] if omit else [], rule=self._phrase.name,
                                  subject=obj))
        return out

    def _adjective_claims(self, adjectives: list[Token], ctx: _DocContext) -> list[_Draft]:
        """"X was concerned/convinced that Y": the stance of the copula's subject."""
        out = []
        con = self._adjective
        for adj in adjectives:
            comps = [c for c in adj.children if c.dep_ == "ccomp" and c.i > adj.i and _finite(c)
                     and any(g.dep_ in CLAUSE_SUBJECT_DEPS for g in c.children)]
            if not comps or ctx.quote_at(adj.i) is not None and not con.in_quote:
                continue
            head = adj if any(c.dep_ in ("nsubj", "nsubjpass") for c in adj.children) \
                else adj.head
            if any(c.dep_ == "neg" for c in head.children) or \
                    head is not adj and adj.dep_ not in ("acomp", "oprd", "xcomp"):
                continue
            subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is None or subject.i > adj.i:
                continue
            speaker = self._subject_actor(subject, ctx)
            if speaker is None and subject.pos_ not in ("NOUN", "PROPN"):
                continue
            span = ctx.clause(comps, adj)
            if span:
                out.append(_Draft(_cue(adj), *span, speaker, polarity=con.polarity, anchor=adj,
                                  rule=con.name, subject=subject))
        return out

    def _noun_claims(self, nouns: list[Token], ctx: _DocContext,
                     drafts: list[_Draft]) -> list[_Draft]:
        """"X came to the conclusion that Y", "X expressed concern that Y": a stance noun with
        a that-clause, object of a verb whose subject is the source (not of a denial: "rejected
        claims that" is one)."""
        out = []
        con = self._noun
        for noun in nouns:
            clause = next((c for c in noun.children if c.dep_ in ("acl", "ccomp", "relcl")
                           and _that_clause(c) and _finite(c) and c.i > noun.i
                           and any(g.dep_ in CLAUSE_SUBJECT_DEPS for g in c.children)), None)
            if clause is None or ctx.quote_at(noun.i) is not None and not con.in_quote:
                continue
            verb = noun.head if noun.dep_ in ("dobj", "attr") else noun.head.head \
                if noun.dep_ == "pobj" and noun.head.dep_ in ("prep", "agent") else None
            if verb is None or verb.pos_ not in ("VERB", "AUX") or \
                    self._lemma(verb) in self.cues.deny_verbs or \
                    any(c.dep_ == "neg" for c in verb.children) or \
                    any(d.anchor is verb for d in drafts):
                continue
            subject = _subject(verb)
            if subject is None:
                continue
            speaker = self._subject_actor(subject, ctx)
            if speaker is None and not self._is_source(subject) and \
                    not self._unnamed_subject(subject, verb, False):
                continue
            span = ctx.clause([clause], noun)
            if span:
                out.append(_Draft(_cue(noun), *span, speaker, polarity=con.polarity,
                                  anchor=noun, rule=con.name, subject=subject))
        return out

    def _signed_posts(self, doc: Doc, ctx: _DocContext, drafts: list[_Draft],
                      parens: list[int]) -> list[_Draft]:
        """An embedded post signed "— Name (@handle) date": the text before the dash in its
        paragraph, or the paragraph before when the signature opens its own."""
        out = []
        for i in parens:
            handle = doc[i + 1] if i + 1 < len(doc) else None
            if handle is None or not handle.text.startswith("@") or len(handle.text) < 2:
                continue
            para = ctx.para_start[i]
            dash = next((t for t in reversed(doc[para:i]) if t.text in DASHES), None)
            if dash is None or not doc[dash.i + 1:i] or any(
                    t.is_punct for t in doc[dash.i + 1:i]):
                continue
            speaker = actor_of(doc[dash.i + 1:i])
            if next(t.i for t in doc[para:dash.i + 1] if not t.is_space) == dash.i and para > 0:
                prev_end = para - 1
                while prev_end > 0 and doc[prev_end - 1].is_space:
                    prev_end -= 1
                if prev_end <= 0:
                    continue
                span = ctx.clean(ctx.para_start[prev_end - 1], prev_end, doc[prev_end - 1])
            else:
                span = ctx.clean(para, dash.i, dash)
            if span and not any(d.start < span[1] and span[0] < d.end for d in drafts):
                out.append(_Draft(_cue(dash), *span, speaker, quoted=True, anchor=dash,
                                  rule=self._signatures["signed_text"].name))
        return out

    def _signed_quotes(self, doc: Doc, ctx: _DocContext, drafts: list[_Draft]) -> list[_Draft]:
        """A quote signed with its author at the end of its paragraph: "“...” — Name"."""
        out = []
        for quote in ctx.quotes:
            if quote.end + 2 >= len(doc) or doc[quote.end + 1].text not in DASHES:
                continue
            end = _rstrip(doc, quote.end + 2, ctx.para_end[quote.end])
            name = doc[quote.end + 2:end]
            speaker = actor_of(name) if 0 < len(name) <= 6 else None
            if speaker is None or any(t.pos_ not in ("PROPN", "PUNCT") and t._.actor is None
                                      for t in name):
                continue
            span = ctx.quote_span(quote)
            if span and not any(d.start < span[1] and span[0] < d.end for d in drafts):
                out.append(_Draft(_cue(doc[quote.end + 1]), *span, speaker, quoted=True,
                                  anchor=doc[quote.end + 1],
                                  rule=self._signatures["signed_quote"].name))
        return out

    def _continuations(self, doc: Doc, ctx: _DocContext, drafts: list[_Draft]) -> list[_Draft]:
        """A quote that opens a sentence with no cue of its own continues the previous quote's
        speaker ("...,” X said. “More.”), also across a paragraph break; a quote that opens a
        paragraph also continues an indirect claim that ends the paragraph before ("X told
        the agency that A.\n“B.”")."""
        out: list[_Draft] = []
        if self._continuation_rule is None:
            return self._run_ons(ctx, drafts)
        for quote in ctx.quotes:
            if any(d.start < quote.end and quote.start < d.end for d in drafts + out):
                continue
            if not ctx.at_sentence_start(quote.open) or not any(
                    t.pos_ in ("VERB", "AUX") for t in doc[quote.start:quote.end]):
                continue
            opens_paragraph = _lstrip(doc, ctx.para_start[quote.open], quote.open) == quote.open
            previous = [d for d in drafts + out if d.start < quote.open and (
                d.quoted or opens_paragraph and d.anchor is not None and d.polarity == "assert"
                and ctx.para_start[d.end - 1] < ctx.para_start[quote.open])]
            if not previous:
                continue
            prev = max(previous, key=lambda d: d.end)
            last = max(prev.end, prev.cue.end)
            gap = [t for t in doc[last:quote.open] if not t.is_space and ctx.quote_at(t.i) is None]
            if any(t.tag_ in FINITE_TAGS for t in gap) or sum(t.text in SENT_END for t in gap) > 1:
                continue
            span = ctx.quote_span(quote)
            if span:
                out.append(_Draft(prev.cue, *span, prev.speaker, prev.via, prev.polarity,
                                  quoted=True, rule=self._continuation_rule))
        return out + self._run_ons(ctx, drafts + out)

    def _run_ons(self, ctx: _DocContext, drafts: list[_Draft]) -> list[_Draft]:
        """A quote left open at a paragraph's end belongs to the quote that reopens the next
        paragraph, whose attribution may come only there ("“A.\n“B,” X said.")."""
        out: list[_Draft] = []
        if self._run_on_rule is None:
            return out
        for quote, nxt in reversed(list(zip(ctx.quotes, ctx.quotes[1:]))):
            if quote.end != ctx.para_end[quote.open] or nxt.open != quote.end + 1:
                continue
            if any(d.start < quote.end and quote.start < d.end for d in drafts + out):
                continue
            claim = next((d for d in drafts + out if d.quoted and nxt.start <= d.start < nxt.end),
                         None)
            span = ctx.quote_span(quote)
            if claim is not None and span:
                out.append(_Draft(claim.cue, *span, claim.speaker, claim.via, claim.polarity,
                                  quoted=True, rule=self._run_on_rule))
        return out


class _DocContext:
    """Paragraphs, quotations and span cleaning for one Doc."""

    def __init__(self, doc: Doc, columns: TokenColumns | None = None):
        columns = columns or TokenColumns(doc)
        self.doc = doc
        self.para_start: list[int] = []
        self.para_end: list[int] = []
        self._spaces = flagged(doc, "IS_SPACE")
        self._is_space = set(self._spaces)
        self._sentences = Sentences(doc)
        self.cites: dict[int, Token | None] = {}
        """`ClaimsComponent._cite` of each verb asked about"""
        start = 0
        bounds = []
        for i in self._spaces:
            if "\n" in doc[i].text:
                bounds.append((start, i))
                start = i + 1
        bounds.append((start, len(doc)))
        for s, e in bounds:
            self.para_start.extend([s] * (e - s + (1 if e < len(doc) else 0)))
            self.para_end.extend([e] * (e - s + (1 if e < len(doc) else 0)))
        self.quotes: list[_Quote] = []
        marks = columns.positions("ORTH", QUOTE_IDS)
        for s, e in bounds:
            last = self.quotes[-1] if self.quotes and self.quotes[-1].end == s - 1 else None
            close = _run_on_close(doc, s, e) if last is not None else None
            if close is not None:
                last.end, s = close, close + 1
            self.quotes.extend(_find_quotes(doc, s, e, marks))
        self._quote_of: dict[int, _Quote] = {}
        for q in self.quotes:
            for i in range(q.open, min(q.end + 1, len(doc))):
                self._quote_of[i] = q

    def quote_at(self, i: int) -> _Quote | None:
        return self._quote_of.get(i)

    def within_quote(self, span: tuple[int, int]) -> bool:
        """Whether a content span is quoted words (its attribution may be too long for
        `quote_before`: "“...,” X, editor of Y at Z, said")."""
        quote = self.quote_at(span[0])
        return quote is not None and quote is self.quote_at(span[1] - 1)

    def opens_quote(self, tok: Token) -> bool:
        """Whether a token is a quote's first word: "“I think ..." hedges the whole quote, and
        a clause that opens a quote is the whole quote ("writing “I have, as told, done
        it.”")."""
        quote = self.quote_at(tok.i)
        return quote is not None and _lstrip(self.doc, quote.start, quote.end) == tok.i

    def sentence(self, tok: Token) -> tuple[int, int]:
        """The sentence of a token, cut at paragraph breaks (the parser may run across them)."""
        start, end = self._sentences.bounds(self._sentences.index_of(tok.i))
        return max(start, self.para_start[tok.i]), min(end, self.para_end[tok.i])

    def phrase(self, tok: Token) -> Span:
        """A noun phrase without its relative/participial clauses (they hold other actors)."""
        skip = {t.i for c in tok.children if c.dep_ in ("acl", "relcl", "advcl")
                for t in c.subtree}
        idx = [t.i for t in tok.subtree if t.i not in skip] or [tok.i]
        return self.doc[min(idx):max(idx) + 1]

    def clean(self, start: int, end: int, anchor: Token,
              last: Token | None = None) -> tuple[int, int] | None:
        """Clip to the paragraphs of the anchor (to that of `last`, if given) and strip edge
        punctuation and a leading "that"."""
        start = max(start, self.para_start[anchor.i])
        end = min(end, self.para_end[(last or anchor).i])
        start = _lstrip(self.doc, start, end)
        if start < end and self.doc[start].lower_ == "that" and \
                self.doc[start].dep_ not in ("nsubj", "nsubjpass", "det", "attr", "dobj"):
            start = _lstrip(self.doc, start + 1, end)
        end = _rstrip(self.doc, start, end)
        return (start, end) if start < end else None

    def clause(self, heads: list[Token], verb: Token) -> tuple[int, int] | None:
        """The complement clause(s) of a verb, with a following "but that ..." conjunct."""
        start = min(h.left_edge.i for h in heads)
        end = max(h.right_edge.i for h in heads) + 1
        if all(h.i > verb.i for h in heads):
            for conj in (c for c in verb.children if c.dep_ == "conj" and c.i > end):
                if _that_clause(conj):
                    end = conj.right_edge.i + 1
        return self.clean(start, end, heads[0])

    def hedged_clause(self, verb: Token, anchor: Token) -> tuple[int, int, list] | None:
        """A hedged clause: from its subject (shared with a preceding conjunct if need be)
        to its end, without a leading "while" and without the subject's comma-set relative
        clause ("X, which ..., is reportedly Y" -> "X, is Y")."""
        doc = self.doc
        start = min([verb.i] + [c.left_edge.i for c in verb.children
                                if c.dep_ not in ("mark", "cc", "punct")])
        subject, omit = _subject(verb), []
        if subject is not None and subject.i < start and verb.dep_ == "conj":
            phrase = self.phrase(subject)
            keep = phrase.end + (0 if phrase[-1].whitespace_ else 1)
            start, omit = phrase.start, [(keep, start)] if keep < start else []
        elif subject is not None and start <= subject.i:
            for rel in (c for c in subject.children if c.dep_ in ("relcl", "acl")
                        and c.left_edge.i > 0 and doc[c.left_edge.i - 1].text == ","):
                end = rel.right_edge.i + 1
                omit.append((rel.left_edge.i, end + (end < len(doc) and doc[end].text == ",")))
        span = self.clean(start, _clause_end(verb), anchor)
        return (*span, omit) if span else None

    def quote_span(self, quote: _Quote) -> tuple[int, int] | None:
        """The quoted words; a quote may run on into the next paragraph."""
        anchor = self.doc[quote.start] if quote.start < len(self.doc) else self.doc[quote.open]
        return self.clean(quote.start, quote.end, anchor,
                          last=self.doc[quote.end - 1] if quote.end > quote.start else None)

    def _gap(self, a: int, b: int) -> list[Token]:
        return [self.doc[i] for i in range(a, b) if i not in self._is_space]

    def _gap_length(self, a: int, b: int) -> int:
        """How many tokens `_gap(a, b)` holds, without building them (gaps run to the next
        quote, however far)."""
        if a >= b:
            return 0
        return b - a - (bisect_left(self._spaces, b) - bisect_left(self._spaces, a))

    def _last_word(self, a: int, b: int) -> Token | None:
        """The last token of `_gap(a, b)`, the only one some tests look at."""
        for i in range(b - 1, a - 1, -1):
            if i not in self._is_space:
                return self.doc[i]
        return None

    def quote_after(self, verb: Token, max_gap: int) -> _Quote | None:
        """A quote opened right after the attribution ("X said: “...”", "who said, “...”")."""
        for q in self.quotes:
            if q.open > verb.i:
                if self._gap_length(verb.i + 1, q.open) > max_gap:
                    return None
                gap = self._gap(verb.i + 1, q.open)
                if not any(t.tag_ in FINITE_TAGS or t.text in SENT_END for t in gap) \
                        and (not gap or gap[-1].text in (",", ":")) \
                        and all(self.quote_at(t.i) is None for t in gap):
                    return q
                return None
        return None

    def split_omit(self, first: tuple[int, int], second: _Quote) -> list[tuple[int, int]]:
        """What to leave out of a quote split by its attribution: the attribution up to the
        comma before the second part, and that part's opening mark."""
        comma = next(t.i for t in reversed(self.doc[first[1]:second.open]) if t.text == ",")
        return [(first[1], comma), (second.open, second.open + 1)]

    def gap_ends_with(self, verb: Token, quote: _Quote, marks: set[str]) -> bool:
        last = self._last_word(verb.i + 1, quote.open)
        return last is not None and last.text in marks

    def quote_before(self, verb: Token, max_gap: int) -> _Quote | None:
        """A quote that opens a sentence and ends right before the attribution ("“...,” X said");
        one that ends with a full stop is a sentence of its own."""
        for q in reversed(self.quotes):
            if q.end < verb.i:
                if self._gap_length(q.end + 1, verb.i) > max_gap:
                    return None
                ok = not any(t.tag_ in FINITE_TAGS or t.text in SENT_END
                             for t in self._gap(q.end + 1, verb.i))
                last = self._last_word(q.start, q.end)
                ok = ok and self.para_start[q.open] == self.para_start[verb.i] \
                    and last is not None and last.text != "."
                return q if ok and self.at_sentence_start(q.open, commas=True) else None
        return None

    def at_sentence_start(self, i: int, commas: bool = False) -> bool:
        """Whether a quote opening at i starts a sentence/paragraph (or follows ":" or ",")."""
        j = i - 1
        while j >= 0 and self.doc[j].is_space:
            if "\n" in self.doc[j].text:
                return True
            j -= 1
        if j < 0:
            return True
        prev = self.doc[j].text
        return prev in SENT_END or prev in CLOSE_QUOTES | STRAIGHT_QUOTES or prev == ":" or \
            (commas and prev in (",", ";", "—", "–"))

    def inserted_in(self, head: Token, start: int, end: int) -> tuple[int, int, list] | None:
        """The content around an attribution set in mid-sentence ("A, according to X, B"):
        the sentence, or the subordinate clause it sits in ("..., which, according to X, B"),
        without the attribution."""
        first, last = self.sentence(head)
        if head.dep_ in ("relcl", "ccomp") and head.pos_ in ("VERB", "AUX"):
            first, last = head.left_edge.i, head.right_edge.i + 1
        span = self.clean(first, last, head)
        if span is None:
            return None
        start = _lstrip(self.doc, start, end)
        end += end < len(self.doc) and self.doc[end].text == ","
        return (*span, [(start, end)] if span[0] < start and end < span[1] else [])

    def as_clause(self, verb: Token) -> tuple[int, int] | None:
        """"As X told Y, <clause>" / "<clause>, as X said": the clause the attribution
        modifies, without it."""
        head = verb.head
        if verb.i < head.i:
            return self.clean(verb.right_edge.i + 1, head.right_edge.i + 1, verb)
        return self.clean(head.left_edge.i, verb.left_edge.i, verb)

    def trailing_clause(self, verb: Token, subject: Token | None) -> tuple[int, int] | None:
        """"<clause>, X added." with no complement: the clause before the comma."""
        first = min(verb.i, subject.left_edge.i if subject is not None else verb.i)
        comma = self._last_word(self.para_start[verb.i], first)
        if comma is None or comma.text != ",":
            return None
        start, _ = self.sentence(verb)
        if not any(t.pos_ in ("VERB", "AUX") for t in self.doc[start:comma.i]):
            return None
        return self.clean(start, comma.i, verb)


def _run_on_close(doc: Doc, start: int, end: int) -> int | None:
    """The mark closing, in this paragraph, a quote left open at the end of the previous one
    when this paragraph does not reopen it: its first mark is a closing one, a straight one
    glued to the word before it ('more words." X said'), or one of an odd number."""
    marks = [t for t in doc[start:end] if t.text in QUOTE_CHARS]
    first = next((t for t in doc[start:end] if not t.is_space), None)
    if not marks or first is None or first.text in QUOTE_CHARS:
        return None
    mark = marks[0]
    if mark.text in CLOSE_QUOTES or mark.text in STRAIGHT_QUOTES and (
            not doc[mark.i - 1].whitespace_ or sum(t.text in STRAIGHT_QUOTES for t in marks) % 2):
        return mark.i
    return None


def _find_quotes(doc: Doc, start: int, end: int, marks: list[int]) -> list[_Quote]:
    """Quotations of one paragraph: curly pairs, straight marks alternating; a quote left open
    at the paragraph's end runs to it (the next paragraph may reopen it). `marks`: the
    positions of the doc's quotation marks."""
    out: list[_Quote] = []
    opened: int | None = None
    for i in marks[bisect_left(marks, start):bisect_left(marks, end)]:
        text = doc[i].text
        if text in OPEN_QUOTES or (text in STRAIGHT_QUOTES and opened is None):
            opened = i
        elif (text in CLOSE_QUOTES or text in STRAIGHT_QUOTES) and opened is not None:
            out.append(_Quote(opened, opened + 1, i))
            opened = None
    if opened is not None:
        out.append(_Quote(opened, opened + 1, end))
    return out


def _subject(verb: Token) -> Token | None:
    """The grammatical speaker of a cue verb: the agent of a passive ("it was said by X
    that"), its subject, the antecedent of "who", the noun of "with X saying" or of "X posted"
    (acl), the subject of a passive whose complement the verb is ("X was heard praising"),
    else the subject of the verb it depends on ("X was quick to call")."""
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    by = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
    if by is not None and any(c.dep_ == "auxpass" for c in verb.children):
        return by
    for _ in range(4):
        subj = min((c for c in verb.children if c.dep_ in SUBJECT_DEPS),
                   key=lambda c: abs(c.i - verb.i), default=None)
        if subj is not None:
            if subj.tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
                return verb.head
            return subj
        prev = verb.doc[verb.i - 1] if verb.i > 0 else None
        if verb.tag_ == "VBG" and prev is not None and prev.pos_ in ("NOUN", "PROPN") \
                and prev.dep_ == "pobj" and prev.head.lower_ == "with":
            return prev
        if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
            owner = _issuer(verb.head)
            if owner is None:
                return verb.head
            verb = owner
            continue
        if verb.dep_ == "advcl" and verb.head.dep_ == "acl" and verb.i > 0 \
                and verb.doc[verb.i - 1].text == ",":
            # "X returned the car given to him, admitting ...": not the car's participle
            noun = verb.head.head
            while noun.pos_ not in ("VERB", "AUX") and noun.head != noun:
                noun = noun.head
            verb = noun
            continue
        if verb.dep_ == "xcomp":
            raised = next((c for c in verb.head.children if c.dep_ == "nsubjpass"), None)
            if raised is not None:  # "X was heard praising", "X was asked to explain"
                return raised
        if verb.dep_ not in ("conj", "advcl", "xcomp", "acomp"):
            return None
        verb = verb.head
    return None


ISSUED_THINGS = {"statement", "letter", "video", "post", "message", "note", "release",
                 "report", "tweet", "photo", "picture", "clip", "readout", "communique"}


def _issuer(noun: Token) -> Token | None:
    """The verb whose subject issued a text that speaks ("X issued a statement saying",
    "X posted a video on Instagram saying"): the noun is that verb's object, or the object of
    a preposition on it (a platform)."""
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep":
        host = noun.head.head
        noun = host if host.pos_ in ("NOUN", "PROPN") else noun
        if host.pos_ in ("VERB", "AUX"):
            return host
    if noun.dep_ == "dobj" and noun.lemma_.lower() in ISSUED_THINGS \
            and noun.head.pos_ in ("VERB", "AUX"):
        return noun.head
    return None


def _unmarked_clause(verb: Token, ctx: _DocContext) -> tuple[int, int] | None:
    """A complement without "that" the parser split off as a conjunct ("found reduction of
    yields exceeded 10%", "estimated by 2050, demand would rise"): a finite conjunct with no
    coordinator before it, after the cue in its sentence, is the rest of the clause."""
    conj = next((c for c in verb.children if c.dep_ == "conj" and c.i > verb.i
                 and _finite(c)), None)
    if conj is None or any(c.dep_ == "cc" for c in conj.children) or any(
            verb.i < c.i < conj.i and (c.dep_ == "cc" or c.dep_ == "punct" and c.text != ",")
            for c in verb.children):
        return None
    if ctx.sentence(conj)[0] != ctx.sentence(verb)[0]:
        return None
    return ctx.clean(verb.i + 1, conj.right_edge.i + 1, verb)


def _statement_clauses(verb: Token) -> list[Token]:
    """The that-clause the parser hung on the noun of "said in a statement that ..."."""
    return [c for prep in verb.children if prep.dep_ == "prep"
            for obj in prep.children if obj.dep_ == "pobj"
            for c in obj.children if c.dep_ in ("acl", "relcl", "ccomp") and _that_clause(c)]


def _addressee_clauses(verb: Token) -> list[Token]:
    """The that-clause the parser hung on the addressee as a relative clause ("told X and
    gathered guests that Y"): a clause with "that" as its mark and a subject of its own."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    objects += [g for c in verb.children if c.dep_ == "conj" and not any(
        k.dep_ in SUBJECT_DEPS for k in c.children) for g in c.children if g.dep_ == "dobj"]
    return [c for obj in objects for c in obj.children if c.dep_ in ("relcl", "acl")
            and c.i > verb.i and _that_clause(c) and any(
                g.dep_ in CLAUSE_SUBJECT_DEPS and g.lower_ != "that" for g in c.children)]


def _inverted_subject(verb: Token) -> Token | None:
    """The subject after a cue that follows a quote ("“...,” added X"), which the parser may
    take for an object."""
    before = [t for t in verb.doc[max(0, verb.i - 2):verb.i] if not t.is_space]
    if not any(t.text in QUOTE_CHARS for t in before):
        return None
    return next((c for c in verb.rights if c.dep_ in ("dobj", "attr", "npadvmod")
                 and c.pos_ == "PROPN"), None)


def _stranded_subject(verb: Token, start: int) -> Token | None:
    """The subject of a main cue verb the parser left without one ("Speaking for X, Y, SC,
    said that"), or took from another paragraph: the topmost noun of the phrase ending right
    before the verb (and its auxiliaries), in its sentence; a passive's subject is no speaker."""
    doc = verb.doc
    if any(c.dep_ == "nsubjpass" for c in verb.children):
        return None
    j = verb.i - 1
    while j >= start and (doc[j].is_punct or doc[j].is_space or doc[j].head == verb
                          and doc[j].dep_ in ("aux", "auxpass", "neg", "advmod")):
        j -= 1
    clause = _enclosing_relative(doc[j], verb) if j >= start else None
    if clause is not None:
        j = clause.left_edge.i - 1
        while j >= start and (doc[j].is_punct or doc[j].is_space):
            j -= 1
        if j >= start and doc[j].pos_ in ("NOUN", "PROPN"):
            return doc[j]
    noun, tok = None, doc[j] if j >= start else None
    while tok is not None and start <= tok.i < verb.i and tok.pos_ not in ("VERB", "AUX"):
        if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ != "compound":
            noun = tok
        tok = tok.head if tok.head != tok else None
    return noun


def _enclosing_relative(tok: Token, verb: Token) -> Token | None:
    """The comma-set relative clause ("X, who is also Y, said") that ends at `tok`."""
    for _ in range(6):
        if tok.dep_ == "relcl" and tok.left_edge.i > 0 and tok.doc[tok.left_edge.i - 1].text == ",":
            return tok
        if tok.head == tok or tok.head == verb:
            return None
        tok = tok.head
    return None


def _carry_via(drafts: list[_Draft], ctx: _DocContext) -> None:
    """A claim right after one that was known through a medium, by the same speaker and with
    no source of its own, comes from the same report ("According to the agency, X says A. He
    said B.")."""
    ordered = sorted(drafts, key=lambda d: d.cue.start)
    for prev, cur in zip(ordered, ordered[1:]):
        if cur.via is None and prev.via is not None and cur.speaker is prev.speaker \
                and cur.speaker is not None:
            start = ctx.sentence(cur.cue[0])[0] - 1
            while start > 0 and cur.cue.doc[start].is_space:
                start -= 1
            if start < 0 or ctx.sentence(cur.cue.doc[start])[0] <= prev.cue.start:
                cur.via = prev.via


def _resolve_echoes(drafts: list[_Draft]) -> None:
    """A denied "charge that ..." takes the content of the claim it sums up (the last one
    before it in the sentence), and that claim ends before the appositive."""
    for echo in (d for d in drafts if d.echo is not None):
        noun, start = echo.echo, _echo_start(echo.echo)
        for d in drafts:
            if d is not echo and d.start < noun.i < d.end:
                d.end = _rstrip(noun.doc, d.start, start)
        before = [d for d in drafts if d is not echo and d.anchor is not None
                  and echo.start <= d.start and d.end <= noun.i]
        if before:
            last = max(before, key=lambda d: d.end)
            echo.start, echo.end, echo.omit = last.start, last.end, list(last.omit)


def _echo_start(noun: Token) -> int | None:
    """Where a claim noun set off after a comma or dash ("..., a claim that") begins; the
    parser may not make it an apposition."""
    start = noun.i
    while start > 0 and noun.doc[start - 1].head == noun and \
            noun.doc[start - 1].dep_ in ("det", "amod", "poss", "compound"):
        start -= 1
    return start if start > 0 and noun.doc[start - 1].text in {",", "-", "—", "–", "--"} else None


def _finite(verb: Token) -> bool:
    """Whether a clause is finite (a proposition), not a small clause ("saw him leaving")."""
    return verb.tag_ in FINITE_TAGS or _that_clause(verb) or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in FINITE_TAGS for c in verb.children)


def _that_clause(tok: Token) -> bool:
    return any(c.lower_ == "that" and c.dep_ == "mark" for c in tok.children)


def _clause_end(verb: Token) -> int:
    """End of a verb's own clause: a coordinated clause with its own subject is another
    statement ("X is believed to be Y, and he reportedly Z")."""
    own = [c for c in verb.children if not (c.dep_ == "conj" and any(
        g.dep_ in SUBJECT_DEPS | {"nsubjpass"} for g in c.children))]
    own = [c for c in own if not (c.dep_ in ("cc", "punct") and c.i > verb.i and any(
        k.dep_ == "conj" and k.i > c.i for k in verb.children))]
    return max([verb.i] + [c.right_edge.i for c in own]) + 1


def _noun_lemma(tok: Token) -> str:
    """Singular lower-case form ("officials" -> "official") even without a lemmatizer."""
    if tok.lemma_:
        return tok.lemma_.lower()
    return tok.lower_[:-1] if tok.tag_ == "NNS" and tok.lower_.endswith("s") else tok.lower_


def _quoting_verb(verb: Token, citing: frozenset[str], lemma) -> Token | None:
    """"The agency quoted the aide as saying ...": the quoting verb above a speech verb."""
    head = verb
    for _ in range(3):
        if head.dep_ not in ("pcomp", "prep", "advcl", "xcomp") or head.head.i == head.i:
            return None
        head = head.head
        if head.pos_ == "VERB" and lemma(head) in citing and any(
                c.dep_ == "dobj" for c in head.children):
            return head
    return None


def _passive_quoter(verb: Token, citing: frozenset[str], lemma) -> Token | None:
    """"X was quoted as saying ...": the passive quoting verb above a speech verb, whose
    subject is the speaker."""
    head = verb
    for _ in range(3):
        if head.dep_ not in ("pcomp", "prep", "advcl", "xcomp") or head.head.i == head.i:
            return None
        head = head.head
        if head.pos_ == "VERB" and lemma(head) in citing and any(
                c.dep_ == "nsubjpass" for c in head.children):
            return head
    return None


def _passive(verb: Token, children: dict[str, Token]) -> bool:
    """An agentless passive: "is believed", "has been hailed as", or a bare participle ("a
    plan described as fragile"); not "has said"."""
    if "agent" in children:
        return False
    if "auxpass" in children:
        return True
    return verb.tag_ == "VBN" and "aux" not in children and "dobj" not in children \
        and verb.dep_ in ("acl", "amod", "advcl", "relcl")


def _for_content(verb: Token, ctx: _DocContext) -> list[tuple[int, int]]:
    """"thanked Y for Z" -> Z."""
    prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "for"), None)
    obj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None) if prep else None
    span = ctx.clean(obj.left_edge.i, obj.right_edge.i + 1, verb) if obj is not None else None
    return [span] if span else []


def _naming_content(verb: Token, ctx: _DocContext) -> list[tuple[int, int]]:
    """"called Y Z" -> "Y Z" (not "called for", "called on")."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    pred = _naming_predicate(verb, obj)
    if obj is None or pred is None:
        return []
    span = ctx.clean(min(obj.left_edge.i, pred.left_edge.i),
                     max(obj.right_edge.i, pred.right_edge.i) + 1, verb)
    return [span] if span else []


def _naming_predicate(verb: Token, obj: Token | None) -> Token | None:
    """The name or judgement of "called Y Z": the verb's predicate, or an adjective the
    parser hung after the object ("called the reports “categorically false”")."""
    pred = next((c for c in verb.children if c.dep_ in ("oprd", "xcomp", "ccomp", "attr")
                 and c.i > verb.i), None)
    if pred is None and obj is not None:
        pred = next((c for c in obj.children if c.dep_ == "amod" and c.i > obj.i), None)
    return pred


def _without(span: tuple[int, int], cue: Token) -> tuple[int, int] | None:
    """Content never holds its own cue ("the vase, which the queen said was ..."): keep the
    part after it (or before it)."""
    start, end = span
    if not start <= cue.i < end:
        return span
    doc = cue.doc
    after = (_lstrip(doc, cue.i + 1, end), end)
    before = (start, _rstrip(doc, start, cue.i))
    best = after if after[1] - after[0] >= before[1] - before[0] else before
    return best if best[0] < best[1] else None


def _cue(tok: Token) -> Span:
    return tok.doc[tok.i:tok.i + 1]


def _lstrip(doc: Doc, start: int, end: int) -> int:
    while start < end and (doc[start].is_space or doc[start].text in EDGE_PUNCT):
        start += 1
    return start


def _rstrip(doc: Doc, start: int, end: int) -> int:
    while end > start and (doc[end - 1].is_space or doc[end - 1].text in EDGE_PUNCT):
        end -= 1
    return end


def _dedupe(drafts: list[_Draft]) -> list[_Draft]:
    """One claim per content and speaker: a later draft that mostly overlaps an earlier one
    of the same speaker is the same statement found twice (unless one denies it, or is a
    belief nested in the other)."""
    kept: list[_Draft] = []
    for d in sorted(drafts, key=lambda d: (d.start, d.cue.start)):
        same = any(k.speaker is d.speaker and not (k.nested or d.nested)
                   and (k.polarity == "deny") == (d.polarity == "deny")
                   and min(k.end, d.end) - max(k.start, d.start) >= 0.5 * min(k.end - k.start,
                                                                              d.end - d.start)
                   for k in kept)
        if not same:
            kept.append(d)
    return kept


@Language.factory("newsextract_claims", default_config={"cues_path": None,
                                                         "constructions_path": None,
                                                         "max_gap": MAX_ATTRIBUTION_GAP})
def make_claims(nlp: Language, name: str, cues_path: str | None,
                constructions_path: str | None, max_gap: int) -> ClaimsComponent:
    register_extensions()
    return ClaimsComponent(load_cues(cues_path), max_gap, load_constructions(constructions_path))
