"""The indicator tables and charts, generated from one data file (`docs/data/chi-tieu.yml`)."""
