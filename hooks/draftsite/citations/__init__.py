"""Paragraphs and citations: each paragraph's stable address (`#p1-ii-1-2-d3`), its link and
copy-citation tools, and the citation text pinned to the draft it quotes."""
