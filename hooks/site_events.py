"""The one hook file MkDocs loads (`hooks:` in mkdocs.yml): for every build event, which features run
on it and in what order, written once, here.

Each feature is a folder of `hooks/draftsite/` (comments, citations, revisions, outcome, indicators,
full_text, search, page_meta; the document model in `document/`, every check of the sources and data
files in `checks/` and of the translation in `translation/`, the MkDocs glue in `engine/`). A
folder's `*events.py` modules hold its MkDocs event functions, a few lines each calling the folder's
plain typed functions, which import nothing of MkDocs. MkDocs runs an event's
handlers from every plugin by priority, highest first (default 0; equal priorities in the order
registered, plugins before hooks); a feature that must come before or after the plugins of the
site (Material's search, mkdocs-static-i18n) runs in a priority group of its own:

- 110, 100, 90: before the plugins (the indicator tables, and the checks of the sources);
- 0: after the plugins, in the order of the list;
- −90, −100, −200: after the plugins' own late work (mkdocs-static-i18n writes the other languages
  and rewrites the search index in its post-build step at −100).

mkdocs-static-i18n builds each language as a full nested build: every event runs once per language.
"""

from __future__ import annotations

from collections.abc import Callable

from mkdocs.plugins import CombinedEvent, event_priority

from draftsite.checks import events as document_checks
from draftsite.citations import events as paragraph_anchors
from draftsite.comments import events as comment_links
from draftsite.document import footnote_events as footnote_numbers
from draftsite.engine import settings_events as shared_settings
from draftsite.engine import strings_events as interface_strings
from draftsite.engine import template_events as template_cache
from draftsite.engine import theme_events as theme_files
from draftsite.engine.glue import begin_build
from draftsite.full_text import events as full_text
from draftsite.full_text import print_events as print_support
from draftsite.indicators import events as indicators
from draftsite.outcome import events as consultation_outcome
from draftsite.page_meta import assets_events as served_assets
from draftsite.page_meta import not_found_events as not_found
from draftsite.page_meta import security_events as security_headers
from draftsite.page_meta import sharing_events as sharing_metadata
from draftsite.revisions import events as draft_revisions
from draftsite.revisions import text_events as draft_texts
from draftsite.search import events as vietnamese_search
from draftsite.translation import events as translation_checks
from draftsite.translation import notice_events as translation_notice


def _in_order(*groups: tuple[int, list[Callable]]) -> CombinedEvent:
    """An event's handlers: (priority, [functions in the order they run]) groups, highest first."""
    return CombinedEvent(
        *(
            event_priority(priority)(function)
            for priority, functions in groups
            for function in functions
        )
    )


on_config = _in_order(
    (
        200,
        [begin_build],
    ),  # the default language's configuration starts a build: an empty BuildState
    (100, [template_cache.on_config]),  # before the plugins make their template environments
    (
        0,
        [
            shared_settings.on_config,
            theme_files.on_config,
            comment_links.on_config,
            draft_revisions.on_config,
            paragraph_anchors.on_config,
            interface_strings.on_config,
        ],
    ),
)

on_pre_build = _in_order(
    (100, [document_checks.on_pre_build]),
    (90, [translation_checks.on_pre_build]),
    (
        0,
        [
            indicators.on_pre_build,
            comment_links.on_pre_build,
            consultation_outcome.on_pre_build,
            draft_revisions.on_pre_build,
            paragraph_anchors.on_pre_build,
            vietnamese_search.on_pre_build,
        ],
    ),
)

on_files = _in_order(
    (0, [comment_links.on_files]),
)

on_env = _in_order(
    (0, [paragraph_anchors.on_env, full_text.on_env, sharing_metadata.on_env]),
)

on_page_markdown = _in_order(
    (
        0,
        [
            indicators.on_page_markdown,
            comment_links.on_page_markdown,
            consultation_outcome.on_page_markdown,
            draft_revisions.on_page_markdown,
            full_text.on_page_markdown,
        ],
    ),
)

on_page_content = _in_order(
    (
        110,
        [indicators.on_page_content],
    ),  # the tables and charts in their slots, before anything reads the page
    (
        100,
        [document_checks.on_page_content],
    ),  # the guard on what Markdown made, before the features add theirs
    (
        0,
        [
            footnote_numbers.on_page_content,
            comment_links.on_page_content,
            consultation_outcome.on_page_content,
            draft_revisions.on_page_content,
            paragraph_anchors.on_page_content,
            full_text.on_page_content,
            translation_notice.on_page_content,
            sharing_metadata.on_page_content,
        ],
    ),
    (-100, [vietnamese_search.on_page_content]),  # last: Material's search is told to skip the page
)

on_page_context = _in_order(
    (
        0,
        [
            comment_links.on_page_context,
            draft_revisions.on_page_context,
            paragraph_anchors.on_page_context,
            full_text.on_page_context,
            translation_notice.on_page_context,
            sharing_metadata.on_page_context,
            print_support.on_page_context,
            interface_strings.on_page_context,
            vietnamese_search.on_page_context,
        ],
    ),
)

on_template_context = _in_order(
    (0, [comment_links.on_template_context, not_found.on_template_context]),
)

on_post_page = _in_order(
    (0, [sharing_metadata.on_post_page]),
    (-90, [security_headers.on_post_page]),  # the finished page: its scripts' hashes
)

on_post_template = _in_order(
    (0, [not_found.on_post_template]),
    (-90, [security_headers.on_post_template]),
)

on_post_build = _in_order(
    (100, [document_checks.on_post_build]),  # stop before the next language is built
    (90, [translation_checks.on_post_build]),
    (
        0,
        [
            indicators.on_post_build,
            consultation_outcome.on_post_build,
            draft_revisions.on_post_build,
            draft_texts.on_post_build,
            sharing_metadata.on_post_build,
            print_support.on_post_build,
            served_assets.on_post_build,
        ],
    ),
    (
        -200,
        [vietnamese_search.on_post_build, security_headers.on_post_build],
    ),  # after every language
)

on_build_error = _in_order(
    (0, [document_checks.on_build_error, translation_checks.on_build_error]),
)
