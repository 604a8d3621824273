"""The one table of languages: the kiosk's screens, the guides, the practice pages, the
browser's ``Accept-Language`` and the staff page all read their names and facts here.

Pure Python: no Qt.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Language:
    code: str
    #: The language's name in itself: a visitor looks for their own language's name.
    native_name: str
    #: Its name in English (for guide files, logs and the staff page's sources).
    english_name: str
    #: "In this language", as a link or switch to it says (the practice pages).
    in_language: str
    #: What the browser asks e-services for. Most offer fi/sv/en only: the visitor's
    #: language first (some have it), then English, then Finnish.
    accept_language: str
    right_to_left: bool = False


#: Every language of the kiosk's screens, in the order the top bar offers them.
LANGUAGES: dict[str, Language] = {
    lang.code: lang
    for lang in (
        Language("fi", "Suomi", "Finnish", "Suomeksi", "fi-FI,fi;q=0.9,en;q=0.5"),
        Language("sv", "Svenska", "Swedish", "På svenska", "sv-FI,sv;q=0.9,fi;q=0.6,en;q=0.5"),
        Language("en", "English", "English", "In English", "en-GB,en;q=0.9,fi;q=0.5"),
        Language("ru", "Русский", "Russian", "По-русски", "ru-RU,ru;q=0.9,en;q=0.6,fi;q=0.4"),
        Language(
            "uk", "Українська", "Ukrainian", "Українською", "uk-UA,uk;q=0.9,en;q=0.6,fi;q=0.4"
        ),
        Language("et", "Eesti", "Estonian", "Eesti keeles", "et-EE,et;q=0.9,en;q=0.6,fi;q=0.4"),
        Language("so", "Soomaali", "Somali", "Af-Soomaali", "so-SO,so;q=0.9,en;q=0.6,fi;q=0.4"),
        Language("ar", "العربية", "Arabic", "بالعربية", "ar,en;q=0.6,fi;q=0.4", right_to_left=True),
    )
}

UI_LANGUAGES: tuple[str, ...] = tuple(LANGUAGES)

#: The language the program's own texts are written in (the translations' source).
SOURCE_LANGUAGE = "en"

#: The languages the guides are written in first, and the staff page speaks.
GUIDE_LANGUAGES: tuple[str, ...] = ("fi", "sv", "en")

RIGHT_TO_LEFT = frozenset(code for code, lang in LANGUAGES.items() if lang.right_to_left)

#: Languages a guide may be written in that the screens do not (yet) offer.
_OTHER_ENGLISH_NAMES = {"se": "Northern Sami"}


def native_name(code: str) -> str:
    lang = LANGUAGES.get(code)
    return lang.native_name if lang else code


def english_name(code: str) -> str:
    lang = LANGUAGES.get(code)
    return lang.english_name if lang else _OTHER_ENGLISH_NAMES.get(code, code)


def accept_language(code: str) -> str:
    lang = LANGUAGES.get(code)
    return lang.accept_language if lang else code
