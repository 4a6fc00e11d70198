"""The outcome of the consultation («tổng hợp, tiếp thu, giải trình ý kiến»): totals, comments per
part and section (table and SVG chart), the editors' responses linked to their section and to the
change between drafts, the count under each section, and the downloads (CSV, JSON)."""

from __future__ import annotations

import csv
import html
import io
import json

from draftsite.comments.comment_import import GENERAL_SECTION, REJECTED_KINDS
from draftsite.document.labels import split_id
from draftsite.document.model import Document, language_prefix, page_url, relative_link
from draftsite.fragments import render
from draftsite.outcome.responses import DECISIONS, Response
from draftsite.revisions.drafts import permanent_address
from draftsite.strings import t

OUTCOME_PAGE = "tong-hop-y-kien/"
COMPARISON_PAGE = "so-sanh/"
PARTS = (GENERAL_SECTION, "cv", "bao-cao", "p1", "p2", "gy")  # in the order of the document
TOP_PARAGRAPHS = 3  # the most-commented paragraphs shown per section


def part_of(section_id: str) -> str:
    """The part a section belongs to: "p1", "p2", "gy", "cv", "bao-cao" (title page and theme) or "du-thao"."""
    if section_id == GENERAL_SECTION:
        return GENERAL_SECTION
    try:
        root = split_id(section_id).root
    except ValueError:
        return GENERAL_SECTION
    return "bao-cao" if root == "chu-de" else root


def part_name(part: str, lang: str) -> str:
    """The name of a part as a reader of `lang` reads it."""
    return t("outcome.whole_draft" if part == GENERAL_SECTION else f"part.{part}", lang)


def part_totals(counts: dict[str, int]) -> list[tuple[str, int]]:
    """Comments per part, in document order."""
    totals = {part: 0 for part in PARTS}
    for section, n in counts.items():
        totals[part_of(section)] = totals.get(part_of(section), 0) + n
    return list(totals.items())


def response_anchor(draft: str, section: str) -> str:
    """The anchor of the responses to one section for one draft on the outcome page."""
    return f"tl-{draft}-{section}"


def count_text(n: int, lang: str) -> str:
    """ "12 ý kiến góp ý" / "1 comment"."""
    if n == 0:
        return t("outcome.count_none", lang)
    return t("outcome.count_one" if n == 1 else "outcome.count", lang, n=n)


def section_count_html(n: int, response_href: str | None, lang: str) -> str:
    """The line under a section heading once the consultation has closed: its count and its response."""
    link = (
        f' · <a href="{html.escape(response_href, quote=True)}">{html.escape(t("outcome.response_link", lang))}</a>'
        if response_href
        else ""
    )
    # A div, not a paragraph: it is not part of the document (paragraph numbering skips it).
    return f'<div class="comment-count" data-search-exclude>{html.escape(count_text(n, lang))}{link}</div>'


def change_href(
    changed_in: str, section: str, current_draft: str, here: str, root_url: str, lang: str
) -> str:
    """Where the change a response announces can be read: the comparison page of the draft it landed in
    (this build's own page for the current draft, the permanent copy for an earlier one)."""
    if changed_in == current_draft:
        return relative_link(here, COMPARISON_PAGE, f"sua-{section}")
    return f"{root_url.rstrip('/')}/du-thao/{changed_in}/{language_prefix(lang)}{COMPARISON_PAGE}#sua-{section}"


def render_chart(rows: list[tuple[str, int]], lang: str, chart_id: str, title: str) -> str:
    """A horizontal SVG bar chart of comments per part (overrides/fragments/outcome-chart.html; the
    table beside it holds the same numbers)."""
    width, bar_x, bar_max, bar_h = 360, 4, 250, 10
    top = max((n for _, n in rows), default=0) or 1
    bars, y = [], 4
    for name, n in rows:
        length = n / top * bar_max
        bars.append(
            {
                "name": name,
                "count": n,
                "label_y": y + 13,
                "y": y + 17,
                "length": f"{length:.1f}",
                "value_x": f"{bar_x + length + 4:.1f}",
                "value_y": y + 17 + 9,
            }
        )
        y += 17 + bar_h + 6
    return render(
        "outcome-chart.html",
        id=chart_id,
        title=title,
        width=width,
        height=y + 4,
        x=bar_x,
        bar_height=bar_h,
        bars=bars,
        summary="; ".join(f"{name}: {n}" for name, n in rows),
    )


def render_outcome(
    counts: dict[str, dict[str, int]],
    rejected: dict[str, int],
    responses: list[Response],
    document: Document,
    drafts: dict[str, str],
    current_draft: str,
    lang: str,
    here: str,
    root_url: str,
    pages: list[str] | None = None,
    paragraphs: dict[str, dict[str, dict[str, int]]] | None = None,
) -> str:
    """The whole outcome (overrides/fragments/outcome.html): totals of all imports, then one block per
    draft (newest first) with its tables, chart and responses. `drafts` maps draft dates to their
    labels in `lang`, oldest first. `paragraphs` (draft -> section -> paragraph id -> comments): each
    section's most-commented paragraphs, linked, under its name."""
    consulted = [d for d in drafts if counts.get(d) or any(r.draft == d for r in responses)]
    received = sum(sum(c.values()) for c in counts.values())
    unplaced = sum(rejected.get(k, 0) for k in REJECTED_KINDS)
    rank = {
        page: i for i, page in enumerate(pages or [])
    }  # the document's order: nav's, not the files'
    order = {s.id: (rank.get(s.page, len(rank)), i) for i, s in enumerate(document.sections)}
    text = {
        key: t(f"outcome.{key}", lang)
        for key in (
            "none",
            "by_part",
            "part",
            "comments",
            "by_section",
            "section",
            "response",
            "response_link",
            "responses",
            "no_responses",
            "asked",
            "decision",
            "explanation",
            "download",
            "paragraphs",
        )
    }
    text["totals_all"] = t("outcome.totals_all", lang, total=received + unplaced, placed=received)
    text["unplaced"] = t("outcome.unplaced", lang, n=unplaced)
    blocks = [
        _draft_block(
            draft,
            counts.get(draft, {}),
            [r for r in responses if r.draft == draft],
            document,
            drafts,
            current_draft,
            lang,
            here,
            root_url,
            order,
            (paragraphs or {}).get(draft, {}),
        )
        for draft in reversed(consulted)
    ]
    return (
        "\n"
        + render(
            "outcome.html",
            drafts=blocks,
            unplaced=unplaced,
            text=text,
            up="../" * here.count("/"),
            rejected=[
                {"name": t("reject." + k, lang), "count": rejected.get(k, 0)}
                for k in REJECTED_KINDS
            ],
        )
        + "\n"
    )


