"""The Zensical adapter: the only package that runs ``zensical``.

``build.build`` writes every generated page and file into a temporary docs tree with a
Zensical configuration derived from mkdocs.yml, runs ``zensical build`` on it and moves the
result into the site folder. Zensical runs no MkDocs plugins or hooks: the pages are
generated beforehand (the same ``collect_outputs`` the MkDocs adapter uses) and handed over
as Markdown files whose body ``rawhtml`` passes through untouched.
"""
