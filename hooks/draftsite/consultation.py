"""The consultation: its settings (form, dates, draft), prefilled comment-form links, and status."""

from __future__ import annotations

import datetime as dt
import html
import re
import string
from dataclasses import dataclass
from urllib.parse import quote, urlencode, urlsplit

from draftsite.messages import EditorError, Message
from draftsite.strings import t

FIELDS = ("section", "label", "revision", "revision_date", "url", "lang")
PRESETS = ("google", "template")
CONFIG_KEY = "extra.consultation"
PLACEHOLDER_FORM = "1FAIpQLSdTNPC-du-thao-bao-cao-chinh-tri-XX"  # the sample form the project shipped with
PLACEHOLDER_ENTRIES = {f"entry.100000{n}" for n in range(1, 10)}
EXAMPLE_HOSTS = {"example.org", "example.com", "example.net", "www.example.org", "www.example.com"}


class ConfigError(EditorError):
    """A broken consultation setting in mkdocs.yml, naming the key and what to do (in Vietnamese, `vi`,
    with the English kept)."""


@dataclass(frozen=True)
class Consultation:
    preset: str  # "google" or "template"
    form_url: str  # google: the form's viewform URL; template: the URL template
    fields: dict[str, str]  # google: named field -> "entry.NNN"
    opens: dt.date
    closes: dt.date
    draft_id: str
    draft_date: dt.date
    draft_label: dict[str, str]
    draft_corrects: dt.date | None = None  # a correction: the date of the draft it corrects
    draft_errata: dict[str, str] | None = None  # a correction: what it corrects ({"vi": …, "en": …})


