"""Actor mentions and their clustering on small made-up texts, through the full pipeline."""

import pytest
import spacy
from spacy.tokens import Doc, Span

from newsextract import extract
from newsextract.components.mentions import named_mentions


@pytest.fixture(scope="module")
def run(full_nlp):
    def _run(text, published="2023-05-17"):
        return extract(text, published=published, nlp=full_nlp)
    return _run


def by_name(result):
    return {a.name: a for a in result.actors}


def test_names_surnames_honorifics_and_titles_cluster(run):
    result = run("German Chancellor Olaf Brandt met Mr Brandt's guests in Berlin. "
                 "Brandt said the talks went well. Mr. Brandt left on Friday.")
    actors = by_name(result)
    assert "Olaf Brandt" in actors
    brandt = actors["Olaf Brandt"]
    assert brandt.kind == "person"
    assert brandt.title == "Chancellor"
    assert brandt.affiliation == "Germany"
    assert {"Brandt", "Mr. Brandt"} <= set(brandt.aliases)
    assert "Berlin" not in actors, "a city only locates something"


def test_role_description_links_by_title_and_affiliation(run):
    result = run("Kenyan President Amos Otieno met Canadian Prime Minister Claire Dubois. "
                 "The Kenyan leader praised the talks.")
    otieno = by_name(result)["Amos Otieno"]
    assert "The Kenyan leader" in otieno.aliases
    assert "The Kenyan leader" not in by_name(result)["Claire Dubois"].aliases


def test_acronym_joins_its_organisation_and_country_is_a_country(run):
    result = run("The Korean Central News Agency (KCNA) said France would respond. "
                 "KCNA gave no details.")
    actors = by_name(result)
    assert "KCNA" in actors["Korean Central News Agency"].aliases
    assert actors["France"].kind == "country"


def test_shared_surname_in_coordination(run):
    result = run("Tom and Mary Keller arrived on Monday. Keller said he was pleased.")
    names = set(by_name(result))
    assert {"Tom Keller", "Mary Keller"} <= names


def test_brand_before_a_product_is_not_an_actor(run):
    result = run("Minister Ana Lopez gave the ambassador a Toyota Corolla sedan.")
    assert "Toyota" not in by_name(result)


def test_byline_is_metadata(tmp_path):
    from newsextract.articles import read_article
    path = tmp_path / "a.txt"
    path.write_text("byline: By Jane Doe, Example Wire\npublished: 2020-01-02\n\nBody text.\n")
    article = read_article(path)
    assert article.byline == "By Jane Doe, Example Wire"
    assert "Jane Doe" not in article.text


def test_untagged_name_that_speaks_is_an_actor(run):
    result = run("The researchers met in the town hall. Whitmore said that the survey would "
                 "continue next year.")
    assert [(c.speaker, c.cue) for c in result.claims] == [("Whitmore", "said")]
    assert by_name(result)["Whitmore"].kind == "person"


def test_a_title_is_never_a_speaking_name(run):
    result = run("Deputy Foreign Minister for Protocol Affairs Kim Tae-jin said the crown was "
                 "a symbol of friendship.")
    assert "Deputy Foreign Minister" not in by_name(result)
    assert [c.speaker for c in result.claims] == ["Kim Tae-jin"]


def test_first_name_left_out_by_the_model_joins_the_name(run):
    result = run("Opposition MP Ana Perić called on the minister to resign. "
                 "\u201cHe can show us,\u201d she said.")
    assert by_name(result)["Ana Perić"].kind == "person"
    assert ("Ana Perić", "said") in {(c.speaker, c.cue) for c in result.claims}


def test_surname_that_is_a_capital_stays_the_person(run):
    result = run("Renate Dublin, a former teacher, has claimed that the school ignored her reports. "
                 "Dublin says she was dismissed.")
    assert [(a.name, a.kind, len(a.mentions)) for a in result.actors] == [("Renate Dublin", "person", 2)]
    assert [c.speaker for c in result.claims] == ["Renate Dublin", "Renate Dublin"]


def test_place_tagged_surname_after_a_first_name_is_a_person():
    """The model may tag "Orla Lisbon" as two places; the apposition says it is a woman."""
    words = ["Orla", "Lisbon", ",", "a", "nurse", ",", "left", ".", "Lisbon", "said", "so", "."]
    rows = [("PROPN", "compound", 1), ("PROPN", "nsubj", 6), ("PUNCT", "punct", 1), ("DET", "det", 4),
            ("NOUN", "appos", 1), ("PUNCT", "punct", 1), ("VERB", "ROOT", 6), ("PUNCT", "punct", 6),
            ("PROPN", "nsubj", 9), ("VERB", "ROOT", 9), ("ADV", "advmod", 9), ("PUNCT", "punct", 9)]
    doc = Doc(spacy.blank("en").vocab, words=words, pos=[r[0] for r in rows], deps=[r[1] for r in rows],
              heads=[r[2] for r in rows], lemmas=[w.lower() for w in words],
              spaces=[w not in {",", "."} and i + 1 < len(words) and words[i + 1] not in {",", "."}
                      for i, w in enumerate(words)])
    doc.ents = [Span(doc, 0, 1, "GPE"), Span(doc, 1, 2, "GPE"), Span(doc, 8, 9, "GPE")]
    assert [(m.text, m.label_) for m in named_mentions(doc)] == [("Orla Lisbon", "PERSON"), ("Lisbon", "PERSON")]
