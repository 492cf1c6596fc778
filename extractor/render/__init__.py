"""`extractor render`: static HTML pages showing each article with its events, and an index of the set."""
