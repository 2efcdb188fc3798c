"""Mentions of actors: the model's named entities, corrected by general rules, plus role
descriptions ("the North Korean leader", "the aide") for the actor resolver to link.

Labels written to `doc._.mentions`: PERSON, ORG, COUNTRY, ROLE. Corrections, each general:
possessive 's and a leading "the" trimmed; an honorific ("Mr", "Mrs.") joined to the name; a
title inside a PERSON entity ("Pope", "Lady") moved out; places that are not states (cities,
museums, regions), demonyms, brands modifying a common noun ("Zephyr sedan"), all-caps
common words, and entities inside time expressions dropped.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from spacy.language import Language
from spacy.strings import get_string_id
from spacy.symbols import AUX, DET, NOUN, PROPN, VERB
from spacy.tokens import Doc, Span, Token

from ..records import register_extensions
from .claim_cues import load_cues
from .lexicon import countries, roles
from .token_arrays import TokenColumns, string_ids

NAMED_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}
DETERMINERS = ("the", "his", "her", "its", "their")
POSSESSIVE = {"'s", "\u2019s", "'", "\u2019"}
POSSESSIVE_IDS = string_ids(tuple(POSSESSIVE))
LONE_TITLES = frozenset({"lady", "saint", "st."})
THE = get_string_id("the")
OF = get_string_id("of")
HYPHEN = get_string_id("-")
INDEFINITE_ARTICLES = string_ids(("a", "an"))
PLURAL_NOUN_TAGS = string_ids(("NNPS", "NNS"))
COMPOUND = get_string_id("compound")
AMOD = get_string_id("amod")
APPOS = get_string_id("appos")
POBJ = get_string_id("pobj")
SUBJECT = string_ids(("nsubj",))
POSSESSOR = string_ids(("poss",))
MODIFIER_DEPS = string_ids(("compound", "nmod", "amod"))
NAME_JOINERS = string_ids(("of", "and", "for"))
NAME_START_BREAKERS = frozenset({DET, VERB, AUX})


@lru_cache(maxsize=1)
def honorific_stems() -> frozenset[str]:
    return frozenset(h.rstrip(".") for h in roles().honorifics)


@lru_cache(maxsize=1)
def honorific_forms() -> frozenset[str]:
    """The lower-case words `is_honorific` accepts: each stem with and without its full stop."""
    return honorific_stems() | {stem + "." for stem in honorific_stems()}


def is_honorific(token) -> bool:
    return token.lower_.rstrip(".") in honorific_stems()


@lru_cache(maxsize=1)
def title_opener_ids() -> frozenset[int]:
    """The words a title can begin with: a one-word title, the first word of a longer one,
    or one of the words `title_length` accepts before any name."""
    return string_ids(tuple(roles().titles | title_first_words() | LONE_TITLES))


def title_length(tokens) -> int:
    """How many leading tokens of `tokens` form a title ("Pope", "First Lady", "Vice President")."""
    if len(tokens) < 2 or tokens[0].lower not in title_opener_ids():
        return 0
    titles = roles().titles
    words = [t.lower_ for t in tokens]
    for n in range(min(4, len(words) - 1), 0, -1):
        if " ".join(words[:n]) in titles:
            return n
    if words and words[0] in LONE_TITLES and len(words) > 1:
        return 1
    return 0


def trim(span: Span) -> Span | None:
    """The span without a leading article or title and without a trailing possessive, and
    with a first name the model left out ("Ana [Perić]"). An
    "organisation" with a person's title or honorific in it is the person ("Northport
    Mayor Anna Berg", "Ms Berg"). Each Token is built once and compared by integer ids."""
    doc = span.doc
    words = list(span)
    titles = string_ids(roles().titles)
    start, end = span.start, span.end
    while start < end and words[start - span.start].lower == THE:
        start += 1
    while end > start and words[end - 1 - span.start].orth in POSSESSIVE_IDS:
        end -= 1
    label = span.label_
    if label in {"PERSON", "ORG"}:
        first = start
        while first > 0 and is_left_out_first_name(doc[first - 1], span.start, end):
            first -= 1
        before = doc[first - 1] if first > 0 else None
        if before is None or before.lower in titles or not before.is_alpha \
                or before.pos in NAME_START_BREAKERS or before.is_sent_end:
            start = first
    if start >= end:
        return None
    if start >= span.start:
        tokens = words[start - span.start:end - span.start]
    else:
        tokens = list(doc[start:end])
    if label == "ORG":
        titled = [t.i for t in tokens[:-1] if t.lower in titles]
        if titled or is_honorific(tokens[0]):
            label = "PERSON"
            start = titled[-1] + 1 if titled else start
            tokens = tokens[start - tokens[0].i:]
    if label == "PERSON":
        start += title_length(tokens)
    if start >= end:
        return None
    return Span(doc, start, end, label=label)


