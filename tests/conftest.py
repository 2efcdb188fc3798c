"""Shared fixtures. The full pipeline loads the statistical model once per test session."""

import pytest

from newsextract.pipeline import load


@pytest.fixture(scope="session")
def full_nlp():
    return load()
