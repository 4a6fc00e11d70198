"""The consultation: its settings (form, dates, draft, organiser), prefilled comment-form links, and status."""

from __future__ import annotations

import datetime as dt
import html
import re
import string
from dataclasses import dataclass
from urllib.parse import quote, urlencode, urlsplit

from draftsite.messages import EditorError, Message
from draftsite.state import kept
from draftsite.strings import t

FIELDS = ("section", "label", "revision", "revision_date", "url", "lang", "paragraph")
# The fields a paragraph's comment link fills in the reader's browser (citation.js), from a template.
PARAGRAPH_FIELDS = ("section", "label", "url", "paragraph")
PRESETS = ("google", "template")
CONFIG_KEY = "extra.consultation"
PLACEHOLDER_FORM = (
    "1FAIpQLSdTNPC-du-thao-bao-cao-chinh-tri-XX"  # the sample form the project shipped with
)
PLACEHOLDER_ENTRIES = {f"entry.100000{n}" for n in range(1, 10)}
EXAMPLE_HOSTS = {"example.org", "example.com", "example.net", "www.example.org", "www.example.com"}
ORGANISER_KEYS = ("name", "address", "email", "phone")
_EMAIL = re.compile(r"[^@\s<>\"]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
_PHONE = re.compile(r"\+?[0-9][0-9 ().-]*[0-9]")


class ConfigError(EditorError):
    """A broken consultation setting in mkdocs.yml, naming the key and what to do (in Vietnamese, `vi`,
    with the English kept)."""

    @property
    def key(self) -> str:
        """The dotted key the message starts with ("extra.consultation.form.url")."""
        return config_key(self.english)


def config_key(message: str) -> str:
    """The dotted key an English settings message starts with ("extra.consultation.form.url"), else "extra"."""
    match = re.match(r"extra(?:\.[A-Za-z0-9_-]+)*", message)
    return match[0] if match else "extra"


@dataclass(frozen=True)
class Organiser:
    """The body that runs the consultation and receives the comments, as readers can reach it."""

    name: dict[str, str]  # {"vi": …, "en": …}
    address: dict[str, str]  # the postal address, per language (the same text when written once)
    email: str
    phone: str


@dataclass(frozen=True)
class Consultation:
    """The consultation settings of `extra.consultation`, validated: form, dates, draft, organiser."""

    preset: str  # "google" or "template"
    form_url: str  # google: the form's viewform URL; template: the URL template
    fields: dict[str, str]  # google: named field -> "entry.NNN"
    opens: dt.date
    closes: dt.date
    draft_id: str
    draft_date: dt.date
    draft_label: dict[str, str]
    draft_corrects: dt.date | None = None  # a correction: the date of the draft it corrects
    draft_errata: dict[str, str] | None = (
        None  # a correction: what it corrects ({"vi": …, "en": …})
    )
    organiser: Organiser | None = None  # None until the editors fill `extra.consultation.organiser`


@dataclass
class _Settings:
    """The build's consultation settings, validated once (see settings())."""

    consultation: Consultation | None = None


def keep_settings(consultation: Consultation) -> Consultation:
    """Make `consultation` the build's settings (validated by load_consultation, once per language)."""
    kept(_Settings).consultation = consultation
    return consultation


def settings() -> Consultation:
    """The build's consultation settings, as validated when the build was configured: every feature
    reads them here, never `extra.consultation` itself."""
    consultation = kept(_Settings).consultation
    if consultation is None:
        raise RuntimeError(
            "the consultation settings are read before the build's configuration validated them"
        )
    return consultation


def load_consultation(extra: dict | None) -> Consultation:
    """Validate `extra.consultation` of mkdocs.yml; every problem raises ConfigError naming the key."""
    raw = (extra or {}).get("consultation")
    if not isinstance(raw, dict):
        raise ConfigError(
            f"{CONFIG_KEY} is missing or not a block of settings: add the comment form and the "
            "consultation dates (see README)",
            vi=f"chưa có {CONFIG_KEY} hoặc đó không phải một khối thiết lập: thêm phiếu góp ý và thời hạn "
            "lấy ý kiến (xem hướng dẫn biên tập, mục 5)",
        )
    form = _mapping(raw, "form")
    preset = form.get("preset")
    if preset not in PRESETS:
        raise ConfigError(
            f"{CONFIG_KEY}.form.preset: {preset!r} is not a preset; use 'google' or 'template'",
            vi=f"{CONFIG_KEY}.form.preset: {preset!r} không phải kiểu phiếu được hỗ trợ; dùng 'google' "
            "hoặc 'template'",
        )
    fields: dict[str, str] = {}
    if preset == "google":
        url = _url(form.get("url"), f"{CONFIG_KEY}.form.url")
        raw_fields = form.get("fields")
        if not isinstance(raw_fields, dict) or not raw_fields:
            raise ConfigError(
                f"{CONFIG_KEY}.form.fields: map the named fields ({', '.join(FIELDS)}) to the form's "
                "prefill ids, e.g. section: entry.123456",
                vi=f"{CONFIG_KEY}.form.fields: ghi mã điền sẵn của phiếu cho từng ô ({', '.join(FIELDS)}), "
                "ví dụ section: entry.123456 (hoặc chạy tools/set_form.py)",
            )
        for name, entry in raw_fields.items():
            if name not in FIELDS:
                raise ConfigError(
                    f"{CONFIG_KEY}.form.fields.{name}: unknown field; use {', '.join(FIELDS)}",
                    vi=f"{CONFIG_KEY}.form.fields.{name}: tên ô lạ; dùng {', '.join(FIELDS)}",
                )
            if not isinstance(entry, str) or not re.fullmatch(r"entry\.[0-9]+", entry):
                raise ConfigError(
                    f"{CONFIG_KEY}.form.fields.{name}: {entry!r} is not a Google Forms prefill id "
                    "like entry.123456 (copy it from the form's 'Get pre-filled link')",
                    vi=f"{CONFIG_KEY}.form.fields.{name}: {entry!r} không phải mã điền sẵn của Google "
                    "Forms dạng entry.123456 (sao chép từ «Lấy đường liên kết điền sẵn» của phiếu)",
                )
            fields[name] = entry
    else:
        url = form.get("template")
        if not isinstance(url, str) or not url.strip():
            raise ConfigError(
                f"{CONFIG_KEY}.form.template: no form URL template; write e.g. "
                "https://example.org/form?section={section}&label={label}",
                vi=f"{CONFIG_KEY}.form.template: chưa có địa chỉ mẫu của phiếu; viết ví dụ "
                "https://example.org/form?section={section}&label={label}",
            )
        names = [name for _, name, _, _ in string.Formatter().parse(url) if name is not None]
        for name in names:
            if name not in FIELDS:
                raise ConfigError(
                    f"{CONFIG_KEY}.form.template: unknown field {{{name}}}; use {', '.join('{' + f + '}' for f in FIELDS)}",
                    vi=f"{CONFIG_KEY}.form.template: chỗ điền lạ {{{name}}}; dùng "
                    f"{', '.join('{' + f + '}' for f in FIELDS)}",
                )
        _url(url.format(**{f: "x" for f in FIELDS}), f"{CONFIG_KEY}.form.template")
    opens = _date(raw.get("opens"), f"{CONFIG_KEY}.opens")
    closes = _date(raw.get("closes"), f"{CONFIG_KEY}.closes")
    if closes < opens:
        raise ConfigError(
            f"{CONFIG_KEY}.closes: {closes.isoformat()} is before opens ({opens.isoformat()}); "
            "the consultation must close after it opens",
            vi=f"{CONFIG_KEY}.closes: ngày đóng {closes.isoformat()} trước ngày mở (opens: "
            f"{opens.isoformat()}); thời hạn lấy ý kiến phải kết thúc sau ngày mở",
        )
    draft = _mapping(raw, "draft")
    draft_id = draft.get("id")
    if not isinstance(draft_id, str) or not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", draft_id):
        raise ConfigError(
            f"{CONFIG_KEY}.draft.id: give the draft an ASCII id such as du-thao-2020-03-31",
            vi=f"{CONFIG_KEY}.draft.id: đặt cho bản dự thảo một mã ASCII, ví dụ du-thao-2020-03-31",
        )
    draft_date = _date(draft.get("date"), f"{CONFIG_KEY}.draft.date")
    if draft_id != f"du-thao-{draft_date.isoformat()}":
        raise ConfigError(
            f"{CONFIG_KEY}.draft.id: {draft_id!r} does not match draft.date ({draft_date.isoformat()}); "
            f"write id: du-thao-{draft_date.isoformat()}",
            vi=f"{CONFIG_KEY}.draft.id: {draft_id!r} không khớp với draft.date ({draft_date.isoformat()}); "
            f"viết id: du-thao-{draft_date.isoformat()}",
        )
    label = draft.get("label")
    if not isinstance(label, dict) or not all(
        isinstance(label.get(k), str) and label[k] for k in ("vi", "en")
    ):
        raise ConfigError(
            f"{CONFIG_KEY}.draft.label: needs `vi:` and `en:` texts",
            vi=f"{CONFIG_KEY}.draft.label: cần có tên bản dự thảo bằng cả hai thứ tiếng, `vi:` và `en:`",
        )
    corrects, errata = _correction(draft, draft_date)
    return Consultation(
        preset,
        url,
        fields,
        opens,
        closes,
        draft_id,
        draft_date,
        {"vi": label["vi"], "en": label["en"]},
        corrects,
        errata,
        _organiser(raw.get("organiser")),
    )


def _organiser(raw: object) -> Organiser | None:
    """`extra.consultation.organiser`: who receives the comments and how readers reach them (the privacy
    page shows it). Absent: None (publishing refuses, see organiser_problem); present: complete and valid."""
    key = f"{CONFIG_KEY}.organiser"
    if raw is None:
        return None
    if not isinstance(raw, dict):
        raise ConfigError(
            f"{key}: write it as a block with {', '.join(ORGANISER_KEYS)} (see editors/huong-dan-bien-tap.md, §5)",
            vi=f"{key}: viết thành một khối gồm {', '.join(ORGANISER_KEYS)} (xem "
            "editors/huong-dan-bien-tap.md, mục 5)",
        )
    for name in raw:
        if name not in ORGANISER_KEYS:
            raise ConfigError(
                f"{key}.{name}: unknown key; use {', '.join(ORGANISER_KEYS)}",
                vi=f"{key}.{name}: khoá lạ; dùng {', '.join(ORGANISER_KEYS)}",
            )
    name = _texts(
        raw.get("name"),
        f"{key}.name",
        "the body's name, e.g. vi: Tiểu ban Văn kiện …, en: Document Subcommittee …",
        "tên cơ quan, ví dụ vi: Tiểu ban Văn kiện …, en: Document Subcommittee …",
    )
    address = _texts(
        raw.get("address"),
        f"{key}.address",
        "the postal address where readers can write or go",
        "địa chỉ bưu chính nơi người đọc có thể gửi thư hoặc đến trực tiếp",
    )
    email = raw.get("email")
    if not isinstance(email, str) or not _EMAIL.fullmatch(email.strip()):
        raise ConfigError(
            f"{key}.email: {email!r} is not an e-mail address; write the address that answers readers, "
            "e.g. email: vanphong@thainguyen.dcs.vn",
            vi=f"{key}.email: {email!r} không phải địa chỉ thư điện tử; viết địa chỉ sẽ trả lời người đọc, "
            "ví dụ email: vanphong@thainguyen.dcs.vn",
        )
    phone = raw.get("phone")
    digits = re.sub(r"[^0-9]", "", phone) if isinstance(phone, str) else ""
    if (
        not isinstance(phone, str)
        or not _PHONE.fullmatch(phone.strip())
        or not 8 <= len(digits) <= 15
    ):
        raise ConfigError(
            f'{key}.phone: {phone!r} is not a phone number; write it in quotes, e.g. phone: "0208 3855 123"',
            vi=f"{key}.phone: {phone!r} không phải số điện thoại; viết trong ngoặc kép, ví dụ "
            'phone: "0208 3855 123"',
        )
    return Organiser(name, address, email.strip(), phone.strip())


def _texts(value: object, key: str, what: str, what_vi: str) -> dict[str, str]:
    """A text in both languages: one string (the same in both) or `vi:` and `en:` texts. `what`: what to
    write, in English and in Vietnamese (`what_vi`), for the message."""
    if isinstance(value, str) and value.strip():
        return {"vi": value.strip(), "en": value.strip()}
    if isinstance(value, dict) and all(
        isinstance(value.get(k), str) and value[k].strip() for k in ("vi", "en")
    ):
        return {"vi": value["vi"].strip(), "en": value["en"].strip()}
    raise ConfigError(
        f"{key}: empty; write {what} (one text, or `vi:` and `en:` texts)",
        vi=f"{key}: còn trống; viết {what_vi} (một đoạn chữ chung, hoặc hai đoạn `vi:` và `en:`)",
    )


def _correction(draft: dict, draft_date: dt.date) -> tuple[dt.date | None, dict[str, str] | None]:
    """A draft that corrects an earlier one: `corrects` (that draft's date) and `errata` (what it corrects,
    in both languages). Both or neither."""
    if draft.get("corrects") is None and draft.get("errata") is None:
        return None, None
    corrects = _date(draft.get("corrects"), f"{CONFIG_KEY}.draft.corrects")
    if corrects >= draft_date:
        raise ConfigError(
            f"{CONFIG_KEY}.draft.corrects: {corrects.isoformat()} is not before this draft's date "
            f"({draft_date.isoformat()}); name the date of the published draft this one corrects",
            vi=f"{CONFIG_KEY}.draft.corrects: {corrects.isoformat()} không trước ngày của bản dự thảo "
            f"này ({draft_date.isoformat()}); ghi ngày của bản dự thảo đã công bố mà bản này đính chính",
        )
    errata = draft.get("errata")
    if not isinstance(errata, dict) or not all(
        isinstance(errata.get(k), str) and errata[k].strip() for k in ("vi", "en")
    ):
        raise ConfigError(
            f"{CONFIG_KEY}.draft.errata: a correction says what it corrects, with `vi:` and `en:` texts "
            '(for example vi: "Sửa lỗi chuyển đổi ở mục II.1.2")',
            vi=f"{CONFIG_KEY}.draft.errata: bản đính chính phải nêu điều được đính chính, bằng `vi:` và "
            '`en:` (ví dụ vi: "Sửa lỗi chuyển đổi ở mục II.1.2")',
        )
    return corrects, {"vi": errata["vi"].strip(), "en": errata["en"].strip()}


def _mapping(raw: dict, key: str) -> dict:
    value = raw.get(key)
    if not isinstance(value, dict):
        raise ConfigError(
            f"{CONFIG_KEY}.{key} is missing or not a mapping (see README, 'Comments')",
            vi=f"{CONFIG_KEY}.{key} chưa có hoặc không phải một nhóm khoá (xem hướng dẫn biên tập, mục 5)",
        )
    return value


def _url(value: object, key: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(
            f"{key}: no form URL; paste the address of the comment form",
            vi=f"{key}: chưa có địa chỉ phiếu; dán địa chỉ của phiếu góp ý",
        )
    parts = urlsplit(value)
    loopback = parts.scheme == "http" and parts.hostname in (
        "127.0.0.1",
        "localhost",
    )  # local test forms only
    if (
        (parts.scheme != "https" and not loopback)
        or not parts.hostname
        or any(c.isspace() for c in value)
        or ("." not in parts.hostname and not loopback)
    ):
        raise ConfigError(
            f"{key}: {value!r} is not a valid https:// URL",
            vi=f"{key}: {value!r} không phải địa chỉ https:// hợp lệ",
        )
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
    raise ConfigError(
        f"{key}: {value!r} is not a date; write it as YYYY-MM-DD",
        vi=f"{key}: {value!r} không phải một ngày; viết dạng YYYY-MM-DD (năm-tháng-ngày), ví dụ "
        '"2027-01-15"',
    )


def load_withdrawn_drafts(extra: dict | None) -> list[str]:
    """The drafts declared withdrawn (`extra.withdrawn_drafts`): their dates, YYYY-MM-DD; nothing when
    the key is absent. Anything else raises ConfigError naming the key."""
    raw = (extra or {}).get("withdrawn_drafts")
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise ConfigError(
            f"extra.withdrawn_drafts: {raw!r} is not a list; write the withdrawn drafts' dates as a list, "
            'e.g. withdrawn_drafts: ["2020-03-31"]',
            vi=f"extra.withdrawn_drafts: {raw!r} không phải một danh sách; viết ngày của các bản dự thảo "
            'đã rút thành một danh sách, ví dụ withdrawn_drafts: ["2020-03-31"]',
        )
    return [_date(value, "extra.withdrawn_drafts").isoformat() for value in raw]


def placeholder_problem(c: Consultation) -> Message | None:
    """Whether the settings still point at a placeholder form (the project's sample address or an example
    host): a message saying what to do (in Vietnamese and English), or None for a real form."""
    host = (urlsplit(c.form_url.replace("{", "").replace("}", "")).hostname or "").lower()
    sample = PLACEHOLDER_FORM in c.form_url or (
        c.fields and set(c.fields.values()) <= PLACEHOLDER_ENTRIES
    )
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
        "editors/huong-dan-bien-tap.md, mục 5.1 «Đổi phiếu góp ý»)",
    )


def organiser_problem(c: Consultation) -> Message | None:
    """Whether the privacy page can name who to contact: a message saying what to do while
    `extra.consultation.organiser` is missing or still a sample (an example e-mail host), or None
    (in Vietnamese and English)."""
    key = f"{CONFIG_KEY}.organiser"
    if c.organiser is None:
        return Message(
            f"{key} is missing: the privacy page («Quyền riêng tư khi góp ý») must say how readers reach the body "
            "that receives their comments (to ask about, withdraw or delete one). In mkdocs.yml remove the # signs "
            f"of the `organiser:` block and fill in {', '.join(ORGANISER_KEYS)} (see editors/huong-dan-bien-tap.md, §5)",
            vi=f"chưa có {key}: trang «Quyền riêng tư khi góp ý» phải cho người đọc biết cách liên hệ với cơ quan nhận "
            "góp ý của họ (để hỏi về, rút lại hoặc xoá một góp ý). Trong mkdocs.yml, xoá các dấu # của khối "
            f"`organiser:` và điền {', '.join(ORGANISER_KEYS)} (xem editors/huong-dan-bien-tap.md, mục 5)",
        )
    host = c.organiser.email.rsplit("@", 1)[1].lower()
    if host in EXAMPLE_HOSTS or host.endswith((".invalid", ".example")):
        return Message(
            f"{key}.email still points at an example address ({c.organiser.email}): write the address that "
            "answers readers (see editors/huong-dan-bien-tap.md, §5)",
            vi=f"{key}.email vẫn là một địa chỉ mẫu ({c.organiser.email}): viết địa chỉ sẽ trả lời người đọc (xem "
            "editors/huong-dan-bien-tap.md, mục 5)",
        )
    return None


def publishing_problems(c: Consultation) -> list[Message]:
    """Every reason the settings cannot be published yet (the placeholder form, the missing contact)."""
    return [problem for problem in (placeholder_problem(c), organiser_problem(c)) if problem]


def form_host(c: Consultation) -> str:
    """The form's host, as the privacy page names it: "docs.google.com", "gopy.thainguyen.gov.vn"."""
    sample = c.form_url.format(**{f: "x" for f in FIELDS}) if c.preset == "template" else c.form_url
    return (urlsplit(sample).hostname or "").lower()


def form_provider_text(c: Consultation, lang: str) -> str:
    """The sentence of the privacy page that names the form's provider and where it keeps the comments."""
    if c.preset == "google":
        return t("privacy.provider.google", lang)
    return t("privacy.provider.template", lang, host=form_host(c))


def organiser_html(c: Consultation, lang: str) -> str:
    """The organiser's contact for the privacy page (name, address, e-mail, phone), or, while the settings
    lack it (local builds only: publishing refuses), a notice saying what the editors must fill in."""
    o = c.organiser
    if o is None:
        return f'<p class="organiser-missing"><strong>{html.escape(t("privacy.organiser.missing", lang))}</strong></p>'
    esc = html.escape
    phone_href = "tel:" + re.sub(r"[^0-9+]", "", o.phone)
    items = [
        f'<li class="organiser-contact__name">{esc(o.name[lang])}</li>',
        f"<li>{esc(t('privacy.organiser.address', lang))} {esc(o.address[lang])}</li>",
        f'<li>{esc(t("privacy.organiser.email", lang))} <a href="mailto:{esc(o.email, quote=True)}">{esc(o.email)}</a></li>',
        f'<li>{esc(t("privacy.organiser.phone", lang))} <a href="{esc(phone_href, quote=True)}">{esc(o.phone)}</a></li>',
    ]
    return f'<ul class="organiser-contact">{"".join(items)}</ul>'


def field_values(
    c: Consultation, section_id: str, label: str, url: str, lang: str, paragraph: str = ""
) -> dict[str, str]:
    """The values sent to the form for one section (or, with `paragraph`, one paragraph's id)."""
    return {
        "section": section_id,
        "label": label,
        "revision": c.draft_label[lang],
        "revision_date": c.draft_date.isoformat(),
        "url": url,
        "lang": lang,
        "paragraph": paragraph,
    }


def comment_url(
    c: Consultation, section_id: str, label: str, url: str, lang: str, paragraph: str = ""
) -> str:
    """The form's address, prefilled for one section, or one of its paragraphs with `paragraph` (values
    URL-encoded; not yet HTML-escaped). A field left empty (no paragraph) is not sent to a Google Form."""
    values = field_values(c, section_id, label, url, lang, paragraph)
    if c.preset == "google":
        query = urlencode(
            [("usp", "pp_url")]
            + [(entry, values[name]) for name, entry in c.fields.items() if values[name]]
        )
        return f"{c.form_url}{'&' if '?' in c.form_url else '?'}{query}"
    return c.form_url.format(**{name: quote(value, safe="") for name, value in values.items()})


def paragraph_comment_template(c: Consultation, lang: str) -> str:
    """The form's address for any paragraph of a page, for citation.js: the draft and the language filled
    in, and `{section}`, `{label}`, `{url}`, `{paragraph}` left for the script to fill (URL-encoded) with
    the paragraph's section, its citation label, its address and its id. Fields the form lacks are absent."""
    url = comment_url(c, "{section}", "{label}", "{url}", lang, "{paragraph}")
    for name in PARAGRAPH_FIELDS:  # the placeholders came out URL-encoded, as any value does
        url = url.replace(quote(f"{{{name}}}", safe=""), f"{{{name}}}")
    return url


def status(c: Consultation, today: dt.date) -> str:
    """ "upcoming", "open" or "closed" on `today` (dates are Vietnamese calendar days, both inclusive)."""
    if today < c.opens:
        return "upcoming"
    return "open" if today <= c.closes else "closed"


def format_date(day: dt.date, lang: str) -> str:
    """A date as a reader of `lang` writes it: 15/01/2027 or 15 January 2027."""
    if lang == "vi":
        return day.strftime("%d/%m/%Y")
    return f"{day.day} {day.strftime('%B')} {day.year}"


def status_texts(c: Consultation, lang: str) -> dict[str, str]:
    """The status line shown on every page, for each state (the browser picks one by today's date)."""
    dates = {"open": format_date(c.opens, lang), "close": format_date(c.closes, lang)}
    return {state: t(f"status.{state}", lang, **dates) for state in ("upcoming", "open", "closed")}


def comment_link_html(
    c: Consultation,
    section_id: str,
    number: str,
    label: str,
    url: str,
    lang: str,
    hidden: bool,
    privacy: str | None = None,
) -> str:
    """The comment link placed under a section heading.
    With `privacy` (the privacy page's address), a small link to it follows the comment link."""
    href = html.escape(comment_url(c, section_id, label, url, lang), quote=True)
    text = html.escape(t("comment.section", lang, number=number))
    title = html.escape(t("comment.section.title", lang, label=label), quote=True)
    return (
        f'<p class="comment-link" data-search-exclude{" hidden" if hidden else ""}>'
        f'<a href="{href}" title="{title}" target="_blank" rel="noopener">{text}</a>'
        f"{privacy_link_html(privacy, lang) if privacy else ''}</p>"
    )


def privacy_link_html(href: str, lang: str, css: str = "comment-privacy") -> str:
    """The small link to the privacy page placed beside a comment link."""
    return (
        f' <a class="{css}" href="{html.escape(href, quote=True)}" '
        f'title="{html.escape(t("comment.privacy.title", lang), quote=True)}">{html.escape(t("comment.privacy", lang))}</a>'
    )


def general_link_html(url: str, text: str, closed: str, state: str, privacy: str, lang: str) -> str:
    """A prominent comment link for the whole draft (the home page, near its top) with the privacy link
    beside it, and the notice that replaces it once the consultation has closed (consultation.js switches them by today's date)."""
    return (
        f'<div class="comment-lead" data-search-exclude>'
        f'<p class="comment-link comment-link--lead"{"" if state == "open" else " hidden"}>'
        f'<a class="md-button md-button--primary" href="{html.escape(url, quote=True)}" target="_blank" '
        f'rel="noopener">{html.escape(text)}</a>{privacy_link_html(privacy, lang)}</p>'
        f'<p class="comment-closed-notice"{"" if state == "closed" else " hidden"}>{html.escape(closed)}</p></div>'
    )


def how_to_comment_html(c: Consultation, site_url: str, lang: str) -> str:
    """Where and until when to comment, for the full text and its PDF: the site's address, the closing
    day, and the short address and QR code under every section."""
    link = f'<a href="{html.escape(site_url, quote=True)}">{html.escape(site_url)}</a>'
    text = t("comment.how", lang, site=link, close=format_date(c.closes, lang))
    return f'<p class="how-to-comment" data-search-exclude>{text}</p>'


def citation_name(lang: str, iso_date: str) -> str:
    """ "Dự thảo Báo cáo chính trị …, bản ngày 31/3/2020": how citations name the draft."""
    day = dt.date.fromisoformat(iso_date)
    return f"{t('draft.name', lang)}, {t('draft.version', lang, date=format_day(day, lang))}"


def format_day(day: dt.date, lang: str) -> str:
    """A date as the document writes it in running text: 31/3/2020 (no leading zeros) or 31 March 2020."""
    return f"{day.day}/{day.month}/{day.year}" if lang == "vi" else format_date(day, lang)


def fill_draft_markers(markdown: str, c: Consultation, lang: str) -> str:
    """`<!-- draft:label -->` and `<!-- draft:date -->` in a page's Markdown: the label and the date of the
    draft being consulted on; `<!-- consultation:closes -->`: the last day comments are accepted. All
    from the settings (the one place a date is written)."""
    values = {
        "<!-- draft:label -->": c.draft_label[lang],
        "<!-- draft:date -->": format_day(c.draft_date, lang),
        "<!-- consultation:closes -->": format_day(c.closes, lang),
    }
    for marker, value in values.items():
        markdown = markdown.replace(marker, value)
    return markdown
