"""The whole document on one page, assembled from the chapters' finished HTML, and what print needs
(running headers, page numbers, the PDF link)."""