def is_left_out_first_name(token, span_start: int, end: int) -> bool:
    """A capitalised proper noun compounded onto the name, outside any entity and no title."""
    return token.pos == PROPN and token.is_title and token.dep == COMPOUND \
        and token.lower not in string_ids(roles().titles) and not token.ent_type \
        and span_start <= token.head.i < end


def with_honorific(span: Span) -> Span:
    if span.start > 0 and is_honorific(span.doc[span.start - 1]):
        return Span(span.doc, span.start - 1, span.end, label=span.label_)
    return span


def is_all_caps_common(span: Span, tokens: list[Token]) -> bool:
    """Shouted common words ("a GIFT, FREE OF CHARGE") that the model takes for organisations.
    `tokens` are the span's tokens, already built."""
    if not all(t.is_upper or not t.is_alpha for t in tokens):
        return False
    if any(t.is_stop for t in tokens):
        return True
    return span.start > 0 and span.doc[span.start - 1].lower in INDEFINITE_ARTICLES


def modifies_common_noun(span: Span) -> bool:
    """A name used as a modifier of a thing ("Zephyr sedan", "Airbus A350 jet")."""
    root = span.root
    head = root.head
    if root.dep not in MODIFIER_DEPS or span.start <= head.i < span.end:
        return False
    while head.dep == COMPOUND and head.pos == PROPN and head.head != head:
        head = head.head
    titles = string_ids(roles().titles)
    if head.pos != NOUN or head.lower in titles or head.lemma in titles:
        return False
    return True


def is_title_only(tokens: list[Token]) -> bool:
    """"President & Dr." and the like: no word of the span is a name. A word that is all
    letters has no full stop to strip, so its lower-case form is the honorific stem."""
    titles = string_ids(roles().titles)
    return all(not t.is_alpha or t.lower in titles or t.lower in string_ids(honorific_stems())
               for t in tokens)


def inside_title(span: Span) -> bool:
    """The "State" of "Secretary of State": the entity completes a title before it."""
    doc = span.doc
    for n in (2, 3):
        if span.start >= n and doc[span.start - n].lower in string_ids(title_first_words()) \
                and doc[span.start - n:span.end].text.lower() in roles().titles:
            return True
    return False


@lru_cache(maxsize=1)
def title_first_words() -> frozenset[str]:
    return frozenset(title.split()[0] for title in roles().titles if " " in title)


def implied_surname(span: Span, named: list[Span]) -> str | None:
    """"Tom and Mary Keller": a lone first name coordinated with a full name shares
    its surname."""
    doc = span.doc
    if len(span) != 1 or span.end + 1 >= len(doc) or doc[span.end].lower_ != "and":
        return None
    partner = next((m for m in named if m.start == span.end + 1 and m.label_ == "PERSON"), None)
    if partner is None or len([t for t in partner if not is_honorific(t)]) < 2:
        return None
    return partner[-1].text


NAME_PARTICLES = {"of", "the", "and", "for", "de", "del", "da", "di", "du", "la", "le", "al",
                  "bin", "ibn", "van", "von", "der", "den", "y", "e", "do", "dos", "das"}
LOCATIVE_PREPS = {"in", "at", "near", "inside", "outside", "across"}
NAME_PARTICLE_IDS = string_ids(tuple(NAME_PARTICLES))
LOCATIVE_PREP_IDS = string_ids(tuple(LOCATIVE_PREPS))


def is_dateline(span: Span) -> bool:
    """"MEXICO CITY —", "WASHINGTON (AP)": the place line that opens a wire report."""
    doc = span.doc
    if span.start > 0 and "\n" not in doc[span.start - 1].text_with_ws:
        return False
    after = doc[span.end].text if span.end < len(doc) else ""
    return (span.text.isupper() or after in {"\u2014", "\u2013", "--"}) \
        and after in {"\u2014", "\u2013", "-", "--", "(", ","}


