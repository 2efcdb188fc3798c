"""Actors: cluster the mentions of `newsextract_mentions` into one record per real-world entity.

Names join by shared name tokens (a surname joins the earliest full name that has it, an
honorific's gender must agree), acronyms join the organisation they abbreviate, country
names join their state; titles and affiliations come from premodifiers ("Russian President")
and appositions ("X, Prime Minister of Japan"); role descriptions ("the North Korean leader")
link to the actor whose title and affiliation agree; personal pronouns link to the nearest
fitting person, preferring subjects. Every linked token gets `token._.actor`.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..records import ActorRecord, register_extensions
from .lexicon import countries, roles
from .mentions import is_honorific, role_key
from .sentences import Sentences
from .token_arrays import token_indices

KINDS = {"PERSON": "person", "ORG": "organization", "BRAND": "organization",
         "COUNTRY": "country"}
PRONOUN_GENDER = {"he": "male", "him": "male", "she": "female", "her": "female"}
FEMALE_TITLES = {"first lady", "second lady", "queen", "wife", "princess", "empress",
                 "sister", "daughter", "spokeswoman", "chairwoman", "congresswoman"}


class NameWords:
    """The name words of each mention in one Doc, worked out once: clustering compares every
    mention with the mentions of every cluster, and each working-out builds a spaCy Token
    per word."""

    def __init__(self) -> None:
        self.by_bounds: dict[tuple[int, int], list[str]] = {}

    def __call__(self, span: Span) -> list[str]:
        bounds = (span.start, span.end)
        words = self.by_bounds.get(bounds)
        if words is None:
            words = self.by_bounds[bounds] = name_words(span)
        return words


class Cluster:
    """An actor under construction."""

    def __init__(self, kind: str, first: Span, names: NameWords):
        self.kind = kind
        self.names = names
        self.mentions: list[Span] = []
        self.named: list[tuple[Span, list[str]]] = []
        self.full_name = False
        self.gender: str | None = None
        self.honorifics: set[str] = set()
        self.first = first.start
        self.record = ActorRecord(name="", kind=kind)

    @property
    def tokens(self) -> set[str]:
        return {w for m in self.mentions for w in self.names(m)}

    def add(self, span: Span) -> None:
        """Join a mention by its name; `named` keeps it with its name words for the
        comparisons of later names."""
        words = self.names(span)
        self.mentions.append(span)
        self.named.append((span, words))
        if len(words) > 1:
            self.full_name = True
        if is_honorific(span[0]):
            self.honorifics.add(span[0].lower_.rstrip("."))
            self.gender = self.gender or roles().honorifics.get(span[0].lower_)


def state_name(span: Span) -> str | None:
    return countries().country(span.text) or countries().of_capital(span.text)


def name_words(span: Span) -> list[str]:
    words = [t.lower_ for t in span if not is_honorific(t) and not t.is_punct]
    surname = span.doc.user_data.get("newsextract.implied_surnames", {}).get(span.start)
    return words + [surname.lower()] if surname else words


def is_subsequence(short: list[str], long: list[str]) -> bool:
    it = iter(long)
    return all(word in it for word in short)


def one_within_other(a: list[str], b: list[str]) -> bool:
    """Whether either word list is a subsequence of the other. Only the shorter can be one of
    the longer, and lists of one length are each other's only if they are equal."""
    return is_subsequence(a, b) if len(a) <= len(b) else is_subsequence(b, a)


def initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w[:1].isalpha() and w not in {"of", "the", "and", "for"})


def best_name(cluster: Cluster) -> str:
    """The fullest proper name: most name words, then a form not shouted in capitals. A name
    known only by one word keeps its honorific or title ("Dr. Keller", "President Keller"),
    which tells apart two people of one surname."""
    def rank(span: Span):
        words = [t for t in span if not is_honorific(t)]
        shouted = sum(t.is_upper and len(t) > 1 for t in words)
        return (-shouted, -span.start)
    most_words = max(len(cluster.names(m)) for m in cluster.mentions)
    span = max((m for m in cluster.mentions if len(cluster.names(m)) == most_words), key=rank)
    words = [t.text for t in span if not is_honorific(t)]
    surname = span.doc.user_data.get("newsextract.implied_surnames", {}).get(span.start)
    if surname:
        words.append(surname)
    if len(words) == 1:
        titled = titled_form(span)
        if titled:
            return titled
        honored = next((m for m in cluster.mentions if is_honorific(m[0])), None)
        if honored is not None:
            return honored.text
    return " ".join(words).replace(" - ", "-").replace(" -", "-")


def titled_form(span: Span) -> str | None:
    """"President Keller" where a title word stands right before the name."""
    doc = span.doc
    if span.start == 0 or is_honorific(span[0]):
        return None
    start = span.start
    titles = roles().titles
    for n in (3, 2, 1):
        if start >= n and doc[start - n].is_title and doc[start - n:start].text.lower() in titles:
            return doc[start - n:span.end].text
    return None


