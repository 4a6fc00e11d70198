"""The one model of the document: sections, ids, labels, numbering, footnotes and numbers, read once
per language and build (`model.load_document`) and handed to every feature."""
