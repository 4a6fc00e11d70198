"""Every check of what editors write: the sources (encodings, Markdown, raw HTML, links, ids), the data
files (one reader: `data_files`, with each value's line) and `mkdocs.yml`'s own blocks; one problem
type (`checks.Problem`: file, line, what is wrong, what to do). `events` runs them in the build."""
