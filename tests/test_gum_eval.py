"""GUM CoNLL-U reader and gold derivation of `benchmarks/gum.py`, on a hand-made snippet."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

import pytest

from newsextract.models import Actor, ArticleResult, Claim

_PATH = Path(__file__).resolve().parents[1] / "benchmarks" / "gum.py"
_spec = importlib.util.spec_from_file_location("gum", _PATH)
gum = importlib.util.module_from_spec(_spec)
sys.modules["gum"] = gum  # dataclasses look their module up here
_spec.loader.exec_module(gum)

ROWS = """\
# newdoc id = GUM_news_toy
# global.Entity = GRP-etype-infstat-salience-centering-minspan-link-identity
# meta::dateCreated = 2020-05-04
# newpar
# sent_id = toy-1
# text = NASA chief Charles Bolden said the shuttle's trip was safe.
1  NASA  NASA  PROPN  NNP  _  2  compound  _  Discourse=attribution-positive:1->2:0:sem-atsrc-1-4+lex-indwd-5|Entity=(2-person-new-sssss-cf1-3-coref-Charles_Bolden(1-organization-new-sssss-cf2-1-coref-NASA)
2  chief  chief  NOUN  NN  _  3  nmod:desc  _  _
3  Charles  Charles  PROPN  NNP  _  5  nsubj  _  _
4  Bolden  Bolden  PROPN  NNP  _  3  flat  _  Entity=2)
5  said  say  VERB  VBD  _  0  root  _  _
6  the  the  DET  DT  _  9  det  _  Discourse=ROOT:2:0|Entity=(3-object-new-nnnnn-cf3-2-sgl
7-8  shuttle's  _  _  _  _  _  _  _  _
7  shuttle  shuttle  NOUN  NN  _  9  nmod:poss  _  _
8  's  's  PART  POS  _  7  case  _  _
9  trip  trip  NOUN  NN  _  11  nsubj  _  Entity=3)
10  was  be  AUX  VBD  _  11  cop  _  _
11  safe  safe  ADJ  JJ  _  5  ccomp  _  SpaceAfter=No
12  .  .  PUNCT  .  _  5  punct  _  _

# newpar
# sent_id = toy-2
# text = He thanked the agency.
1  He  he  PRON  PRP  _  2  nsubj  _  Discourse=elaboration-additional:3->2:1:_|Entity=(2-person-giv:act-sssss-cf1-1-ana-Charles_Bolden)
2  thanked  thank  VERB  VBD  _  0  root  _  _
3  the  the  DET  DT  _  4  det  _  Entity=(1-organization-giv:inact-sssss-cf2-2-coref-NASA
4  agency  agency  NOUN  NN  _  2  obj  _  Entity=1)|SpaceAfter=No
5  .  .  PUNCT  .  _  2  punct  _  _
"""
SNIPPET = re.sub(" {2,}", "\t", ROWS)  # columns are written apart by two spaces


@pytest.fixture()
def doc():
    return gum.parse_conllu(SNIPPET)


def test_reader_rebuilds_text_tokens_and_layers(doc):
    assert (doc.doc_id, doc.date) == ("GUM_news_toy", "2020-05-04")
    assert doc.text == "NASA chief Charles Bolden said the shuttle's trip was safe.\nHe thanked the agency."
    assert [doc.text[t.start:t.end] for t in doc.tokens[5:8]] == ["the", "shuttle", "'s"]
    assert len(doc.tokens) == 17 and doc.tokens[12].head == 14  # heads count over the document
    spans = {(m.group, doc.span(m.first, m.last)) for m in doc.mentions}
    assert spans == {("2", "NASA chief Charles Bolden"), ("1", "NASA"), ("3", "the shuttle's trip"),
                     ("2", "He"), ("1", "the agency")}
    assert doc.edus == [1, 6, 13]
    [att] = doc.attributions
    assert (att.positive, att.sat, att.nuc, att.source, att.cue) == (True, 1, 2, [1, 2, 3, 4], [5])


def test_gold_actors_and_claim(doc):
    gold = gum.gold_result(doc)
    actors = {a.name: a for a in gold.actors}
    assert set(actors) == {"Charles Bolden", "NASA"}
    assert actors["Charles Bolden"].kind == "person" and not actors["Charles Bolden"].optional
    assert actors["Charles Bolden"].aliases == ["NASA chief Charles Bolden"]  # no pronoun
    assert actors["NASA"].aliases == ["the agency"]
    [claim] = gold.claims
    assert (claim.speaker, claim.cue, claim.polarity) == ("Charles Bolden", "said", "assert")
    assert claim.content == "the shuttle's trip was safe."  # the next sentence's EDU stays out


def test_scores_content_speaker_and_last_line(doc):
    gold = [gum.gold_result(doc)]
    pred = [ArticleResult(doc_id="GUM_news_toy",
                          actors=[Actor(name="Bolden", kind="person"), Actor(name="Mars", kind="country")],
                          claims=[Claim(speaker="Mr Bolden", cue="said", content="the trip was safe"),
                                  Claim(speaker=None, content="He thanked the agency")])]
    assert gum.speaker_accuracy(gold, pred) == (1, 1)
    text = gum.report(gold, pred)
    assert "claims content only" in text and "Citron" in text
    assert text.splitlines()[-1] == "gum claims_content_f1 0.667"


TITLED_ROWS = """\
# newdoc id = GUM_news_titles
# newpar
# sent_id = titles-1
# text = Agency director General Lena Vos spoke.
1  Agency  Agency  PROPN  NNP  _  2  compound  _  Entity=(1-person-new-sssss-cf1-3-coref-Lena_Vos
2  director  director  NOUN  NN  _  6  nsubj  _  _
3  General  General  PROPN  NNP  _  2  flat  _  _
4  Lena  Lena  PROPN  NNP  _  2  flat  _  _
5  Vos  Vos  PROPN  NNP  _  2  flat  _  Entity=1)
6  spoke  speak  VERB  VBD  _  0  root  _  SpaceAfter=No
7  .  .  PUNCT  .  _  6  punct  _  _

# newpar
# sent_id = titles-2
# text = Undersecretary for Health Mr. Orr spoke.
1  Undersecretary  Undersecretary  PROPN  NNP  _  6  nsubj  _  Entity=(2-person-new-sssss-cf2-1-coref-Tom_Orr
2  for  for  ADP  IN  _  3  case  _  _
3  Health  Health  PROPN  NNP  _  1  nmod  _  _
4  Mr.  Mr.  PROPN  NNP  _  5  nmod:desc  _  _
5  Orr  Orr  PROPN  NNP  _  1  appos  _  Entity=2)
6  spoke  speak  VERB  VBD  _  0  root  _  SpaceAfter=No
7  .  .  PUNCT  .  _  6  punct  _  _
"""


def test_person_names_leave_titles_out():
    titled = gum.parse_conllu(re.sub(" {2,}", "\t", TITLED_ROWS))
    assert [gum.proper_name(titled, m) for m in titled.mentions] == ["Lena Vos", "Orr"]
