"""Extraction: an article read, its candidates found, the model asked per field, each label grounded, then the batch run and its cache."""
