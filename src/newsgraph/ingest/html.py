"""HTML reader: one saved web page (optionally gzipped) is one article.

Shares its implementation with the plain-text reader (``newsgraph.ingest.text``): the page
source is kept whole in a ``RawDocument`` of kind "html".
"""

from __future__ import annotations

from newsgraph.ingest.text import HTML_READER as READER
from newsgraph.ingest.text import html_document, read_html

__all__ = ["READER", "html_document", "read_html"]
