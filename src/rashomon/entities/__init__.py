"""Entities: cleaned, corrected backend mentions grouped into one entity per referent."""

from __future__ import annotations

from ..lang import bundle_code
from ..model import Article
from .capitals import drop_shouted, drop_uncased, trim_common_lead, trim_title_case
from .cleanup import clean_mentions
from .corrections import complete_first_names, correct_types, missed_listed, missed_surnames, trim_place_prefix
from .credits import drop_credits
from .grouping import SameName, exact_same, group_mentions, variant_same
from ..pipeline import component

__all__ = ["EntityRecognizer", "exact_same", "group_mentions", "variant_same"]


@component("entities", requires=("mentions", "tokens", "language"), assigns=("entities",))
class EntityRecognizer:
    """Component: turns raw `mentions` into cleaned mentions and article `entities`."""

    def __init__(self, same_name: SameName = variant_same) -> None:
        self.same_name = same_name

    def __call__(self, article: Article) -> Article:
        lang = bundle_code(article.language)
        mentions = clean_mentions(article.text, article.mentions)
        mentions = correct_types(mentions, lang)
        mentions += missed_surnames(article.text, article.tokens, mentions, lang)
        mentions += missed_listed(article.text, mentions, lang)
        mentions = complete_first_names(article.text, mentions)
        mentions = trim_place_prefix(article.text, mentions)
        mentions = drop_credits(article.text, mentions, lang)
        mentions = drop_shouted(article.text, mentions)
        mentions = drop_uncased(article.text, mentions)
        mentions = trim_title_case(article.text, mentions)
        mentions = trim_common_lead(article.text, mentions)
        mentions = _dedupe(mentions)
        article.mentions = mentions
        article.entities = group_mentions(mentions, self.same_name, article.text)
        return article


def _dedupe(mentions):  # noqa: ANN001, ANN202
    """Drop exact duplicates and mentions nested inside a longer one."""
    out = []
    for m in sorted(mentions, key=lambda m: (m.start, -(m.end - m.start))):
        if out and out[-1].start <= m.start and m.end <= out[-1].end:
            continue
        out.append(m)
    return out
