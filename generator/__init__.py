"""Katalog Inovasi Pelayanan Publik: load, validate, model and render the catalogue.

The core (everything in this package except ``mkdocs_adapter``) never imports MkDocs or
Material; see ARCHITECTURE.md.
"""

__version__ = "0.1.0"
