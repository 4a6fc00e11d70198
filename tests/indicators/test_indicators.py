"""Issue 3: indicator tables, charts and downloads generated from docs/data/chi-tieu.yml."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest
import yaml
from conftest import FIXTURE_DOCS, page_html, run_build

from draftsite.document.numbers import numbers_en, numbers_vi
from draftsite.indicators.indicators import Value, format_value

DATA = yaml.safe_load((FIXTURE_DOCS / "data" / "chi-tieu.yml").read_text("utf-8"))
YEARS = {"2015", "2016", "2020", "2025"}


# The official list items "(n) …" of a built page, by n.
def list_items(html) -> dict[int, str]:
    items = {}
    for p in html.select("article p"):
        for tools in p.select(".paragraph-tools"):
            tools.decompose()
        match = re.match(r"^\((\d+)\)\s(.*)$", p.get_text(), re.S)
        if match:
            for marker in p.select("sup"):
                marker.decompose()
            items[int(match[1])] = re.sub(r"^\(\d+\)\s", "", p.get_text())
    return items


# Numbers of the table rows of one group, in the given periods, from the rendered table.
def table_numbers(html, group: int, periods: tuple[str, ...], read, lang: str) -> dict:
    found: dict = {}
    table = html.select_one("table.indicator-table")
    for indicator in [i for i in DATA["indicators"] if i["group"] == group]:
        row = table.select_one(f"tr[data-indicator='{indicator['id']}']")
        assert row is not None, f"indicator {indicator['id']} is not in the table"
        label_numbers = set(read(indicator["label"][lang]))
        for period in periods:
            cell = row.select_one(f"td[data-period='{period}']")
            for small in cell.select("small"):
                small.decompose()
            for number, count in read(cell.get_text()).items():
                if number not in label_numbers:
                    found[number] = found.get(number, 0) + count
    return found


@pytest.mark.parametrize(
    "lang,url,periods",
    [
        ("vi", "phan-thu-nhat/", ("target_2020", "result_2020")),
        ("vi", "phan-thu-hai/", ("target_2025",)),
        ("en", "en/phan-thu-nhat/", ("target_2020", "result_2020")),
        ("en", "en/phan-thu-hai/", ("target_2025",)),
    ],
)
def test_rendered_table_states_the_numbers_of_the_report_text(site, lang, url, periods):
    read = numbers_vi if lang == "vi" else numbers_en
    html = page_html(site, url)
    items = list_items(html)
    assert sorted(items) == list(range(1, 16)), "the official list must keep its 15 items"
    for group, text in items.items():
        in_text = {n: c for n, c in read(text).items() if n not in YEARS}
        rows = [i for i in DATA["indicators"] if i["group"] == group]
        for label_number in {n for i in rows for n in read(i["label"][lang])}:
            in_text.pop(label_number, None)
        in_table = table_numbers(html, group, periods, read, lang)
        assert in_table == in_text, f"group {group} on /{url}: table {in_table} vs text {in_text}"


def test_every_indicator_of_both_lists_is_in_the_data():
    groups = {i["group"] for i in DATA["indicators"]}
    assert groups == set(range(1, 16))
    assert len([i for i in DATA["indicators"] if i["group"] == 2]) == 3
    assert len([i for i in DATA["indicators"] if i["group"] == 15]) == 4
    ids = [i["id"] for i in DATA["indicators"]]
    assert len(ids) == len(set(ids))


def test_overview_page_links_every_row_to_its_sections(site):
    html = page_html(site, "chi-tieu/")
    rows = html.select("table.indicator-table tbody tr")
    assert len(rows) == len(DATA["indicators"])
    for row in rows:
        links = row.select("td.indicator-links a[href]")
        assert links, f"row {row['data-indicator']} links to no section"
        for link in links:
            page, _, anchor = link["href"].partition("#")
            target = page_html(site, re.sub(r"^\.\./", "", page))
            assert target.find(id=anchor) is not None, f"{link['href']} does not resolve"


def test_numbers_are_formatted_per_language(site):
    vi = page_html(site, "chi-tieu/").select_one(
        "tr[data-indicator='national-standard-schools'] td[data-period='result_2020']"
    )
    en = page_html(site, "en/chi-tieu/").select_one(
        "tr[data-indicator='national-standard-schools'] td[data-period='result_2020']"
    )
    assert vi.get_text() == "84,04 %" and en.get_text() == "84.04%"
    vi = page_html(site, "chi-tieu/").select_one(
        "tr[data-indicator='new-jobs'] td[data-period='result_2020']"
    )
    en = page_html(site, "en/chi-tieu/").select_one(
        "tr[data-indicator='new-jobs'] td[data-period='result_2020']"
    )
    assert vi.get_text() == "21.521 lao động" and en.get_text() == "21,521 workers"


def test_format_value_uses_the_reports_comparators():
    assert (
        format_value(Value(Decimal("8"), "at_least"), "percent_per_year", "vi")
        == "từ 8 %/năm trở lên"
    )
    assert format_value(Value(Decimal("50"), "above"), "percent", "vi") == "trên 50 %"
    assert format_value(Value(Decimal("10"), "below"), "percent", "en") == "below 10%"
    assert format_value(Value(Decimal("90")), "million_vnd", "en") == "VND 90 million"
    assert format_value(None, "percent", "vi") == "—"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_downloads_parse_and_match_the_tables(site, lang):
    root = site if lang == "vi" else site / "en"
    name = "chi-tieu" if lang == "vi" else "indicators"
    raw = (root / "data" / f"{name}.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "the CSV needs a UTF-8 BOM for Excel"
    text = raw.decode("utf-8-sig")
    if lang == "vi":
        assert "Tốc độ tăng trưởng kinh tế (GRDP) bình quân".encode() in raw
    rows = list(csv.DictReader(io.StringIO(text), delimiter=";" if lang == "vi" else ","))
    data = json.loads((root / "data" / f"{name}.json").read_text("utf-8"))
    assert "\\u" not in (root / "data" / f"{name}.json").read_text("utf-8")
    # The Vietnamese files name their columns and keys in Vietnamese (see test_what_readers_are_told).
    key = (
        {
            "id": "ma",
            "indicators": "chi_tieu",
            "value": "so_lieu",
            "target_2020": "muc_tieu_2015_2020",
            "result_2020": "ket_qua_2020",
            "target_2025": "muc_tieu_2020_2025",
        }
        if lang == "vi"
        else {}
    )
    column = (
        {
            "id": "Mã chỉ tiêu",
            "target_2020": "Mục tiêu 2015–2020: số liệu",
            "result_2020": "Kết quả 2020: số liệu",
            "target_2025": "Mục tiêu 2020–2025: số liệu",
        }
        if lang == "vi"
        else {}
    )
    records = data[key.get("indicators", "indicators")]
    assert (
        [r[column.get("id", "id")] for r in rows]
        == [i[key.get("id", "id")] for i in records]
        == [i["id"] for i in DATA["indicators"]]
    )
    table = page_html(site, "chi-tieu/" if lang == "vi" else "en/chi-tieu/")
    for row, record in zip(rows, records, strict=True):
        for period in ("target_2020", "result_2020", "target_2025"):
            value = (record[key.get(period, period)] or {}).get(key.get("value", "value"))
            csv_value = row[column.get(period, f"{period}_value")].replace(",", ".")
            assert (Decimal(csv_value) if csv_value else None) == (
                Decimal(str(value)) if value is not None else None
            )
            if value is not None:
                cell = table.select_one(
                    f"tr[data-indicator='{record[key.get('id', 'id')]}'] td[data-period='{period}']"
                ).get_text()
                read = numbers_vi if lang == "vi" else numbers_en
                assert format(Decimal(str(value)).normalize(), "f") in read(cell)


def test_chart_is_valid_svg_with_a_text_alternative(site):
    for url in ("phan-thu-nhat/", "phan-thu-hai/", "chi-tieu/", "en/chi-tieu/"):
        svg = page_html(site, url).select_one("figure.indicator-chart svg")
        assert svg is not None, url
        element = ET.fromstring(str(svg))
        assert element.get("role") == "img"
        ns = "{http://www.w3.org/2000/svg}"
        title, desc = element.find(f"{ns}title"), element.find(f"{ns}desc")
        assert title is not None and title.text and desc is not None and len(desc.text) > 100
        assert set(element.get("aria-labelledby").split()) == {title.get("id"), desc.get("id")}
        assert not svg.find_all("script")


@pytest.mark.browser
@pytest.mark.parametrize("url", ["chi-tieu/", "phan-thu-nhat/", "en/chi-tieu/"])
def test_indicator_pages_do_not_scroll_sideways_on_a_phone(page, server, url):
    page.goto(server + url)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    chart = page.locator("figure.indicator-chart svg").first
    assert chart.bounding_box()["width"] <= 390


# Bad data: each case stops the build with a message naming the file, the indicator and the field.
BAD_DATA = [
    (
        "yaml syntax",
        lambda s: s.replace("  - id: grdp-growth\n", "  - id: grdp-growth\n   bad: [\n", 1),
        ["chi-tieu.yml:", "YAML syntax error"],
    ),
    (
        "missing field",
        lambda s: s.replace(
            "    unit: percent_per_year\n    sections: [p1-i, p1-ii-1-2, p2-i-2]\n    target_2020: {value: 10}",
            "    sections: [p1-i, p1-ii-1-2, p2-i-2]\n    target_2020: {value: 10}",
            1,
        ),
        ["'grdp-growth'", "field `unit` is missing"],
    ),
    (
        "unknown comparator",
        lambda s: s.replace("{value: 8, comparator: at_least}", "{value: 8, comparator: about}", 1),
        ["'grdp-growth'", "target_2025", "unknown comparator 'about'"],
    ),
    (
        "unknown unit",
        lambda s: s.replace("unit: million_vnd", "unit: dong", 1),
        ["'grdp-per-capita'", "field `unit`", "unknown unit 'dong'"],
    ),
    (
        "not a number",
        lambda s: s.replace("result_2020: {value: 11.1}", 'result_2020: {value: "11,1"}', 1),
        ["'grdp-growth'", "result_2020", "is not a number"],
    ),
    (
        "duplicate id",
        lambda s: s.replace("- id: structure-services", "- id: structure-industry", 1),
        ["'structure-industry'", "duplicate id"],
    ),
    (
        "unknown section",
        lambda s: s.replace(
            "sections: [p1-i, p1-ii-1-2, p2-i-2]", "sections: [p1-i, p1-ii-1-9, p2-i-2]", 1
        ),
        ["'grdp-growth'", "field `sections`", "'p1-ii-1-9' does not exist"],
    ),
    (
        "disagrees with the list",
        lambda s: s.replace("result_2020: {value: 84.04}", "result_2020: {value: 84.4}", 1),
        ["group 9", "84.04", "84.4"],
    ),
]


@pytest.mark.parametrize("name,edit,expected", BAD_DATA, ids=[c[0] for c in BAD_DATA])
def test_bad_indicator_data_stops_the_build(project_copy, name, edit, expected):
    path = project_copy / "docs" / "data" / "chi-tieu.yml"
    path.write_text(edit(path.read_text("utf-8")), encoding="utf-8")
    result = run_build(project_copy, project_copy / "site")
    assert result.returncode != 0
    for words in expected:
        assert words in result.stderr, f"{words!r} not in:\n{result.stderr[-2000:]}"


@pytest.mark.parametrize(
    "marker,expected",
    [
        ("<!-- indicators:tables -->", "unknown indicator marker 'tables'"),
        ("<!-- indicators:summary groups=16 -->", "selects no indicator"),
    ],
)
def test_bad_markers_stop_the_build(project_copy, marker, expected):
    path = project_copy / "docs" / "chi-tieu.md"
    path.write_text(
        path.read_text("utf-8").replace("<!-- indicators:overview -->", marker), encoding="utf-8"
    )
    result = run_build(project_copy, project_copy / "site")
    assert result.returncode != 0 and expected in result.stderr and "chi-tieu.md" in result.stderr
