"""The English reference translation's checks (glossary, translation memory, percentage points,
same blocks as the Vietnamese), the reviewers' random sample, and the notice on English pages."""
