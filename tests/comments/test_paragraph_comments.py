"""Issue 27, part 1: comment on a paragraph. Beside each paragraph's "¶" link and citation button, a
comment link made on demand by citation.js (mouse, keyboard, touch; chapter pages and the full
text), prefilled from the page's one `comment-form` template; gone after the closing day."""

from __future__ import annotations

import datetime as dt
from urllib.parse import parse_qs, quote, urlsplit

import pytest
import yaml
from conftest import FIXTURE_CONFIG, axe_violations, page_html

from draftsite.comments.consultation import (
    comment_url,
    load_consultation,
    paragraph_comment_template,
)
from draftsite.comments.form_settings import parse_prefilled, write_form_settings

CONFIG = yaml.safe_load(FIXTURE_CONFIG.read_text("utf-8").replace("!ENV", ""))
SETTINGS = CONFIG["extra"]["consultation"]
FIELDS = {v: k for k, v in SETTINGS["form"]["fields"].items()}  # entry.NNN -> named field
PREFIX = {"vi": "", "en": "en/"}
PAGES = ["phan-thu-nhat/kinh-te/", "toan-van/"]
IDENT = "p1-ii-1-2-d3"
LABEL = {
    "vi": "Phần thứ nhất, mục II.1.2, đoạn 3",
    "en": "Part One, section II.1.2, paragraph 3",
}
NAME = {"vi": "Góp ý đoạn này: ", "en": "Comment on this paragraph: "}
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
LINK = f"#{IDENT} > .paragraph-tools .comment-paragraph"


def values_of(href: str) -> dict[str, str]:
    """The named values a comment link sends to the (fixture's Google) form."""
    query = parse_qs(urlsplit(href).query)
    return {FIELDS.get(k, k): v[0] for k, v in query.items()}


def assert_links_paragraph(tab, server: str, lang: str, url: str) -> None:
    """The paragraph's comment link: its section, label, draft, address and language, its name."""
    link = tab.locator(LINK)
    assert link.count() == 1
    values = values_of(link.get_attribute("href"))
    assert values["section"] == "p1-ii-1-2"
    assert values["label"] == LABEL[lang]
    assert values["revision"] == SETTINGS["draft"]["label"][lang]
    assert values["revision_date"] == "2020-03-31"
    assert values["url"] == f"{server}{PREFIX[lang]}{url}#{IDENT}"
    assert values["lang"] == lang
    assert link.get_attribute("aria-label") == NAME[lang] + LABEL[lang]
    assert link.get_attribute("target") == "_blank" and link.get_attribute("rel") == "noopener"


@pytest.mark.browser
@pytest.mark.parametrize("url", PAGES)
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_hovering_a_paragraph_shows_its_comment_link(browser, server, lang, url):
    context = browser.new_context(viewport=DESKTOP)
    tab = context.new_page()
    tab.goto(server + PREFIX[lang] + url)
    assert tab.locator(".comment-paragraph").count() == 0, "made on demand, not on load"
    block = tab.locator(f"#{IDENT}")
    block.scroll_into_view_if_needed()
    block.hover()
    tab.locator(LINK).wait_for(state="visible")
    assert_links_paragraph(tab, server, lang, url)
    # The tools' order on screen and for the keyboard: ¶, Cite, Comment.
    order = tab.evaluate(
        "id => [...document.getElementById(id).querySelector('.paragraph-tools').children]"
        ".map(e => e.className)",
        IDENT,
    )
    assert order == ["paragraph-link", "cite-button", "comment-paragraph"]
    context.close()


