"""Plain-text hygiene of every file an editor edits (pages and data files): UTF-8 without a byte
order mark, no invisible characters, no tab indentation. Each problem names the file, the line and
the column, and says what to do."""

from __future__ import annotations

import re
import unicodedata

from draftsite.checks.checks import Problem

# Characters that cannot be seen but change how text is searched, wrapped or displayed.
INVISIBLE = {
    "\u00ad": "a soft hyphen",
    "\u180e": "a Mongolian vowel separator",
    "\u200b": "a zero-width space",
    "\u200c": "a zero-width non-joiner",
    "\u200d": "a zero-width joiner",
    "\u200e": "a left-to-right mark",
    "\u200f": "a right-to-left mark",
    "\u2028": "a line separator",
    "\u2029": "a paragraph separator",
    "\u2060": "a word joiner",
    "\ufeff": "a byte order mark (zero-width no-break space)",
    **{
        chr(c): "a text-direction control" for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))
    },
}

# Their names in Vietnamese, for the editor.
INVISIBLE_VI = {
    "\u00ad": "gạch nối mềm",
    "\u180e": "dấu tách nguyên âm tiếng Mông Cổ",
    "\u200b": "khoảng trắng độ rộng 0",
    "\u200c": "ký tự ngăn nối độ rộng 0",
    "\u200d": "ký tự nối độ rộng 0",
    "\u200e": "dấu hướng chữ trái sang phải",
    "\u200f": "dấu hướng chữ phải sang trái",
    "\u2028": "dấu ngắt dòng Unicode",
    "\u2029": "dấu ngắt đoạn Unicode",
    "\u2060": "ký tự nối từ",
    "\ufeff": "dấu thứ tự byte (BOM, khoảng trắng không ngắt độ rộng 0)",
    **{
        chr(c): "dấu điều khiển hướng chữ" for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))
    },
}

_INVISIBLE = re.compile(
    "[" + re.escape("".join(INVISIBLE)) + "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]"
)


def decode(rel: str, data: bytes) -> tuple[str | None, list[Problem]]:
    """The text of a file's bytes, or the problem that stops it being read (not UTF-8, byte order mark)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return None, [
            Problem(
                rel,
                1,
                "the file starts with an invisible byte order mark (BOM): save it as "
                '"UTF-8" without BOM (in VS Code: click «UTF-8 with BOM» in the status bar, '
                "«Save with Encoding», «UTF-8»)",
                vi='tệp bắt đầu bằng một dấu thứ tự byte (BOM) vô hình: lưu lại tệp dạng "UTF-8" '
                "không có BOM (trong VS Code: bấm «UTF-8 with BOM» ở thanh trạng thái, chọn «Save "
                "with Encoding», rồi «UTF-8»)",
            )
        ]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, [
            Problem(
                rel,
                1,
                'the file is saved as UTF-16: save it as "UTF-8" (in VS Code: «Save with '
                "Encoding», «UTF-8»)",
                vi='tệp đang được lưu dạng UTF-16: lưu lại dạng "UTF-8" (trong VS Code: «Save with '
                "Encoding», «UTF-8»)",
            )
        ]
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        return None, [
            Problem(
                rel,
                line,
                f"column {column}: the file is not UTF-8 (byte 0x{data[error.start]:02x} "
                "cannot be read; it was probably saved as Windows-1258 or another legacy encoding): "
                'reopen it in its original encoding and save it as "UTF-8"',
                vi=f"cột {column}: tệp không được lưu dạng UTF-8 (không đọc được byte "
                f"0x{data[error.start]:02x}; có lẽ tệp đã được lưu bằng bảng mã Windows-1258 hoặc một "
                'bảng mã cũ khác): mở lại tệp bằng bảng mã gốc của nó rồi lưu lại dạng "UTF-8"',
            )
        ]


def check_invisible(rel: str, text: str) -> list[Problem]:
    """Invisible characters (zero-width spaces, direction marks, soft hyphens) and control characters."""
    if not _INVISIBLE.search(text):
        return []
    problems = []
    for number, line in enumerate(text.split("\n"), start=1):
        found = _INVISIBLE.search(line)
        if found:
            char = found[0]
            name = INVISIBLE.get(char, "a control character")
            name_vi = INVISIBLE_VI.get(char, "ký tự điều khiển")
            problems.append(
                Problem(
                    rel,
                    number,
                    f"column {found.start() + 1}: invisible character U+{ord(char):04X} "
                    f"({name}), usually pasted from a PDF or a word processor; it breaks search "
                    "and copying: delete it (retype the word around it)",
                    vi=f"cột {found.start() + 1}: ký tự vô hình U+{ord(char):04X} ({name_vi}), thường "
                    "do dán từ PDF hoặc Word; ký tự này làm hỏng việc tìm kiếm và sao chép: xoá nó "
                    "(gõ lại từ có chứa nó)",
                )
            )
    return problems


def check_tabs(rel: str, text: str) -> list[Problem]:
    """Lines indented with a tab (in Markdown a tab makes a code block or breaks a list; YAML forbids them)."""
    problems = []
    for number, line in enumerate(text.split("\n"), start=1):
        indent = line[: len(line) - len(line.lstrip())]
        if "\t" in indent:
            problems.append(
                Problem(
                    rel,
                    number,
                    "the line is indented with a tab: indent with spaces "
                    "(4 spaces per level for a nested list, 2 in YAML)",
                    vi="dòng được thụt lề bằng phím Tab: thụt lề bằng dấu cách (4 dấu cách cho mỗi cấp "
                    "của danh sách lồng nhau, 2 dấu cách trong tệp YAML)",
                )
            )
    return problems


def check_nfc_text(rel: str, text: str) -> list[Problem]:
    """Lines whose text is not in Unicode NFC (decomposed Vietnamese letters pasted from a PDF)."""
    problems = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not unicodedata.is_normalized("NFC", line):
            fixed = unicodedata.normalize("NFC", line)
            column = (
                next((i for i, (a, b) in enumerate(zip(line, fixed, strict=False)) if a != b), 0)
                + 1
            )
            problems.append(
                Problem(
                    rel,
                    number,
                    f"column {column}: text is not Unicode NFC (letters and accents are "
                    "stored as separate characters, as some PDFs and Macs do): normalise the file "
                    f"with `PYTHONPATH=hooks python -m draftsite.document.normalize docs/{rel}` or retype the word",
                    vi=f"cột {column}: chữ không ở chuẩn Unicode NFC (chữ cái và dấu thanh được lưu "
                    "thành các ký tự riêng, như một số tệp PDF và máy Mac vẫn làm): chuẩn hoá tệp "
                    f"bằng lệnh `PYTHONPATH=hooks python -m draftsite.document.normalize docs/{rel}` hoặc gõ "
                    "lại từ đó",
                )
            )
    return problems