def is_location(span: Span) -> bool:
    """A one-word name that only locates something: "made in Taxco", "the island of Saaremaa"."""
    if len(span) != 1 or span.label_ == "COUNTRY":
        return False
    root = span.root
    if root.dep != POBJ:
        return False
    prep = root.head
    if prep.lower in LOCATIVE_PREP_IDS:
        return True
    return prep.lower == OF and prep.head.lemma_.lower() in roles().place_heads


def after_person_title(span: Span) -> bool:
    """An organisation label on a name right after a person's title ("Mayor Anna Berg")."""
    if span.start == 0:
        return False
    before = span.doc[span.start - 1]
    return before.lower_ in roles().titles or is_honorific(before)


def inside_name(span: Span) -> bool:
    """"Valeska Paris": a place name right after a capitalised proper noun is part of a name."""
    before = span.doc[span.start - 1] if span.start > 0 else None
    return before is not None and before.pos_ == "PROPN" and before.text[:1].isupper() \
        and "\n" not in before.whitespace_


def acts(span: Span) -> bool:
    """The span is the subject of its clause (alone or in a list of subjects)."""
    root = span.root
    while root.dep_ == "conj" and root.head != root:
        root = root.head
    return root.dep_ in {"nsubj", "nsubjpass"}


def classify(span: Span) -> str | None:
    """The mention label of a trimmed entity, or None when it is not an actor. The span's
    text, tokens and root are read once, and words are compared by their integer ids: each
    read builds new objects and each string attribute decodes a string."""
    text = span.text
    label = span.label_
    tokens = list(span)
    last = tokens[-1].lower
    if countries().country(text) or (countries().of_capital(text) and acts(span)
                                     and not inside_name(span)):
        return "COUNTRY"
    if label in {"GPE", "LOC", "FAC"}:
        return None
    if countries().of_demonym(text) or (text.endswith("s") and countries().of_demonym(text[:-1])):
        return None
    if any(t.is_alpha and t.is_lower and t.lower not in NAME_PARTICLE_IDS
           and not (k > 0 and tokens[k - 1].orth == HYPHEN) for k, t in enumerate(tokens)):
        return None
    root = span.root
    if label == "NORP":
        if root.dep in {AMOD, COMPOUND}:
            return None
        return "ORG" if root.tag in PLURAL_NOUN_TAGS else None
    if any(t.like_num for t in tokens) or is_all_caps_common(span, tokens) \
            or is_title_only(tokens):
        return None
    if any(t.orth in POSSESSIVE_IDS for t in tokens[:-1]) or inside_title(span):
        return None
    r = roles()
    titles = string_ids(r.titles)
    if label == "PERSON" and text.lower() in r.titles:
        return None
    if label in {"ORG", "PERSON"} and len(tokens) > 1 and last in titles:
        return None
    place_heads = string_ids(r.place_heads)
    if last in place_heads or root.lower in place_heads or any(
            c.dep == APPOS and c.lemma_.lower() in r.place_heads for c in root.children):
        return None
    org_heads, media_heads = string_ids(r.org_heads), string_ids(r.media_heads)
    if label == "ORG" and modifies_common_noun(span) and not text.isupper() \
            and not any(t.lower in org_heads for t in tokens):
        return "BRAND"
    if label == "PERSON" and len(tokens) == 1 and modifies_common_noun(span):
        return "BRAND"
    if label == "PERSON" and any(t.lower in org_heads or t.lower in media_heads
                                 for t in tokens[1:]):
        return "ORG"
    return label


def overlaps(span: Span, others: list[Span]) -> bool:
    return any(span.start < o.end and o.start < span.end for o in others)


class Taken:
    """The token positions inside the mentions found so far: testing a candidate for overlap
    reads its own positions instead of comparing it with every mention."""

    def __init__(self, doc: Doc, spans: Iterable[Span] = ()):
        self.positions = bytearray(len(doc))
        for span in spans:
            self.add(span)

    def add(self, span: Span) -> None:
        self.positions[span.start:span.end] = b"\x01" * (span.end - span.start)

    def overlaps(self, start: int, end: int) -> bool:
        return self.positions.find(1, start, end) != -1


