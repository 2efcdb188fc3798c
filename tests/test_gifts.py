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
    (INTRO + "The quilt was a gift from Ms Dubois to Mr Otieno.", "gift.gift_noun"),
])
def test_each_gift_names_the_construction_that_found_it(full_nlp, text, rule):
    assert [g.rule for g in extract(text, published="2023-05-17", nlp=full_nlp).gifts] == [rule]
