"""Drafts and revisions: every draft online at its permanent address, the comparison with the
previous draft, paragraph ids that stay across drafts, and the rules `tools/publish.py` enforces."""
