"""Name matching across scripts and romanisations: who is who in English and Russian news.

Public API:

* :func:`transliterate`, :func:`fold_diacritics` - Cyrillic (ru/be/uk) to Latin by system;
* :func:`name_key` - comparison key folding systematic romanisation variants;
* :func:`match_names` -> :class:`Match` - same name or not, with a score and a reason;
* :func:`same_person`, :func:`parse_person` - full person names (first name, patronymic,
  surname, initials);
* :mod:`rashomon.names.evaluate` - precision/recall/false-merge rate on labelled pairs.

All rules and learned statistics are data files under ``rashomon/lang/``; nothing is read
until first use.
"""

from rashomon.names.keys import name_key
from rashomon.names.match import Match, match_names
from rashomon.names.persons import PersonName, parse_person, same_person
from rashomon.names.translit import fold_diacritics, transliterate

__all__ = [
    "Match",
    "PersonName",
    "fold_diacritics",
    "match_names",
    "name_key",
    "parse_person",
    "same_person",
    "transliterate",
]
