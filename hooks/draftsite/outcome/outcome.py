"""The outcome of the consultation («tổng hợp, tiếp thu, giải trình ý kiến»): totals, comments per
part and section (table and SVG chart), the editors' responses linked to their section and to the
change between drafts, the count under each section, and the downloads (CSV, JSON)."""

from __future__ import annotations

import html
import io
import csv
import json

from draftsite.comments.comment_import import GENERAL_SECTION, REJECTED_KINDS
from draftsite.document.labels import split_id
from draftsite.document.model import Document, language_prefix, page_url, relative_link
from draftsite.outcome.responses import DECISIONS, Response
from draftsite.strings import t

OUTCOME_PAGE = "tong-hop-y-kien/"
COMPARISON_PAGE = "so-sanh/"
PARTS = (GENERAL_SECTION, "cv", "bao-cao", "p1", "p2", "gy")  # in the order of the document


# The part a section belongs to: "p1", "p2", "gy", "cv", "bao-cao" (title page and theme) or "du-thao".
def part_of(section_id: str) -> str:
    if section_id == GENERAL_SECTION:
        return GENERAL_SECTION
    try:
        root = split_id(section_id).root
    except ValueError:
        return GENERAL_SECTION
    return "bao-cao" if root == "chu-de" else root


# The name of a part as a reader of `lang` reads it.
def part_name(part: str, lang: str) -> str:
    return t("outcome.whole_draft" if part == GENERAL_SECTION else f"part.{part}", lang)


# Comments per part, in document order.
def part_totals(counts: dict[str, int]) -> list[tuple[str, int]]:
    totals = {part: 0 for part in PARTS}
    for section, n in counts.items():
        totals[part_of(section)] = totals.get(part_of(section), 0) + n
    return list(totals.items())


# The anchor of the responses to one section for one draft on the outcome page.
def response_anchor(draft: str, section: str) -> str:
    return f"tl-{draft}-{section}"


# "12 ý kiến góp ý" / "1 comment".
def count_text(n: int, lang: str) -> str:
    if n == 0:
        return t("outcome.count_none", lang)
    return t("outcome.count_one" if n == 1 else "outcome.count", lang, n=n)


# The line under a section heading once the consultation has closed: its count and its response.
def section_count_html(n: int, response_href: str | None, lang: str) -> str:
    link = (f' · <a href="{html.escape(response_href, quote=True)}">{html.escape(t("outcome.response_link", lang))}</a>'
            if response_href else "")
    # A div, not a paragraph: it is not part of the document (paragraph numbering skips it).
    return f'<div class="comment-count" data-search-exclude>{html.escape(count_text(n, lang))}{link}</div>'


# Where the change a response announces can be read: the comparison page of the draft it landed in
# (this build's own page for the current draft, the permanent copy for an earlier one).
def change_href(changed_in: str, section: str, current_draft: str, here: str, root_url: str, lang: str) -> str:
    if changed_in == current_draft:
        return relative_link(here, COMPARISON_PAGE, f"sua-{section}")
    return f"{root_url.rstrip('/')}/du-thao/{changed_in}/{language_prefix(lang)}{COMPARISON_PAGE}#sua-{section}"


# A horizontal SVG bar chart of comments per part (the table beside it holds the same numbers).
def render_chart(rows: list[tuple[str, int]], lang: str, chart_id: str, title: str) -> str:
    esc = html.escape
    width, bar_x, bar_max, bar_h = 360, 4, 250, 10
    top = max((n for _, n in rows), default=0) or 1
    parts, y = [], 4
    for name, n in rows:
        y += 13
        parts.append(f'<text class="label" x="{bar_x}" y="{y}">{esc(name)}</text>')
        y += 4
        length = n / top * bar_max
        parts.append(f'<rect class="bar s-result-2020" x="{bar_x}" y="{y}" width="{length:.1f}" height="{bar_h}"/>'
                     f'<text class="value" x="{bar_x + length + 4:.1f}" y="{y + 9}">{n}</text>')
        y += bar_h + 6
    height = y + 4
    summary = "; ".join(f"{name}: {n}" for name, n in rows)
    return (f'<figure class="indicator-chart outcome-chart"><svg xmlns="http://www.w3.org/2000/svg" role="img" '
            f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
            f'aria-labelledby="{chart_id}-title {chart_id}-desc" focusable="false">'
            f'<title id="{chart_id}-title">{esc(title)}</title><desc id="{chart_id}-desc">{esc(summary)}</desc>'
            f'{"".join(parts)}</svg><figcaption>{esc(title)}</figcaption></figure>')


