"""Review: the HTML page a person reads and edits an extraction on, and the import of its decisions as gold."""
