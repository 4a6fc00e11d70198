"""Issue 29, «What readers are told»: the privacy page names the form's provider and the organiser's
contact from the settings (publishing refuses without the contact); the home page leads to the
outcome page and says when it is filled; footnote back-links, indicator downloads and table
captions speak the page's language; a printed chapter page says which part it belongs to, and the
PDF's title page carries no section id."""

from __future__ import annotations

import csv
import functools
import http.server
import io
import json
import re
import subprocess
import sys
import threading
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import (FIXTURE_CONFIG, FIXTURE_DOCS, ORGANISER_CONTACT, ROOT, _QuietHandler, fill_in_organiser,
                      language_pages, page_html, run_build)
from draftsite.consultation import (ConfigError, format_day, form_provider_text, load_consultation,
                                    organiser_problem)
from draftsite.markdown_checks import check_markers

CONFIG = yaml.safe_load(FIXTURE_CONFIG.read_text("utf-8").replace("!ENV", ""))
CONSULTATION = CONFIG["extra"]["consultation"]
PREFIX = {"vi": "", "en": "en/"}
AXE = Path(__import__("axe_playwright_python").__file__).with_name("axe.min.js").read_text("utf-8")
FORM = ("https://docs.google.com/forms/d/e/1FAIpQLSf-Tieu-ban-Van-kien/viewform?usp=pp_url&entry.2051=section"
        "&entry.2052=label&entry.2053=revision&entry.2054=revision_date&entry.2055=url&entry.2056=lang")
ORGANISER = {"name": {"vi": "Tiểu ban Văn kiện", "en": "Document Subcommittee"}, **ORGANISER_CONTACT}


def settings(**changes: object) -> dict:
    """The fixture's `extra` with the consultation block changed."""
    return {"consultation": {**CONSULTATION, **changes}}


# ---------------------------------------------------------------------------------------------
# 10. The privacy page: the form's provider and the organiser's contact, from the settings.

@pytest.mark.parametrize("organiser,key,words", [
    ("Tiểu ban Văn kiện", "extra.consultation.organiser", "write it as a block"),
    ({**ORGANISER, "fax": "0208 111 222"}, "extra.consultation.organiser.fax", "unknown key"),
    ({**ORGANISER, "name": {"vi": "Tiểu ban Văn kiện"}}, "extra.consultation.organiser.name", "`vi:` and `en:`"),
    ({**ORGANISER, "address": ""}, "extra.consultation.organiser.address", "empty"),
    ({**ORGANISER, "email": "tieubanvankien"}, "extra.consultation.organiser.email", "is not an e-mail address"),
    ({**ORGANISER, "phone": "0208 …"}, "extra.consultation.organiser.phone", "is not a phone number"),
    ({**ORGANISER, "phone": 2083855123}, "extra.consultation.organiser.phone", "in quotes"),
])
def test_a_wrong_organiser_block_names_its_key_and_what_to_write(organiser, key, words):
    with pytest.raises(ConfigError) as error:
        load_consultation(settings(organiser=organiser))
    message = str(error.value)
    assert message.startswith(f"{key}:") and words in message, message


def test_a_missing_or_sample_contact_is_not_publishable():
    assert "extra.consultation.organiser is missing" in organiser_problem(load_consultation(settings()))
    assert "huong-dan-bien-tap.md, §5" in organiser_problem(load_consultation(settings()))
    sample = load_consultation(settings(organiser={**ORGANISER, "email": "gopy@example.org"}))
    assert "extra.consultation.organiser.email still points at an example address" in organiser_problem(sample)
    assert organiser_problem(load_consultation(settings(organiser=ORGANISER))) is None


def test_the_forms_provider_is_named_from_the_form_settings():
    google = load_consultation(settings())
    assert "Google Forms" in form_provider_text(google, "vi") and "Google LLC" in form_provider_text(google, "vi")
    assert "outside Viet Nam" in form_provider_text(google, "en")
    template = load_consultation(settings(form={"preset": "template",
                                                "template": "https://gopy.thainguyen.gov.vn/phieu?muc={section}"}))
    for lang in ("vi", "en"):
        text = form_provider_text(template, lang)
        assert "gopy.thainguyen.gov.vn" in text and "Google" not in text


def test_without_a_contact_the_local_privacy_page_says_what_the_editors_must_fill_in(site):
    for lang in ("vi", "en"):
        page = page_html(site, PREFIX[lang] + "quyen-rieng-tu/")
        receivers = page.select_one("#nguoi-nhan + p").get_text(" ")
        assert "Google Forms" in receivers and "Google LLC" in receivers, receivers
        assert "<!--" not in str(page.select_one("article"))
        missing = page.select_one("#quyen ~ .organiser-missing")
        assert missing is not None and "extra.consultation.organiser" in missing.get_text()
        assert page.select_one(".organiser-contact") is None