def _table(name: str, head: list[str], rows: list[list[str]], css: str) -> str:
    cells = "".join(f'<th scope="col">{html.escape(h)}</th>' for h in head)
    body = "".join("<tr>" + "".join(rows_cells) + "</tr>" for rows_cells in rows)
    return (f'<div class="indicator-table-wrap" role="region" tabindex="0" aria-label="{html.escape(name, quote=True)}">'
            f'<table class="{css}"><thead><tr>{cells}</tr></thead><tbody>{body}</tbody></table></div>')


# The whole outcome: totals of all imports, then one block per draft (newest first) with its tables,
# chart and responses. `drafts` maps draft dates to their labels in `lang`, oldest first.
def render_outcome(counts: dict[str, dict[str, int]], rejected: dict[str, int], responses: list[Response],
                   document: Document, drafts: dict[str, str], current_draft: str, lang: str, here: str,
                   root_url: str, pages: list[str] | None = None) -> str:
    esc = html.escape
    consulted = [d for d in drafts if counts.get(d) or any(r.draft == d for r in responses)]
    received = sum(sum(c.values()) for c in counts.values())
    unplaced = sum(rejected.get(k, 0) for k in REJECTED_KINDS)
    if not consulted and not unplaced:
        return f'\n<div class="outcome" markdown="0"><p class="outcome-empty">{esc(t("outcome.none", lang))}</p></div>\n'
    kinds = ", ".join(f"{esc(t('reject.' + k, lang))}: {rejected.get(k, 0)}" for k in REJECTED_KINDS)
    out = [f'<p class="outcome-totals">{esc(t("outcome.totals_all", lang, total=received + unplaced, placed=received))}',
           f' {esc(t("outcome.unplaced", lang, n=unplaced))} ({kinds}).</p>']
    rank = {page: i for i, page in enumerate(pages or [])}  # the document's order: nav's, not the files'
    order = {s.id: (rank.get(s.page, len(rank)), i) for i, s in enumerate(document.sections)}
    for draft in reversed(consulted):
        out.append(_draft_block(draft, counts.get(draft, {}), [r for r in responses if r.draft == draft], document,
                                drafts, current_draft, lang, here, root_url, order))
    up = "../" * here.count("/")
    out.append(f'<p class="indicator-downloads">{esc(t("outcome.download", lang))} '
               f'<a href="{up}data/gop-y.csv" download>CSV</a> · <a href="{up}data/gop-y.json" download>JSON</a></p>')
    return '\n<div class="outcome" markdown="0">' + "".join(out) + "</div>\n"


def _section_name(document: Document, section: str, lang: str) -> str:
    found = document.get(section)
    return found.label if found else (t("outcome.whole_draft", lang) if section == GENERAL_SECTION else section)


def _section_link(document: Document, section: str, lang: str, here: str) -> str:
    found = document.get(section)
    name = html.escape(_section_name(document, section, lang))
    return f'<a href="{html.escape(relative_link(here, page_url(found.page), section))}">{name}</a>' if found else name


