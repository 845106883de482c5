"""konzept: municipal strategy documents as Sphinx projects.

This module is the table of contents of the Sphinx extension: ``setup``
registers, in order, the configuration, the domain with its directives and
roles, the rendering steps, and the build lifecycle. The pure core lives in
:mod:`konzept.core`; everything Sphinx-specific in :mod:`konzept.sphinxext`.
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"


def setup(app: Any) -> dict[str, Any]:
    from .sphinxext import (
        accessibility,
        assets,
        check,
        config,
        directives,
        domain,
        late,
        lifecycle,
        memory,
        nodes,
        reference,
        render,
        roles,
        searchindex,
        versions,
    )
    from .sphinxext.i18n import CATALOG, LOCALE_DIR
    from .sphinxext.views import setup_views
    from .writers import setup_writers

    app.setup_extension("myst_parser")
    app.add_message_catalog(CATALOG, LOCALE_DIR)
    config.setup_config(app)

    # the domain owns the data; directives and roles are its own and also
    # registered without prefix ({goal}`…`, :::{measure})
    for item_type in domain.ITEM_TYPES:
        directive = directives.make_directive(item_type)
        role = roles.ItemRole(item_type)
        domain.KonzeptDomain.directives[item_type] = directive
        domain.KonzeptDomain.roles[item_type] = role
        app.add_directive(item_type, directive)
        app.add_role(item_type, role)
    generic = roles.ItemRole(None)
    domain.KonzeptDomain.roles[domain.GENERIC_ROLE] = generic
    app.add_role("konzept", generic)
    app.add_domain(domain.KonzeptDomain)

    app.add_node(nodes.item_block)
    app.add_node(
        nodes.item_heading,
        html=(render.visit_item_heading_html, render.depart_item_heading_html),
    )
    app.add_transform(render.HeadingLevels)
    app.add_transform(render.EscapeRawHtml)
    late.setup_late(app)  # item metadata and views, rendered after reading
    memory.setup_memory(app)  # long-lived objects out of garbage collection

    setup_views(app)
    app.add_directive("konzept-reference", reference.ReferenceDirective)
    app.add_builder(check.CheckBuilder)
    app.add_builder(check.JsonBuilder)
    assets.setup_assets(app)
    lifecycle.setup_lifecycle(app)
    searchindex.setup_searchindex(app)  # works around a Sphinx 9.0 bug
    accessibility.setup_accessibility(app)  # statement, footer links, WCAG repairs
    versions.setup_versions(app)  # switcher and banner in the multi-version site
    setup_writers(app)  # the PDF brochure (builder 'pdf')

    return {
        "version": __version__,
        # 2: placeholders carry search words and their page (read again)
        "env_version": 2,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
