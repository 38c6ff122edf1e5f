"""Entity recognition parts: the KB gazetteer and the rules for unknown names."""