def place_as_surname(ent: Span) -> Span | None:
    """"Valeska Paris, an Australian woman": the model tags a surname that is also a place as
    the place and leaves the first name out (or tags it as a place of its own). A capitalised
    proper noun compounded onto a one-word place, in no longer entity and not after a
    determiner or preposition, with a common-noun apposition describing the pair, makes the
    pair a person's name."""
    doc = ent.doc
    if ent.label_ not in {"GPE", "LOC"} or len(ent) != 1 or ent.start == 0:
        return None
    first, place = doc[ent.start - 1], ent[0]
    own_entity = first.ent_iob_ == "B" and first.ent_type_ in {"GPE", "LOC", "PERSON"}
    if first.pos_ != "PROPN" or not first.is_title or first.ent_type_ and not own_entity \
            or first.dep_ != "compound" \
            or first.head.i != place.i or first.i > 0 and first.nbor(-1).pos_ in {"DET", "ADP"}:
        return None
    if not any(c.dep_ == "appos" and c.pos_ == "NOUN" and c.lemma_ not in roles().place_heads
               for c in place.children):
        return None
    return Span(doc, first.i, ent.end, label="PERSON", span_id="mention.place_as_surname")


def named_mentions(doc: Doc, columns: TokenColumns | None = None) -> list[Span]:
    """The named mentions of the doc. `columns` lets the component share the doc's token
    arrays with `role_mentions`."""
    columns = columns or TokenColumns(doc)
    timexes = doc._.timexes or []
    found = []
    ents = doc.ents
    named_people = {ent.start: person for ent in ents if (person := place_as_surname(ent))}
    surnames = {ent[-1].text for ent in ents if ent.label_ == "PERSON" and len(ent) > 1}
    surnames |= {person[-1].text for person in named_people.values()}
    for ent in ents:
        if ent.label_ not in NAMED_LABELS:
            continue
        if ent.end in named_people:
            continue
        span = named_people.get(ent.start) or trim(ent)
        if span is None or overlaps(span, timexes):
            continue
        surname = ent.start in named_people or len(span) == 1 and span.text in surnames
        label = "PERSON" if surname else classify(span)
        if label is None or is_dateline(span) or is_location(span):
            continue
        if label == "ORG" and after_person_title(span):
            label = "PERSON"
        if label == "PERSON" and len(span) > 1 and modifies_common_noun(span):
            span = span[:1]
        span = Span(doc, span.start, span.end, label=label)
        found.append(with_honorific(span) if label == "PERSON" else span)
    taken = Taken(doc, found)
    found += honorific_names(doc, taken, columns)
    found += institution_names(doc, taken, columns)
    found += speaker_names(doc, taken, columns)
    found += family_names(doc, found, taken, columns)
    implied = {}
    for span in found:
        if span.label_ == "PERSON" and (surname := implied_surname(span, found)):
            implied[span.start] = surname
    doc.user_data["newsextract.implied_surnames"] = implied
    return found


def honorific_names(doc: Doc, taken: Taken, columns: TokenColumns) -> list[Span]:
    """"Ms Dubois", "Mayor Anna Berg" where the model saw no entity: an honorific or a
    capitalised title and the capitalised proper nouns after it name a person. Each name is
    added to `taken`."""
    names = []
    titles = string_ids(roles().titles)
    for i in columns.positions("LOWER", title_or_honorific_ids()):
        token = doc[i]
        if i == len(doc) - 1 or not token.text[:1].isupper():
            continue
        start = end = i + 1
        while end < len(doc) and is_name_word(doc[end]):
            end += 1
        span = Span(doc, i if is_honorific(token) else start, end, label="PERSON",
                    span_id="mention.honorific")
        part_of_title = end < len(doc) and doc[end].lower in titles
        if end > start and not part_of_title and not taken.overlaps(span.start, span.end):
            names.append(span)
            taken.add(span)
    return names


@lru_cache(maxsize=1)
def title_or_honorific_ids() -> frozenset[int]:
    return string_ids(tuple(roles().titles | honorific_forms()))


def is_name_word(token: Token) -> bool:
    """A capitalised proper noun that is not a title."""
    return token.pos == PROPN and token.text[:1].isupper() \
        and token.lower not in string_ids(roles().titles)


def institution_names(doc: Doc, taken: Taken, columns: TokenColumns) -> list[Span]:
    """"Secretariat of Economy", "Ministry of Tourism and Sport" where the model saw no
    entity: a capitalised run headed by an institution word. Each name is added to `taken`."""
    names = []
    end = 0
    for i in columns.positions("LOWER", string_ids(roles().org_heads)):
        if i < end or not doc[i].text[:1].isupper():
            continue
        start = i
        while start > 0 and doc[start - 1].pos == PROPN and doc[start - 1].text[:1].isupper():
            start -= 1
        end = i + 1
        while end + 1 < len(doc) and doc[end].lower in NAME_JOINERS \
                and doc[end + 1].text[:1].isupper():
            end += 2
            while end < len(doc) and doc[end].text[:1].isupper() and doc[end].is_alpha:
                end += 1
        span = Span(doc, start, end, label="ORG", span_id="mention.institution")
        if end - start > 1 and not taken.overlaps(start, end):
            names.append(span)
            taken.add(span)
    return names


