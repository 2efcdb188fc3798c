"""Gifts: giver, recipient, item and date from general gift constructions.

The constructions are named entries of `data/gift_constructions.json` (the name is each
gift's `rule`): either a general reader of a verb or noun frame (X gave Y Z / gave Z to Y /
presented Y with Z; Z was given to Y by X; Y received Z from X; X and Y exchanged Z; Z was
a gift from X to Y), or DependencyMatcher patterns whose node names are the roles. The code
here does the general work: a role token to its actor (`token._.actor`), item lists through
conjuncts, item spans, dates, re-mentions, and roles left open taken from the giving event
that the context established ("X showered Y with gifts. Other gifts included ..."). Word
classes (weak verbs, gift nouns) are in `data/gift_lexicon.json`.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from dataclasses import dataclass, replace
from functools import cached_property
from itertools import accumulate

from spacy.language import Language
from spacy.matcher import DependencyMatcher
from spacy.tokens import Doc, Span, Token

from ..records import ActorRecord, GiftRecord, register_extensions
from .lexicon import load_data, roles
from .sentences import Sentences

OBJECT_DEPS = {"dobj", "dative", "iobj", "attr", "oprd"}
DROP_LEFT = {"det", "predet", "punct", "cc", "preconj"}
ITEM_MODIFIERS = {"compound", "amod", "nmod", "nummod", "poss", "case", "quantmod", "npadvmod",
                  "punct", "cc", "conj", "advmod"}
TEMPORAL_MARKERS = {"when", "while", "as"}
THING_PRONOUNS = {"it"}
NOT_NOUNS = {"PRON", "VERB", "AUX", "DET", "ADP", "PUNCT", "CCONJ", "SCONJ", "PART"}
CLIMB_DEPS = {"conj", "xcomp", "advcl", "ccomp", "pcomp"}


@dataclass(frozen=True)
class GiftLexicon:
    weak_give: frozenset[str]
    weak_receive: frozenset[str]
    gift_nouns: frozenset[str]
    item_links: tuple[str, ...]
    new_thing_licenses: frozenset[str]
    collectives: frozenset[str]
    indefinite: frozenset[str]
    new_item_words: frozenset[str]
    not_items: frozenset[str]
    recipient_on: frozenset[str]

    @classmethod
    def load(cls) -> GiftLexicon:
        data = load_data("gift_lexicon.json")
        sets = {k: frozenset(v) for k, v in data.items() if isinstance(v, list)}
        return cls(item_links=tuple(data["item_links"]),
                   **{k: v for k, v in sets.items() if k != "item_links"})


LEXICON = GiftLexicon.load()

ROLES = ("giver", "recipient", "item")
TOKEN_ATTRS = {"DEP": lambda t: t.dep_, "LEMMA": lambda t: t.lemma_.lower(),
               "LOWER": lambda t: t.lower_, "POS": lambda t: t.pos_, "TAG": lambda t: t.tag_,
               "ORTH": lambda t: t.text}
READER_RULES = {"give": {"gift.give_active", "gift.give_passive", "gift.reduced_passive"},
                "receive": {"gift.receive", "gift.reduced_receive"}, "exchange": {"gift.exchange"}}
CONSTRUCTION_KEYS = {"name", "about", "reader", "voice", "trigger", "patterns",
                     "requires_gift_word", "examples"}


@dataclass(frozen=True)
class Construction:
    """One gift construction of `data/gift_constructions.json`."""

    name: str
    lemmas: frozenset[str]
    pos: frozenset[str]
    reader: str | None = None
    patterns: tuple = ()
    requires_gift_word: bool = False
    examples: tuple = ()


def load_constructions(data: dict) -> tuple[Construction, ...]:
    """The constructions of a data file, checked: a wrong key or shape is an error that
    names the entry, never a silently ignored pattern."""
    out = []
    for n, entry in enumerate(data["constructions"]):
        name = entry.get("name", f"#{n}")

        def fail(message: str):
            raise ValueError(f"gift construction {name}: {message}")

        unknown = set(entry) - CONSTRUCTION_KEYS
        if unknown:
            fail(f"unknown keys {sorted(unknown)}")
        if not str(name).startswith("gift."):
            fail("the name must start with 'gift.'")
        if ("reader" in entry) == ("patterns" in entry):
            fail("needs exactly one of 'reader' and 'patterns'")
        if "reader" in entry and entry["reader"] not in READER_RULES:
            fail(f"unknown reader {entry['reader']!r}; known: {sorted(READER_RULES)}")
        if "reader" in entry and name not in READER_RULES[entry["reader"]]:
            fail(f"reader {entry['reader']!r} writes only {sorted(READER_RULES[entry['reader']])}")
        trigger = entry.get("trigger")
        if not isinstance(trigger, dict) or set(trigger) != {"lemma", "pos"}:
            fail("'trigger' must hold 'lemma' and 'pos' lists")
        for pattern in entry.get("patterns", []):
            ids = [node.get("RIGHT_ID") for node in pattern]
            if not pattern or ids[0] != "trigger":
                fail("every pattern starts with the node 'trigger'")
            for node in pattern:
                wrong = set(node) - {"RIGHT_ID", "RIGHT_ATTRS", "LEFT_ID", "REL_OP"}
                if wrong or node is not pattern[0] and not {"LEFT_ID", "REL_OP"} <= set(node):
                    fail(f"pattern node {node.get('RIGHT_ID')!r}: unknown keys {sorted(wrong)} "
                         "or no LEFT_ID/REL_OP")
            if any(set(node.get("RIGHT_ATTRS", {})) - set(TOKEN_ATTRS) for node in pattern):
                fail(f"pattern attributes are among {sorted(TOKEN_ATTRS)}")
            if any(node.get("REL_OP", ">") not in {">", "<"} for node in pattern[1:]):
                fail("patterns use only the relations '>' and '<'")
            if not set(ids) & set(ROLES):
                fail(f"pattern {ids} binds none of the roles {ROLES}")
        for example in entry.get("examples", []):
            if set(example) != {"text", "gifts"} or any(len(g) != 3 for g in example["gifts"]):
                fail("an example holds 'text' and 'gifts' of [giver, recipient, item]")
        out.append(Construction(
            name=name, lemmas=frozenset(trigger["lemma"]), pos=frozenset(trigger["pos"]),
            reader=entry.get("reader"), patterns=tuple(entry.get("patterns", ())),
            requires_gift_word=bool(entry.get("requires_gift_word", False)),
            examples=tuple(entry.get("examples", ()))))
    if len({c.name for c in out}) != len(out):
        raise ValueError("gift constructions: two entries share a name")
    return tuple(out)


CONSTRUCTIONS = load_constructions(load_data("gift_constructions.json"))


def pattern_with_trigger(pattern: list[dict], construction: Construction) -> list[dict]:
    """A pattern whose trigger node also requires the construction's lemmas and POS."""
    first = dict(pattern[0])
    attrs = dict(first.get("RIGHT_ATTRS", {}))
    attrs["LEMMA"] = {"IN": sorted(construction.lemmas)}
    attrs["POS"] = {"IN": sorted(construction.pos)}
    first["RIGHT_ATTRS"] = attrs
    return [first, *pattern[1:]]


