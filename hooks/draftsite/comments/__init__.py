"""Comments and the consultation: the settings under `extra.consultation` (dates, form, organiser),
the prefilled comment links under every section, the short addresses with QR codes for print, the
discussion guide's links, and reading the form's export."""
