"""Search benchmark: index size (gzip) per language, keystroke-to-results latency, the first
query's time on a freshly loaded page (index fetch included), and on a slow connection (50 KB/s)
the wait for the first results after the first letter, in headless Chromium, for the project's
search and, as the baseline in the same run, Material's own search on a plain build of the same
Markdown. The pages keep their Content-Security-Policy: timers are armed with Playwright's
evaluate, never injected as page script. Prints the figures and the ratios.

    python benchmarks/search.py
"""

from __future__ import annotations

import gzip
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import CHROMIUM_ARGS, ROOT, build, plain_project, serve, temporary  # noqa: E402

QUERIES = [
    "nông thôn mới",
    "nong thon moi",
    "đột phá",
    "dot pha",
    "tham nhung",
    "cai cach hanh chinh",
    "khu cong nghiep",
    "22.500",
    "giam ngheo",
    "che phu rung",
    "đường cao tốc",
    "chuyen doi s",
    "8.5%",
    "tham nhugn",
]
ROUNDS = 3
FIRST_ROUNDS = 5
VIEWPORT = {"width": 390, "height": 844}
# A slow mobile connection: 50 KB/s each way, 100 ms latency (Chromium's network emulation).
SLOW = {"offline": False, "latency": 100, "downloadThroughput": 50_000, "uploadThroughput": 50_000}
SLOW_QUERY = "kinh te"
SLOW_KEY_DELAY = 150  # ms between keys, a reader typing on a phone
SLOW_PAUSES = (0, 1000, 2000)  # ms from the tap on the search icon to the first letter

# Armed in the page before the last keystroke (Playwright's evaluate, which the site's CSP does not
# govern): resolves with the milliseconds from that key's keyup to the moment the result list is
# filled again. The promise is awaited afterwards through a handle; no script is injected.
TIMER = """() => ({latency: new Promise(resolve => {
  const list = document.querySelector('.md-search-result__list');
  const input = document.querySelector('input.md-search__input');
  let start = 0;
  input.addEventListener('keyup', () => { start = performance.now(); }, {capture: true, once: true});
  const observer = new MutationObserver(() => {
    if (start && list.children.length) { observer.disconnect(); resolve(performance.now() - start); }
  });
  observer.observe(list, {childList: true, subtree: true});
  setTimeout(() => { observer.disconnect(); resolve(-1); }, 10000);
})})"""
LIST = "() => document.querySelector('.md-search-result__list').innerHTML"
# Armed before the first letter: resolves with the milliseconds from that letter's keyup to the
# first results in the list (while the index downloads, the box says «Nhập để bắt đầu tìm kiếm»).
FIRST_RESULTS = """() => ({latency: new Promise(resolve => {
  const list = document.querySelector('.md-search-result__list');
  const input = document.querySelector('input.md-search__input');
  let start = 0;
  input.addEventListener('keyup', () => { start = performance.now(); }, {capture: true, once: true});
  const observer = new MutationObserver(() => {
    if (start && list.querySelector('.md-search-result__item')) { observer.disconnect(); resolve(performance.now() - start); }
  });
  observer.observe(list, {childList: true, subtree: true});
  setTimeout(() => { observer.disconnect(); resolve(-1); }, 30000);
})})"""


def settle(page) -> None:
    """Wait until the result list has not changed for 200 ms (no result of an earlier keystroke pending)."""
    before = page.evaluate(LIST)
    while True:
        page.wait_for_timeout(200)
        after = page.evaluate(LIST)
        if after == before:
            return
        before = after


def time_last_key(page, query: str, box) -> float:
    """Type `query` but its last key, then time the last key: milliseconds from keyup to results."""
    timer = page.evaluate_handle(TIMER)
    box.press_sequentially(query[-1])
    elapsed = page.evaluate("armed => armed.latency", timer)
    timer.dispose()
    return elapsed


def fresh_tab(browser, base: str):
    """A fresh tab (empty cache) at `base`; the site's CSP stays in force."""
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    page.goto(base, wait_until="load")
    return context, page


