"""Search: Indonesian text analysis, the lunr index, queries (CLI and site) and the /cari/ page."""
