"""The revisions' page-sized blocks: the comparison with the previous draft, the list of drafts,
the choice of any two drafts and a section's history page (overrides/fragments/comparison.html,
drafts-list.html, compare-form.html and section-history.html), from plain values."""

from __future__ import annotations

import json

from draftsite.comments.consultation import format_day
from draftsite.document.model import Document, language_prefix, page_url, relative_link
from draftsite.fragments import render
from draftsite.revisions.drafts import Draft
from draftsite.revisions.revisions import Comparison, SectionText, paragraph_diff_html
from draftsite.strings import t


def comparison_html(
    comparison: Comparison | None,
    old: dict[str, SectionText],
    new: dict[str, SectionText],
    drafts: list[Draft],
    document: Document,
    indicators: list[tuple[str, str, str, str]],
    lang: str,
    here: str,
) -> str:
    """The comparison of the latest draft with the one before (or, for the first draft, a line that
    says there is nothing to compare), for the page at `here`."""
    if comparison is None or len(drafts) < 2:
        return render("comparison-first.html", text=t("rev.first", lang))

    def named(ident: str) -> dict:
        section = document.get(ident)
        if section is None:
            return {"name": old[ident].title if ident in old else ident, "href": None}
        return {"name": section.label, "href": relative_link(here, page_url(section.page), ident)}

    kinds = [
        {
            "name": key[4:],
            "title": t(key, lang),
            "sections": [
                named(i) if key != "rev.removed" else {"name": i, "href": None} for i in ids
            ],
        }
        for key, ids in (
            ("rev.added", comparison.added),
            ("rev.removed", comparison.removed),
            ("rev.moved", comparison.moved),
            ("rev.changed", comparison.changed),
        )
    ]
    diffs = []
    for ident in comparison.changed + comparison.added:
        before = old[ident].paragraphs if ident in old else ()
        diff = paragraph_diff_html(
            before, new[ident].paragraphs, t("rev.deleted", lang), t("rev.inserted", lang)
        )
        diffs.append(
            {
                "id": ident,
                **(named(ident) if document.get(ident) else {"name": ident, "href": None}),
                "diff": diff,
            }
        )
    return (
        "\n"
        + render(
            "comparison.html",
            kinds=kinds,
            diffs=diffs,
            nothing=t("rev.none", lang),
            indicators=indicators,
            intro=t(
                "rev.compare_intro", lang, new=drafts[-1].label[lang], old=drafts[-2].label[lang]
            ),
            indicators_title=t("rev.indicators", lang),
            indicator_head=[
                t(k, lang) for k in ("rev.indicator", "rev.field", "rev.old", "rev.new")
            ],
        )
        + "\n"
    )


def drafts_html(drafts: list[Draft], lang: str, here: str, up: str, published_build: bool) -> str:
    """Every draft, newest first, linked to its permanent folder (under `up`, the publishing root as
    seen from the page at `here`; a build by hand links the root), and the feed of drafts."""
    prefix = language_prefix(lang)
    rows = [
        {
            "day": format_day(d.date, lang),
            "label": d.label[lang],
            "href": f"{up}du-thao/{d.slug}/{prefix}" if published_build else f"{up}{prefix}",
            "corrects": t("rev.corrects", lang, date=format_day(d.corrects, lang))
            if d.corrects and d.errata
            else "",
            "errata": d.errata[lang] if d.corrects and d.errata else "",
            "changed": "—" if d.changed is None else d.changed,
        }
        for d in reversed(drafts)
    ]
    return (
        "\n"
        + render(
            "drafts-list.html",
            drafts=rows,
            feed=t("rev.feed", lang),
            feed_href=f"{'../' * here.count('/')}du-thao.atom",
            head=[t(k, lang) for k in ("rev.list_date", "rev.list_draft", "rev.list_changed")],
        )
        + "\n"
    )


# The interface texts compare.js uses (their {placeholders} are filled in by the script).
SCRIPT_TEXTS = (
    "rev.added",
    "rev.removed",
    "rev.changed",
    "rev.deleted",
    "rev.inserted",
    "rev.none",
    "cmp.loading",
    "cmp.title",
    "cmp.result",
    "cmp.swapped",
    "cmp.same",
    "cmp.unknown",
    "cmp.failed",
    "cmp.unchanged",
    "cmp.merged",
    "cmp.merged_into",
    "cmp.title_changed",
    "hist.heading",
    "hist.choose",
    "hist.unknown",
    "hist.since",
    "hist.result",
    "hist.none",
    "hist.added",
    "hist.changed",
    "hist.removed",
    "hist.merged",
    "hist.permanent",
    "hist.feed",
)


def script_texts(lang: str) -> str:
    """The interface texts of compare.js in `lang`, as JSON ({key: text})."""
    return json.dumps(
        {key: t(key, lang) for key in SCRIPT_TEXTS}, ensure_ascii=False, separators=(",", ":")
    )


def compare_form_html(drafts: list[Draft], lang: str) -> str:
    """The choice of any two drafts (default: the previous and the latest) for compare.js, or nothing
    when there are fewer than two drafts."""
    if len(drafts) < 2:
        return ""
    options = [(d.slug, d.label[lang]) for d in drafts]
    return render(
        "compare-form.html",
        texts=script_texts(lang),
        legend=t("cmp.legend", lang),
        selects=[
            ("tu", "compare-from", t("cmp.from", lang), drafts[-2].slug),
            ("den", "compare-to", t("cmp.to", lang), drafts[-1].slug),
        ],
        drafts=options,
        submit=t("cmp.submit", lang),
    )


def section_history_html(drafts: list[Draft], lang: str, compare_href: str, scripted: bool) -> str:
    """A section's history page's place for compare.js (the drafts up to this one, oldest first),
    and the line said without scripts (with one draft: that there is no earlier one), linking the
    comparison page at `compare_href`; `scripted`: the page loads compare.js (two drafts or
    more)."""
    return render(
        "section-history.html",
        texts=script_texts(lang),
        nojs=t("hist.nojs" if scripted else "rev.first", lang),
        scripted=scripted,
        compare_href=compare_href,
        compare_text=t("hist.compare_link", lang),
    )