def actor_of(token: Token | None) -> ActorRecord | None:
    """The actor a noun phrase refers to: its head's, else that of a name inside it."""
    if token is None:
        return None
    if token._.actor is not None:
        return token._.actor
    if token.dep_ == "relcl" or token.lower_ in {"who", "which", "that"}:
        return actor_of(token.head)
    is_role = token.lemma_.lower() in roles().titles or token.lower_ in roles().titles
    for child in token.children:
        if child._.actor is None:
            continue
        if child.dep_ in {"conj", "appos"} or child.dep_ in {"compound", "poss"} and not is_role:
            return child._.actor
    if not is_role and token.lemma_.lower() in LEXICON.collectives:
        return actor_of(prep_object(token, "of"))
    if is_role:
        named = [t for t in token.subtree if t.dep_ == "appos" and t._.actor is not None
                 and t._.actor.kind == "person"]
        return named[0]._.actor if named else None
    return None


def subject_of(verb: Token) -> Token | None:
    """The subject of a verb, inherited along conjoined and embedded verbs."""
    deps = {"nsubj", "csubj"}
    while True:
        subj = next((c for c in verb.children if c.dep_ in deps), None)
        if subj is not None:
            if subj.lower_ in {"who", "that"} and verb.dep_ == "relcl":
                return verb.head
            return subj
        if verb.dep_ in CLIMB_DEPS and verb.head != verb:
            verb = verb.head if verb.dep_ != "pcomp" else verb.head.head
            deps = {"nsubj", "csubj", "nsubjpass"}
            continue
        if verb.dep_ in {"relcl", "acl"}:
            return verb.head
        return None


def prep_object(token: Token, *preps: str) -> Token | None:
    for child in token.children:
        if child.dep_ in {"prep", "agent", "dative"} and child.lower_ in preps:
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    return None


def clause_prep_object(verb: Token, *preps: str) -> Token | None:
    """A preposition's object in the verb's clause, also where the parser hung it on the
    direct object ("gave elephants [to China]", "was given a saddle [by X]", "was presented
    with a medal [by X]")."""
    found = prep_object(verb, *preps)
    if found is not None:
        return found
    with_obj = prep_object(verb, "with")
    for obj in [*verb.children, *([with_obj] if with_obj is not None else [])]:
        if obj.dep_ in {"dobj", "pobj"} and obj._.actor is None and \
                prep_object(obj, *preps) is not None:
            return prep_object(obj, *preps)
    as_noun = prep_object(verb, "as")
    return prep_object(as_noun, *preps) if as_noun is not None else None


def appended_name(verb: Token, described: Token) -> ActorRecord | None:
    """"by one of the richest men, Sheikh X, after ...": a person's name set off by commas
    after a description, which the parser hangs on the verb instead of the description."""
    for child in verb.children:
        if child.i > described.i and child.dep_ in {"npadvmod", "appos", "dep"} and \
                child._.actor is not None and child._.actor.kind == "person" and \
                child.left_edge.i > 0 and child.doc[child.left_edge.i - 1].text == ",":
            return child._.actor
    return None


def introduces_new_thing(noun: Token) -> bool:
    """"a dish", "two books", "silk scarves": an indefinite or bare plural noun phrase."""
    if noun.pos_ == "PRON" or noun._.actor is not None:
        return False
    words = {c.lower_ for c in noun.children if c.dep_ in {"det", "nummod", "amod"}}
    has_det = any(c.dep_ in {"det", "poss"} for c in noun.children)
    return bool(words & LEXICON.indefinite) or (not has_det and noun.tag_ in {"NNS", "NNPS"})


def actor_in_modifiers(head: Token) -> ActorRecord | None:
    """"presented President X coffee cup": a person parsed as a modifier of the item."""
    for token in head.subtree:
        if token.i >= head.i:
            break
        if token._.actor is not None and token._.actor.kind == "person":
            return token._.actor
    return None


