"""Cleaning: crawled text and HTML pages → the article body, with every removal explained."""

from kronik.stages.cleaning.html import HtmlExtraction, extract_html
from kronik.stages.cleaning.rules import BoilerplateRules, compile_rules
from kronik.stages.cleaning.text import CleanedText, clean_text, normalise_text

__all__ = [
    "BoilerplateRules",
    "CleanedText",
    "HtmlExtraction",
    "clean_text",
    "compile_rules",
    "extract_html",
    "normalise_text",
]