# Validate `extra.consultation` of mkdocs.yml; every problem raises ConfigError naming the key.
def load_consultation(extra: dict | None) -> Consultation:
    raw = (extra or {}).get("consultation")
    if not isinstance(raw, dict):
        raise ConfigError(f"{CONFIG_KEY} is missing: add the comment form and the consultation dates (see README)",
                          vi=f"chưa có {CONFIG_KEY}: thêm phiếu góp ý và thời hạn lấy ý kiến (xem hướng dẫn biên tập, "
                             "mục 5)")
    form = _mapping(raw, "form")
    preset = form.get("preset")
    if preset not in PRESETS:
        raise ConfigError(f"{CONFIG_KEY}.form.preset: {preset!r} is not a preset; use 'google' or 'template'",
                          vi=f"{CONFIG_KEY}.form.preset: {preset!r} không phải kiểu phiếu được hỗ trợ; dùng 'google' "
                             "hoặc 'template'")
    fields: dict[str, str] = {}
    if preset == "google":
        url = _url(form.get("url"), f"{CONFIG_KEY}.form.url")
        raw_fields = form.get("fields")
        if not isinstance(raw_fields, dict) or not raw_fields:
            raise ConfigError(f"{CONFIG_KEY}.form.fields: map the named fields ({', '.join(FIELDS)}) to the form's "
                              "prefill ids, e.g. section: entry.123456",
                              vi=f"{CONFIG_KEY}.form.fields: ghi mã điền sẵn của phiếu cho từng ô ({', '.join(FIELDS)}), "
                                 "ví dụ section: entry.123456 (hoặc chạy tools/set_form.py)")
        for name, entry in raw_fields.items():
            if name not in FIELDS:
                raise ConfigError(f"{CONFIG_KEY}.form.fields.{name}: unknown field; use {', '.join(FIELDS)}",
                                  vi=f"{CONFIG_KEY}.form.fields.{name}: tên ô lạ; dùng {', '.join(FIELDS)}")
            if not isinstance(entry, str) or not re.fullmatch(r"entry\.[0-9]+", entry):
                raise ConfigError(f"{CONFIG_KEY}.form.fields.{name}: {entry!r} is not a Google Forms prefill id "
                                  "like entry.123456 (copy it from the form's 'Get pre-filled link')",
                                  vi=f"{CONFIG_KEY}.form.fields.{name}: {entry!r} không phải mã điền sẵn của Google "
                                     "Forms dạng entry.123456 (sao chép từ «Lấy đường liên kết điền sẵn» của phiếu)")
            fields[name] = entry
    else:
        url = form.get("template")
        if not isinstance(url, str) or not url.strip():
            raise ConfigError(f"{CONFIG_KEY}.form.template: no form URL template; write e.g. "
                              "https://example.org/form?section={section}&label={label}",
                              vi=f"{CONFIG_KEY}.form.template: chưa có địa chỉ mẫu của phiếu; viết ví dụ "
                                 "https://example.org/form?section={section}&label={label}")
        names = [name for _, name, _, _ in string.Formatter().parse(url) if name is not None]
        for name in names:
            if name not in FIELDS:
                raise ConfigError(f"{CONFIG_KEY}.form.template: unknown field {{{name}}}; use {', '.join('{' + f + '}' for f in FIELDS)}",
                                  vi=f"{CONFIG_KEY}.form.template: chỗ điền lạ {{{name}}}; dùng "
                                     f"{', '.join('{' + f + '}' for f in FIELDS)}")
        _url(url.format(**{f: "x" for f in FIELDS}), f"{CONFIG_KEY}.form.template")
    opens = _date(raw.get("opens"), f"{CONFIG_KEY}.opens")
    closes = _date(raw.get("closes"), f"{CONFIG_KEY}.closes")
    if closes < opens:
        raise ConfigError(f"{CONFIG_KEY}.closes: {closes.isoformat()} is before opens ({opens.isoformat()}); "
                          "the consultation must close after it opens",
                          vi=f"{CONFIG_KEY}.closes: ngày đóng {closes.isoformat()} trước ngày mở (opens: "
                             f"{opens.isoformat()}); thời hạn lấy ý kiến phải kết thúc sau ngày mở")
    draft = _mapping(raw, "draft")
    draft_id = draft.get("id")
    if not isinstance(draft_id, str) or not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", draft_id):
        raise ConfigError(f"{CONFIG_KEY}.draft.id: give the draft an ASCII id such as du-thao-2020-03-31",
                          vi=f"{CONFIG_KEY}.draft.id: đặt cho bản dự thảo một mã ASCII, ví dụ du-thao-2020-03-31")
    draft_date = _date(draft.get("date"), f"{CONFIG_KEY}.draft.date")
    if draft_id != f"du-thao-{draft_date.isoformat()}":
        raise ConfigError(f"{CONFIG_KEY}.draft.id: {draft_id!r} does not match draft.date ({draft_date.isoformat()}); "
                          f"write id: du-thao-{draft_date.isoformat()}",
                          vi=f"{CONFIG_KEY}.draft.id: {draft_id!r} không khớp với draft.date ({draft_date.isoformat()}); "
                             f"viết id: du-thao-{draft_date.isoformat()}")
    label = draft.get("label")
    if not isinstance(label, dict) or not all(isinstance(label.get(k), str) and label[k] for k in ("vi", "en")):
        raise ConfigError(f"{CONFIG_KEY}.draft.label: needs `vi:` and `en:` texts",
                          vi=f"{CONFIG_KEY}.draft.label: cần có tên bản dự thảo bằng cả hai thứ tiếng, `vi:` và `en:`")
    corrects, errata = _correction(draft, draft_date)
    return Consultation(preset, url, fields, opens, closes, draft_id, draft_date, {"vi": label["vi"], "en": label["en"]},
                        corrects, errata)


# A draft that corrects an earlier one: `corrects` (that draft's date) and `errata` (what it corrects,
# in both languages). Both or neither.
def _correction(draft: dict, draft_date: dt.date) -> tuple[dt.date | None, dict[str, str] | None]:
    if draft.get("corrects") is None and draft.get("errata") is None:
        return None, None
    corrects = _date(draft.get("corrects"), f"{CONFIG_KEY}.draft.corrects")
    if corrects >= draft_date:
        raise ConfigError(f"{CONFIG_KEY}.draft.corrects: {corrects.isoformat()} is not before this draft's date "
                          f"({draft_date.isoformat()}); name the date of the published draft this one corrects",
                          vi=f"{CONFIG_KEY}.draft.corrects: {corrects.isoformat()} không trước ngày của bản dự thảo "
                             f"này ({draft_date.isoformat()}); ghi ngày của bản dự thảo đã công bố mà bản này đính chính")
    errata = draft.get("errata")
    if not isinstance(errata, dict) or not all(isinstance(errata.get(k), str) and errata[k].strip() for k in ("vi", "en")):
        raise ConfigError(f"{CONFIG_KEY}.draft.errata: a correction says what it corrects, with `vi:` and `en:` texts "
                          "(for example vi: \"Sửa lỗi chuyển đổi ở mục II.1.2\")",
                          vi=f"{CONFIG_KEY}.draft.errata: bản đính chính phải nêu điều được đính chính, bằng `vi:` và "
                             "`en:` (ví dụ vi: \"Sửa lỗi chuyển đổi ở mục II.1.2\")")
    return corrects, {"vi": errata["vi"].strip(), "en": errata["en"].strip()}


