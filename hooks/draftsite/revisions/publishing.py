"""The rules of publishing drafts, as plain functions for tools/publish.py and the build: which git
tags are drafts, that a draft's date is written once (mkdocs.yml, checked against its tag), that no
draft that was ever online is dropped, which settings reach every draft, and one sitemap for all."""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from xml.sax.saxutils import escape

TAG_PREFIX = "du-thao-"
TAG = re.compile(r"^du-thao-(\d{4}-\d{2}-\d{2})$")
TAG_FORM = "du-thao-YYYY-MM-DD (for example du-thao-2020-05-15)"
# Settings of extra.consultation that come from main's latest commit for every draft: a change of
# dates or of the form reaches the site on the next push, without a new draft.
SHARED_SETTINGS_EXCLUDED = ("draft",)
_LOC = re.compile(r"<loc>\s*([^<\s]+)\s*</loc>")


class PublishError(Exception):
    """A reason to stop publishing, written for an editor: in Vietnamese (`vi`) where given, with the
    English kept for the log."""

    def __init__(self, message: str, vi: str = "") -> None:
        super().__init__(message)
        self.vi = vi

    def __str__(self) -> str:
        english = super().__str__()
        return f"{self.vi}\n(English: {english})" if self.vi else english


@dataclass(frozen=True)
class DraftSettings:
    """A draft as its own mkdocs.yml names it (`extra.consultation.draft`)."""

    date: str  # "2020-03-31"
    id: str
    label: dict[str, str]
    corrects: str | None = None  # a correction: the date of the draft it corrects
    errata: dict[str, str] | None = None


def tag_date(tag: str) -> str:
    """The date of a draft tag ("du-thao-2020-03-31" → "2020-03-31"); a malformed draft tag stops publishing."""
    match = TAG.match(tag)
    problem = None
    if not match:
        problem = "is not of the form"
    else:
        try:
            dt.date.fromisoformat(match[1])
        except ValueError:
            problem = "has no real date; it should be of the form"
    if problem:
        raise PublishError(
            f"tag {tag!r} looks like a draft tag but {problem} {TAG_FORM}. Delete it "
            f"(git tag -d {tag} && git push origin :refs/tags/{tag}) and tag the draft again.",
            vi=f"thẻ {tag!r} trông như thẻ bản dự thảo nhưng không đúng dạng du-thao-NĂM-THÁNG-NGÀY "
            f"(ví dụ du-thao-2020-05-15) hoặc không phải ngày có thật. Xoá thẻ (git tag -d {tag} && "
            f"git push origin :refs/tags/{tag}) rồi gắn lại thẻ đúng (hướng dẫn biên tập, mục 6).",
        )
    return match[1]


def draft_settings(config: dict, where: str) -> DraftSettings:
    """The draft named by one mkdocs.yml (its extra.consultation.draft block); `where` names the commit
    ("tag du-thao-…", a commit, "HEAD", "the working tree")."""
    draft = ((config.get("extra") or {}).get("consultation") or {}).get("draft") or {}
    date = str(draft.get("date", ""))
    where_vi = (
        "thư mục đang sửa (working tree)"
        if where == "the working tree"
        else "thẻ " + where[4:]
        if where.startswith("tag ")
        else where
    )
    try:
        dt.date.fromisoformat(date)
    except ValueError:
        raise PublishError(
            f"{where}: mkdocs.yml extra.consultation.draft.date is {date!r}; write the draft's date "
            'as "YYYY-MM-DD"',
            vi=f"{where_vi}: mkdocs.yml ghi extra.consultation.draft.date là {date!r}; viết ngày của bản "
            'dự thảo dạng "YYYY-MM-DD" (năm-tháng-ngày)',
        ) from None
    label = draft.get("label") or {}
    if not all(isinstance(label.get(k), str) and label[k] for k in ("vi", "en")):
        raise PublishError(
            f"{where}: mkdocs.yml extra.consultation.draft.label needs `vi:` and `en:` texts",
            vi=f"{where_vi}: extra.consultation.draft.label trong mkdocs.yml cần có tên bản dự thảo "
            "bằng cả hai thứ tiếng, `vi:` và `en:`",
        )
    corrects = str(draft["corrects"]) if draft.get("corrects") is not None else None
    errata = dict(draft["errata"]) if isinstance(draft.get("errata"), dict) else None
    return DraftSettings(
        date, str(draft.get("id", "")), {"vi": label["vi"], "en": label["en"]}, corrects, errata
    )


