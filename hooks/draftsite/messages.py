"""Messages for editors: Vietnamese first, with the English kept for the log (and the developers).
`Problem` (draftsite.checks.checks) and `PublishError` (draftsite.revisions.publishing) carry a `vi` text the same way."""

from __future__ import annotations


def bilingual(english: str, vi: str = "") -> str:
    """One message in both languages: «<vi> (English: <en>)», or the English alone when there is no `vi`."""
    return f"{vi} (English: {english})" if vi else english


class Message(str):
    """A message for an editor that is not an error (a notice, a reason): the text «<vi> (English:
    <english>)», with both parts kept (`english`, `vi`)."""

    english: str
    vi: str

    def __new__(cls, english: str, vi: str = "") -> Message:
        """A message in both languages: Vietnamese first, the English kept."""
        message = super().__new__(cls, bilingual(english, vi))
        message.english, message.vi = english, vi
        return message


class EditorError(Exception):
    """A mistake an editor can make and must fix, said in Vietnamese (`vi`) where given, with the
    English message kept whole (`english`, the exception's argument) for the log."""

    def __init__(self, message: str, vi: str = "") -> None:
        super().__init__(message)
        self.vi = vi

    @property
    def english(self) -> str:
        """The English message alone."""
        return super().__str__()

    def __str__(self) -> str:
        return bilingual(self.english, self.vi)

    def __reduce__(self):
        """Whole across processes (the checks run in a second one), whatever the subclass's arguments."""
        return _rebuilt, (type(self), self.args, self.__dict__)


def _rebuilt(cls: type, args: tuple, state: dict) -> EditorError:
    error = cls.__new__(cls)
    error.args = args
    error.__dict__.update(state)
    return error


class EditorValueError(EditorError, ValueError):
    """An EditorError raised where callers expect a ValueError (data loaders, parsers)."""


def vi_of(error: BaseException | Message) -> str:
    """The Vietnamese of an error or message when it has one, else its text."""
    return getattr(error, "vi", "") or str(error)


def english_of(error: BaseException | Message) -> str:
    """The English of an error or message (without its Vietnamese), else its text."""
    return error.english if isinstance(error, (EditorError, Message)) else str(error)


def prefixed(error: BaseException | Message, prefix: str, vi_prefix: str | None = None) -> str:
    """An error or message with a prefix in each language (`vi_prefix` defaults to the English one, for a
    file name or a key): «<vi prefix><vi> (English: <prefix><english>)», or the English alone when the
    error has no Vietnamese."""
    vi = getattr(error, "vi", "")
    return bilingual(
        prefix + english_of(error),
        ((prefix if vi_prefix is None else vi_prefix) + vi) if vi else "",
    )


# A failure of the software itself (not of what an editor wrote), e.g. a crashed check.
SOFTWARE_FAILURE_VI = (
    "lỗi phần mềm, không phải lỗi của văn bản: báo cho người phát triển, gửi kèm nhật ký này"
)


def software_failure(english: str) -> str:
    """A failure of the software (not of a text an editor wrote), said in both languages."""
    return bilingual(english, SOFTWARE_FAILURE_VI)