def _serve(folder: Path) -> http.server.ThreadingHTTPServer:
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.mark.browser
def test_publishing_refuses_a_missing_contact_and_the_privacy_page_shows_the_one_filled_in(project_copy, browser):
    config = project_copy / "mkdocs.yml"
    done = subprocess.run([sys.executable, str(ROOT / "tools" / "set_form.py"), FORM, "--config", str(config)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "extra.consultation.organiser" in done.stdout, "set_form says what else publishing needs"
    # The organiser's form, no contact: a local build goes on with a notice, publishing is refused.
    local = run_build(project_copy, project_copy / "local")
    assert local.returncode == 0, local.stderr
    assert "INFO" in local.stderr and "Not publishable yet: extra.consultation.organiser is missing" in local.stderr
    refused = run_build(project_copy, project_copy / "refused", PUBLISH="1")
    assert refused.returncode != 0 and "Traceback" not in refused.stderr
    assert "publishing refused: extra.consultation.organiser is missing" in refused.stderr, refused.stderr[-1500:]
    assert "placeholder form" not in refused.stderr
    # The editor fills the block as the guide says: publishing goes on, the page shows the contact.
    fill_in_organiser(config)
    published = run_build(project_copy, project_copy / "site", PUBLISH="1")
    assert published.returncode == 0, published.stderr
    assert "Not publishable" not in published.stderr
    site = project_copy / "site"
    names = yaml.safe_load(config.read_text("utf-8").replace("!ENV", ""))["extra"]["consultation"]["organiser"]["name"]
    for lang in ("vi", "en"):
        page = BeautifulSoup((site / PREFIX[lang] / "quyen-rieng-tu" / "index.html").read_text("utf-8"), "html.parser")
        assert page.select_one(".organiser-missing") is None
        contact = page.select_one("#quyen ~ ul.organiser-contact")
        text = contact.get_text(" ")
        assert names[lang] in text and ORGANISER_CONTACT["address"] in text
        assert contact.select_one("a[href^='mailto:']")["href"] == "mailto:" + ORGANISER_CONTACT["email"]
        assert contact.select_one("a[href^='tel:']").get_text() == ORGANISER_CONTACT["phone"]
        assert "Google LLC" in page.select_one("#nguoi-nhan + p").get_text(" ")
    # The filled-in page passes axe in both languages.
    server = _serve(site)
    try:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        tab = context.new_page()
        failures = []
        for url in ("quyen-rieng-tu/", "en/quyen-rieng-tu/"):
            tab.goto(f"http://127.0.0.1:{server.server_address[1]}/{url}")
            tab.evaluate(AXE)
            found = tab.evaluate("() => axe.run(document, {runOnly: {type: 'tag', values: "
                                 "['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa', 'best-practice']}})")
            failures += [f"/{url} {v['id']}: {[n['target'] for n in v['nodes'][:3]]}" for v in found["violations"]]
        context.close()
        assert failures == []
    finally:
        server.shutdown()


def test_a_malformed_contact_stops_even_a_local_build(project_copy):
    fill_in_organiser(project_copy / "mkdocs.yml", {**ORGANISER_CONTACT, "email": "tieuban at thainguyen"})
    result = run_build(project_copy, project_copy / "site")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "mkdocs.yml: extra.consultation.organiser.email: 'tieuban at thainguyen' is not an e-mail address" \
        in result.stderr, result.stderr[-1500:]


def test_the_privacy_pages_take_provider_and_contact_from_markers_the_checks_know():
    for name in ("quyen-rieng-tu.md", "quyen-rieng-tu.en.md"):
        for root in (FIXTURE_DOCS, ROOT / "docs"):
            text = (root / name).read_text("utf-8")
            assert "<!-- consultation:form-provider -->" in text and "<!-- consultation:organiser -->" in text
            assert "Google" not in text, f"{root / name}: the provider comes from the settings"
            assert check_markers(name, text) == []
    misspelled = check_markers("quyen-rieng-tu.md", "Liên hệ:\n\n<!-- consultation:organizer -->\n")
    assert len(misspelled) == 1 and "<!-- consultation:organiser -->" in str(misspelled[0])


# ---------------------------------------------------------------------------------------------
# 11. The home page leads to the outcome page and says when it is filled.

@pytest.mark.parametrize("lang", ["vi", "en"])
def test_home_page_links_the_outcome_page_and_gives_the_closing_date_from_the_settings(site, lang):
    source = (FIXTURE_DOCS / ("index.md" if lang == "vi" else "index.en.md")).read_text("utf-8")
    closes = format_day(load_consultation(settings()).closes, lang)
    assert "<!-- consultation:closes -->" in source and closes not in source, "the date is not typed in the page"
    html = page_html(site, PREFIX[lang])
    link = html.select_one("article a[href='tong-hop-y-kien/']")
    assert link is not None
    menu = html.select_one(".md-sidebar--primary a.md-nav__link[href='tong-hop-y-kien/']")
    assert link.get_text(strip=True) == re.sub(r"\s+", " ", menu.get_text()).strip()
    sentence = re.sub(r"\s+", " ", link.parent.get_text())
    assert closes in sentence, sentence
    assert ("15/1/2027" if lang == "vi" else "15 January 2027") == closes
