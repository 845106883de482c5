"""Publishing: the site with every release of a concept (``konzept site``).

:mod:`.site` assembles it, :mod:`.git` checks out older releases,
:mod:`.probe` reads a release's configuration in a process of its own. What a
page of the site shows – the version switcher and the banner on older
releases and drafts – is done in the build by :mod:`konzept.sphinxext.versions`.
"""
