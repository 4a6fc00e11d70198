"""The outcome of the consultation: the counts imported by tools/import_comments.py
(docs/data/gop-y.yml) and the editors' responses (docs/data/tiep-thu-giai-trinh.yml) become the page
«Tổng hợp, tiếp thu, giải trình ý kiến» (marker `<!-- consultation:outcome -->`), a count and a link
to the response under each section once the consultation has closed, and the downloads
data/gop-y.csv and data/gop-y.json. Bad data stops the build with the file and line."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from draftsite.checks.data_files import DataFileError, read_yaml_file
from draftsite.comments.comment_import import (
    GENERAL_SECTION,
    parse_ledger,
    total_counts,
    total_paragraphs,
    total_rejected,
)
from draftsite.comments.consultation import settings, status
from draftsite.document.model import (
    Document,
    is_document_page,
    load_document,
    nav_pages,
    neutral_path,
    page_url,
    relative_link,
)
from draftsite.engine.glue import current_language, docs_dir, language_site_dir
from draftsite.html import HEADING
from draftsite.inputs import read_inputs
from draftsite.messages import bilingual, english_of, prefixed, vi_of
from draftsite.outcome.outcome import (
    OUTCOME_PAGE,
    render_outcome,
    response_anchor,
    section_count_html,
    to_csv,
    to_json,
)
from draftsite.outcome.responses import Response, ResponseError, load_responses
from draftsite.revisions.drafts import Draft, OutcomeScope, load_drafts, outcome_scope
from draftsite.revisions.revisions import load_retired_ids
from draftsite.state import kept

COUNTS_FILE = "data/gop-y.yml"
RESPONSES_FILE = "data/tiep-thu-giai-trinh.yml"
RETIRED_FILE = "data/ma-muc-da-bo.yml"
MARKER = "<!-- consultation:outcome -->"


@dataclass
class _Outcome:
    """What the outcome keeps during a build, read for the language being built: the document, the
    drafts, the counts and the rows that could not be placed, the responses, and the
    drafts and sections that counts and responses may name."""

    document: Document | None = None
    drafts: list[Draft] = field(default_factory=list)
    counts: dict[str, dict[str, int]] = field(default_factory=dict)
    paragraphs: dict[str, dict[str, dict[str, int]]] = field(default_factory=dict)
    rejected: dict[str, int] = field(default_factory=dict)
    responses: list[Response] = field(default_factory=list)
    scope: OutcomeScope | None = None


def on_pre_build(config: MkDocsConfig) -> None:
    """Read and check the counts and the responses of the language being built."""
    lang = current_language(config)
    document = load_document(docs_dir(config), lang)
    inputs = read_inputs()
    drafts = load_drafts(inputs.drafts_file, settings())
    try:
        ledger = parse_ledger(
            read_yaml_file(docs_dir(config) / COUNTS_FILE, f"docs/{COUNTS_FILE}"),
            f"docs/{COUNTS_FILE}",
        )
    except DataFileError as error:
        raise PluginError(
            bilingual(
                f"{english_of(error)}; the file is written by tools/import_comments.py: restore it "
                "from git and import the export again",
                f"{vi_of(error)}; tệp này do tools/import_comments.py ghi: khôi phục tệp từ git rồi "
                "nhập lại bản xuất",
            )
        ) from None
    except ValueError as error:
        raise PluginError(str(error)) from None
    sections = {s.id for s in document.sections} | {GENERAL_SECTION}
    try:
        sections |= set(
            load_retired_ids(docs_dir(config) / RETIRED_FILE, sections)
        )  # ids of earlier drafts
    except ValueError as error:
        raise PluginError(prefixed(error, "docs/")) from None
    # Counts and responses are main's, published with every draft: they may name any draft of the
    # repository and any section of any of them.
    scope = outcome_scope(inputs.outcome_scope_file, settings(), docs_dir(config))
    sections |= scope.sections
    try:
        responses = load_responses(
            docs_dir(config) / RESPONSES_FILE, sections, set(scope.drafts), f"docs/{RESPONSES_FILE}"
        )
    except ResponseError as error:
        raise PluginError(prefixed(error, "Responses to comments: ", "")) from error
    outcome = kept(_Outcome)
    outcome.document, outcome.drafts, outcome.scope = document, drafts, scope
    outcome.counts, outcome.rejected = total_counts(ledger), total_rejected(ledger)
    outcome.paragraphs = total_paragraphs(ledger)
    outcome.responses = responses


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, **kwargs) -> str:
    """Expand the outcome marker into totals, tables, chart and responses."""
    if MARKER not in markdown:
        return markdown
    lang = current_language(config)
    kept_ = kept(_Outcome)
    drafts = kept_.drafts
    consultation = settings()
    paragraphs = dict(kept_.paragraphs)
    if status(consultation, read_inputs().today()) != "closed":
        # the most-commented paragraphs of the draft under consultation are shown once it has closed
        paragraphs.pop(consultation.draft_date.isoformat(), None)
    outcome = render_outcome(
        kept_.counts,
        kept_.rejected,
        kept_.responses,
        kept_.document,
        {date: label[lang] for date, label in kept_.scope.drafts.items()},
        drafts[-1].date.isoformat(),
        lang,
        page_url(page.file.src_uri),
        _root_url(config),
        nav_pages(config.nav),
        paragraphs,
    )
    return markdown.replace(MARKER, outcome)


def _root_url(config: MkDocsConfig) -> str:
    """Where the latest draft lives: the publishing tool's root, or this build's site_url."""
    root = read_inputs().drafts_root_url
    return root if root is not None else config.site_url


def on_page_content(html: str, page: Page, config: MkDocsConfig, **kwargs) -> str:
    """Once the consultation has closed: each section's count, and a link to its response."""
    src = neutral_path(page.file.src_uri)
    kept_ = kept(_Outcome)
    consultation = settings()
    draft = consultation.draft_date.isoformat()
    counts = kept_.counts.get(draft)
    if (
        not is_document_page(src)
        or counts is None
        or status(consultation, read_inputs().today()) != "closed"
    ):
        return html
    lang = current_language(config)
    here = page_url(src)
    answered = {r.section for r in kept_.responses if r.draft == draft}
    on_page = {s.id for s in kept_.document.on_page(src)}

    def add_count(match: re.Match) -> str:
        section = match[3]
        if section not in on_page:
            return match[1]
        href = (
            relative_link(here, OUTCOME_PAGE, response_anchor(draft, section))
            if section in answered
            else None
        )
        return match[1] + section_count_html(counts.get(section, 0), href, lang)

    return HEADING.sub(add_count, html)


def on_post_build(config: MkDocsConfig) -> None:
    """Write the downloads data/gop-y.csv and data/gop-y.json (the same numbers in every language)."""
    target = language_site_dir(config) / "data"
    target.mkdir(parents=True, exist_ok=True)
    (target / "gop-y.csv").write_bytes(to_csv(kept(_Outcome).counts))
    (target / "gop-y.json").write_text(
        to_json(kept(_Outcome).counts, kept(_Outcome).rejected), encoding="utf-8"
    )
