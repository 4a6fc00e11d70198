"""Every interface string of the project's hooks and templates, in both languages, in one place."""

from __future__ import annotations

LANGUAGES = ("vi", "en")

STRINGS: dict[str, dict[str, str]] = {
    # Section labels, built from ids (see labels.py).
    "part.p1": {"vi": "Phần thứ nhất", "en": "Part One"},
    "part.p2": {"vi": "Phần thứ hai", "en": "Part Two"},
    "part.gy": {"vi": "Gợi ý thảo luận", "en": "Discussion guide"},
    "part.bao-cao": {"vi": "Báo cáo chính trị", "en": "Political Report"},
    "part.chu-de": {"vi": "Chủ đề Đại hội", "en": "Congress theme"},
    "part.cv": {"vi": "Công văn số 15-CV/TBVK", "en": "Official Letter No. 15-CV/TBVK"},
    "label.item": {"vi": "mục", "en": "section"},
    "label.paragraph": {"vi": "đoạn", "en": "paragraph"},
    "label.paragraphs": {"vi": "đoạn", "en": "paragraphs"},
    # The draft.
    "draft.name": {
        "vi": "Dự thảo Báo cáo chính trị Đại hội đại biểu Đảng bộ tỉnh Thái Nguyên lần thứ XX",
        "en": "Draft Political Report of the 20th Congress of the Thái Nguyên Provincial Party Organisation",
    },
    "draft.version": {"vi": "bản ngày {date}", "en": "version of {date}"},
    # Comment links and consultation status.
    "comment.section": {"vi": "Góp ý {number}", "en": "Comment on {number}"},
    "comment.section.title": {"vi": "Góp ý về {label}", "en": "Comment on {label}"},
    "comment.document": {"vi": "Góp ý cho toàn bộ dự thảo", "en": "Comment on the whole draft"},
    "comment.part": {"vi": "Góp ý phần này", "en": "Comment on this part"},
    # A paragraph's comment link, beside its «¶» and «Trích dẫn»: its title, its name for screen readers,
    # and its word where the tools open as a box (phones, touch).
    "comment.paragraph": {"vi": "Góp ý đoạn này", "en": "Comment on this paragraph"},
    "comment.paragraph.label": {
        "vi": "Góp ý đoạn này: {label}",
        "en": "Comment on this paragraph: {label}",
    },
    "comment.paragraph.word": {"vi": "Góp ý", "en": "Comment"},
    "comment.how": {
        "vi": "Góp ý trực tuyến tại {site} đến hết ngày {close}. Dưới mỗi mục có liên kết «Góp ý» mở phiếu góp ý "
        "của mục đó; trên bản in, địa chỉ ngắn và mã QR dưới mỗi mục dẫn tới cùng phiếu góp ý.",
        "en": "Comment online at {site} until {close} (inclusive). Under every section, a “Comment” link opens the "
        "comment form for that section; on paper, the short address and QR code under each section lead to the same form.",
    },
    "pdf.link": {"vi": "Tải bản PDF", "en": "Download the PDF"},
    "comment.closed": {
        "vi": "Đã hết thời gian lấy ý kiến (đến {close}).",
        "en": "The consultation period has ended (comments were accepted until {close}).",
    },
    "status.open": {
        "vi": "Dự thảo – đang lấy ý kiến đến {close}",
        "en": "Draft – open for comments until {close}",
    },
    "status.upcoming": {
        "vi": "Dự thảo – lấy ý kiến từ {open} đến {close}",
        "en": "Draft – comments open from {open} to {close}",
    },
    "status.closed": {
        "vi": "Dự thảo – đã kết thúc lấy ý kiến ngày {close}",
        "en": "Draft – consultation closed on {close}",
    },
    "comment.privacy": {"vi": "Quyền riêng tư", "en": "Privacy"},
    "comment.privacy.title": {
        "vi": "Phiếu góp ý thu thập gì, ai nhận, lưu bao lâu, trang công bố gì",
        "en": "What the form collects, who receives it, how long it is kept, what is published",
    },
    # The privacy page: the form's provider and the organiser's contact (from the settings).
    "privacy.provider.google": {
        "vi": "Phiếu góp ý được đặt trên Google Forms, dịch vụ biểu mẫu của Google LLC (Hoa Kỳ): góp ý được gửi tới "
        "và lưu trên máy chủ của Google, có thể đặt ngoài lãnh thổ Việt Nam.",
        "en": "The comment form runs on Google Forms, a form service of Google LLC (United States): comments are sent "
        "to and stored on Google's servers, which may be outside Viet Nam.",
    },
    "privacy.provider.template": {
        "vi": "Phiếu góp ý được đặt trên dịch vụ biểu mẫu tại địa chỉ {host}: góp ý được gửi tới và lưu trên máy chủ "
        "của dịch vụ này.",
        "en": "The comment form runs on the form service at {host}: comments are sent to and stored on that "
        "service's servers.",
    },
    "privacy.organiser.address": {"vi": "Địa chỉ:", "en": "Address:"},
    "privacy.organiser.email": {"vi": "Thư điện tử:", "en": "E-mail:"},
    "privacy.organiser.phone": {"vi": "Điện thoại:", "en": "Phone:"},
    "privacy.organiser.missing": {
        "vi": "Chưa có thông tin liên hệ của cơ quan tổ chức lấy ý kiến: ban biên tập điền khối "
        "extra.consultation.organiser trong mkdocs.yml (tên, địa chỉ, thư điện tử, điện thoại). Trang không "
        "được xuất bản khi còn thiếu thông tin này.",
        "en": "The contact of the body that runs the consultation is missing: the editors fill the block "
        "extra.consultation.organiser in mkdocs.yml (name, address, e-mail, phone). The site cannot be "
        "published without it.",
    },
    # The outcome of the consultation (tổng hợp, tiếp thu, giải trình ý kiến).
    "outcome.none": {
        "vi": "Chưa có số liệu góp ý nào được tổng hợp.",
        "en": "No comments have been counted yet.",
    },
    "outcome.totals_all": {
        "vi": "Đã nhận {total} phiếu góp ý, trong đó {placed} phiếu được tổng hợp theo mục.",
        "en": "{total} comment forms received, {placed} of them counted by section.",
    },
    "outcome.unplaced": {
        "vi": "{n} phiếu không xếp được vào mục nào",
        "en": "{n} could not be placed in any section",
    },
    "outcome.totals": {
        "vi": "Đã nhận {total} ý kiến góp ý về {sections} mục.",
        "en": "{total} comments received on {sections} sections.",
    },
    "outcome.responded": {
        "vi": "Ban biên tập đã trả lời {n} nhóm ý kiến: tiếp thu {tiep_thu}, tiếp thu một phần {tiep_thu_mot_phan}, "
        "giải trình, không tiếp thu {giai_trinh}.",
        "en": "The editors answered {n} groups of comments: accepted {tiep_thu}, partly accepted {tiep_thu_mot_phan}, "
        "explained, not accepted {giai_trinh}.",
    },
    "outcome.by_part": {"vi": "Số ý kiến theo phần", "en": "Comments by part"},
    "outcome.by_section": {"vi": "Số ý kiến theo mục", "en": "Comments by section"},
    "outcome.responses": {"vi": "Tiếp thu, giải trình", "en": "Responses"},
    "outcome.no_responses": {
        "vi": "Chưa có nội dung tiếp thu, giải trình.",
        "en": "No responses yet.",
    },
    "outcome.part": {"vi": "Phần", "en": "Part"},
    "outcome.section": {"vi": "Mục", "en": "Section"},
    "outcome.comments": {"vi": "Số ý kiến", "en": "Comments"},
    "outcome.response": {"vi": "Tiếp thu, giải trình", "en": "Response"},
    "outcome.response_link": {"vi": "Xem tiếp thu, giải trình", "en": "See the editors' response"},
    "outcome.chart_title": {
        "vi": "Biểu đồ: số ý kiến góp ý theo phần – {draft}",
        "en": "Chart: comments by part – {draft}",
    },
    "outcome.asked": {"vi": "Ý kiến:", "en": "Comment:"},
    "outcome.decision": {"vi": "Hướng xử lý:", "en": "Decision:"},
    "outcome.explanation": {"vi": "Giải trình:", "en": "Explanation:"},
    "outcome.change_link": {
        "vi": "Xem chỗ sửa trong {draft}",
        "en": "See the change in the {draft}",
    },
    "outcome.download": {"vi": "Tải số liệu góp ý:", "en": "Download the comment counts:"},
    "outcome.whole_draft": {"vi": "Toàn bộ dự thảo", "en": "The whole draft"},
    # The most-commented paragraphs of a section, under its name in the table of the outcome page.
    "outcome.paragraphs": {
        "vi": "Đoạn được góp ý nhiều nhất:",
        "en": "Most-commented paragraphs:",
    },
    "outcome.paragraph": {"vi": "đoạn {id}: {count}", "en": "paragraph {id}: {count}"},
    "outcome.count": {"vi": "{n} ý kiến góp ý", "en": "{n} comments"},
    "outcome.count_one": {"vi": "1 ý kiến góp ý", "en": "1 comment"},
    "outcome.count_none": {"vi": "Không có ý kiến góp ý", "en": "No comments"},
    "decision.tiep-thu": {"vi": "Tiếp thu", "en": "Accepted"},
    "decision.tiep-thu-mot-phan": {"vi": "Tiếp thu một phần", "en": "Partly accepted"},
    "decision.giai-trinh": {"vi": "Giải trình, không tiếp thu", "en": "Explained, not accepted"},
    "reject.empty_comment": {"vi": "để trống nội dung", "en": "empty comment"},
    "reject.unknown_draft": {"vi": "không rõ bản dự thảo", "en": "unknown draft"},
    "reject.unknown_section": {"vi": "không rõ mục", "en": "unknown section"},
    "reject.duplicate": {"vi": "trùng lặp", "en": "exact duplicate"},
    # Short comment addresses (/gop-y/<section-id>/).
    "short.open": {
        "vi": "Mở phiếu góp ý về mục này",
        "en": "Open the comment form for this section",
    },
    "short.read": {"vi": "Đọc mục này trong dự thảo", "en": "Read this section of the draft"},
    "guide.see": {"vi": "Xem nội dung dự thảo:", "en": "Read in the draft:"},
    # Indicators.
    "indicators.indicator": {"vi": "Chỉ tiêu", "en": "Indicator"},
    "indicators.target_2020": {"vi": "Mục tiêu 2015–2020", "en": "Target 2015–2020"},
    "indicators.result_2020": {"vi": "Kết quả 2020", "en": "Result 2020"},
    "indicators.target_2025": {"vi": "Mục tiêu 2020–2025", "en": "Target 2020–2025"},
    "indicators.discussed_in": {"vi": "Nội dung liên quan", "en": "Discussed in"},
    "indicators.download": {"vi": "Tải dữ liệu:", "en": "Download the data:"},
    "indicators.chart_title": {
        "vi": "Biểu đồ: kết quả 2020 so với mục tiêu 2015–2020 và mục tiêu 2020–2025",
        "en": "Chart: 2020 results against the 2015–2020 targets and the 2020–2025 targets",
    },
    "indicators.not_stated": {"vi": "—", "en": "—"},
    "indicators.generated": {
        "vi": "Nguồn: số liệu nêu trong dự thảo, giữ nguyên; bảng do trang web lập để tiện theo dõi, không thuộc "
        "văn bản dự thảo.",
        "en": "Source: the figures as stated in the draft; the table is drawn up by this site for ease of reading "
        "and is not part of the draft's text.",
    },
    "indicators.table_name": {
        "vi": "Bảng các chỉ tiêu chủ yếu – {where}",
        "en": "Table of key targets – {where}",
    },
    # Interface of the templates.
    "nav.breadcrumb": {"vi": "Đường dẫn", "en": "Breadcrumb"},
    "palette.to_dark": {"vi": "Chế độ tối", "en": "Dark mode"},
    "heading.permalink": {"vi": "Liên kết đến mục này", "en": "Link to this section"},
    # The title of a footnote's link back to its marker; {} is the footnote's number (the `footnotes`
    # extension fills it in).
    "footnote.back": {
        "vi": "Quay lại chỗ đánh dấu chú thích {} trong văn bản",
        "en": "Jump back to footnote {} in the text",
    },
    "palette.to_light": {"vi": "Chế độ sáng", "en": "Light mode"},
    # Paragraph links and citations.
    "paragraph.link": {"vi": "Liên kết đến {label}", "en": "Link to {label}"},
    # The visible word beside a paragraph's «¶» where its tools open as a box (phones, touch); the
    # citation button's word is "cite.section".
    "paragraph.link.word": {"vi": "Liên kết", "en": "Link"},
    "cite.paragraph": {"vi": "Sao chép trích dẫn {label}", "en": "Copy a citation of {label}"},
    "cite.section": {"vi": "Trích dẫn", "en": "Cite"},
    "cite.section.label": {"vi": "Sao chép trích dẫn {label}", "en": "Copy a citation of {label}"},
    "cite.copied": {"vi": "Đã sao chép trích dẫn", "en": "Citation copied"},
    "cite.fallback": {
        "vi": "Trình duyệt không cho phép sao chép tự động. Chọn và sao chép đoạn trích dẫn dưới đây:",
        "en": "Your browser does not allow automatic copying. Select and copy the citation below:",
    },
    "cite.close": {"vi": "Đóng", "en": "Close"},
    "cite.selection": {
        "vi": "Sao chép trích dẫn đoạn đã chọn",
        "en": "Copy a citation of the selection",
    },
    # Said by every English citation (and, in its own words, the English PDF's running header): not the official text.
    "cite.translation": {"vi": "", "en": "unofficial English translation of the Vietnamese draft"},
    "print.page": {"vi": "Trang", "en": "Page"},
    "print.header": {"vi": "{name}", "en": "Unofficial English translation of the {name}"},
    # A chapter's running header adds its part: the English one is shortened to fit the page's width.
    "print.header_part": {
        "vi": "{name}",
        "en": "Unofficial English translation of the Draft Political Report of {date}",
    },
    # Drafts and revisions.
    "rev.this_draft": {"vi": "Bản dự thảo ngày {date}", "en": "Draft of {date}"},
    "rev.older": {
        "vi": "Đây là bản dự thảo ngày {date}; bản mới nhất:",
        "en": "This is the draft of {date}; the latest draft:",
    },
    "rev.drafts": {"vi": "Các bản dự thảo", "en": "Drafts"},
    "rev.corrects": {
        "vi": "Đính chính bản dự thảo ngày {date}",
        "en": "Correction of the draft of {date}",
    },
    "rev.changed_link": {"vi": "đã sửa so với bản trước", "en": "changed since the previous draft"},
    "rev.first": {
        "vi": "Đây là bản dự thảo đầu tiên: chưa có bản trước để so sánh.",
        "en": "This is the first draft: there is no earlier draft to compare with.",
    },
    "rev.compare_intro": {
        "vi": "So sánh {new} với bản trước, {old}.",
        "en": "Comparison of the {new} with the previous draft, {old}.",
    },
    "rev.added": {"vi": "Mục thêm mới", "en": "Sections added"},
    "rev.removed": {"vi": "Mục bỏ", "en": "Sections removed"},
    "rev.moved": {"vi": "Mục chuyển chỗ", "en": "Sections moved"},
    "rev.changed": {"vi": "Mục sửa đổi", "en": "Sections changed"},
    "rev.none": {"vi": "không có", "en": "none"},
    "rev.indicators": {"vi": "Chỉ tiêu thay đổi", "en": "Changed indicator values"},
    "rev.indicator": {"vi": "Chỉ tiêu", "en": "Indicator"},
    "rev.field": {"vi": "Giá trị", "en": "Value"},
    "rev.old": {"vi": "Bản trước", "en": "Previous"},
    "rev.new": {"vi": "Bản này", "en": "This draft"},
    "rev.deleted": {"vi": "đã xoá", "en": "deleted"},
    "rev.inserted": {"vi": "đã thêm", "en": "inserted"},
    "rev.list_date": {"vi": "Ngày", "en": "Date"},
    "rev.list_draft": {"vi": "Bản dự thảo", "en": "Draft"},
    "rev.list_changed": {"vi": "Số mục thay đổi", "en": "Sections changed"},
    "rev.list_compare": {"vi": "So sánh", "en": "Comparison"},
    "rev.feed": {
        "vi": "Nhận tin khi có bản dự thảo mới (Atom)",
        "en": "Get new drafts by feed (Atom)",
    },
    "frame.notice": {
        "vi": "Trang này đang hiện bên trong một trang web khác, nên các liên kết góp ý đã bị ẩn. "
        "Đọc và góp ý tại trang chính thức:",
        "en": "This page is shown inside another website, so its comment links are hidden. Read and "
        "comment on the official site:",
    },
    # A section's history feed (draftsite.revisions.section_history).
    "history.feed": {
        "vi": "{label} – {title}: các lần sửa đổi qua các bản dự thảo",
        "en": "{label} – {title}: changes across the drafts",
    },
    "history.published": {"vi": "công bố trong {draft}", "en": "published in the {draft}"},
    "history.added": {"vi": "thêm mới trong {draft}", "en": "added in the {draft}"},
    "history.changed": {"vi": "sửa đổi trong {draft}", "en": "changed in the {draft}"},
    "history.removed": {"vi": "bỏ trong {draft}", "en": "removed in the {draft}"},
    "history.merged": {
        "vi": "gộp vào {into} trong {draft}",
        "en": "merged into {into} in the {draft}",
    },
    "feed.author": {
        "vi": "Tiểu ban Văn kiện Đại hội đại biểu Đảng bộ tỉnh Thái Nguyên lần thứ XX",
        "en": "Document Subcommittee of the 20th Thái Nguyên Provincial Party Congress",
    },
    "rev.updated": {"vi": "Trang cập nhật lần cuối: {date}", "en": "Page last changed: {date}"},
    "para.removed": {
        "vi": "Đoạn này đã được bỏ trong dự thảo ngày {removed}.",
        "en": "This paragraph was removed in the draft of {removed}.",
    },
    "para.removed.link": {
        "vi": "Xem đoạn này trong dự thảo ngày {last}",
        "en": "See it in the draft of {last}",
    },
    "rev.latest": {"vi": "bản mới nhất", "en": "latest"},
    # Comparing any two drafts (so-sanh/?tu=…&den=…) and a section's history (lich-su/?muc=…),
    # shown by compare.js; {…} are filled in by the script.
    "rev.history_link": {"vi": "Lịch sử mục này", "en": "History of this section"},
    "cmp.legend": {"vi": "So sánh hai bản dự thảo bất kỳ", "en": "Compare any two drafts"},
    "cmp.from": {"vi": "Từ bản", "en": "From"},
    "cmp.to": {"vi": "Đến bản", "en": "To"},
    "cmp.submit": {"vi": "So sánh", "en": "Compare"},
    "cmp.loading": {"vi": "Đang tải…", "en": "Loading…"},
    "cmp.title": {"vi": "So sánh {new} với {old}", "en": "Comparison of {new} with {old}"},
    "cmp.result": {
        "vi": "So sánh {new} với {old}: {changed} mục sửa đổi, {added} mục thêm mới, {removed} mục "
        "bỏ hoặc gộp.",
        "en": "Comparison of {new} with {old}: {changed} sections changed, {added} added, "
        "{removed} removed or merged.",
    },
    "cmp.swapped": {
        "vi": "Bản «từ» mới hơn bản «đến», nên hai bản đã được đổi chỗ.",
        "en": "The “from” draft is newer than the “to” draft, so the two have been swapped.",
    },
    "cmp.same": {
        "vi": "Hai lựa chọn là cùng một bản dự thảo: hãy chọn hai bản khác nhau.",
        "en": "Both choices are the same draft: choose two different drafts.",
    },
    "cmp.unknown": {
        "vi": "Trang này không có bản dự thảo ngày {date}; bên dưới là so sánh với bản trước.",
        "en": "This site has no draft of {date}; the comparison with the previous draft is shown below.",
    },
    "cmp.failed": {
        "vi": "Không tải được văn bản của bản dự thảo ngày {draft}. Hãy thử lại sau.",
        "en": "The text of the draft of {draft} could not be loaded. Please try again later.",
    },
    "cmp.unchanged": {"vi": "Mục không thay đổi ({count})", "en": "Unchanged sections ({count})"},
    "cmp.merged": {"vi": "Mục gộp", "en": "Sections merged"},
    "cmp.merged_into": {"vi": "gộp vào {into}", "en": "merged into {into}"},
    "cmp.title_changed": {"vi": "Tiêu đề trước đây: {title}", "en": "Former title: {title}"},
    "hist.heading": {"vi": "Lịch sử của {section}", "en": "History of {section}"},
    "hist.nojs": {
        "vi": "Trang này cần JavaScript để hiện lịch sử của một mục qua các bản dự thảo. Không có "
        "JavaScript, trang so sánh vẫn cho biết bản mới nhất khác bản trước ở những mục nào:",
        "en": "This page needs JavaScript to show a section's history through the drafts. Without "
        "JavaScript, the comparison page still shows what changed from the previous draft:",
    },
    "hist.compare_link": {
        "vi": "So sánh với bản trước",
        "en": "Comparison with the previous draft",
    },
    "hist.choose": {
        "vi": "Hãy mở trang này từ liên kết «Lịch sử mục này» của một mục.",
        "en": "Open this page from a section's “History of this section” link.",
    },
    "hist.unknown": {
        "vi": "Không có mục «{id}» trong các bản dự thảo.",
        "en": "No draft has a section “{id}”.",
    },
    "hist.since": {
        "vi": "Mục này có trong các bản dự thảo từ {draft}.",
        "en": "The section is in the drafts from {draft} onwards.",
    },
    "hist.result": {
        "vi": "{section}: {count} bản dự thảo có thay đổi.",
        "en": "{section}: drafts that changed it: {count}.",
    },
    "hist.none": {
        "vi": "Mục này không thay đổi qua các bản dự thảo.",
        "en": "This section has not changed through the drafts.",
    },
    "hist.added": {"vi": "Mục được thêm vào.", "en": "The section was added."},
    "hist.changed": {"vi": "Mục được sửa đổi.", "en": "The section was changed."},
    "hist.removed": {"vi": "Mục bị bỏ.", "en": "The section was removed."},
    "hist.merged": {"vi": "Mục được gộp vào {into}.", "en": "The section was merged into {into}."},
    "hist.permanent": {"vi": "Mục này trong {draft}", "en": "This section in {draft}"},
    "hist.feed": {
        "vi": "Nhận tin khi mục này thay đổi (Atom)",
        "en": "Get this section's changes by feed (Atom)",
    },
    # Search.
    "search.footnote": {"vi": "Chú thích {number}", "en": "Footnote {number}"},
    # The 404 page (Vietnamese, with one English line).
    "404.title": {"vi": "Không tìm thấy trang", "en": "Page not found"},
    "404.lead": {
        "vi": "Không có trang nào ở địa chỉ này. Có thể liên kết đã cũ hoặc địa chỉ bị gõ sai.",
        "en": "There is no page at this address. The link may be out of date or mistyped.",
    },
    "404.offer": {"vi": "Bạn có thể:", "en": "You can:"},
    "404.home": {"vi": "Về trang chủ", "en": "Go to the home page"},
    "404.full_text": {"vi": "Đọc toàn văn dự thảo", "en": "Read the full text of the draft"},
    "404.guide": {"vi": "Xem gợi ý một số nội dung thảo luận", "en": "See the discussion guide"},
    "404.drafts": {"vi": "Xem các bản dự thảo", "en": "See the drafts"},
    "404.search_label": {"vi": "Tìm trong dự thảo", "en": "Search the draft"},
    "404.search_button": {"vi": "Tìm", "en": "Search"},
    "404.english": {"vi": "Không tìm thấy trang.", "en": "Page not found."},
    "404.english_link": {"vi": "Trang chủ tiếng Anh", "en": "Go to the English home page"},
    # English pages.
    # Shown beside what a reader lands on when opening an English page at a paragraph or section.
    "translation.landing": {
        "vi": "",
        "en": "Unofficial English translation; the Vietnamese text prevails: "
        '<a href="{url}" hreflang="vi" lang="vi">đọc bản tiếng Việt</a>.',
    },
    "translation.notice": {
        "vi": "",
        "en": "This is an unofficial reference translation. The Vietnamese text prevails: "
        '<a href="{url}" hreflang="vi" lang="vi">đọc bản tiếng Việt</a>. '
        "Vietnamese names keep their diacritics (Thái Nguyên, Hà Nội, Hồ Chí Minh); only the country "
        "keeps its official English name, Viet Nam.",
    },
}


def t(key: str, lang: str, **values: object) -> str:
    """The interface string `key` in language `lang`, with `{placeholders}` filled in."""
    try:
        text = STRINGS[key][lang]
    except KeyError as error:
        raise KeyError(
            f"interface string {key!r} has no {lang!r} text; add it to draftsite/strings.py"
        ) from error
    return text.format(**values) if values else text
