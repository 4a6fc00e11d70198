"""Comment links: one under every section heading, prefilled with the section, the draft and the
page address; a status line on every page; links from the discussion guide to the report.
Settings live in mkdocs.yml under `extra.consultation` and are checked before anything is built."""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from draftsite.checks.checks import Problem
from draftsite.checks.data_files import DataFileError
from draftsite.checks.settings_file import CONFIG_FILE, key_line, read_editor_settings
from draftsite.comments.comment_import import CommentImportError, export_columns
from draftsite.comments.consultation import (
    ConfigError,
    comment_link_html,
    comment_url,
    config_key,
    fill_draft_markers,
    form_provider_text,
    format_date,
    general_link_html,
    how_to_comment_html,
    keep_settings,
    load_consultation,
    load_withdrawn_drafts,
    organiser_html,
    paragraph_comment_template,
    publishing_problems,
    settings,
    status,
    status_texts,
)
from draftsite.comments.guide_links import GuideError, add_guide_links, load_guide_links
from draftsite.comments.short_links import SHORT_PATH, qr_svg, redirect_page, short_url
from draftsite.document.labels import comment_name
from draftsite.document.model import (
    is_document_page,
    language_prefix,
    load_document,
    neutral_path,
    page_url,
    relative_link,
)
from draftsite.engine.glue import cache_dir, current_language, docs_dir, language_site_dir, run_step
from draftsite.html import HEADING, print_address
from draftsite.inputs import read_inputs
from draftsite.messages import english_of, prefixed, vi_of
from draftsite.page_meta.csp import add_policy_meta
from draftsite.state import kept
from draftsite.strings import t

GUIDE_PAGE = "goi-y-thao-luan.md"
PRIVACY_PAGE = "quyen-rieng-tu/"
log = logging.getLogger("mkdocs.hooks.comment_links")
HOW_TO_COMMENT = (
    "<!-- consultation:how-to-comment -->"  # where to comment and until when (full text)
)
GENERAL = (
    "<!-- consultation:general -->"  # a comment link for the whole draft, within a page (home)
)
FORM_PROVIDER = (
    "<!-- consultation:form-provider -->"  # who runs the form and keeps the comments (privacy page)
)
ORGANISER = (
    "<!-- consultation:organiser -->"  # how to reach the body that receives them (privacy page)
)
GUIDE_DATA = "data/goi-y-lien-ket.yml"
SHORT_LINK_SCRIPT = "assets/javascripts/short-link.js"


@dataclass
class _Comments:
    """Whether the notice that the settings are not publishable yet has been given (once per build,
    not once per language)."""

    noticed: bool = False


def on_config(config: MkDocsConfig) -> None:
    """Validate the consultation settings (idempotent: runs once per language): every problem names the
    line of mkdocs.yml, the key and what to do."""
    text = (
        Path(config.config_file_path).read_text(encoding="utf-8") if config.config_file_path else ""
    )
    try:
        lines = read_editor_settings(text)
    except DataFileError as error:
        raise PluginError(str(error)) from None
    try:
        keep_settings(load_consultation(config.extra))
        export_columns(config.extra["consultation"])
        load_withdrawn_drafts(config.extra)
    except (ConfigError, CommentImportError) as error:
        english = english_of(error).removeprefix(f"{CONFIG_FILE}: ")
        vi = getattr(error, "vi", "").removeprefix(f"{CONFIG_FILE}: ")
        line = key_line(lines, config_key(english))
        raise PluginError(str(Problem(CONFIG_FILE, line, english, vi))) from None
    problems = publishing_problems(settings())  # the placeholder form, the organiser's contact
    if problems and read_inputs().publish:
        raise PluginError(
            "\n".join(
                str(
                    Problem(
                        CONFIG_FILE,
                        key_line(lines, _problem_key(english_of(problem))),
                        f"publishing refused: {english_of(problem)}",
                        f"từ chối xuất bản: {vi_of(problem)}",
                    )
                )
                for problem in problems
            )
        )
    if problems and not kept(_Comments).noticed:
        kept(_Comments).noticed = True
        for problem in problems:
            # a notice, not a WARNING: local --strict builds go on
            log.info(prefixed(problem, "Not publishable yet: ", "Chưa xuất bản được: "))


