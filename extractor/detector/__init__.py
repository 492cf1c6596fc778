"""A trained sentence-level event detector: a linear model over a sentence's words that says which event types it
states (fitted by corpus/train_detector.py, weights in extractor/data/detector.json)."""