def conjuncts(token: Token, appositions: bool = False) -> list[Token]:
    """A noun and the nouns listed with it ("a tea set and an admiral's dagger"). An
    apposition counts where it continues a list, or everywhere with `appositions`."""
    out = [token]
    for child in token.children:
        if child.dep_ == "conj" or (child.dep_ == "appos" and (appositions or (
                child._.actor is None and any(g.dep_ == "conj" for g in child.children)))):
            out.extend(conjuncts(child, appositions))
    return out


def relative_head(clause: Token) -> Token:
    """The noun a relative clause describes: "a watch worth $5,000 that she received" is
    about the watch, though the parser hangs the clause on the amount."""
    head = clause.head
    for _ in range(3):
        if head.pos_ not in {"NUM", "SYM", "ADJ"} and head.ent_type_ != "MONEY":
            break
        head = head.head
    return head


def separate_phrase(modifier: Token) -> bool:
    """"gifted the leader a medal, address ...": a noun the parser hangs before the item as
    a modifier but that has its own determiner is a noun phrase of its own."""
    return modifier.dep_ in {"nmod", "compound"} and modifier.pos_ == "NOUN" and any(
        c.dep_ == "det" for c in modifier.children)


def named_thing(obj: Token) -> Token | None:
    """"a bronze statuette Leslie Allen": a thing named after a person, parsed as the name
    with the common noun as its compound; the common noun heads the item."""
    nouns = [c for c in obj.lefts if c.dep_ == "compound" and c.pos_ == "NOUN"
             and c._.actor is None and not is_person_noun(c)]
    return nouns[-1] if nouns else None


def misattached_items(item: Token) -> list[Token]:
    """"a model of the USS Canberra, a photo album and a bowl", "coffee beans from Okinawa
    and toys": the parser hangs the rest of a list on the proper name inside the item's
    prepositional phrase; a common noun listed with a proper name continues the item list."""
    found = []
    for prep in item.children:
        if prep.dep_ != "prep":
            continue
        for pobj in prep.children:
            if pobj.dep_ != "pobj" or pobj.pos_ != "PROPN":
                continue
            for listed in pobj.children:
                if listed.dep_ in {"conj", "appos"} and listed.pos_ == "NOUN" and \
                        listed._.actor is None and not is_person_noun(listed):
                    found += [t for t in conjuncts(listed) if t.pos_ == "NOUN"]
    return found


def is_person_noun(token: Token) -> bool:
    """"the prime minister", "his wife": people, never items, even when unresolved."""
    r = roles()
    return token.lemma_.lower() in r.titles or token.lemma_.lower() in r.role_heads


def item_span(head: Token) -> Span | None:
    """The item's noun phrase: modifiers, head noun and an `of` complement, without
    determiners, actors standing before it, relative clauses or listed siblings."""
    if head.pos_ == "PRON" or head._.actor is not None or is_person_noun(head):
        return None
    start = head.i
    for t in reversed(list(head.lefts)):
        if t.dep_ not in ITEM_MODIFIERS or t.tag_ == "PRP$" or t._.actor is not None or \
                separate_phrase(t):
            break
        start = t.left_edge.i
        if any(x._.actor is not None for x in t.subtree) and t.dep_ == "compound":
            start = t.i + 1
            break
    end = head.i + 1
    of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if of is not None:
        pobj = next((g for g in of.children if g.dep_ == "pobj"), None)
        if pobj is not None:
            end = max(end, pobj.i + 1, *(t.i + 1 for t in pobj.lefts))
    doc = head.doc
    while start < head.i and (doc[start].dep_ in DROP_LEFT or doc[start]._.actor is not None):
        start += 1
    return doc[start:end]


def attrs_match(token: Token, attrs: dict) -> bool:
    """A token against a DependencyMatcher node's RIGHT_ATTRS (DEP, LEMMA, LOWER, POS, TAG;
    a value or {"IN": [...]}). LEMMA compares lower-cased, as the trigger lemmas do."""
    for name, wanted in attrs.items():
        value = TOKEN_ATTRS[name](token)
        if isinstance(wanted, dict):
            if value not in wanted["IN"]:
                return False
        elif value != wanted:
            return False
    return True


def match_from(trigger: Token, pattern: list[dict]) -> list[list[int]]:
    """Every binding of a DependencyMatcher pattern whose first node is `trigger`, for the
    relations the constructions use: ">" (a child of the left node) and "<" (its head)."""
    if not attrs_match(trigger, pattern[0].get("RIGHT_ATTRS", {})):
        return []
    bindings: list[dict[str, Token]] = [{pattern[0]["RIGHT_ID"]: trigger}]
    for node in pattern[1:]:
        grown = []
        for bound in bindings:
            left = bound[node["LEFT_ID"]]
            if node["REL_OP"] == ">":
                candidates = list(left.children)
            else:
                candidates = [left.head] if left.head is not left else []
            for token in candidates:
                if token not in bound.values() and attrs_match(token, node.get("RIGHT_ATTRS", {})):
                    grown.append({**bound, node["RIGHT_ID"]: token})
        bindings = grown
    return [[b[node["RIGHT_ID"]].i for node in pattern] for b in bindings]


def same_time_clause(verb: Token) -> bool:
    """"when they met", "while he visited": a clause that dates the clause it modifies."""
    return verb.dep_ == "advcl" and any(
        c.dep_ in {"advmod", "mark"} and c.lower_ in TEMPORAL_MARKERS for c in verb.children)