def _problem_key(problem: str) -> str:
    """The settings key a publishing problem is about (for its line in mkdocs.yml)."""
    english = str(problem).split("(English: ")[-1]
    return (
        "extra.consultation.organiser"
        if english.startswith("extra.consultation.organiser")
        else "extra.consultation.form"
    )


def on_pre_build(config: MkDocsConfig) -> None:
    """Check the discussion guide's links to the report before any page is rendered."""
    known = {s.id for s in load_document(docs_dir(config), current_language(config)).sections}
    try:
        load_guide_links(docs_dir(config) / GUIDE_DATA, known)
    except GuideError as error:
        raise PluginError(_guide_error(error)) from error


def build_date() -> dt.date:
    """The day the build counts as today (BUILD_DATE=YYYY-MM-DD for reproducible builds and tests)."""
    return read_inputs().today()


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, **kwargs) -> str:
    """The draft's label and date where a page names them (`<!-- draft:label -->`, `<!-- draft:date -->`)."""
    return fill_draft_markers(markdown, settings(), current_language(config))


def on_page_content(html: str, page: Page, config: MkDocsConfig, **kwargs) -> str:
    """Put a prefilled comment link under every section heading of a document page."""
    src = neutral_path(page.file.src_uri)
    consultation = settings()
    lang = current_language(config)
    state = status(consultation, build_date())
    if GENERAL in html:
        url = comment_url(
            consultation,
            "du-thao",
            consultation.draft_label[lang],
            config.site_url.rstrip("/") + "/" + page.url,
            lang,
        )
        closed = t("comment.closed", lang, close=format_date(consultation.closes, lang))
        html = html.replace(
            GENERAL,
            general_link_html(
                url,
                t("comment.document", lang),
                closed,
                state,
                relative_link(page_url(src), PRIVACY_PAGE),
                lang,
            ),
        )
    if FORM_PROVIDER in html or ORGANISER in html:
        html = html.replace(FORM_PROVIDER, form_provider_text(consultation, lang))
        html = html.replace(ORGANISER, organiser_html(consultation, lang))
    full_text = bool(page.meta.get("full_text"))
    if not is_document_page(src) and not full_text:
        return html
    root_url = config.site_url.rstrip("/") + "/" + language_prefix(lang)
    html = html.replace(HOW_TO_COMMENT, how_to_comment_html(consultation, root_url, lang))
    if full_text:  # its sections come with their links from the chapter pages (hooks/draftsite/full_text/events.py)
        return html
    document = load_document(docs_dir(config), lang)
    sections = {s.id: s for s in document.on_page(src)}

    def add_link(match: re.Match) -> str:
        section = sections.get(match[3])
        if section is None or state == "closed":
            return match[1]
        name = comment_name(section.id, section.title, lang, section.label)
        address = (
            f"{root_url}{page_url(section.page)}#{section.id}"  # the section on its chapter page
        )
        link = comment_link_html(
            consultation,
            section.id,
            name,
            section.full_label,
            address,
            lang,
            hidden=state != "open",
            privacy=relative_link(page_url(src), PRIVACY_PAGE),
        )
        address = _print_address(config, lang, section.id).replace(
            "{root}", "../" * page.url.count("/")
        )
        return match[1] + link.replace("</p>", address + "</p>")

    html = HEADING.sub(add_link, html)
    if src == GUIDE_PAGE:
        html = _guide_links(html, config, document, consultation, lang, state, page)
    return html


def _print_address(config: MkDocsConfig, lang: str, section_id: str) -> str:
    """The short address and QR code of a section's form, shown only on paper (the QR image is lazy and
    hidden on screen, so screen readers of the page never download it)."""
    prefix = language_prefix(lang)
    qr_src = f"{{root}}{prefix}{SHORT_PATH}/{section_id}/qr.svg"  # {root}: filled in per page
    return print_address(qr_src, short_url(config.site_url, prefix, section_id))


