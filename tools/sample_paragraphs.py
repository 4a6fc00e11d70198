"""Draw paragraphs of the document at random for the review of the English translation:
`python tools/sample_paragraphs.py --seed N --count 40 > sample.md`.

Draws paragraphs, list items and footnotes (never headings) from the document pages (the cover
letter, the report's title page, Parts One and Two, the discussion guide; not the site's own pages)
and prints, for each, its page, section id and block number, the Vietnamese and the English aligned
with it, as Markdown ready to paste into a review file (editors/ra-soat-ban-dich/). The same seed
and the same text give the same sample: write the seed, and the commit, in the review log.

For the second pass (editors/ra-soat-ban-dich/README.md, section 4): `--share 10` draws 10% of the
paragraphs (rounded up) instead of a count, and `--skip-logged LOG…` leaves out the paragraphs listed
in the findings tables of those review logs.
"""

from __future__ import annotations

import argparse
import re
import shlex
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from draftsite.translation.sampling import (  # noqa: E402
    draw_population,
    logged_blocks,
    sample_blocks,
    sample_markdown,
    share_count,
)

_NAV_PAGE = re.compile(r"([\w./-]+\.md)\s*$")


def menu_order(config_text: str) -> list[str]:
    """The pages of mkdocs.yml's `nav:`, in order."""
    nav = config_text.split("\nnav:", 1)[1] if "\nnav:" in config_text else ""
    nav = re.split(r"\n(?=\S)", nav, maxsplit=1)[0]
    return [m[1] for line in nav.split("\n") if (m := _NAV_PAGE.search(line))]


def main(argv: list[str] | None = None) -> int:
    """Print the sample; returns the process exit status."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--seed", type=int, required=True, help="the random seed (write it in the review log)"
    )
    size = parser.add_mutually_exclusive_group()
    size.add_argument(
        "--count", type=int, default=40, help="how many paragraphs to draw (default 40)"
    )
    size.add_argument(
        "--share", type=float, help="draw this percentage of the paragraphs, rounded up"
    )
    parser.add_argument(
        "--skip-logged",
        nargs="+",
        type=Path,
        default=[],
        metavar="LOG",
        help="leave out the paragraphs listed in the findings tables of these review logs",
    )
    parser.add_argument("--project", type=Path, default=ROOT, help="the site's folder")
    args = parser.parse_args(argv)
    if args.count < 1 or (args.share is not None and not 0 < args.share <= 100):
        parser.error("--count must be 1 or more, --share between 0 and 100")
    docs = args.project / "docs"
    pages = {
        p.relative_to(docs).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(docs.rglob("*.md"))
    }
    vi = {rel: text for rel, text in pages.items() if not rel.endswith(".en.md")}
    en = {rel: text for rel, text in pages.items() if rel.endswith(".en.md")}
    config = args.project / "mkdocs.yml"
    order = menu_order(config.read_text(encoding="utf-8")) if config.is_file() else []
    skip: set[str] = set()
    for log in args.skip_logged:
        skip |= logged_blocks(log.read_text(encoding="utf-8"))
    count = args.count
    if args.share is not None:
        count = share_count(len(draw_population(vi, order, skip)), args.share)
    sampled, total = sample_blocks(vi, en, args.seed, count, order, skip)
    command = " ".join(
        [
            "python tools/sample_paragraphs.py",
            *map(shlex.quote, sys.argv[1:] if argv is None else argv),
        ]
    )
    sys.stdout.write(sample_markdown(sampled, args.seed, total, command) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
