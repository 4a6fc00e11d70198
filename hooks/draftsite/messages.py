"""Messages for editors: Vietnamese first, with the English kept for the log (and the developers).
`Problem` (draftsite.checks) and `PublishError` (draftsite.publishing) carry a `vi` text the same way."""

from __future__ import annotations


# One message in both languages: «<vi> (English: <en>)», or the English alone when there is no `vi`.
def bilingual(english: str, vi: str = "") -> str:
    return f"{vi} (English: {english})" if vi else english


class EditorError(Exception):
    """A mistake an editor can make and must fix, said in Vietnamese (`vi`) where given, with the
    English message kept whole (`english`, the exception's argument) for the log."""

    def __init__(self, message: str, vi: str = "") -> None:
        super().__init__(message)
        self.vi = vi

    @property
    def english(self) -> str:
        return super().__str__()

    def __str__(self) -> str:
        return bilingual(self.english, self.vi)


class EditorValueError(EditorError, ValueError):
    """An EditorError raised where callers expect a ValueError (data loaders, parsers)."""


# The Vietnamese of an error when it has one (an EditorError), else its text.
def vi_of(error: BaseException) -> str:
    return getattr(error, "vi", "") or str(error)


# The English of an error (an EditorError's message without its Vietnamese), else its text.
def english_of(error: BaseException) -> str:
    return error.english if isinstance(error, EditorError) else str(error)
