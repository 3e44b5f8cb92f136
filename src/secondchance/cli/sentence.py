"""``secondchance sentence``: compute a federal sentence's dates (see law/sentence)."""