@pytest.mark.browser
@pytest.mark.parametrize("url", PAGES)
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_tab_key_reaches_the_comment_link_after_the_citation_button(browser, server, lang, url):
    context = browser.new_context(viewport=DESKTOP)
    tab = context.new_page()
    tab.goto(server + PREFIX[lang] + url)
    tab.keyboard.press("Tab")  # the first Tab makes every paragraph's tools
    tab.locator(f"#{IDENT} > .paragraph-tools .paragraph-link").focus()
    reached = []
    for _ in range(2):
        tab.keyboard.press("Tab")
        reached.append(tab.evaluate("document.activeElement.classList[0]"))
    assert reached == ["cite-button", "comment-paragraph"]
    assert tab.evaluate("document.activeElement.closest('[id]').id") == IDENT
    assert tab.locator(LINK).is_visible()
    assert_links_paragraph(tab, server, lang, url)
    context.close()


@pytest.mark.browser
@pytest.mark.parametrize("url", PAGES)
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_tapping_a_paragraph_opens_its_comment_link_with_its_word(browser, server, lang, url):
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True)
    tab = context.new_page()
    tab.goto(server + PREFIX[lang] + url)
    tab.evaluate("id => document.getElementById(id).scrollIntoView()", IDENT)
    box = tab.locator(f"#{IDENT}").bounding_box()
    tab.touchscreen.tap(box["x"] + 60, box["y"] + 8)
    link = tab.locator(LINK)
    link.wait_for(state="visible")
    assert_links_paragraph(tab, server, lang, url)
    size = link.bounding_box()
    assert size["width"] >= 44 and size["height"] >= 44
    assert 0 <= size["x"] and size["x"] + size["width"] <= PHONE["width"]
    word = link.evaluate("e => getComputedStyle(e, '::after').content")
    assert word == ('"Góp ý"' if lang == "vi" else '"Comment"')
    context.close()


@pytest.mark.browser
def test_a_form_with_a_paragraph_box_receives_the_paragraphs_id(browser, server):
    context = browser.new_context(viewport=DESKTOP)
    tab = context.new_page()
    tab.goto(server + "phan-thu-nhat/kinh-te/")
    # The template of a form with a paragraph box, as the build writes it (the unit tests check that).
    tab.evaluate(
        "() => { const m = document.querySelector('meta[name=comment-form]');"
        " m.content = m.content + '&entry.1000007={paragraph}'; }"
    )
    tab.locator(f"#{IDENT}").hover()
    assert values_of(tab.locator(LINK).get_attribute("href"))["entry.1000007"] == IDENT
    context.close()


@pytest.mark.browser
@pytest.mark.parametrize("url", PAGES)
def test_after_the_closing_day_no_paragraph_has_a_comment_link(browser, server, url):
    context = browser.new_context(viewport=DESKTOP)
    tab = context.new_page()
    tab.clock.install(time=dt.datetime(2027, 1, 16, 1, 0, tzinfo=dt.UTC))
    tab.goto(server + url)
    tab.locator(f"#{IDENT}").hover()
    tab.keyboard.press("Tab")
    tab.locator(f"#{IDENT} > .paragraph-tools").wait_for(state="visible")
    assert tab.locator(".comment-paragraph").count() == 0
    context.close()


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_axe_finds_nothing_with_every_paragraphs_tools_made_and_one_open(browser, server, lang):
    for url, viewport, touch in ((PAGES[0], DESKTOP, False), (PAGES[1], PHONE, True)):
        context = browser.new_context(viewport=viewport, has_touch=touch, is_mobile=touch)
        tab = context.new_page()
        tab.goto(server + PREFIX[lang] + url)
        tab.keyboard.press("Tab")
        tab.locator(f"#{IDENT} > .paragraph-tools .comment-paragraph").focus()
        assert tab.locator(".comment-paragraph").count() > 20
        assert axe_violations(tab) == []
        context.close()


# --- The template and the settings ------------------------------------------------------------------


def settings_with(form: dict):
    """The fixture's consultation settings with another form."""
    return load_consultation({"consultation": {**SETTINGS, "form": form}})


