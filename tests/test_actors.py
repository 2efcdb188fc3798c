"""Actor mentions and their clustering on small made-up texts, through the full pipeline."""

import pytest

from newsextract import extract


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