class SentenceDates:
    """A doc's definite dates grouped by sentence, gathered once per doc (and only once a gift
    needs one), so that dating a gift looks only at the dates of its trigger's sentence."""

    def __init__(self, doc: Doc, sentences: Sentences):
        self.doc = doc
        self.sentence_of = sentences.index_of

    @cached_property
    def by_sentence(self) -> dict[int, list[tuple[Token, str]]]:
        """Each sentence's DATE and TIME expressions with a definite value: (root, value)."""
        found: dict[int, list[tuple[Token, str]]] = {}
        for timex in self.doc._.timexes or []:
            value = timex._.timex_value
            if value and timex._.timex_type in {"DATE", "TIME"}:
                found.setdefault(self.sentence_of(timex.start), []).append((timex.root, value))
        return found

    def attached(self, trigger: Token) -> str | None:
        """The value of a date expression that modifies the trigger's clause directly
        ("On Wednesday gave", "gave ... in February", "in recent years", "gave ... when they
        met in July 2018": a clause of the same time counts as the trigger's own)."""
        for root, value in self.by_sentence.get(self.sentence_of(trigger.i), []):
            head = root
            for _ in range(8):
                if head == trigger:
                    return value[:10]
                if head.head == head or (head.pos_ in {"VERB", "AUX"} and head != root
                                         and not same_time_clause(head)):
                    break
                head = head.head
        return None


class QuoteMarks:
    """Where a doc's line breaks and quotation marks stand, read once per doc from its arrays
    (and only once a gift is read) instead of a Token per word walked back to the paragraph."""

    def __init__(self, doc: Doc, breaks_line: dict[int, bool]):
        self.doc = doc
        self.breaks_line = breaks_line

    @cached_property
    def marks(self) -> tuple[list[int], list[int]]:
        """Positions of the tokens holding a line break (a token's trailing whitespace is at
        most one space) and the running count of quotation marks before each position."""
        orths, quotes = self.doc.to_array(["ORTH", "IS_QUOTE"]).T.tolist()
        breaks_line = self.breaks_line
        for orth in set(orths).difference(breaks_line):
            breaks_line[orth] = "\n" in self.doc.vocab.strings[orth]
        line_breaks = [i for i, orth in enumerate(orths) if breaks_line[orth]]
        return line_breaks, [0, *accumulate(quotes)]

    def encloses(self, token: Token) -> bool:
        """Within a direct quote of its paragraph: a speaker's retelling of a listed gift."""
        line_breaks, quotes_before = self.marks
        breaks_before = bisect_left(line_breaks, token.i)
        paragraph_start = line_breaks[breaks_before - 1] + 1 if breaks_before else 0
        return (quotes_before[token.i] - quotes_before[paragraph_start]) % 2 == 1


@dataclass
class Reading:
    """What one trigger says: gifts (roles possibly open) and giving events, i.e. generic
    mentions ("exchanged gifts", "showered Y with gifts") that items listed later inherit."""

    position: int
    gifts: list[GiftRecord]
    weak: bool = False
    licensed: bool = True


