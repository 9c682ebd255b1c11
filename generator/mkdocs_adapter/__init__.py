"""The MkDocs adapter: the only package that imports ``mkdocs`` or ``material``.

``plugin.KatalogPlugin`` hands pre-rendered outputs to MkDocs; ``build.build`` runs a build
programmatically for ``generator.site``. Moving to another builder means replacing this folder.
"""