def test_the_template_fills_the_draft_and_the_language_and_leaves_the_rest_for_the_script():
    consultation = load_consultation(CONFIG["extra"])
    template = paragraph_comment_template(consultation, "en")
    query = parse_qs(urlsplit(template).query)
    assert query[SETTINGS["form"]["fields"]["section"]] == ["{section}"]
    assert query[SETTINGS["form"]["fields"]["label"]] == ["{label}"]
    assert query[SETTINGS["form"]["fields"]["url"]] == ["{url}"]
    assert query[SETTINGS["form"]["fields"]["revision"]] == ["Draft of 31 March 2020"]
    assert query[SETTINGS["form"]["fields"]["lang"]] == ["en"]
    assert "{paragraph}" not in template  # the fixture's form has no paragraph box
    # Filled in as the script fills it, it is the link the build would write for that paragraph.
    values = {
        "section": "p1-ii-1-2",
        "label": "Part One, section II.1.2, paragraph 3",
        "url": "https://example.org/en/p/#p1-ii-1-2-d3",
    }
    filled = template
    for name, value in values.items():
        filled = filled.replace("{" + name + "}", quote(value, safe=""))  # encodeURIComponent
    expected = comment_url(consultation, *values.values(), "en", "p1-ii-1-2-d3")
    assert values_of(filled) == values_of(expected)


def test_a_form_with_a_paragraph_box_gets_the_paragraph_and_section_links_leave_it_empty():
    google = settings_with(
        {
            "preset": "google",
            "url": "https://docs.google.com/forms/d/e/REAL/viewform",
            "fields": {"section": "entry.1", "label": "entry.2", "paragraph": "entry.7"},
        }
    )
    assert "entry.7={paragraph}" in paragraph_comment_template(google, "vi")
    assert "entry.7" not in comment_url(google, "p1-ii", "Phần thứ nhất, mục II", "u", "vi")
    template = settings_with(
        {
            "preset": "template",
            "template": "https://gopy.example.vn/f?muc={section}&doan={paragraph}&ban={revision}",
        }
    )
    assert paragraph_comment_template(template, "vi") == (
        "https://gopy.example.vn/f?muc={section}&doan={paragraph}&ban=D%E1%BB%B1%20th%E1%BA%A3o"
        "%20ng%C3%A0y%2031%2F3%2F2020"
    )
    assert comment_url(template, "p1-ii", "x", "u", "vi").startswith(
        "https://gopy.example.vn/f?muc=p1-ii&doan=&ban="
    )


def test_set_form_recognises_a_box_filled_with_paragraph():
    link = (
        "https://docs.google.com/forms/d/e/REAL/viewform?usp=pp_url&entry.11=section"
        "&entry.12=label&entry.13=paragraph&entry.14=url"
    )
    url, fields = parse_prefilled(link)
    assert url == "https://docs.google.com/forms/d/e/REAL/viewform"
    assert fields == {
        "section": "entry.11",
        "label": "entry.12",
        "url": "entry.14",
        "paragraph": "entry.13",
    }
    written = write_form_settings(FIXTURE_CONFIG.read_text("utf-8"), url, fields)
    form = yaml.safe_load(written.replace("!ENV", ""))["extra"]["consultation"]["form"]
    assert form["fields"]["paragraph"] == "entry.13"
    assert load_consultation(yaml.safe_load(written.replace("!ENV", ""))["extra"]).fields == fields


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_only_the_report_pages_carry_the_form_of_their_paragraphs(site, site_url, lang):
    for url in ("phan-thu-nhat/kinh-te/", "toan-van/", "", "tong-hop-y-kien/", "quyen-rieng-tu/"):
        metas = page_html(site, PREFIX[lang] + url).select('meta[name="comment-form"]')
        if url not in PAGES:
            assert metas == [], url
            continue
        (meta,) = metas
        assert meta["data-page"] == f"{site_url}{PREFIX[lang]}{url}"
        assert meta["content"] == paragraph_comment_template(
            load_consultation(CONFIG["extra"]), lang
        )
        # No paragraph carries a comment link in the markup: the script makes them.
        assert page_html(site, PREFIX[lang] + url).select(".comment-paragraph") == []