def _section(document: Document, section: str, lang: str, here: str) -> dict:
    """A section as the outcome names it: its label (linked to it) or "the whole draft"."""
    found = document.get(section)
    name = (
        found.label
        if found
        else (t("outcome.whole_draft", lang) if section == GENERAL_SECTION else section)
    )
    return {
        "id": section,
        "name": name,
        "href": relative_link(here, page_url(found.page), section) if found else None,
    }


def top_paragraphs(
    counted: dict[str, int],
    section: str,
    document: Document,
    draft: str,
    current_draft: str,
    lang: str,
    here: str,
    root_url: str,
) -> list[dict]:
    """A section's most-commented paragraphs (at most TOP_PARAGRAPHS, most comments first, then by id),
    each with its count and its address: on this build's page of the section for the current draft,
    in the draft's permanent folder for an earlier one (no address for a section the document lacks)."""
    found = document.get(section)
    ranked = sorted(((n, pid) for pid, n in counted.items() if n), key=lambda x: (-x[0], x[1]))
    top = []
    for n, pid in ranked[:TOP_PARAGRAPHS]:
        if found is None:
            href = None
        elif draft == current_draft:
            href = relative_link(here, page_url(found.page), pid)
        else:
            path = language_prefix(lang) + page_url(found.page)
            href = f"{permanent_address(root_url, draft, path)}#{pid}"
        top.append(
            {
                "id": pid,
                "count": n,
                "href": href,
                "text": t("outcome.paragraph", lang, id=pid, count=n),
            }
        )
    return top


def _draft_block(
    draft,
    counts,
    responses,
    document,
    drafts,
    current_draft,
    lang,
    here,
    root_url,
    order,
    paragraphs,
) -> dict:
    """One draft's block of the outcome: its totals, parts (with their chart), sections and responses."""
    label = drafts[draft]
    by_decision = {d: sum(1 for r in responses if r.decision == d) for d in DECISIONS}
    parts = [(part_name(p, lang), n) for p, n in part_totals(counts)]
    answered = {r.section for r in responses}
    listed = sorted(
        set(s for s, n in counts.items() if n) | answered, key=lambda s: order.get(s, (-1, -1))
    )
    sections = []
    for section in listed:
        mine = [r for r in responses if r.section == section]
        sections.append(
            {
                **_section(document, section, lang, here),
                "count": counts.get(section, 0),
                "paragraphs": top_paragraphs(
                    paragraphs.get(section, {}),
                    section,
                    document,
                    draft,
                    current_draft,
                    lang,
                    here,
                    root_url,
                ),
                "anchor": response_anchor(draft, section),
                "responses": [
                    {
                        "decision": r.decision,
                        "asked": r.asked[lang],
                        "explanation": r.explanation[lang],
                        "decision_text": t("decision." + r.decision, lang),
                        "change_href": change_href(
                            r.changed_in, section, current_draft, here, root_url, lang
                        )
                        if r.changed_in
                        else None,
                        "change_text": t(
                            "outcome.change_link",
                            lang,
                            draft=drafts.get(r.changed_in, r.changed_in),
                        )
                        if r.changed_in
                        else None,
                    }
                    for r in mine
                ],
            }
        )
    return {
        "date": draft,
        "label": label,
        "total": sum(counts.values()),
        "totals": t(
            "outcome.totals",
            lang,
            total=sum(counts.values()),
            sections=sum(1 for n in counts.values() if n),
        ),
        "responded": t(
            "outcome.responded",
            lang,
            n=len(responses),
            **{k.replace("-", "_"): v for k, v in by_decision.items()},
        ),
        "parts": parts,
        "chart": render_chart(
            parts, lang, f"chart-y-kien-{draft}", t("outcome.chart_title", lang, draft=label)
        ),
        "sections": sections,
        "answered": [s for s in sections if s["responses"]],
    }


def to_csv(counts: dict[str, dict[str, int]]) -> bytes:
    """The downloads: CSV with the columns draft,section,comments (one row per section with comments)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["draft", "section", "comments"])
    for draft in sorted(counts):
        for section, n in sorted(counts[draft].items()):
            if n:
                writer.writerow([draft, section, n])
    return out.getvalue().encode("utf-8")


def to_json(counts: dict[str, dict[str, int]], rejected: dict[str, int]) -> str:
    """The same rows as JSON, with the rows that could not be placed, per kind."""
    rows = [
        {"draft": d, "section": s, "comments": n}
        for d in sorted(counts)
        for s, n in sorted(counts[d].items())
        if n
    ]
    return json.dumps(
        {"comments": rows, "rejected": {k: rejected.get(k, 0) for k in REJECTED_KINDS}}, indent=1
    )
