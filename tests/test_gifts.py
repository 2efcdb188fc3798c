"""Gift constructions on small made-up texts, through the full pipeline (model loaded once)."""

import pytest

from newsextract import extract


def gifts_of(nlp, text, published="2023-05-17"):
    result = extract(text, published=published, nlp=nlp)
    return sorted((g.giver, g.recipient, g.item, g.date) for g in result.gifts)


INTRO = "Kenyan President Amos Otieno hosted Canadian Prime Minister Claire Dubois. "

CASES = [
    ("ditransitive",
     INTRO + "Mr Otieno gave Ms Dubois a carved wooden mask.",
     [("Amos Otieno", "Claire Dubois", "carved wooden mask", "2023-05-17")]),
    ("to-dative and a list of items",
     INTRO + "Mr Otieno handed a silver tray and two woven baskets as gifts to Ms Dubois.",
     [("Amos Otieno", "Claire Dubois", "silver tray", "2023-05-17"),
      ("Amos Otieno", "Claire Dubois", "two woven baskets", "2023-05-17")]),
    ("present with",
     INTRO + "Mr Otieno presented Ms Dubois with a painting of Mount Kenya.",
     [("Amos Otieno", "Claire Dubois", "painting of Mount Kenya", "2023-05-17")]),
    ("passive with by",
     INTRO + "A bronze statue was presented to Ms Dubois by Mr Otieno.",
     [("Amos Otieno", "Claire Dubois", "bronze statue", "2023-05-17")]),
    ("received from, with a date attached",
     INTRO + "Ms Dubois received a maple syrup hamper from Mr Otieno on Monday.",
     [("Amos Otieno", "Claire Dubois", "maple syrup hamper", "2023-05-15")]),
    ("a gift from X to Y",
     INTRO + "The quilt was a gift from Ms Dubois to Mr Otieno.",
     [("Claire Dubois", "Amos Otieno", "quilt", "2023-05-17")]),
    ("exchange gives one gift each way",
     INTRO + "Mr Otieno and Ms Dubois exchanged silk scarves.",
     [("Amos Otieno", "Claire Dubois", "silk scarves", "2023-05-17"),
      ("Claire Dubois", "Amos Otieno", "silk scarves", "2023-05-17")]),
    ("pronoun giver and role recipient",
     INTRO + "He gave the Canadian prime minister a hand-woven rug.",
     [("Amos Otieno", "Claire Dubois", "hand-woven rug", "2023-05-17")]),
    ("earlier gift dated by its own time expression",
     INTRO + "Last March Mr Otieno gave Ms Dubois a coffee set.",
     [("Amos Otieno", "Claire Dubois", "coffee set", "2023-03")]),
    ("a clause of the same time dates the gift",
     INTRO + "Mr Otieno gave Ms Dubois a drum when they met in March 2021.",
     [("Amos Otieno", "Claire Dubois", "drum", "2021-03")]),
    ("a vague time expression attached to the gift is its date",
     INTRO + "Kenya has given elephants to Canada in recent years.",
     [("Kenya", "Canada", "elephants", "PAST_REF")]),
    ("bought, sold and supplied things are not gifts",
     INTRO + "Mr Otieno bought a car from Ms Dubois. Kenya sold wheat to Canada and "
             "supplied Canada with tea.",
     []),
]


@pytest.mark.parametrize("name, text, expected", CASES, ids=[c[0] for c in CASES])
def test_gift_constructions(full_nlp, name, text, expected):
    assert gifts_of(full_nlp, text) == sorted(expected)


def test_mention_of_an_already_listed_gift_is_not_a_new_gift(full_nlp):
    text = INTRO + ("Mr Otieno gave Ms Dubois a carved wooden mask. "
                    "The mask was presented during a dinner.")
    assert len(gifts_of(full_nlp, text)) == 1


@pytest.mark.parametrize("text, rule", [
    (INTRO + "Mr Otieno gave Ms Dubois a carved wooden mask.", "gift.give_active"),
    (INTRO + "A bronze statue was presented to Ms Dubois by Mr Otieno.", "gift.give_passive"),
    (INTRO + "Ms Dubois received a maple syrup hamper from Mr Otieno.", "gift.receive"),
    (INTRO + "The quilt was a gift from Ms Dubois to Mr Otieno.", "gift.gift_noun_predicate"),
])
def test_each_gift_names_the_construction_that_found_it(full_nlp, text, rule):
    assert [g.rule for g in extract(text, published="2023-05-17", nlp=full_nlp).gifts] == [rule]