def check_corrections(drafts: list[dict]) -> None:
    """A correction must correct a draft published before it: stop otherwise."""
    for index, draft in enumerate(drafts):
        corrects = draft.get("corrects")
        if corrects and corrects not in {d["date"] for d in drafts[:index]}:
            raise PublishError(
                f"the draft of {draft['date']} says it corrects the draft of {corrects} (extra.consultation.draft."
                "corrects), which is not a published draft before it: name the date of the draft it corrects",
                vi=f"bản ngày {draft['date']} ghi là đính chính bản dự thảo ngày {corrects} (extra.consultation.draft."
                "corrects), nhưng trước nó không có bản đã công bố nào mang ngày đó: ghi đúng ngày của bản được đính chính",
            )


def check_tag_matches(tag: str, commit: str, settings: DraftSettings) -> None:
    """A tag's date must be the date its own mkdocs.yml gives the draft: the date is typed once."""
    if tag_date(tag) != settings.date:
        raise PublishError(
            vi=(
                f"thẻ {tag!r} nằm ở commit {commit[:10]}, nhưng mkdocs.yml của commit đó ghi bản dự thảo ngày "
                f"{settings.date} (extra.consultation.draft.date). Thẻ và ngày phải khớp: gắn thẻ "
                f"{TAG_PREFIX}{settings.date} cho commit đó (và xoá {tag}), hoặc sửa extra.consultation.draft trong "
                "mkdocs.yml, commit rồi chuyển thẻ sang commit mới."
            ),
            message=(
                f"tag {tag!r} is on commit {commit[:10]}, whose mkdocs.yml names the draft of {settings.date} "
                f"(extra.consultation.draft.date). The tag and the date must agree: either tag that commit "
                f"{TAG_PREFIX}{settings.date} (and delete {tag}), or fix extra.consultation.draft in mkdocs.yml, "
                f"commit, and move the tag to the new commit."
            ),
        )


def lost_drafts(
    named: dict[str, str],
    folders: set[str],
    tagged: set[str],
    current: str | None,
    withdrawn: set[str],
) -> list[str]:
    """Drafts that were online and would now be dropped: dates that main's history named in mkdocs.yml
    (`named`: date → last commit naming it) or that the output folder holds, but that are neither tagged,
    nor the draft now being published, nor declared withdrawn."""
    problems = []
    for date, commit in sorted(named.items()):
        if date not in tagged and date != current and date not in withdrawn:
            command = f'git tag -a {TAG_PREFIX}{date} {commit[:10]} -m "{date}" && git push origin {TAG_PREFIX}{date}'
            problems.append(
                f"bản dự thảo ngày {date} đã được công bố từ main (mkdocs.yml ghi bản này đến commit "
                f"{commit[:10]}) nhưng chưa có thẻ, nên sẽ biến mất. Gắn thẻ: {command} "
                f"(English: the draft of {date} was published from main (mkdocs.yml named it until commit "
                f"{commit[:10]}) but has no tag, so it would disappear. Tag it: {command})"
            )
    for date in sorted(folders - tagged - withdrawn - ({current} if current else set())):
        if date not in named:
            problems.append(
                f"trang đã công bố du-thao/{date}/ nhưng không còn thẻ {TAG_PREFIX}{date}: gắn lại thẻ, "
                "hoặc khai báo rút bản đó trong mkdocs.yml (extra.withdrawn_drafts) "
                f"(English: the output already holds du-thao/{date}/, but no tag {TAG_PREFIX}{date} exists: "
                "restore the tag, or declare the draft withdrawn in mkdocs.yml (extra.withdrawn_drafts))"
            )
    return problems


def overlay_settings(consultation: dict, shared: dict) -> dict:
    """extra.consultation with the shared settings (dates, form, contacts…) taken from main's latest
    commit, and the draft's own block kept."""
    merged = dict(consultation)
    for key, value in shared.items():
        if key not in SHARED_SETTINGS_EXCLUDED:
            merged[key] = value
    return merged


def sitemap_locations(texts: list[str]) -> list[str]:
    """The addresses listed in sitemap files' text, in order, without repeats."""
    seen: dict[str, None] = {}
    for text in texts:
        for loc in _LOC.findall(text):
            seen.setdefault(loc, None)
    return list(seen)


def sitemap_xml(locations: list[str]) -> str:
    """One sitemap listing the given addresses."""
    body = "".join(f"<url><loc>{escape(loc)}</loc></url>\n" for loc in locations)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{body}</urlset>\n'
    )


def set_draft(config_text: str, date: str, vi: str, en: str) -> str:
    """mkdocs.yml's text with its draft block naming another draft (id, date and labels), comments kept."""
    text = re.sub(
        r"(\n\s+id: )du-thao-\d{4}-\d{2}-\d{2}", rf"\g<1>{TAG_PREFIX}{date}", config_text, count=1
    )
    text = re.sub(r'(\n\s+date: )"\d{4}-\d{2}-\d{2}"', rf'\g<1>"{date}"', text, count=1)
    text = re.sub(r"(\n\s+vi: )Dự thảo [^\n]+", lambda m: m[1] + vi, text, count=1)
    return re.sub(r"(\n\s+en: )Draft [^\n]+", lambda m: m[1] + en, text, count=1)


