"""The outcome of the consultation: comment counts per section and the published responses
(«Tổng hợp, tiếp thu, giải trình»)."""