def _mapping(raw: dict, key: str) -> dict:
    value = raw.get(key)
    if not isinstance(value, dict):
        raise ConfigError(f"{CONFIG_KEY}.{key} is missing or not a mapping (see README, 'Comments')",
                          vi=f"{CONFIG_KEY}.{key} chưa có hoặc không phải một nhóm khoá (xem hướng dẫn biên tập, mục 5)")
    return value


def _url(value: object, key: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(f"{key}: no form URL; paste the address of the comment form",
                          vi=f"{key}: chưa có địa chỉ phiếu; dán địa chỉ của phiếu góp ý")
    parts = urlsplit(value)
    loopback = parts.scheme == "http" and parts.hostname in ("127.0.0.1", "localhost")  # local test forms only
    if (parts.scheme != "https" and not loopback) or not parts.hostname or any(c.isspace() for c in value) \
            or ("." not in parts.hostname and not loopback):
        raise ConfigError(f"{key}: {value!r} is not a valid https:// URL",
                          vi=f"{key}: {value!r} không phải địa chỉ https:// hợp lệ")
    return value


def _date(value: object, key: str) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise ConfigError(f"{key}: {value!r} is not a date; write it as YYYY-MM-DD",
                      vi=f"{key}: {value!r} không phải một ngày; viết dạng YYYY-MM-DD (năm-tháng-ngày), ví dụ "
                         "\"2027-01-15\"")


# Whether the settings still point at a placeholder form (the project's sample address or an example
# host): a message saying what to do (in Vietnamese and English), or None for a real form.
def placeholder_problem(c: Consultation) -> Message | None:
    host = (urlsplit(c.form_url.replace("{", "").replace("}", "")).hostname or "").lower()
    sample = PLACEHOLDER_FORM in c.form_url or (c.fields and set(c.fields.values()) <= PLACEHOLDER_ENTRIES)
    if not sample and host not in EXAMPLE_HOSTS and not host.endswith(".invalid"):
        return None
    return Message(
        f"{CONFIG_KEY}.form still points at a placeholder form ({c.form_url}): comments sent there reach "
        "nobody. Paste the organiser's form: run `python tools/set_form.py 'PRE-FILLED LINK'` with the form's "
        "pre-filled link (Google Forms), or write its address template (see editors/huong-dan-bien-tap.md, "
        "«Đổi phiếu góp ý»)",
        vi=f"{CONFIG_KEY}.form vẫn trỏ đến phiếu góp ý mẫu ({c.form_url}): góp ý gửi tới đó không đến được ai. Dán "
           "phiếu của cơ quan tổ chức lấy ý kiến: chạy `python tools/set_form.py 'ĐƯỜNG LIÊN KẾT ĐIỀN SẴN'` với "
           "đường liên kết điền sẵn của phiếu (Google Forms), hoặc viết địa chỉ mẫu của phiếu (xem "
           "editors/huong-dan-bien-tap.md, mục 5.1 «Đổi phiếu góp ý»)")


# The day the build counts as today: BUILD_DATE=YYYY-MM-DD (reproducible builds and tests) or today.
def build_day(value: str | None) -> dt.date:
    return dt.date.fromisoformat(value) if value else dt.date.today()


# The values sent to the form for one section.
def field_values(c: Consultation, section_id: str, label: str, url: str, lang: str) -> dict[str, str]:
    return {"section": section_id, "label": label, "revision": c.draft_label[lang],
            "revision_date": c.draft_date.isoformat(), "url": url, "lang": lang}


# The form's address, prefilled for one section (values URL-encoded; not yet HTML-escaped).
def comment_url(c: Consultation, section_id: str, label: str, url: str, lang: str) -> str:
    values = field_values(c, section_id, label, url, lang)
    if c.preset == "google":
        query = urlencode([("usp", "pp_url")] + [(entry, values[name]) for name, entry in c.fields.items()])
        return f"{c.form_url}{'&' if '?' in c.form_url else '?'}{query}"
    return c.form_url.format(**{name: quote(value, safe="") for name, value in values.items()})


# "upcoming", "open" or "closed" on `today` (dates are Vietnamese calendar days, both inclusive).
def status(c: Consultation, today: dt.date) -> str:
    if today < c.opens:
        return "upcoming"
    return "open" if today <= c.closes else "closed"


# A date as a reader of `lang` writes it: 15/01/2027 or 15 January 2027.
def format_date(day: dt.date, lang: str) -> str:
    if lang == "vi":
        return day.strftime("%d/%m/%Y")
    return f"{day.day} {day.strftime('%B')} {day.year}"


# The status line shown on every page, for each state (the browser picks one by today's date).
def status_texts(c: Consultation, lang: str) -> dict[str, str]:
    dates = {"open": format_date(c.opens, lang), "close": format_date(c.closes, lang)}
    return {state: t(f"status.{state}", lang, **dates) for state in ("upcoming", "open", "closed")}


# The comment link placed under a section heading.
# With `privacy` (the privacy page's address), a small link to it follows the comment link.
def comment_link_html(c: Consultation, section_id: str, number: str, label: str, url: str, lang: str, hidden: bool,
                      privacy: str | None = None) -> str:
    href = html.escape(comment_url(c, section_id, label, url, lang), quote=True)
    text = html.escape(t("comment.section", lang, number=number))
    title = html.escape(t("comment.section.title", lang, label=label), quote=True)
    return (f'<p class="comment-link" data-search-exclude{" hidden" if hidden else ""}>'
            f'<a href="{href}" title="{title}" target="_blank" rel="noopener">{text}</a>'
            f'{privacy_link_html(privacy, lang) if privacy else ""}</p>')


# The small link to the privacy page placed beside a comment link.
def privacy_link_html(href: str, lang: str, css: str = "comment-privacy") -> str:
    return (f' <a class="{css}" href="{html.escape(href, quote=True)}" '
            f'title="{html.escape(t("comment.privacy.title", lang), quote=True)}">{html.escape(t("comment.privacy", lang))}</a>')


# A prominent comment link for the whole draft (the home page, near its top) with the privacy link
# beside it, and the notice that replaces it once the consultation has closed (consultation.js switches them by today's date).
def general_link_html(url: str, text: str, closed: str, state: str, privacy: str, lang: str) -> str:
    return (f'<div class="comment-lead" data-search-exclude>'
            f'<p class="comment-link comment-link--lead"{"" if state == "open" else " hidden"}>'
            f'<a class="md-button md-button--primary" href="{html.escape(url, quote=True)}" target="_blank" '
            f'rel="noopener">{html.escape(text)}</a>{privacy_link_html(privacy, lang)}</p>'
            f'<p class="comment-closed-notice"{"" if state == "closed" else " hidden"}>{html.escape(closed)}</p></div>')


# Where and until when to comment, for the full text and its PDF: the site's address, the closing
# day, and the short address and QR code under every section.
def how_to_comment_html(c: Consultation, site_url: str, lang: str) -> str:
    link = f'<a href="{html.escape(site_url, quote=True)}">{html.escape(site_url)}</a>'
    text = t("comment.how", lang, site=link, close=format_date(c.closes, lang))
    return f'<p class="how-to-comment" data-search-exclude>{text}</p>'


# "Dự thảo Báo cáo chính trị …, bản ngày 31/3/2020": how citations name the draft.
def citation_name(lang: str, iso_date: str) -> str:
    day = dt.date.fromisoformat(iso_date)
    return f"{t('draft.name', lang)}, {t('draft.version', lang, date=format_day(day, lang))}"


# A date as the document writes it in running text: 31/3/2020 (no leading zeros) or 31 March 2020.
def format_day(day: dt.date, lang: str) -> str:
    return f"{day.day}/{day.month}/{day.year}" if lang == "vi" else format_date(day, lang)


# `<!-- draft:label -->` and `<!-- draft:date -->` in a page's Markdown: the label and the date of the
# draft being consulted on, from the settings (the one place a draft's date is written).
def fill_draft_markers(markdown: str, c: Consultation, lang: str) -> str:
    date = format_day(c.draft_date, lang)
    return markdown.replace("<!-- draft:label -->", c.draft_label[lang]).replace("<!-- draft:date -->", date)
