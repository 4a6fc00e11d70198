"""Stop the build when the English reference translation is inconsistent: a glossary term not used,
an avoided variant used, or a recurring Vietnamese formula rendered in more than one way."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig

from draftsite.translation.translation_checks import source_stamp, translation_problems
from draftsite.engine.glue import docs_dir, finish_checks, report_pending_checks, start_checks

_checked: set[tuple] = set()
_running: list[tuple] = []


# Check the glossary and the translation memory while the pages are rendered (once per source
# state: mkdocs-static-i18n runs this event for each language on the same files).
def on_pre_build(config: MkDocsConfig) -> None:
    stamp = source_stamp(docs_dir(config))
    if stamp in _checked or stamp in _running:
        return
    _running.append(stamp)
    start_checks("translation", translation_problems, docs_dir(config))


# Stop the build before the next language if the translation is inconsistent.
def on_post_build(config: MkDocsConfig) -> None:
    if _running:
        stamp = _running.pop()
        finish_checks("translation")
        _checked.add(stamp)


# Another error stopped the build: also show what the checks found.
def on_build_error(error: Exception, **kwargs) -> None:
    _running.clear()
    report_pending_checks()
