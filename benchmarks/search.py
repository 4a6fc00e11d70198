"""Search benchmark: index size (gzip) and keystroke-to-results latency in headless Chromium, for the
project's accent-insensitive search and, as the baseline in the same run, Material's own search on a
plain build of the same Markdown. Prints the figures and the ratios.

    python benchmarks/search.py
"""

from __future__ import annotations

import gzip
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import CHROMIUM_ARGS, ROOT, build, plain_project, serve, temporary  # noqa: E402

QUERIES = ["nông thôn mới", "nong thon moi", "đột phá", "dot pha", "tham nhung", "cai cach hanh chinh",
           "khu cong nghiep", "22.500", "giam ngheo", "che phu rung"]
ROUNDS = 3

# In-page timer: from the keyup of the last keystroke to the moment the result list changes.
TIMER = """() => { window.__latency = undefined; new Promise(resolve => {
  const list = document.querySelector('.md-search-result__list');
  const input = document.querySelector('input.md-search__input');
  let start = 0;
  input.addEventListener('keyup', () => { start = performance.now(); }, {capture: true, once: true});
  const observer = new MutationObserver(() => {
    if (start && list.children.length) { observer.disconnect(); resolve(performance.now() - start); }
  });
  observer.observe(list, {childList: true, subtree: true});
  setTimeout(() => { observer.disconnect(); resolve(-1); }, 5000);
}).then(ms => { window.__latency = ms; }); }"""


# Median milliseconds from keystroke to results, per query, after a first warm-up search.
def latencies(browser, base: str) -> list[float]:
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(base)
    page.locator("label[for=__search]").first.click()
    box = page.locator("input.md-search__input")
    box.press_sequentially("thai nguyen", delay=10)  # warm-up: loads the index
    page.wait_for_timeout(800)
    times = []
    for _ in range(ROUNDS):
        for query in QUERIES:
            box.fill("")
            page.wait_for_timeout(50)
            box.press_sequentially(query[:-1], delay=5)
            page.wait_for_timeout(100)
            page.evaluate(TIMER)
            box.press_sequentially(query[-1])
            page.wait_for_function("window.__latency !== undefined", timeout=10000)
            elapsed = page.evaluate("window.__latency")
            if elapsed >= 0:
                times.append(elapsed)
    page.close()
    return times


def main() -> None:
    from playwright.sync_api import sync_playwright

    with temporary() as tmp:
        ours, plain = tmp / "ours", tmp / "plain"
        build(ROOT, ours)
        build(plain_project(tmp / "plain-project"), plain)
        ours_index = gzip.compress((ours / "search" / "index.vi.json").read_bytes(), 9)
        plain_index = gzip.compress((plain / "search" / "search_index.json").read_bytes(), 9)
        print(f"index (vi, gzip): project {len(ours_index) / 1000:.1f} KB (budget 45 KB);"
              f" Material baseline {len(plain_index) / 1000:.1f} KB (both languages in one file);"
              f" ratio {len(ours_index) / len(plain_index):.2f}")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            with serve(ours) as base:
                mine = latencies(browser, base)
            with serve(plain) as base:
                baseline = latencies(browser, base)
            browser.close()
        m, b = statistics.median(mine), statistics.median(baseline)
        print(f"keystroke → results (median of {len(mine)}): project {m:.1f} ms (budget 100 ms), "
              f"p90 {sorted(mine)[int(len(mine) * 0.9) - 1]:.1f} ms; Material baseline {b:.1f} ms; ratio {m / b:.2f}")


if __name__ == "__main__":
    main()
