"""Comparison benchmark (issue 27): on a published site of three drafts (the tests' repository,
tests/revisions/draft_repos.py:publish_three_drafts), under Lighthouse's mobile throttling (CPU 4×
slower, about 1.6 Mbps down and 150 ms round trips, the browser's cache off), in headless Chromium:

- compare.js's size as served, gzip-compressed (the issue's limit: 10 KB);
- the time from the navigation to so-sanh/?tu=<draft 1>&den=<draft 3> until the view is ready
  (the live region announces the result: both drafts' van-ban.json fetched, compared, shown);
- as the baseline in the same run, the static comparison page's load (so-sanh/ without a choice:
  navigation to the load event), and the ratio of the two;
- on the loaded comparison page, the time from choosing draft 1 (draft 3 is the default "to") to
  the announced 1→3 view;
- what the history links cost a chapter page (the English economy chapter's first view, gzip, in
  the latest draft against the first draft's own folder, built with one draft and so without them).

Medians of ROUNDS loads, alternated. The pages keep their Content-Security-Policy: timings are read
with Playwright's evaluate, never injected as page script.

    python benchmarks/comparison.py [ROUNDS]
"""

from __future__ import annotations

import gzip
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import CHROMIUM_ARGS, ROOT, serve, temporary  # noqa: E402

sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "tests" / "revisions"))
from build import first_view  # noqa: E402
from draft_repos import THREE_DRAFTS, publish_three_drafts  # noqa: E402

SITE_PATH = "/du-thao/"
# Lighthouse's mobile throttling: 1.6 Mbps down, 750 Kbps up, 150 ms round trips; CPU 4× slower.
NETWORK = {
    "offline": False,
    "latency": 150,
    "downloadThroughput": 1.6 * 1024 * 1024 / 8,
    "uploadThroughput": 750 * 1024 / 8,
}
CPU_SLOWDOWN = 4
VIEWPORT = {"width": 412, "height": 823}
READY = """() => {
  const s = document.querySelector('.draft-compare__status');
  return s && s.textContent.includes(':') && !s.textContent.endsWith('…');
}"""


def throttled_page(browser):
    """A fresh context and page under Lighthouse's mobile throttling, with the cache off."""
    context = browser.new_context(viewport=VIEWPORT, is_mobile=True, has_touch=True)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    cdp.send("Network.emulateNetworkConditions", NETWORK)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
    return context, page


def view_ready(browser, address: str) -> float:
    """Milliseconds from the navigation to the comparison's announced result."""
    context, page = throttled_page(browser)
    try:
        page.goto(address, wait_until="commit")
        page.wait_for_function(READY, polling="raf", timeout=60_000)
        return page.evaluate("performance.now()")
    finally:
        context.close()


def after_choice(browser, address: str, first: str) -> float:
    """Milliseconds from choosing the first draft on the loaded comparison page (the second is the
    latest already) to the announced result: the two drafts' texts fetched, compared and shown."""
    context, page = throttled_page(browser)
    try:
        page.goto(address, wait_until="load", timeout=60_000)
        start = page.evaluate("performance.now()")
        page.locator("#compare-from").select_option(first)
        page.wait_for_function(READY, polling="raf", timeout=60_000)
        return page.evaluate("performance.now()") - start
    finally:
        context.close()


def static_load(browser, address: str) -> float:
    """Milliseconds from the navigation to the load event of the static comparison page."""
    context, page = throttled_page(browser)
    try:
        page.goto(address, wait_until="load", timeout=60_000)
        return page.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd")
    finally:
        context.close()


def measure(rounds: int = 5) -> dict[str, float]:
    """The figures (see the module's docstring), printed as they come."""
    from playwright.sync_api import sync_playwright

    first, _, third = (date for date, _, _ in THREE_DRAFTS)
    with temporary() as tmp:
        out = publish_three_drafts(tmp / "repo", tmp / "out", "https://example.org" + SITE_PATH)
        script = (out / "assets" / "javascripts" / "compare.js").read_bytes()
        figures = {"script_gzip": len(gzip.compress(script, 9))}
        print(f"compare.js: {len(script)} bytes, {figures['script_gzip']} bytes gzip (limit 10240)")
        chapter = "en/phan-thu-nhat/kinh-te"
        with_links = first_view(out, chapter)[1]
        without = first_view(out / "du-thao" / first, chapter)[1]
        figures["history_links_gzip"] = with_links - without
        print(
            f"/{chapter}/ first view: {with_links} bytes gzip with the history links, {without} "
            f"without ({with_links - without:+d})"
        )
        ready, baseline, choice = [], [], []
        with serve(out, SITE_PATH) as base, sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
            )
            view_ready(browser, base + f"so-sanh/?tu={first}&den={third}")  # warm the server
            for _ in range(rounds):
                ready.append(view_ready(browser, base + f"so-sanh/?tu={first}&den={third}"))
                baseline.append(static_load(browser, base + "so-sanh/"))
                choice.append(after_choice(browser, base + "so-sanh/", first))
            browser.close()
        figures["view_ready_ms"] = statistics.median(ready)
        figures["static_load_ms"] = statistics.median(baseline)
        figures["ratio"] = figures["view_ready_ms"] / figures["static_load_ms"]
        figures["after_choice_ms"] = statistics.median(choice)
        print(
            f"1→3 comparison ready: {figures['view_ready_ms']:.0f} ms (median of {rounds}; "
            f"{', '.join(f'{v:.0f}' for v in ready)})"
        )
        print(
            f"static comparison page loaded: {figures['static_load_ms']:.0f} ms (median of "
            f"{rounds}; {', '.join(f'{v:.0f}' for v in baseline)})"
        )
        print(f"ratio: {figures['ratio']:.2f}×")
        print(
            f"on the loaded page, from choosing draft 1 to the 1→3 view: "
            f"{figures['after_choice_ms']:.0f} ms (median of {rounds})"
        )
    return figures


if __name__ == "__main__":
    measure(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