class ActorResolver:
    def __call__(self, doc: Doc) -> Doc:
        mentions = doc._.mentions or []
        clusters = self.cluster_names([m for m in mentions if m.label_ != "ROLE"], NameWords())
        self.add_repeats(doc, clusters)
        sentences = Sentences(doc)
        by_country = {c.record.name: c.record for c in clusters if c.kind == "country"}
        for cluster in clusters:
            self.describe(cluster, by_country, sentences)
        for span in (m for m in mentions if m.label_ == "ROLE"):
            target = self.resolve_role(span, clusters, sentences)
            if target is not None:
                target.mentions.append(span)
                if target.record.title is None and target.kind == "person":
                    target.record.title = role_key(span)
        clusters = [c for c in clusters if not is_brand(c)]
        records = []
        actor_at: list[ActorRecord | None] = [None] * len(doc)
        for cluster in sorted(clusters, key=lambda c: c.first):
            cluster.record.titled_forms = [f for m in cluster.mentions if (f := titled_form(m))]
            cluster.record.mentions = sorted(cluster.mentions, key=lambda s: s.start)
            for span in cluster.record.mentions:
                for token in span:
                    token._.actor = actor_at[token.i] = cluster.record
            records.append(cluster.record)
        self.link_pronouns(doc, clusters, sentences, actor_at)
        doc._.actors = records
        return doc

    def cluster_names(self, named: list[Span], names: NameWords) -> list[Cluster]:
        clusters: list[Cluster] = []
        ordered = sorted(named, key=lambda s: (-len(names(s)), s.start))
        for span in ordered:
            kind = KINDS[span.label_]
            target = self.find_cluster(span, kind, clusters, names)
            if target is None:
                target = Cluster(kind, span, names)
                clusters.append(target)
            target.add(span)
            target.first = min(target.first, span.start)
        for cluster in clusters:
            labels = [m.label_ for m in cluster.mentions]
            if cluster.kind == "organization" and labels.count("PERSON") > labels.count("ORG"):
                cluster.kind = cluster.record.kind = "person"
            if cluster.kind == "country":
                cluster.record.name = state_name(cluster.mentions[0]) or ""
            else:
                cluster.record.name = best_name(cluster)
            cluster.record.rule = "actor." + (cluster.mentions[0].id_ or "ner").removeprefix(
                "mention.")
        return clusters

    @staticmethod
    def add_repeats(doc: Doc, clusters: list[Cluster]) -> None:
        """A one-word name or acronym the model tagged once is the same actor wherever it
        recurs untagged ("NNA reported ... NNA claimed")."""
        forms: dict[str, Cluster] = {}
        for cluster in sorted(clusters, key=lambda c: c.first):
            for mention in cluster.mentions:
                if len(mention) == 1 and mention[0].text[:1].isupper():
                    forms.setdefault(mention.text, cluster)
        if not forms:
            return
        taken = {i for c in clusters for m in c.mentions for i in range(m.start, m.end)}
        for i in token_indices(doc, "ORTH", *forms):
            if i in taken:
                continue
            token = doc[i]
            cluster = forms[token.text]
            if token.pos_ == "PROPN":
                cluster.mentions.append(Span(doc, token.i, token.i + 1,
                                             label=cluster.mentions[0].label_))

    def find_cluster(self, span: Span, kind: str, clusters: list[Cluster],
                     names: NameWords) -> Cluster | None:
        if kind == "country":
            name = state_name(span)
            return next((c for c in clusters if c.kind == "country"
                         and state_name(c.mentions[0]) == name), None)
        words = names(span)
        if not words:
            return None
        if span.label_ == "BRAND":
            return next((c for c in clusters if any(names(m) == words for m in c.mentions)),
                        None)
        first = span[0]
        honorific = is_honorific(first)
        acronym = len(span) == 1 and first.is_upper and len(first) > 1
        gender = roles().honorifics.get(first.lower_) if honorific else None
        candidates = []
        for cluster in clusters:
            if cluster.kind == "country" or (gender and cluster.gender and gender != cluster.gender):
                continue
            for mention, other in cluster.named:
                if acronym and len(other) > 1 and words[0] in other and not any(
                        t.text == span.text for t in mention):
                    continue
                if one_within_other(words, other):
                    candidates.append(cluster)
                    break
                if len(words) == 1 and self.short_form_of(words[0], other, mention):
                    candidates.append(cluster)
                    break
        if len(words) == 1 and honorific:
            stem = first.lower_.rstrip(".")
            candidates = [c for c in candidates
                          if c.full_name or c.gender or stem in c.honorifics]
        if not candidates:
            return None
        same_kind = [c for c in candidates if c.kind == kind]
        return min(same_kind or candidates, key=lambda c: c.first)

    @staticmethod
    def short_form_of(word: str, other: list[str], mention: Span) -> bool:
        """A plural family name ("the Kellers") or an acronym ("NNA") of a longer name."""
        if word.endswith("s") and word[:-1] in other and mention.label_ == "PERSON":
            return True
        return 1 < len(word) <= len(other) and word == initials(other)

    def describe(self, cluster: Cluster, by_country: dict[str, ActorRecord],
                 sentences: Sentences) -> None:
        """Fill title and affiliation from premodifiers and appositions of the mentions."""
        if cluster.kind == "country":
            return
        record = cluster.record
        for span in sorted(cluster.mentions, key=lambda s: s.start):
            title, affiliation = premodifier_title(span, sentences.start_of(span.start))
            if title is None:
                title, affiliation2 = apposition_title(span)
                affiliation = affiliation or affiliation2
            record.title = record.title or title
            if affiliation and record.affiliation is None:
                record.affiliation = by_country.get(affiliation) or ActorRecord(affiliation, "country")
            if record.title and record.affiliation:
                break
        if record.title and any(t in record.title.lower() for t in FEMALE_TITLES):
            cluster.gender = cluster.gender or "female"

    def resolve_role(self, span: Span, clusters: list[Cluster],
                     sentences: Sentences) -> Cluster | None:
        key = role_key(span)
        r = roles()
        if key in r.org_heads:
            named_after = [c for c in clusters if c.kind == "organization" and key in c.tokens]
            if named_after:
                return nearest(named_after, span.start)
        country = country_in(list(span))
        if key in r.state_roles:
            return next((c for c in clusters if c.kind == "country" and c.record.name == country), None)
        if key in r.org_roles:
            media = [c for c in clusters if c.kind == "organization" and is_media(c)]
            return nearest(media, span.start)
        compatible = r.role_heads.get(key or "", frozenset())
        sentence_start = sentences.start_of(span.start)
        people = [c for c in clusters if c.kind == "person" and c.record.title
                  and title_matches(c.record.title, compatible)
                  and not any(sentence_start <= m.start < span.start for m in c.mentions)]
        same_country = [c for c in people if c.record.affiliation is not None
                        and c.record.affiliation.name == country]
        return nearest(same_country if country and same_country else people, span.start)

    def link_pronouns(self, doc: Doc, clusters: list[Cluster], sentences: Sentences,
                      actor_at: list[ActorRecord | None]) -> None:
        """Link he/she/him/her to a person. `actor_at` holds each token's `_.actor` as linked so
        far, so that the search reads a list instead of building a Token for every word."""
        people = {id(c.record): c for c in clusters if c.kind == "person"}
        for i in token_indices(doc, "LOWER", *PRONOUN_GENDER):
            token = doc[i]
            gender = PRONOUN_GENDER[token.lower_]
            if token.tag_ not in {"PRP", "PRP$"}:
                continue
            target = antecedent(token, gender, people, sentences, actor_at)
            if target is not None:
                token._.actor = actor_at[i] = target