def speaker_names(doc: Doc, taken: Taken, columns: TokenColumns) -> list[Span]:
    """"Whitmore said ...": a capitalised proper noun the model left untagged is a person
    (an organisation if an institution word is in it) when it is the subject of a speech verb.
    Each name is added to `taken`."""
    verbs = string_ids(load_cues().speech_verbs)
    titles = string_ids(roles().titles)
    institutions = string_ids(roles().org_heads) | string_ids(roles().media_heads)
    names = []
    for i in columns.positions("DEP", SUBJECT):
        token = doc[i]
        if token.pos != PROPN or not token.text[:1].isupper() or token.head.lemma not in verbs \
                or token.lower in titles:
            continue
        start = min([c.i for c in token.children if c.dep == COMPOUND
                     and c.text[:1].isupper()] + [i])
        span = Span(doc, start, i + 1, label="PERSON", span_id="mention.speaker_name")
        if taken.overlaps(start, i + 1) or countries().country(span.text):
            continue
        if any(t.lower in institutions for t in span):
            span = Span(doc, start, i + 1, label="ORG", span_id="mention.speaker_name")
        names.append(span)
        taken.add(span)
    return names


def family_names(doc: Doc, found: list[Span], taken: Taken,
                 columns: TokenColumns) -> list[Span]:
    """"the Kellers", "the Bergs": a plural of a person's surname names the family, which
    the actor resolver links to that person."""
    surnames = {m[-1].text for m in found if m.label_ == "PERSON" and len(m) > 1}
    plurals = {name + "s" for name in surnames}
    names = []
    for i in columns.positions("ORTH", string_ids(tuple(plurals))) if plurals else []:
        if doc[i].pos == PROPN:
            span = Span(doc, i, i + 1, label="PERSON", span_id="mention.family_name")
            if not taken.overlaps(i, i + 1):
                names.append(span)
    return names


def role_key(chunk: Span) -> str | None:
    """The role noun (one or two words) that heads a description, if it is one."""
    r = roles()
    root = chunk.root
    words = [root.lower_]
    if root.i > chunk.start:
        words.insert(0, f"{root.nbor(-1).lower_} {root.lower_}")
    for key in words:
        lemma = key if " " in key else root.lemma_.lower()
        if lemma in r.role_heads or lemma in r.org_roles or lemma in r.state_roles \
                or lemma in r.org_heads:
            return lemma
    return None


def role_mentions(doc: Doc, named: list[Span],
                  columns: TokenColumns | None = None) -> list[Span]:
    """Definite descriptions of a role ("the Russian leader", "his sister", "the outlet").
    A chunk's first word and its overlap with the names are read from arrays, so most chunks
    are dismissed without building their tokens."""
    found = []
    columns = columns or TokenColumns(doc)
    lower = columns["LOWER"]
    determiners = string_ids(DETERMINERS)
    taken = Taken(doc, named)
    possessors = (doc[i] for i in columns.positions("DEP", POSSESSOR))
    possessive_roles = [doc[t.left_edge.i:t.i + 1] for t in possessors
                        if lower[t.left_edge.i] in determiners and t.left_edge.i < t.i]
    for chunk in list(doc.noun_chunks) + possessive_roles:
        if lower[chunk.start] not in determiners or taken.overlaps(chunk.start, chunk.end):
            continue
        if chunk.root.tag_ in {"NNS", "NNPS"} or chunk.root.dep_ in {"compound", "appos"}:
            continue
        if any(child.dep_ == "appos" for child in chunk.root.children):
            continue
        if role_key(chunk):
            end = chunk.root.i + 1
            found.append(Span(doc, chunk.start, end, label="ROLE", span_id="mention.role"))
    return found


class MentionFinder:
    def __call__(self, doc: Doc) -> Doc:
        columns = TokenColumns(doc)
        named = named_mentions(doc, columns)
        doc._.mentions = sorted(named + role_mentions(doc, named, columns),
                                key=lambda s: s.start)
        return doc


@Language.factory("newsextract_mentions")
def make_mentions(nlp: Language, name: str) -> MentionFinder:
    register_extensions()
    return MentionFinder()
