"""The whole document on one page (`<!-- document:full-text -->` on a page with `full_text: true`):
the cover letter, the report and the discussion guide in reading order, headings nested by the
document's numbering, after a table of contents (`<!-- document:contents -->`). The page takes the
chapter pages' finished content (each page's Markdown is converted once), so section and paragraph
ids, citation tools and comment links are those of the chapters; the PDF is printed from this page
(tools/make_pdf.py). Listed after the hooks that finish a chapter's content."""

from __future__ import annotations

from dataclasses import dataclass, field

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink

from draftsite.document.model import is_document_page, language_files, load_document, neutral_path
from draftsite.engine.glue import DEFAULT_LANGUAGE, current_language, docs_dir, nav_files, run_step
from draftsite.full_text.full_text import Chapter, assembled_page, table_of_contents
from draftsite.messages import bilingual
from draftsite.state import kept

MARKER = "<!-- document:full-text -->"
TOC_MARKER = "<!-- document:contents -->"


@dataclass
class _FullText:
    """What the full text keeps during a build, per language: the chapters' finished content, the
    document pages in reading order, the full-text page's address and file, and its assembled body
    (with its anchors and parts)."""

    chapters: dict[tuple[str, str], Chapter] = field(
        default_factory=dict
    )  # (language, page) → content
    order: dict[str, list[str]] = field(default_factory=dict)
    pages: dict[str, tuple[str, str]] = field(default_factory=dict)
    assembled: dict[str, tuple] = field(default_factory=dict)


def _reading_order(page: Page, config: MkDocsConfig, lang: str) -> list[tuple[str, str]]:
    """The document pages of the nav in reading order, with their Markdown in the language being built."""
    files = language_files(docs_dir(config), lang)
    order = []
    for path in (p for p in nav_files(config.nav) if is_document_page(p)):
        rel = path if lang == DEFAULT_LANGUAGE else path[:-3] + f".{lang}.md"
        if rel not in files:
            raise PluginError(
                bilingual(
                    f"{page.file.src_uri}: {path} has no {lang!r} version to include",
                    f"docs/{page.file.src_uri}: trang {path} chưa có bản {lang!r} để đưa vào trang "
                    "toàn văn",
                )
            )
        order.append((path, files[rel]))
    return order


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, **kwargs) -> str:
    """Check the full-text page's marker and write its table of contents."""
    if not page.meta.get("full_text"):
        return markdown
    if MARKER not in markdown:
        raise PluginError(
            bilingual(
                f"{page.file.src_uri}: a page with `full_text: true` needs the marker {MARKER}",
                f"docs/{page.file.src_uri}: trang có `full_text: true` cần có dấu hiệu {MARKER}",
            )
        )
    lang = current_language(config)
    order = _reading_order(page, config, lang)
    kept(_FullText).order[lang] = [path for path, _ in order]
    kept(_FullText).pages[lang] = (page.url, page.file.src_uri)
    document = load_document(docs_dir(config), lang)
    contents = table_of_contents(document, [path for path, _ in order], [text for _, text in order])
    return markdown.replace(TOC_MARKER, contents)


def on_page_content(html: str, page: Page, config: MkDocsConfig, **kwargs) -> str:
    """Keep each document page's finished content for the full text."""
    src = neutral_path(page.file.src_uri)
    if is_document_page(src):
        kept(_FullText).chapters[(current_language(config), src)] = Chapter(
            page.url, html, page.title or "", page.meta.get("section_id")
        )
    return html


def on_env(env, config: MkDocsConfig, **kwargs):
    """Every page's content is finished before any is rendered: assemble the full text."""
    lang = current_language(config)
    full_text = kept(_FullText)
    if lang in full_text.pages:
        url, src = full_text.pages.pop(lang)
        chapters = []
        for path in full_text.order[lang]:
            if (lang, path) not in full_text.chapters:
                raise PluginError(
                    bilingual(
                        f"{src}: {path} was not built, so the full text cannot include it",
                        f"docs/{src}: trang {path} không được dựng, nên không đưa được vào trang "
                        "toàn văn",
                    )
                )
            chapters.append(full_text.chapters[(lang, path)])
        permalink = (config.mdx_configs.get("toc") or {}).get("permalink_title", "")
        full_text.assembled[lang] = run_step(
            f"{src}: assembling the full text failed",
            assembled_page,
            chapters,
            load_document(docs_dir(config), lang),
            url,
            permalink,
        )
    return env


def on_page_context(context: dict, page: Page, config: MkDocsConfig, **kwargs) -> dict:
    """Put the chapters into the full-text page, and list the document's parts in its contents sidebar."""
    if not page.meta.get("full_text"):
        return context
    body, anchors, parts = kept(_FullText).assembled.pop(current_language(config))
    page.content = page.content.replace(MARKER, body)
    if page.present_anchor_ids is not None:  # MkDocs checks links within the page against these
        page.present_anchor_ids |= anchors
    if page.toc.items:
        page.toc.items[0].children += [_anchor(entry, 2) for entry in parts]
    return context


def _anchor(entry: tuple[str, str, list], level: int) -> AnchorLink:
    """One side-contents entry (id, text, children) as MkDocs' table-of-contents link."""
    link = AnchorLink(entry[1], entry[0], level)
    link.children = [_anchor(child, level + 1) for child in entry[2]]
    return link