def construction_examples():
    from newsextract.components.gifts import CONSTRUCTIONS
    from newsextract.components.lexicon import load_data

    intro = load_data("gift_constructions.json")["example_intro"]
    return [pytest.param(c.name, intro + example["text"], example["gifts"],
                         id=f"{c.name}-{n}")
            for c in CONSTRUCTIONS for n, example in enumerate(c.examples)]


@pytest.mark.parametrize("name, text, expected", construction_examples())
def test_every_construction_finds_its_examples(full_nlp, name, text, expected):
    found = extract(text, published="2023-05-17", nlp=full_nlp).gifts
    assert sorted((g.giver, g.recipient, g.item) for g in found) == sorted(map(tuple, expected))


def test_each_construction_has_examples():
    from newsextract.components.gifts import CONSTRUCTIONS

    assert all(c.examples for c in CONSTRUCTIONS)


def test_a_pattern_construction_names_itself_as_the_rule(full_nlp):
    text = INTRO + "The watch, a present from Mr Otieno to Ms Dubois, was sold."
    assert [g.rule for g in extract(text, published="2023-05-17", nlp=full_nlp).gifts] == [
        "gift.appositive_gift"]


@pytest.mark.parametrize("entry, message", [
    ({"name": "gift.x", "trigger": {"lemma": ["give"], "pos": ["VERB"]}, "reader": "give",
      "voic": "active"}, "gift.x: unknown keys ['voic']"),
    ({"name": "gift.y", "trigger": {"lemma": ["give"], "pos": ["VERB"]}, "reader": "take"},
     "gift.y: unknown reader 'take'"),
    ({"name": "gift.z", "trigger": {"lemma": ["give"], "pos": ["VERB"]},
      "patterns": [[{"RIGHT_ID": "giver", "RIGHT_ATTRS": {}}]]},
     "gift.z: every pattern starts with the node 'trigger'"),
    ({"name": "gift.w", "trigger": {"lemma": ["give"]}, "patterns": []},
     "gift.w: 'trigger' must hold 'lemma' and 'pos' lists"),
    ({"name": "gift.v", "trigger": {"lemma": ["give"], "pos": ["VERB"]},
      "patterns": [[{"RIGHT_ID": "trigger", "RIGHT_ATTRS": {}},
                    {"LEFT_ID": "trigger", "REL_OP": ">", "RIGHT_ID": "item",
                     "RIGHT_ATTR": {"DEP": "dobj"}}]]},
     "gift.v: pattern node 'item': unknown keys ['RIGHT_ATTR']"),
    ({"name": "gift.u", "trigger": {"lemma": ["give"], "pos": ["VERB"]},
      "patterns": [[{"RIGHT_ID": "trigger", "RIGHT_ATTRS": {}},
                    {"LEFT_ID": "trigger", "REL_OP": ">>", "RIGHT_ID": "item"}]]},
     "gift.u: patterns use only the relations '>' and '<'"),
])
def test_a_malformed_construction_is_an_error_naming_it(entry, message):
    from newsextract.components.gifts import load_constructions

    with pytest.raises(ValueError, match=message.replace("[", r"\[").replace("]", r"\]")):
        load_constructions({"constructions": [entry]})


def test_the_pattern_reader_finds_what_spacys_dependency_matcher_finds(full_nlp):
    from newsextract.components.gifts import CONSTRUCTIONS, match_from, pattern_with_trigger
    from spacy.matcher import DependencyMatcher

    texts = [e["text"] for c in CONSTRUCTIONS for e in c.examples]
    doc = full_nlp(" ".join(texts))
    for construction in (c for c in CONSTRUCTIONS if c.patterns):
        for pattern in construction.patterns:
            full = pattern_with_trigger(pattern, construction)
            matcher = DependencyMatcher(full_nlp.vocab)
            matcher.add("p", [full])
            expected = sorted(ids for _, ids in matcher(doc))
            found = sorted(ids for token in doc for ids in match_from(token, full))
            assert found == expected, construction.name
