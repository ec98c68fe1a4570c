"""What the words mean: the gazetteer, the cue words and the clause boundaries they mark (words live in data/)."""
