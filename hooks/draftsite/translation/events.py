"""Stop the build when the English reference translation is inconsistent: a glossary term not used,
an avoided variant used, or a recurring Vietnamese formula rendered in more than one way."""

from __future__ import annotations

from dataclasses import dataclass

from mkdocs.config.defaults import MkDocsConfig

from draftsite.engine.glue import docs_dir, finish_checks, report_pending_checks, start_checks
from draftsite.state import kept
from draftsite.translation.translation_checks import translation_problems


@dataclass
class _Checks:
    """Whether the build has run the translation checks (once per build: mkdocs-static-i18n runs the
    events for each language on the same files), and whether their report is still to come."""

    started: bool = False
    pending: bool = False


def on_pre_build(config: MkDocsConfig) -> None:
    """Check the glossary and the translation memory (reported after the pages are rendered)."""
    checks = kept(_Checks)
    if checks.started:
        return
    checks.started = checks.pending = True
    start_checks("translation", translation_problems, docs_dir(config))


def on_post_build(config: MkDocsConfig) -> None:
    """Stop the build before the next language if the translation is inconsistent."""
    checks = kept(_Checks)
    if checks.pending:
        checks.pending = False
        finish_checks("translation")


def on_build_error(error: Exception, **kwargs) -> None:
    """Another error stopped the build: also show what the checks found."""
    kept(_Checks).pending = False
    report_pending_checks()
