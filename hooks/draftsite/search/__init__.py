"""Accent-insensitive Vietnamese search: the per-language index written at build; the matching runs
in the browser (overrides/assets/javascripts/search-worker.js)."""
