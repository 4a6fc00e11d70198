"""The rules of publishing drafts, as plain functions for tools/publish.py and the build: which git
tags are drafts, that a draft's date is written once (mkdocs.yml, checked against its tag), that no
draft that was ever online is dropped, which settings reach every draft, and one sitemap for all."""

from __future__ import annotations

import datetime as dt
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
    """A reason to stop publishing, written for an editor."""


@dataclass(frozen=True)
class DraftSettings:
    date: str  # "2020-03-31"
    id: str
    label: dict[str, str]


# The date of a draft tag ("du-thao-2020-03-31" → "2020-03-31"); a malformed draft tag stops publishing.
def tag_date(tag: str) -> str:
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
        raise PublishError(f"tag {tag!r} looks like a draft tag but {problem} {TAG_FORM}. Delete it "
                           f"(git tag -d {tag} && git push origin :refs/tags/{tag}) and tag the draft again.")
    return match[1]


# The draft named by one mkdocs.yml (its extra.consultation.draft block); `where` names the commit.
def draft_settings(config: dict, where: str) -> DraftSettings:
    draft = ((config.get("extra") or {}).get("consultation") or {}).get("draft") or {}
    date = str(draft.get("date", ""))
    try:
        dt.date.fromisoformat(date)
    except ValueError:
        raise PublishError(f"{where}: mkdocs.yml extra.consultation.draft.date is {date!r}; write the draft's date "
                           "as \"YYYY-MM-DD\"") from None
    label = draft.get("label") or {}
    if not all(isinstance(label.get(k), str) and label[k] for k in ("vi", "en")):
        raise PublishError(f"{where}: mkdocs.yml extra.consultation.draft.label needs `vi:` and `en:` texts")
    return DraftSettings(date, str(draft.get("id", "")), {"vi": label["vi"], "en": label["en"]})


# A tag's date must be the date its own mkdocs.yml gives the draft: the date is typed once.
def check_tag_matches(tag: str, commit: str, settings: DraftSettings) -> None:
    if tag_date(tag) != settings.date:
        raise PublishError(
            f"tag {tag!r} is on commit {commit[:10]}, whose mkdocs.yml names the draft of {settings.date} "
            f"(extra.consultation.draft.date). The tag and the date must agree: either tag that commit "
            f"{TAG_PREFIX}{settings.date} (and delete {tag}), or fix extra.consultation.draft in mkdocs.yml, "
            f"commit, and move the tag to the new commit.")


# Drafts that were online and would now be dropped: dates that main's history named in mkdocs.yml
# (`named`: date → last commit naming it) or that the output folder holds, but that are neither tagged,
# nor the draft now being published, nor declared withdrawn.
def lost_drafts(named: dict[str, str], folders: set[str], tagged: set[str], current: str | None,
                withdrawn: set[str]) -> list[str]:
    problems = []
    for date, commit in sorted(named.items()):
        if date not in tagged and date != current and date not in withdrawn:
            problems.append(f"the draft of {date} was published from main (mkdocs.yml named it until commit "
                            f"{commit[:10]}) but has no tag, so it would disappear. Tag it: "
                            f"git tag -a {TAG_PREFIX}{date} {commit[:10]} -m \"{date}\" && git push origin {TAG_PREFIX}{date}")
    for date in sorted(folders - tagged - withdrawn - ({current} if current else set())):
        if date not in named:
            problems.append(f"the output already holds du-thao/{date}/, but no tag {TAG_PREFIX}{date} exists: "
                            "restore the tag, or declare the draft withdrawn in mkdocs.yml (extra.withdrawn_drafts)")
    return problems


# extra.consultation with the shared settings (dates, form, contacts…) taken from main's latest
# commit, and the draft's own block kept.
def overlay_settings(consultation: dict, shared: dict) -> dict:
    merged = dict(consultation)
    for key, value in shared.items():
        if key not in SHARED_SETTINGS_EXCLUDED:
            merged[key] = value
    return merged


# The addresses listed in sitemap files' text, in order, without repeats.
def sitemap_locations(texts: list[str]) -> list[str]:
    seen: dict[str, None] = {}
    for text in texts:
        for loc in _LOC.findall(text):
            seen.setdefault(loc, None)
    return list(seen)


# One sitemap listing the given addresses.
def sitemap_xml(locations: list[str]) -> str:
    body = "".join(f"<url><loc>{escape(loc)}</loc></url>\n" for loc in locations)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{body}</urlset>\n')


# mkdocs.yml's text with its draft block naming another draft (id, date and labels), comments kept.
def set_draft(config_text: str, date: str, vi: str, en: str) -> str:
    text = re.sub(r"(\n\s+id: )du-thao-\d{4}-\d{2}-\d{2}", rf"\g<1>{TAG_PREFIX}{date}", config_text, count=1)
    text = re.sub(r'(\n\s+date: )"\d{4}-\d{2}-\d{2}"', rf'\g<1>"{date}"', text, count=1)
    text = re.sub(r"(\n\s+vi: )Dự thảo [^\n]+", lambda m: m[1] + vi, text, count=1)
    return re.sub(r"(\n\s+en: )Draft [^\n]+", lambda m: m[1] + en, text, count=1)


# robots.txt that allows everything and names the sitemap.
def robots_txt(site_url: str) -> str:
    return f"User-agent: *\nAllow: /\nSitemap: {site_url.rstrip('/')}/sitemap.xml\n"
