"""The scorer of EXTRACTION_SPEC §4: actor resolution, one-to-one matching, the report."""

from .match import max_matching
from .report import (CATEGORIES, MACRO_CATEGORIES, Accuracy, CategoryScore, DocCategoryScore,
                     DocScore, ScoreReport, format_by_rule, format_table, load_dir, load_file, score_dirs,
                     score_document, score_results)
from .resolve import ActorResolver

__all__ = ["CATEGORIES", "MACRO_CATEGORIES", "Accuracy", "ActorResolver", "CategoryScore",
           "DocCategoryScore", "DocScore", "ScoreReport", "format_by_rule", "format_table", "load_dir", "load_file",
           "max_matching", "score_dirs", "score_document", "score_results"]
