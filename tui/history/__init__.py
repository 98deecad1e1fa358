"""An article's whole life: many versions, compared consecutively with the pair engine.

Sources (files, a folder, a git history, URLs, the Wayback Machine, a WARC
file) yield snapshots; :mod:`tui.history.build` reads each once and compares
each version with the next; :mod:`tui.history.lineage` follows every paragraph
through the steps; the reports and the history JSON draw from the result.
Nothing here imports Textual except what the viewer opens.
"""
