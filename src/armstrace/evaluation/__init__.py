"""Evaluation: extractions matched against gold files and scored, with the scorecard that reports it."""
