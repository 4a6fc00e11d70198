"""Stop the build when the English reference translation is inconsistent: a glossary term not used,
an avoided variant used, or a recurring Vietnamese formula rendered in more than one way."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from draftsite.editor_checks import located
from draftsite.translation_checks import check_translation_consistency, source_stamp
from site_glue import docs_dir, fail

_checked: set[tuple] = set()


# Check the glossary and the translation memory before any page is rendered (once per source state:
# mkdocs-static-i18n runs this event for each language on the same files).
@event_priority(90)
def on_pre_build(config: MkDocsConfig) -> None:
    stamp = source_stamp(docs_dir(config))
    if stamp in _checked:
        return
    fail("The English translation is inconsistent; fix these and build again:",
         [located(p) for p in check_translation_consistency(docs_dir(config))])
    _checked.add(stamp)
