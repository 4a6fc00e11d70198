"""Point the site at a Google Form: `python tools/set_form.py 'PRE-FILLED LINK'`.

In the form's editor, open ⋮ › «Get pre-filled link», type into each box the name of what it
receives (section, label, revision, revision_date, url, lang, and optionally paragraph; leave the
comment box empty), press «Get link», copy it, and pass it here. The command writes the form's address and the boxes' prefill
ids into mkdocs.yml (`extra.consultation.form`), changing only those lines, and checks the result.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from draftsite.comments.consultation import (  # noqa: E402
    ConfigError,
    load_consultation,
    organiser_problem,
    placeholder_problem,
)
from draftsite.comments.form_settings import FormLinkError, parse_prefilled, write_form_settings  # noqa: E402
from draftsite.messages import bilingual  # noqa: E402


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml with its `!ENV` tags read as plain values."""


_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


def main(argv: list[str] | None = None) -> int:
    """Write the form's settings into mkdocs.yml; returns the process exit status."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("link", help="the form's pre-filled link, in quotes")
    parser.add_argument(
        "--config", type=Path, default=ROOT / "mkdocs.yml", help="the mkdocs.yml to change"
    )
    args = parser.parse_args(argv)
    try:
        url, fields = parse_prefilled(args.link)
        text = args.config.read_text(encoding="utf-8")
        changed = write_form_settings(text, url, fields)
        consultation = load_consultation(yaml.load(changed, Loader=_ConfigLoader)["extra"])
    except (FormLinkError, ConfigError) as error:
        print(f"set_form: {error}", file=sys.stderr)
        return 1
    except OSError as error:
        print(
            "set_form: " + bilingual(str(error), f"không đọc hoặc ghi được tệp: {error}"),
            file=sys.stderr,
        )
        return 1
    except yaml.YAMLError as error:
        print(
            "set_form: " + bilingual(str(error), f"mkdocs.yml sai cú pháp YAML: {error}"),
            file=sys.stderr,
        )
        return 1
    if consultation.fields != fields or consultation.form_url != url:
        print(
            "set_form: "
            + bilingual(
                "mkdocs.yml did not take the new settings; edit extra.consultation.form by hand",
                "mkdocs.yml không nhận thiết lập mới; sửa extra.consultation.form bằng tay "
                "(hướng dẫn biên tập, mục 5)",
            ),
            file=sys.stderr,
        )
        return 1
    args.config.write_text(changed, encoding="utf-8")
    print("mkdocs.yml: " + bilingual(f"the comment form is now {url}", f"phiếu góp ý nay là {url}"))
    for name, entry in fields.items():
        print(f"  {name}: {entry}")
    missing = [f for f in ("label", "revision", "revision_date", "url", "lang") if f not in fields]
    if missing:
        print(
            "  "
            + bilingual(
                f"not sent (no box filled with their names): {', '.join(missing)}",
                f"không gửi kèm (không ô nào được điền các tên này): {', '.join(missing)}",
            )
        )
    if "paragraph" not in fields:
        print(
            "  "
            + bilingual(
                "no box for the paragraph: a paragraph's comment names it in label and url",
                "không có ô cho mã đoạn: góp ý về một đoạn vẫn ghi rõ đoạn đó ở ô label và ô url",
            )
        )
    if placeholder_problem(consultation):
        print(
            "  "
            + bilingual(
                "note: this still looks like a placeholder form; publishing will refuse it",
                "lưu ý: phiếu này vẫn giống một phiếu mẫu; lệnh xuất bản sẽ từ chối nó",
            )
        )
    if organiser_problem(consultation):
        print(
            "  "
            + bilingual(
                "note: publishing also needs the organiser's contact for the privacy page: fill the block "
                "extra.consultation.organiser in mkdocs.yml (editors/huong-dan-bien-tap.md, §5)",
                "lưu ý: để xuất bản còn cần địa chỉ liên hệ của cơ quan tổ chức lấy ý kiến cho trang quyền "
                "riêng tư: điền khối extra.consultation.organiser trong mkdocs.yml "
                "(editors/huong-dan-bien-tap.md, mục 5)",
            )
        )
    print(
        bilingual(
            "Check with `mkdocs serve`, then commit mkdocs.yml.",
            "Kiểm tra bằng `mkdocs serve` (bấm thử một liên kết góp ý), rồi commit mkdocs.yml.",
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
