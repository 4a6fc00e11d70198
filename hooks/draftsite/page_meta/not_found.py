"""What the 404 page offers: texts and absolute links (the page is served at any missing address)."""

from __future__ import annotations

from draftsite.strings import t


def not_found_texts(root: str) -> dict[str, str]:
    """The 404 page's texts and links, for a site rooted at the URL path `root` ("/du-thao-…/")."""
    vi = {
        key: t(f"404.{key}", "vi")
        for key in (
            "title",
            "lead",
            "home",
            "full_text",
            "drafts",
            "guide",
            "search_label",
            "search_button",
            "offer",
        )
    }
    return {
        **vi,
        "english": t("404.english", "en"),
        "english_link": t("404.english_link", "en"),
        "root": root,
        "en_root": f"{root}en/",
    }


def language_links(root: str) -> list[dict[str, str]]:
    """The header's language links on the 404 page: each language's home page."""
    return [
        {"name": "Tiếng Việt", "link": root, "lang": "vi"},
        {"name": "English", "link": f"{root}en/", "lang": "en"},
    ]
