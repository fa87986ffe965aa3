"""NLP pass: builds the spaCy pipeline from config; the only package that sees ``spacy.Doc``.

Public entry points (being built, issue 4)::

    load_backend(config) -> NlpBackend                 # spaCy model from Config.nlp_model
    parse_documents(docs, config) -> Iterator[ParsedDocument]
"""
