"""Loading the data files beside the components, once per process."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=None)
def load_data(name: str) -> dict:
    """A JSON data file from `components/data/`, parsed once."""
    text = resources.files("newsextract.components").joinpath("data", name).read_text("utf-8")
    return json.loads(text)


@dataclass(frozen=True)
class Countries:
    """Country names, other names and demonyms, looked up case-insensitively."""

    by_surface: dict[str, str]
    by_demonym: dict[str, str]
    by_capital: dict[str, str]

    def country(self, text: str) -> str | None:
        return self.by_surface.get(_key(text))

    def of_demonym(self, text: str) -> str | None:
        return self.by_demonym.get(_key(text))

    def of_capital(self, text: str) -> str | None:
        return self.by_capital.get(_key(text))


@lru_cache(maxsize=4096)
def _key(text: str) -> str:
    """The lookup form of a name. Cached: one entity's text is looked up as a country, a
    capital and a demonym in turn."""
    text = text.strip().replace("\u2019", "'")
    if text.lower().startswith("the "):
        text = text[4:]
    if text.endswith("'s"):
        text = text[:-2]
    return text.lower()


@lru_cache(maxsize=None)
def countries() -> Countries:
    by_surface: dict[str, str] = {}
    by_demonym: dict[str, str] = {}
    data = load_data("countries.json")
    for name, others, demonyms in data["countries"]:
        for surface in [name, *others]:
            by_surface[_key(surface)] = name
        for demonym in demonyms:
            by_demonym[_key(demonym)] = name
    by_capital = {_key(city): country for city, country in data["capitals"].items()}
    return Countries(by_surface, by_demonym, by_capital)


@dataclass(frozen=True)
class Roles:
    titles: frozenset[str]
    role_heads: dict[str, frozenset[str]]
    org_roles: dict[str, str]
    media_heads: frozenset[str]
    state_roles: frozenset[str]
    place_heads: frozenset[str]
    org_heads: frozenset[str]
    honorifics: dict[str, str | None]


@lru_cache(maxsize=None)
def roles() -> Roles:
    data = load_data("roles.json")
    return Roles(
        titles=frozenset(data["titles"]),
        role_heads={k: frozenset(v) for k, v in data["role_heads"].items()},
        org_roles=dict(data["org_roles"]),
        media_heads=frozenset(data["media_heads"]),
        state_roles=frozenset(data["state_roles"]),
        place_heads=frozenset(data["place_heads"]),
        org_heads=frozenset(data["org_heads"]),
        honorifics=dict(data["honorifics"]),
    )