class GiftFinder:
    """Reads every construction of the data file. The patterns are also added to a spaCy
    DependencyMatcher, which checks their format when the component is built; matching
    itself runs from the triggers (`matches`)."""

    def __init__(self, lexicon: GiftLexicon, constructions: tuple[Construction, ...], vocab):
        self.lex = lexicon
        self.readers: dict[tuple[str, str], Construction] = {}
        for c in constructions:
            for lemma in c.lemmas:
                for pos in c.pos:
                    if c.reader is not None:
                        self.readers.setdefault((lemma, pos), c)
        self.trigger_lemmas = {lemma for lemma, _ in self.readers}
        self.matcher = DependencyMatcher(vocab)
        self.pattern_keys: dict[int, tuple[Construction, list[str]]] = {}
        self.pattern_triggers: dict[tuple[str, str], list[tuple[int, list[dict]]]] = {}
        self.pattern_lemmas: set[str] = set()
        for c in constructions:
            for n, pattern in enumerate(c.patterns):
                key = f"{c.name}#{n}"
                full = pattern_with_trigger(pattern, c)
                self.matcher.add(key, [full])
                self.pattern_keys[vocab.strings[key]] = (c, [node["RIGHT_ID"] for node in pattern])
                for lemma in c.lemmas:
                    for pos in c.pos:
                        self.pattern_triggers.setdefault((lemma, pos), []).append(
                            (vocab.strings[key], full))
            if c.patterns and not c.requires_gift_word:
                self.pattern_lemmas |= c.lemmas
        self.pattern_lemmas |= lexicon.gift_nouns
        self.pattern_trigger_lemmas = {lemma for lemma, _ in self.pattern_triggers}
        self.lowered_lemmas: dict[int, str] = {}
        self.breaks_line: dict[int, bool] = {}

    def __call__(self, doc: Doc) -> Doc:
        lemmas = self.lemmas(doc)
        triggers = [i for i, lemma in enumerate(lemmas) if lemma in self.trigger_lemmas]
        gift_words = [i for i, lemma in enumerate(lemmas)
                      if lemma in self.lex.gift_nouns and doc[i].pos_ == "NOUN"]
        sentences = Sentences(doc)
        dates = SentenceDates(doc, sentences)
        quotes = QuoteMarks(doc, self.breaks_line)

        def has_gift_word(i: int) -> bool:
            start, end = sentences.bounds(sentences.index_of(i))
            return bisect_left(gift_words, start) < bisect_left(gift_words, end)

        readings: list[Reading] = []
        for token in (doc[i] for i in triggers):
            construction = self.readers.get((token.lemma_.lower(), token.pos_)) or \
                self.readers.get((token.lemma_.lower(), "VERB" if token.pos_ == "AUX" else ""))
            if construction is None:
                continue
            weak = self.is_weak(token)
            gifts = self.read(token, construction.reader)
            if weak and not has_gift_word(token.i):
                # "brought his host a dish" names its recipient; "brought a clock to school"
                # is no gift, and a recipient borrowed from the context would make it one
                licensed = self.brings_new_thing(token)
                if licensed:
                    gifts = [g for g in gifts if g.recipient is not None]
            else:
                licensed = True
            readings.append(Reading(token.i, gifts, weak, licensed))
        anchors = [i for i, lemma in enumerate(lemmas) if lemma in self.pattern_lemmas]
        if anchors:
            anchored = {sentences.index_of(i) for i in anchors}
            starts = [i for i, lemma in enumerate(lemmas) if lemma in self.pattern_trigger_lemmas
                      and sentences.index_of(i) in anchored]
            readings += self.read_patterns(doc, starts, has_gift_word)
        readings.sort(key=lambda r: r.position)

        found: list[GiftRecord] = []
        events: list[GiftRecord] = []
        for reading in readings:
            for gift in reading.gifts:
                if self.is_generic(gift.item):
                    if reading.licensed and (gift.giver or gift.recipient):
                        events.append(gift)
                    continue
                if not reading.licensed or quotes.encloses(gift.trigger) or (
                        reading.weak and self.is_generic(gift.item)):
                    self.merge_only(found, gift, dates)
                else:
                    self.add(found, gift, dates)
        fill_from_events(found, events, sentences)
        fill_parties(found)
        fill_from_events(found, events + [g for g in found if g.giver and g.recipient],
                         sentences, nearest_before=True)
        found += uncovered(events, found, dates, sentences)
        self.fill_dates(doc, found)
        doc._.gifts = [g for g in found if g.giver and g.recipient and g.giver is not g.recipient]
        return doc

    def matches(self, doc: Doc, starts: list[int]):
        """The pattern matches, (key, token indices), read from each trigger token outward
        along the tree (`match_from`), only in sentences that hold an anchor word (a gift
        noun or a trigger that needs none). spaCy's DependencyMatcher finds the same matches
        (a test checks it) but first runs every node's token pattern over all the text."""
        for token in (doc[i] for i in starts):
            for key, pattern in self.pattern_triggers.get((token.lemma_.lower(), token.pos_), ()):
                for bound in match_from(token, pattern):
                    yield key, bound

    def read_patterns(self, doc: Doc, starts: list[int], has_gift_word) -> list[Reading]:
        """The gifts of the pattern constructions: per trigger, the roles of all its matches
        (one pattern may bind the giver, another the recipient), the items of all of them."""
        bound: dict[tuple[str, int], dict[str, list[Token]]] = {}
        for key, token_ids in self.matches(doc, starts):
            construction, names = self.pattern_keys[key]
            nodes = {name: doc[i] for name, i in zip(names, token_ids)}
            if construction.requires_gift_word and not has_gift_word(nodes["trigger"].i):
                continue
            roles = bound.setdefault((construction.name, nodes["trigger"].i), {})
            for role in ROLES:
                if role in nodes and nodes[role] not in roles.setdefault(role, []):
                    roles[role].append(nodes[role])
        readings = []
        for (name, position), roles in bound.items():
            givers = roles.get("giver") or [None]
            recipients = roles.get("recipient") or [None]
            gifts = [g for recipient in self.recipients(recipients[0]) or [None]
                     for g in self.make(actor_of(givers[0]), recipient, roles.get("item", []),
                                        doc[position], name, need_party=False)]
            readings.append(Reading(position, gifts))
        return readings

    @staticmethod
    def recipients(token: Token | None) -> list[ActorRecord]:
        """The actors a recipient phrase lists ("to China, Japan and Canada"), one each."""
        if token is None:
            return []
        listed = [actor_of(t) for t in conjuncts(token, appositions=False)]
        actors = list(dict.fromkeys(a for a in listed if a is not None))
        return actors if len(actors) > 1 else [a for a in [actor_of(token)] if a is not None]

    def lemmas(self, doc: Doc) -> list[str]:
        """Every token's lower-cased lemma, read from the Doc's lemma array instead of a Token
        per word: only tokens whose lemma is a trigger word can start a gift reading. A string
        id always names the same string, so each id is looked up and lower-cased once.
        (`token_arrays.token_indices` matches exact strings; lemmas here match in any case.)"""
        lemma_ids = doc.to_array("LEMMA").tolist()
        lowered = self.lowered_lemmas
        for lemma_id in set(lemma_ids).difference(lowered):
            lowered[lemma_id] = doc.vocab.strings[lemma_id].lower()
        return [lowered[lemma_id] for lemma_id in lemma_ids]

    def is_weak(self, token: Token) -> bool:
        """A verb that names a gift only where the sentence says so ("sent ... as a gift") or
        where it brings a new thing ("brought his host a dish"; not "handing the seat")."""
        lemma = token.lemma_.lower()
        return token.pos_ in {"VERB", "AUX"} and (
            lemma in self.lex.weak_give or lemma in self.lex.weak_receive)

    def brings_new_thing(self, verb: Token) -> bool:
        return verb.lemma_.lower() in self.lex.new_thing_licenses and any(
            introduces_new_thing(c) for c in verb.children if c.dep_ in {"dobj", "nsubjpass"})

    def is_generic(self, item: Span) -> bool:
        """"gifts", "a gift", "$10,000 worth of gifts": a gift word, not a gifted thing."""
        root = item.root
        if root.lemma_.lower() in self.lex.gift_nouns:
            return True
        of = prep_object(root, "of")
        return of is not None and of.lemma_.lower() in self.lex.gift_nouns

    @staticmethod
    def merge_only(found: list[GiftRecord], gift: GiftRecord, dates: SentenceDates) -> None:
        """A weak mention ("the car was delivered on Feb. 18") can date an earlier gift of the
        same item, never add one."""
        earlier = next((e for e in found if same_item(e.item, gift.item)), None)
        if earlier is not None and earlier.date is None:
            earlier.date = dates.attached(gift.trigger)

    def read(self, token: Token, reader: str) -> list[GiftRecord]:
        if reader == "give":
            return self.read_give(token)
        if reader == "receive":
            return self.read_receive(token)
        return self.read_exchange(token)

    def read_give(self, verb: Token) -> list[GiftRecord]:
        reduced = verb.dep_ == "acl" and verb.tag_ == "VBN"
        passive = reduced or any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children)
        objects = [c for c in verb.children if c.dep_ in OBJECT_DEPS and (
            c.pos_ != "PRON" or c.dep_ == "dative" or c._.actor is not None
            or c.lower_ in THING_PRONOUNS and c.dep_ == "dobj")]
        with_obj = prep_object(verb, "with")
        recipients: list[ActorRecord] = []
        heads: list[Token] = []
        if passive:
            subject = verb.head if reduced else next(
                (c for c in verb.children if c.dep_ == "nsubjpass"), None)
            agent = clause_prep_object(verb, "by", "from")
            giver = actor_of(agent) or (appended_name(verb, agent) if agent is not None else None)
            recipients = self.recipients(clause_prep_object(verb, "to", "for"))
            if subject is not None and (actor_of(subject) is not None or is_person_noun(subject)):
                recipients = recipients or self.recipients(subject)
                heads = [o for o in objects if actor_of(o) is None] + (
                    [with_obj] if with_obj is not None else [])
                if not heads and verb.dep_ == "relcl":
                    heads = [relative_head(verb)]
            else:
                recipients = recipients or [a for a in (actor_of(o) for o in objects) if a]
                if subject is not None and subject.pos_ == "PRON" and verb.dep_ == "relcl":
                    subject = verb.head
                heads = [subject] if subject is not None else []
        else:
            giver = actor_of(subject_of(verb))
            recipients = self.recipients(clause_prep_object(verb, "to", "for")) or (
                self.recipients(prep_object(verb, "on", "upon"))
                if verb.lemma_.lower() in self.lex.recipient_on else [])
            objects = [m for o in objects for m in (*(t for t in o.lefts if separate_phrase(t)), o)]
            for obj in (n for o in objects for n in conjuncts(o, appositions=True)):
                if obj._.actor is not None or is_person_noun(obj) or \
                        obj.lemma_.lower() in LEXICON.collectives:
                    named = named_thing(obj)
                    if named is not None and (recipients or len(objects) > 1):
                        heads.append(named)
                    elif not recipients and actor_of(obj) is not None:
                        recipients = [actor_of(obj)]
                    with_obj = with_obj or prep_object(obj, "with")
                elif obj.pos_ not in NOT_NOUNS and obj.dep_ != "dative" or \
                        obj.lower_ in THING_PRONOUNS and obj.dep_ == "dobj":
                    heads.append(obj)
            if not recipients and heads and actor_in_modifiers(heads[0]):
                recipients = [actor_in_modifiers(heads[0])]
            if with_obj is not None and recipients:
                heads.insert(0, with_obj)
            heads += self.linked_items(verb)
            if not heads and verb.dep_ == "relcl" and actor_of(verb.head) is None:
                heads = [relative_head(verb)]
        rule = "gift.reduced_passive" if reduced else (
            "gift.give_passive" if passive else "gift.give_active")
        return [g for recipient in (recipients or [None])
                for g in self.make(giver, recipient, heads, verb, rule)]

    def linked_items(self, verb: Token) -> list[Token]:
        """Items joined to the clause by "complete with", "along with", "as well as"."""
        found = []
        for prep in verb.subtree:
            if prep.dep_ == "prep" and prep.i > 0 and \
                    f"{prep.nbor(-1).lower_} {prep.lower_}" in self.lex.item_links:
                found += [g for g in prep.children if g.dep_ == "pobj"]
        return found

    def read_receive(self, verb: Token) -> list[GiftRecord]:
        """Y received Z from X; one list with several givers ("a brooch from A and a bracelet
        and an album from B"): each item takes the giver of the first "from" after it."""
        if verb.dep_ == "acl" and verb.tag_ == "VBN":
            return self.read_reduced_receive(verb)
        recipient = actor_of(subject_of(verb))
        if recipient is None and verb.dep_ == "relcl":
            recipient = actor_of(next((c for c in verb.children if c.dep_ == "nsubj"), None))
        heads = [c for c in verb.children if c.dep_ == "dobj" and c.pos_ != "PRON"]
        if not heads and verb.dep_ == "relcl" and actor_of(verb.head) is None:
            heads = [relative_head(verb)]
        items = [i for h in heads for i in self.expand(h)]
        items += [i for c in verb.children if c.dep_ == "conj" and c.pos_ == "NOUN"
                  for i in self.expand(c)]
        froms: list[tuple[int, ActorRecord | None]] = []
        for source in [verb, *items]:
            prep = next((c for c in source.children if c.dep_ == "prep" and c.lower_ == "from"),
                        None)
            pobj = next((g for g in prep.children if g.dep_ == "pobj"), None) if prep else None
            if pobj is None:
                continue
            for listed in conjuncts(pobj):
                if actor_of(listed) is None and not is_person_noun(listed) and \
                        listed.pos_ == "NOUN":
                    items.append(listed)
            froms.append((prep.i, actor_of(pobj)))
        froms.sort(key=lambda pair: pair[0])
        gifts = []
        for item in sorted(set(items), key=lambda t: t.i):
            giver = next((a for i, a in froms if i > item.i), froms[-1][1] if froms else None)
            gifts += self.make(giver, recipient, [item], verb, "gift.receive", expand=False)
        return gifts

    def read_reduced_receive(self, verb: Token) -> list[GiftRecord]:
        """"the watch received by Y from X", "Y kept a necklace received from X": the item
        is the participle's head; the recipient its agent, else the subject of the clause
        the item is the object of."""
        item = verb.head
        recipient = actor_of(prep_object(verb, "by"))
        if recipient is None and item.dep_ == "dobj":
            recipient = actor_of(subject_of(item.head))
        giver = actor_of(prep_object(verb, "from"))
        return self.make(giver, recipient, [item], verb, "gift.reduced_receive", expand=False)

    def read_exchange(self, verb: Token) -> list[GiftRecord]:
        subj = subject_of(verb)
        if verb.dep_ == "acl":
            agent = prep_object(verb, "by")
            parties = conjuncts(agent) if agent is not None else []
            heads = self.listed_before(verb.head)
        else:
            parties = conjuncts(subj, appositions=True) if subj is not None else []
            partner = prep_object(verb, "with")
            if partner is not None:
                parties.append(partner)
            heads = [c for c in verb.children if c.dep_ == "dobj"]
        actors = list(dict.fromkeys(a for a in (actor_of(p) for p in parties) if a is not None))
        if len(actors) < 2:
            return []
        first, second = actors[0], actors[1]
        return (self.make(first, second, heads, verb, "gift.exchange")
                + self.make(second, first, heads, verb, "gift.exchange"))

    @staticmethod
    def listed_before(gifts_noun: Token) -> list[Token]:
        """"A, B and C were among the gifts exchanged by ...": the subject list."""
        prep = gifts_noun.head
        if prep.dep_ == "prep" and prep.lower_ == "among":
            return [c for c in prep.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
        return []

    def make(self, giver, recipient, heads, trigger, rule: str, need_party: bool = True,
             expand: bool = True) -> list[GiftRecord]:
        gifts = []
        for head in heads:
            for item_head in (self.expand(head) if expand else [head]):
                span = item_span(item_head) if item_head.lower_ not in THING_PRONOUNS else \
                    head.doc[item_head.i:item_head.i + 1]
                if span is not None and len(span) > 0 and \
                        span.root.lemma_.lower() not in self.lex.not_items and (
                        giver or recipient or not need_party):
                    gifts.append(GiftRecord(giver, recipient, span, trigger, rule=rule))
        return gifts

    def expand(self, head: Token) -> list[Token]:
        """The listed items; for a gift word, the things set beside it ("gifts: a clock and
        a rug") or the gift word itself as a giving event."""
        if head.lemma_.lower() in self.lex.gift_nouns:
            listed = [c for c in head.children if c.dep_ == "appos" and c._.actor is None]
            if listed:
                return [i for c in listed for i in conjuncts(c) if i.pos_ not in NOT_NOUNS]
        if head.lower_ in THING_PRONOUNS:
            return [head]
        items = [i for i in conjuncts(head) if i.pos_ not in NOT_NOUNS]
        return items + [m for i in items for m in misattached_items(i)]

    def add(self, found: list[GiftRecord], gift: GiftRecord, dates: SentenceDates) -> None:
        """Add a gift, or fill in an earlier mention of the same gift. An item of an exchange
        later given a direction keeps only that direction. "presented it to Y" passes on the
        thing of the latest gift."""
        if gift.item.root.lower_ in THING_PRONOUNS:
            if not found:
                return
            gift.item = found[-1].item
        for earlier in found:
            if same_item(earlier.item, gift.item) and compatible(earlier, gift):
                earlier.giver = earlier.giver or gift.giver
                earlier.recipient = earlier.recipient or gift.recipient
                if earlier.date is None:
                    earlier.date = dates.attached(gift.trigger)
                if earlier.rule == "gift.exchange" and gift.rule != "gift.exchange" and \
                        gift.giver is not None:
                    found[:] = [e for e in found if not (
                        e.rule == "gift.exchange" and e is not earlier and
                        same_item(e.item, earlier.item) and e.giver is earlier.recipient)]
                return
        gift.date = dates.attached(gift.trigger)
        found.append(gift)

    @staticmethod
    def fill_dates(doc: Doc, gifts: list[GiftRecord]) -> None:
        """A gift with no date of its own took place on the day of the reported occasion: the
        nearest day named before it within the week up to publication, else that day."""
        published = doc._.published
        if published is None or all(gift.date is not None for gift in gifts):
            return
        days = [(t.start, t._.timex_value[:10]) for t in doc._.timexes or []
                if t._.timex_type in {"DATE", "TIME"} and recent_day(t._.timex_value, published)]
        for gift in gifts:
            if gift.date is None:
                before = [day for start, day in days if start < gift.trigger.i]
                gift.date = before[-1] if before else published.isoformat()


def uncovered(events: list[GiftRecord], found: list[GiftRecord], dates: SentenceDates,
              sentences: Sentences) -> list[GiftRecord]:
    """A giving whose things the article never names ("gifts were presented from X to Y",
    "the precious gift was presented by X") is one gift of its generic item, once per pair
    of actors, unless a named thing passed between them. A further giving ("gifts were
    also presented") whose sentence names no thing is one even so."""
    pairs = {(g.giver, g.recipient) for g in found}
    named_in = {sentences.index_of(g.trigger.i) for g in found}
    out = []
    for event in events:
        pair = (event.giver, event.recipient)
        further = any(c.lower_ == "also" for c in event.trigger.head.children) and \
            sentences.index_of(event.trigger.i) not in named_in
        if None in pair or not further and (pair in pairs or (
                event.rule == "gift.exchange" and pair[::-1] in pairs)):
            continue
        pairs.add(pair)
        event.date = dates.attached(event.trigger)
        out.append(event)
    return out


def fill_from_events(gifts: list[GiftRecord], events: list[GiftRecord], sentences: Sentences,
                     nearest_before: bool = False) -> None:
    """Roles a gift's own clause leaves open, from a giving event the context established
    ("X showered Y with gifts. Other gifts included ..."): first one in the same sentence;
    with `nearest_before`, the nearest event before it in the article. A thing listed
    after an exchange ("exchanged gifts, including a vase") went both ways."""
    for gift in list(gifts):
        if gift.giver is not None and gift.recipient is not None:
            continue
        here = sentences.index_of(gift.trigger.i)
        if nearest_before:
            candidates = sorted((e for e in events if e.trigger.i < gift.trigger.i),
                                key=lambda e: -e.trigger.i)
        else:
            candidates = [e for e in events if sentences.index_of(e.trigger.i) == here]
        for event in candidates:
            if gift.giver is None and gift.recipient is None:
                gift.giver, gift.recipient = event.giver, event.recipient
                if event.rule == "gift.exchange" and None not in (event.giver, event.recipient):
                    gifts.append(replace(gift, giver=event.recipient, recipient=event.giver))
            elif gift.recipient is None and gift.giver is not None:
                if event.giver is gift.giver and event.recipient is not None:
                    gift.recipient = event.recipient
                elif event.rule == "gift.exchange" and event.recipient is gift.giver:
                    gift.recipient = event.giver
            elif gift.giver is None and gift.recipient is not None:
                if event.recipient is gift.recipient and event.giver is not None:
                    gift.giver = event.giver
                elif event.rule == "gift.exchange" and event.giver is gift.recipient:
                    gift.giver = event.recipient
            if gift.giver is not None and gift.recipient is not None:
                break


def fill_parties(gifts: list[GiftRecord]) -> None:
    """A giver or recipient the sentence leaves out comes from the nearest gift that has it:
    the same giver's recipient ("... and a grill, complete with jackets"), else, for a gift in
    return, the other party of a gift between the same two actors."""
    for _ in range(2):
        for i, gift in enumerate(gifts):
            others = [g for _, g in sorted(((abs(j - i), g) for j, g in enumerate(gifts)
                                            if j != i and g.giver and g.recipient),
                                           key=lambda pair: pair[0])]
            if gift.recipient is None and gift.giver is not None:
                same = next((g.recipient for g in others if g.giver is gift.giver), None)
                back = next((g.giver for g in others if g.recipient is gift.giver), None)
                gift.recipient = same or back
            elif gift.giver is None and gift.recipient is not None:
                same = next((g.giver for g in others if g.recipient is gift.recipient), None)
                back = next((g.recipient for g in others if g.giver is gift.recipient), None)
                gift.giver = back or same


def same_item(a: Span, b: Span) -> bool:
    """Two mentions of one gift: one's head noun is among the other's words or a clipping of
    the other's ("photo", "photograph"), and the later one is not introduced as another
    thing ("another sedan")."""
    if any(t.lower_ in LEXICON.new_item_words for t in b.root.lefts):
        return False
    head_a, head_b = a.root.lemma_.lower(), b.root.lemma_.lower()
    if min(len(head_a), len(head_b)) >= 4 and (
            head_a.startswith(head_b) or head_b.startswith(head_a)):
        return True
    words_a = {t.lemma_.lower() for t in a if not t.is_stop and not t.is_punct}
    words_b = {t.lemma_.lower() for t in b if not t.is_stop and not t.is_punct}
    return a.root.lemma_.lower() in words_b or b.root.lemma_.lower() in words_a and bool(words_a)


def compatible(a: GiftRecord, b: GiftRecord) -> bool:
    return all(x is None or y is None or x is y
               for x, y in ((a.giver, b.giver), (a.recipient, b.recipient)))


def recent_day(value: str | None, published) -> bool:
    """A calendar day in the seven days up to publication: the news event's own day."""
    try:
        day = dt.date.fromisoformat((value or "")[:10])
    except ValueError:
        return False
    return dt.timedelta(0) <= published - day <= dt.timedelta(days=7)


@Language.factory("newsextract_gifts")
def make_gifts(nlp: Language, name: str) -> GiftFinder:
    register_extensions()
    return GiftFinder(LEXICON, CONSTRUCTIONS, nlp.vocab)
