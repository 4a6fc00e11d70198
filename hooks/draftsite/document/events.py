"""The one model of the document (draftsite.document.model: sections, ids, parents, labels) is read once per
language and build, and handed to every concern; this hook only says when a build starts, so that
`mkdocs serve` reads the edited files again. Listed before the hooks that use the model."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig

from draftsite.document.model import forget_documents


# A build (of one language) starts: the model is read again on first use.
def on_config(config: MkDocsConfig) -> None:
    forget_documents()