def is_brand(cluster: Cluster) -> bool:
    """An organisation named before a thing it makes ("Zephyr sedan"), unless its name
    says it is an institution ("Christchurch City Council")."""
    if cluster.kind != "organization" or not any(m.label_ == "BRAND" for m in cluster.mentions):
        return False
    return not any(t.lower_ in roles().org_heads for m in cluster.mentions for t in m)


def nearest(clusters: list[Cluster], position: int) -> Cluster | None:
    """The cluster mentioned last before `position`, else the first one mentioned after it."""
    before = [(max(m.start for m in c.mentions if m.start < position), c)
              for c in clusters if any(m.start < position for m in c.mentions)]
    if before:
        return max(before, key=lambda pair: pair[0])[1]
    return min(clusters, key=lambda c: c.first) if clusters else None


def is_media(cluster: Cluster) -> bool:
    words = {w for m in cluster.mentions for w in cluster.names(m)}
    return bool(words & roles().media_heads) or (cluster.record.title or "").lower() in roles().org_roles


def title_head(title: str) -> str | None:
    """The office a title names: its first (longest) lexicon title ("spouse of the Prime
    Minister of Japan" -> "spouse"; "Vice President" -> "vice president")."""
    words = title.lower().split()
    titles = roles().titles
    for i in range(len(words)):
        for n in (3, 2, 1):
            if " ".join(words[i:i + n]) in titles:
                return " ".join(words[i:i + n])
    return None


def title_matches(title: str, compatible: frozenset[str]) -> bool:
    return title_head(title) in compatible