def robots_txt(site_url: str) -> str:
    """robots.txt that allows everything and names the sitemap."""
    return f"User-agent: *\nAllow: /\nSitemap: {site_url.rstrip('/')}/sitemap.xml\n"


def consultation_state(shared: dict, day: str) -> str:
    """The consultation's state on `day` ("YYYY-MM-DD"), from the shared settings: what the pages show
    (comment links, or the counts after closing) depends on it."""
    opens, closes = str(shared.get("opens", "")), str(shared.get("closes", ""))
    return "upcoming" if day < opens else "closed" if day > closes else "open"


def current_record(drafts: list[dict]) -> dict[str, dict[str, str]]:
    """The published record of the drafts being published now: {date: {tag, commit, docs}}, where `docs`
    is the git tree of the draft's docs/ folder, its text (the working tree of a preview is not recorded)."""
    return {
        d["date"]: {"tag": d["tag"], "commit": d["commit"], "docs": d["docs"]}
        for d in drafts
        if re.fullmatch(r"[0-9a-f]{40}", d["commit"]) and d.get("docs")
    }


def merged_record(earlier: dict, later: dict) -> dict[str, dict[str, str]]:
    """Two records merged; the earlier one wins for a date both name (a published text never changes)."""
    return {**later, **earlier}


def record_json(record: dict) -> str:
    """The record as the site publishes it (published-drafts.json): stable bytes."""
    return (
        json.dumps(
            {"drafts": dict(sorted(record.items()))}, ensure_ascii=False, indent=1, sort_keys=True
        )
        + "\n"
    )


def check_record(drafts: list[dict], record: dict) -> None:
    """A published draft's text never changes: stop when a draft's docs/ now differs from the text it was
    published with (a tag moved or re-created onto other text; main edited before the first tag). A
    tag moved onto a commit with the same docs/ (a fix of the code only) is allowed."""
    for draft in drafts:
        was = record.get(draft["date"]) or {}
        if not was.get("docs") or not draft.get("docs") or was["docs"] == draft["docs"]:
            continue
        tag = f"{TAG_PREFIX}{draft['date']}"
        old = was.get("commit", "?")[:10]
        raise PublishError(
            vi=(
                f"bản dự thảo ngày {draft['date']} đã được công bố từ commit {old}, nhưng "
                f"{'thẻ ' + draft['tag'] if draft['tag'] != 'HEAD' else 'nhánh main'} nay trỏ tới văn bản khác trong docs/ "
                f"(commit {draft['commit'][:10]}): văn bản đã công bố không bao giờ bị sửa lặng lẽ. Đưa thẻ về chỗ cũ "
                f'(git tag -f -a {tag} {old} -m "{draft["date"]}" && git push -f origin {tag}), rồi công bố chỗ sửa '
                "thành một bản đính chính hoặc một bản dự thảo mới (hướng dẫn biên tập, mục 6-7), hoặc rút bản đó (mục 8)."
            ),
            message=(
                f"the draft of {draft['date']} was published from commit {was.get('commit', '?')[:10]}, but "
                f"{draft['tag'] if draft['tag'] != 'HEAD' else 'main'} now has other text in docs/ (commit "
                f"{draft['commit'][:10]}): a published text never changes. Put the tag back "
                f'(git tag -f -a {tag} {was.get("commit", "?")[:10]} -m "{draft["date"]}" && git push -f origin {tag}), '
                "then publish the change as a correction or a new draft (editor guide, sections 6-7) or withdraw the "
                "draft (section 8)"
            ),
        )


def outcome_named_drafts(files: dict[str, bytes | None]) -> set[str]:
    """The drafts that the outcome files name (counts per draft; responses' draft and changed_in): the
    outcome pages show their labels, so a draft's pages depend on them and on nothing else of the scope."""
    import yaml

    named: set[str] = set()
    for data in files.values():
        try:
            raw = yaml.safe_load(data) if data else None
        except yaml.YAMLError:
            return {"?"}  # unreadable: the build names the mistake; always rebuild
        if not isinstance(raw, dict):
            continue
        for source in (
            (raw.get("sources") or {}).values() if isinstance(raw.get("sources"), dict) else []
        ):
            counts = source.get("counts") if isinstance(source, dict) else None
            named |= {str(d) for d in counts} if isinstance(counts, dict) else set()
        for response in (
            raw.get("responses") or [] if isinstance(raw.get("responses"), list) else []
        ):
            if isinstance(response, dict):
                named |= {
                    str(response[k]) for k in ("draft", "changed_in") if response.get(k) is not None
                }
    return named
