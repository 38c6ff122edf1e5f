"""Event coding parts: the trigger lexicon."""
