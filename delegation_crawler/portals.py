"""What the project knows about each portal that code outside the spiders needs.

``HOME_PLACES`` maps a portal to the GB/T 2260 code of the place whose news it is, so that
我市/我县/我区 in a story resolve to a real place. yybnet is an aggregator of city papers: it
has no single home; its stories take the column's city or the source paper's city.
"""

HOME_PLACES = {"zgm": "510300", "chaotian": "510812", "xiushan": "500241", "yybnet": None}
