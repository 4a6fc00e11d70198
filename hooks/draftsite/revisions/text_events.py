"""Each language's `van-ban.json` (draftsite.revisions.draft_texts): written once the language is
built, from the paragraphs the paragraph anchors kept (draftsite.citations.events)."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from draftsite.comments.consultation import settings
from draftsite.document.model import load_document, nav_pages
from draftsite.engine.glue import current_language, docs_dir, language_site_dir
from draftsite.messages import prefixed
from draftsite.revisions.draft_texts import FILE_NAME, DraftTexts, draft_texts, draft_texts_json
from draftsite.revisions.revisions import load_retired_entries
from draftsite.state import kept

RETIRED_FILE = "data/ma-muc-da-bo.yml"


def on_post_build(config: MkDocsConfig) -> None:
    """Write the language's van-ban.json at its root."""
    lang = current_language(config)
    document = load_document(docs_dir(config), lang)
    try:
        retired = load_retired_entries(
            docs_dir(config) / RETIRED_FILE, {s.id for s in document.sections}
        )
    except ValueError as error:
        raise PluginError(prefixed(error, "docs/")) from None
    consultation = settings()
    data = draft_texts(
        consultation.draft_date.isoformat(),
        lang,
        consultation.draft_label[lang],
        document.sections,
        nav_pages(config.nav),
        kept(DraftTexts).paragraphs.get(lang, {}),
        retired,
    )
    target = language_site_dir(config) / FILE_NAME
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(draft_texts_json(data), encoding="utf-8")
