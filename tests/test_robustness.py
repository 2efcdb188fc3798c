"""Arbitrary text never breaks `newsextract.extract`: it always returns a valid result."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsextract import extract
from newsextract.models import ArticleResult

NEWSY = st.sampled_from([
    "Mr Putin said", " gave ", "President ", "“", "”", '"', "'s", " on Monday", "\n",
    " last February", " a tea set", ", according to Tass.", " Kim", " 2024", " - ", "(KCNA)",
])
TEXT = st.one_of(st.text(max_size=200), st.lists(NEWSY, max_size=30).map("".join))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=TEXT, published=st.sampled_from([None, "2024-06-19", "not a date"]))
def test_any_text_gives_a_valid_result(full_nlp, text, published):
    result = extract(text, published=published, nlp=full_nlp)
    again = ArticleResult.model_validate_json(result.model_dump_json())
    assert again == result
    for entry in [*result.actors, *result.gifts, *result.dates, *result.claims]:
        if entry.start is not None:
            assert 0 <= entry.start <= entry.end <= len(text)
