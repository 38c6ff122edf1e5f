"""Training of kronik's statistical models from labelled corpora (``kronik train``)."""
