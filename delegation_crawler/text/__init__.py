"""Text repair for damaged portal pages (plain library, no Scrapy imports).

``repair(text) -> RepairResult(text, fixes)`` undoes in-text damage (mojibake, GBK byte
misalignment, pinyin residue, lost-character `?`, doubled punctuation); ``to_simplified``
gives the canonical simplified form. Byte-level charset choice is in ``charset``.
"""

from delegation_crawler.text.repair import FIX_CLASSES, RepairResult, repair, to_simplified

__all__ = ["FIX_CLASSES", "RepairResult", "repair", "to_simplified"]
