"""Numbers as the document writes them: reading Vietnamese and English notation, and formatting."""

from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal

# Vietnamese: "." groups thousands, "," marks decimals (21.521 ; 84,04 ; 4.831,6).
_VI_NUMBER = re.compile(r"(?<![0-9])[0-9]+(?:\.[0-9]{3})*(?:,[0-9]+)?(?![0-9])")
# English: "," groups thousands, "." marks decimals (21,521 ; 84.04 ; 4,831.6).
_EN_NUMBER = re.compile(r"(?<![0-9])[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?(?![0-9])")
# "1 vạn" is ten thousand: "15,5 bác sỹ/1 vạn dân" reads "15.5 doctors per 10,000 people".
_VI_VAN = re.compile(r"(?<![0-9])1 vạn\b")
# Roman numerals (congress and tenure numbers, classes of towns) count as numbers in both languages.
_ROMAN = re.compile(r"(?<![\w/])[IVX]+(?![\w/])")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10}
_EN_MONTHS = {
    m: i
    for i, m in enumerate(
        "january february march april may june july august september october november december".split(),
        start=1,
    )
}
_EN_DATE = re.compile(r"\b([0-9]{1,2}) (" + "|".join(_EN_MONTHS) + r") ([0-9]{4})\b", re.IGNORECASE)
_EN_MONTH_DAY = re.compile(
    r"\b(" + "|".join(_EN_MONTHS) + r") ([0-9]{1,2}), ([0-9]{4})\b", re.IGNORECASE
)
# Markdown that carries digits but is not part of the text.
_MARKUP = [
    re.compile(r"\{[^}]*#[^}]*\}"),  # attribute lists with ids
    re.compile(r"\[\^[0-9]+\]:?"),  # footnote markers and definitions
    re.compile(r"<!--.*?-->", re.DOTALL),  # comments and markers
    re.compile(r"<[^>]+>"),  # inline HTML
    re.compile(r"^#+ +(?:[IVX]+\.|[0-9]+(?:\.[0-9]+)*\.)", re.MULTILINE),  # heading numbers
]


def parse_vi(token: str) -> Decimal:
    """Decimal value of a number written the Vietnamese way."""
    return Decimal(token.replace(".", "").replace(",", "."))


def parse_en(token: str) -> Decimal:
    """Decimal value of a number written the English way."""
    return Decimal(token.replace(",", ""))


def roman_value(token: str) -> int:
    """Value of a roman numeral made of I, V and X."""
    total = 0
    for i, char in enumerate(token):
        value = _ROMAN_VALUES[char]
        following = _ROMAN_VALUES[token[i + 1]] if i + 1 < len(token) else 0
        total += -value if value < following else value
    return total


def _romans_to_digits(text: str) -> str:
    """Text with roman numerals replaced by their decimal value."""
    return _ROMAN.sub(lambda m: str(roman_value(m[0])), text)


def canonical(value: Decimal) -> str:
    """A value as a canonical string ("10", "84.04"), so equal values compare equal."""
    return format(value.normalize(), "f")


def strip_markup(text: str) -> str:
    """Text with the Markdown that carries digits but is not prose removed."""
    for pattern in _MARKUP:
        text = pattern.sub(" ", text)
    return text


def numbers_vi(text: str) -> Counter[str]:
    """The multiset of values written in Vietnamese text (dates give day, month and year)."""
    text = _VI_VAN.sub("10.000", _romans_to_digits(strip_markup(text)))
    return Counter(canonical(parse_vi(t)) for t in _VI_NUMBER.findall(text))


def numbers_en(text: str) -> Counter[str]:
    """The multiset of values written in English text (month names count as their number)."""
    text = _romans_to_digits(strip_markup(text))
    text = _EN_DATE.sub(lambda m: f"{m[1]}/{_EN_MONTHS[m[2].lower()]}/{m[3]}", text)
    text = _EN_MONTH_DAY.sub(lambda m: f"{m[2]}/{_EN_MONTHS[m[1].lower()]}/{m[3]}", text)
    text = re.sub(r"(?<=[0-9])(?:st|nd|rd|th)\b", "", text)
    return Counter(canonical(parse_en(t)) for t in _EN_NUMBER.findall(text))


def format_number(value: Decimal | int | float, lang: str) -> str:
    """A number written for a reader of the given language ("vi": 21.521 and 84,04; "en": 21,521 and 84.04)."""
    value = Decimal(str(value))
    sign = "-" if value < 0 else ""
    text = format(abs(value), "f")
    whole, _, frac = text.partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    thousands, decimal = (".", ",") if lang == "vi" else (",", ".")
    out = thousands.join(groups)
    if frac:
        out += decimal + frac
    return sign + out
