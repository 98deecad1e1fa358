"""Package data: the embedded demo pair and the boilerplate lexicon."""