def _draft_block(draft, counts, responses, document, drafts, current_draft, lang, here, root_url, order) -> str:
    esc = html.escape
    label = drafts[draft]
    total = sum(counts.values())
    commented = sum(1 for n in counts.values() if n)
    by_decision = {d: sum(1 for r in responses if r.decision == d) for d in DECISIONS}
    out = [f'<h2 id="y-kien-{draft}">{esc(label)}</h2>',
           f'<p class="outcome-draft-totals" data-total="{total}">{esc(t("outcome.totals", lang, total=total, sections=commented))} '
           + esc(t("outcome.responded", lang, n=len(responses), **{k.replace("-", "_"): v for k, v in by_decision.items()}))
           + "</p>"]
    parts = [(part_name(p, lang), n) for p, n in part_totals(counts)]
    out.append(f'<h3 id="y-kien-{draft}-phan">{esc(t("outcome.by_part", lang))}</h3>')
    out.append(_table(f'{t("outcome.by_part", lang)} – {label}', [t("outcome.part", lang), t("outcome.comments", lang)],
                      [[f'<th scope="row">{esc(name)}</th>', f'<td class="outcome-number">{n}</td>'] for name, n in parts],
                      "outcome-parts"))
    out.append(render_chart(parts, lang, f"chart-y-kien-{draft}", t("outcome.chart_title", lang, draft=label)))
    answered = {r.section for r in responses}
    listed = sorted(set(s for s, n in counts.items() if n) | answered, key=lambda s: order.get(s, (-1, -1)))
    rows = []
    for section in listed:
        response = (f'<a href="#{response_anchor(draft, section)}">{esc(t("outcome.response_link", lang))}</a>'
                    if section in answered else "—")
        rows.append([f'<th scope="row" data-section="{esc(section)}">{_section_link(document, section, lang, here)}</th>',
                     f'<td class="outcome-number">{counts.get(section, 0)}</td>', f"<td>{response}</td>"])
    out.append(f'<h3 id="y-kien-{draft}-muc">{esc(t("outcome.by_section", lang))}</h3>')
    out.append(_table(f'{t("outcome.by_section", lang)} – {label}',
                      [t("outcome.section", lang), t("outcome.comments", lang), t("outcome.response", lang)], rows,
                      "outcome-sections"))
    out.append(f'<h3 id="y-kien-{draft}-tiep-thu">{esc(t("outcome.responses", lang))}</h3>')
    if not responses:
        out.append(f'<p>{esc(t("outcome.no_responses", lang))}</p>')
    for section in [s for s in listed if s in answered]:
        out.append(f'<h4 id="{response_anchor(draft, section)}">{_section_link(document, section, lang, here)}</h4>')
        for r in (r for r in responses if r.section == section):
            change = ""
            if r.changed_in:
                href = change_href(r.changed_in, section, current_draft, here, root_url, lang)
                change = (f'<p class="outcome-change"><a href="{esc(href, quote=True)}">'
                          f'{esc(t("outcome.change_link", lang, draft=drafts.get(r.changed_in, r.changed_in)))}</a></p>')
            out.append(f'<div class="outcome-response" data-decision="{r.decision}" data-section="{esc(section)}">'
                       f'<p><strong>{esc(t("outcome.asked", lang))}</strong> {esc(r.asked[lang])}</p>'
                       f'<p><strong>{esc(t("outcome.decision", lang))}</strong> {esc(t("decision." + r.decision, lang))}</p>'
                       f'<p><strong>{esc(t("outcome.explanation", lang))}</strong> {esc(r.explanation[lang])}</p>{change}</div>')
    return "".join(out)


# The downloads: CSV with the columns draft,section,comments (one row per section with comments).
def to_csv(counts: dict[str, dict[str, int]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["draft", "section", "comments"])
    for draft in sorted(counts):
        for section, n in sorted(counts[draft].items()):
            if n:
                writer.writerow([draft, section, n])
    return out.getvalue().encode("utf-8")


# The same rows as JSON, with the rows that could not be placed, per kind.
def to_json(counts: dict[str, dict[str, int]], rejected: dict[str, int]) -> str:
    rows = [{"draft": d, "section": s, "comments": n} for d in sorted(counts) for s, n in sorted(counts[d].items()) if n]
    return json.dumps({"comments": rows, "rejected": {k: rejected.get(k, 0) for k in REJECTED_KINDS}}, indent=1)