def on_files(files, config: MkDocsConfig, **kwargs):
    """Write the short addresses (/gop-y/<id>/ redirects to the prefilled form, and its QR code)."""
    lang = current_language(config)
    root = language_site_dir(config) / SHORT_PATH
    run_step("writing the short comment addresses failed", _write_short_links, config, lang, root)
    return files


def _write_short_links(config: MkDocsConfig, lang: str, root: Path) -> None:
    """The short address page and QR code of every section of the language."""
    consultation = settings()
    prefix = language_prefix(lang)
    state = status(consultation, build_date())
    notices = {**status_texts(consultation, lang), "open": t("short.open", lang)}
    script = "../../" + "../" * prefix.count("/") + SHORT_LINK_SCRIPT
    cache = cache_dir(config) / "qr"  # kept between builds (git-ignored)
    for section in load_document(docs_dir(config), lang).sections:
        page = f"{config.site_url.rstrip('/')}/{prefix}{page_url(section.page)}#{section.id}"
        target = comment_url(consultation, section.id, section.full_label, page, lang)
        folder = root / section.id
        folder.mkdir(parents=True, exist_ok=True)
        page_html = add_policy_meta(
            redirect_page(
                target,
                lang,
                section.full_label,
                page=page,
                state=state,
                opens=consultation.opens.isoformat(),
                closes=consultation.closes.isoformat(),
                notices=notices,
                read=t("short.read", lang),
                script=script,
            ),
            [],
        )
        (folder / "index.html").write_text(page_html, encoding="utf-8")
        address = short_url(config.site_url, prefix, section.id)
        (folder / "qr.svg").write_text(qr_svg(address, section.full_label, cache), encoding="utf-8")


def on_page_context(context: dict, page: Page, config: MkDocsConfig, **kwargs) -> dict:
    """Values the templates need: the status line, the general comment link and, on a page of the report
    (a chapter, the full text) until the consultation closes, the form of its paragraphs' comment links."""
    address = config.site_url.rstrip("/") + "/" + page.url
    context = _context(
        context, config, address, relative_link(page_url(page.file.src_uri), PRIVACY_PAGE)
    )
    paragraphs = is_document_page(neutral_path(page.file.src_uri)) or page.meta.get("full_text")
    if paragraphs and context["consultation"]["state"] != "closed":
        lang = current_language(config)
        context["comment_form"] = {
            "template": paragraph_comment_template(settings(), lang),
            "page": address,
        }
    return context


def on_template_context(context: dict, template_name: str, config: MkDocsConfig, **kwargs) -> dict:
    """The same on the 404 page (the status line in its banner, the general comment link)."""
    if template_name != "404.html":
        return context
    privacy = (
        config.site_url.rstrip("/") + "/" + language_prefix(current_language(config)) + PRIVACY_PAGE
    )
    return _context(context, config, config.site_url, privacy)


def _context(context: dict, config: MkDocsConfig, url: str, privacy_url: str) -> dict:
    consultation = settings()
    lang = current_language(config)
    context["consultation"] = {
        "state": status(consultation, build_date()),
        "opens": consultation.opens.isoformat(),
        "closes": consultation.closes.isoformat(),
        "texts": status_texts(consultation, lang),
        "closed_notice": t("comment.closed", lang, close=format_date(consultation.closes, lang)),
        "general_url": comment_url(
            consultation, "du-thao", consultation.draft_label[lang], url, lang
        ),
        "general_text": t("comment.document", lang),
        "draft_label": consultation.draft_label[lang],
        "privacy_url": privacy_url,
        "privacy_text": t("comment.privacy", lang),
        "privacy_title": t("comment.privacy.title", lang),
    }
    return context


def _guide_error(error: GuideError) -> str:
    """A guide-links error as the editor reads it: the file, the line when known, the problem (in Vietnamese,
    with the English kept)."""
    return f"docs/{GUIDE_DATA}:{error.line}: {error}"


def _guide_links(html, config, document, consultation, lang, state, page) -> str:
    try:
        links = load_guide_links(docs_dir(config) / GUIDE_DATA, {s.id for s in document.sections})
        return add_guide_links(
            html, links, document, consultation, lang, state, page_url(GUIDE_PAGE), config.site_url
        )
    except GuideError as error:
        raise PluginError(_guide_error(error)) from error