def premodifier_title(span: Span, sentence_start: int) -> tuple[str | None, str | None]:
    """("President", "Kenya") from "Kenyan President Amos Otieno", looking no further back
    than `sentence_start`, where the sentence of the name begins."""
    if span.start == sentence_start:
        return None, None
    left = min(span.root.left_edge.i, capitalised_run_start(span, sentence_start))
    tokens = [t for t in span.doc[max(left, sentence_start):span.start] if keep_in_title(t)]
    return split_title(tokens)


def capitalised_run_start(span: Span, sentence_start: int) -> int:
    """Where the run of capitalised words before a name begins ("Deputy Foreign Minister for
    Protocol Affairs Kim Tae-jin"), through inner "for", "of" and "the"."""
    doc = span.doc
    start = span.start
    i = start - 1
    while i >= sentence_start:
        token = doc[i]
        if token.text[:1].isupper() and token.is_alpha and not is_honorific(token):
            start = i
        elif token.lower_ not in {"for", "of", "the"} or i == sentence_start:
            break
        i -= 1
    return start


def apposition_title(span: Span) -> tuple[str | None, str | None]:
    """The title in "X, Prime Minister of Japan" or "US Senator for Vermont, X"."""
    root = span.root
    titles = roles().titles
    for child in root.children:
        if child.dep_ == "appos" and not (span.start <= child.i < span.end):
            if child.lower_ in titles or child.lemma_.lower() in titles:
                return split_title(title_tokens(child, span))
    if root.dep_ != "appos":
        return None, None
    head = root.head
    if head.i < span.start and head.lower_ in titles:
        return split_title([t for t in title_tokens(head, span) if t.i < span.start])
    return None, None


def title_tokens(head: Token, name: Span) -> list[Token]:
    """The words of a title phrase, without articles, possessives, punctuation, the name
    itself and anything coordinated with the title."""
    skip = {t.i for child in head.children if child.dep_ in {"conj", "cc"} for t in child.subtree}
    skip |= {t.i for t in name.root.subtree}
    return [t for t in head.subtree if t.i not in skip and keep_in_title(t)]


def keep_in_title(token: Token) -> bool:
    return not (token.is_punct or token.lower_ in {"the", "a", "an"} or token.dep_ == "poss"
                or token.tag_ == "PRP$" or is_honorific(token))


def country_at(token: Token) -> tuple[str | None, int]:
    """The country named by a demonym or name at `token` ("North Korean", "Russia"), and how
    many tokens it takes."""
    doc = token.doc
    if token.i + 1 < len(doc):
        pair = f"{token.text} {token.nbor().text}"
        country = countries().of_demonym(pair) or countries().country(pair)
        if country:
            return country, 2
    return countries().of_demonym(token.text) or countries().country(token.text), 1


def country_in(tokens: list[Token]) -> str | None:
    return next((c for c in (country_at(t)[0] for t in tokens) if c), None)


def split_title(tokens: list[Token]) -> tuple[str | None, str | None]:
    """A country (demonym or name) and a title among the tokens of a premodifier."""
    affiliation = None
    rest = []
    skip_until = -1
    for token in tokens:
        if token.i < skip_until:
            continue
        country, width = country_at(token)
        if country and affiliation is None and not rest:
            affiliation = country
            skip_until = token.i + width
            continue
        rest.append(token)
    titles = roles().titles
    text = " ".join(t.text for t in rest)
    if not any(t.lower_ in titles or t.lemma_.lower() in titles for t in rest):
        return None, affiliation
    if text.isupper():
        text = text.title()
    return text, affiliation


def antecedent(token: Token, gender: str, people: dict[int, Cluster], sentences: Sentences,
               actor_at: list[ActorRecord | None]) -> ActorRecord | None:
    """The person a pronoun refers to: the subject of this or an earlier sentence, else the
    nearest person mentioned before it, skipping those of the other gender."""
    doc = token.doc
    sent_index = sentences.index_of(token.i)
    for index in range(sent_index, max(-1, sent_index - 3), -1):
        start, end = sentences.bounds(index)
        if index == sent_index:
            end = token.i
        found: list[tuple[bool, int, ActorRecord]] = []
        for i in range(start, end):
            record = actor_at[i]
            if record is None or id(record) not in people:
                continue
            t = doc[i]
            if t.pos_ == "PRON":
                continue
            cluster = people[id(record)]
            if cluster.gender and cluster.gender != gender:
                continue
            found.append((t.dep_ in {"nsubj", "nsubjpass"} or t.head.dep_ in {"nsubj", "nsubjpass"}
                          and t.dep_ in {"compound", "poss"}, t.i, record))
        if found:
            subjects = [f for f in found if f[0]]
            return (subjects[0] if subjects else found[-1])[2]
    return None


@Language.factory("newsextract_actors")
def make_actors(nlp: Language, name: str) -> ActorResolver:
    register_extensions()
    return ActorResolver()
