"""The dataset: every article's extraction merged into resolved rows, staged on disk and written as CSV, JSONL, Parquet and SQLite."""
