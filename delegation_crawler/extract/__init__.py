"""Generic article extractor for Chinese news pages (plain library, no Scrapy).

    from delegation_crawler.extract import extract_article
    article = extract_article(html_bytes_or_str, url="https://...")

See docs/extraction.md for the method and the accuracy/speed comparison with GNE and
trafilatura.
"""

from .article import ExtractedArticle, extract_article, locate_article

__all__ = ["ExtractedArticle", "extract_article", "locate_article"]