def first_queries(browser, base: str) -> list[float]:
    """Milliseconds of the first query on a freshly loaded page, index fetch included: the search box is
    filled (no keyup, so no query yet), then the last key is typed and timed."""
    times = []
    for round_ in range(FIRST_ROUNDS):
        context, page = fresh_tab(browser, base)
        page.locator("label[for=__search]").first.click()
        box = page.locator("input.md-search__input")
        query = QUERIES[round_ % len(QUERIES)]
        box.fill(query[:-1])
        elapsed = time_last_key(page, query, box)
        if elapsed >= 0:
            times.append(elapsed)
        context.close()
    return times


def latencies(browser, base: str) -> list[float]:
    """Milliseconds from keystroke to results, per query, after a first warm-up search."""
    context, page = fresh_tab(browser, base)
    page.locator("label[for=__search]").first.click()
    box = page.locator("input.md-search__input")
    box.press_sequentially("thai nguyen", delay=10)  # warm-up: loads the index
    settle(page)
    times = []
    for _ in range(ROUNDS):
        for query in QUERIES:
            box.fill("")
            box.press_sequentially(query[:-1], delay=5)
            settle(page)
            elapsed = time_last_key(page, query, box)
            if elapsed >= 0:
                times.append(elapsed)
    context.close()
    return times


def slow_first_results(browser, base: str) -> dict[int, float]:
    """On a slow connection, per pause between the tap on the search icon and the first letter: the
    milliseconds from the first letter to the first results, on a freshly loaded page (the project
    fetches its index when the box gets focus; Material while the page loads)."""
    waits = {}
    for pause in SLOW_PAUSES:
        context = browser.new_context(viewport=VIEWPORT)
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", SLOW)
        page.goto(base, wait_until="load", timeout=120_000)
        page.locator("label[for=__search]").first.click()
        page.wait_for_timeout(pause)
        timer = page.evaluate_handle(FIRST_RESULTS)
        page.locator("input.md-search__input").press_sequentially(SLOW_QUERY, delay=SLOW_KEY_DELAY)
        waits[pause] = page.evaluate("armed => armed.latency", timer)
        context.close()
    return waits


def measure() -> dict[str, float]:
    """Index sizes, keystroke and first-query times, printed as it goes; returns the project's medians (ms)."""
    from playwright.sync_api import sync_playwright

    with temporary() as tmp:
        ours, plain = tmp / "ours", tmp / "plain"
        build(ROOT, ours)
        build(plain_project(tmp / "plain-project"), plain)
        plain_index = gzip.compress((plain / "search" / "search_index.json").read_bytes(), 9)
        for lang in ("vi", "en"):
            ours_index = gzip.compress((ours / "search" / f"index.{lang}.json").read_bytes(), 9)
            print(
                f"index ({lang}, gzip): project {len(ours_index) / 1000:.1f} KB (budget 45 KB);"
                f" Material baseline {len(plain_index) / 1000:.1f} KB (both languages in one file);"
                f" ratio {len(ours_index) / len(plain_index):.2f}"
            )
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
            )
            with serve(ours) as base:
                mine, mine_first = latencies(browser, base), first_queries(browser, base)
                mine_slow = slow_first_results(browser, base)
            with serve(plain) as base:
                baseline, baseline_first = latencies(browser, base), first_queries(browser, base)
                baseline_slow = slow_first_results(browser, base)
            browser.close()
        m, b = statistics.median(mine), statistics.median(baseline)
        print(
            f"keystroke → results (median of {len(mine)}): project {m:.1f} ms (budget 20 ms), "
            f"p90 {sorted(mine)[int(len(mine) * 0.9) - 1]:.1f} ms; Material baseline {b:.1f} ms; ratio {m / b:.2f}"
        )
        f, g = statistics.median(mine_first), statistics.median(baseline_first)
        print(
            f"first query on a fresh page, index fetch included (median of {len(mine_first)}): project {f:.1f} ms; "
            f"Material baseline {g:.1f} ms (its index is fetched while the page loads); ratio {f / g:.2f}"
        )
        for pause in SLOW_PAUSES:
            print(
                f"slow connection (50 KB/s, 100 ms), first letter {pause} ms after the tap on the search icon:"
                f" first results {mine_slow[pause]:.0f} ms after it; Material baseline {baseline_slow[pause]:.0f} ms"
            )
    return {"keystroke": m, "keystroke ratio": m / b, "first query": f, "first query ratio": f / g}


def main() -> None:
    measure()


if __name__ == "__main__":
    main()
