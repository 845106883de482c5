"""A directive whose node no PDF visitor knows (the writer must cope)."""

from docutils import nodes
from sphinx.util.docutils import SphinxDirective


class mystery(nodes.General, nodes.Element):
    pass


class MysteryDirective(SphinxDirective):
    has_content = True

    def run(self):
        node = mystery()
        self.set_source_info(node)
        self.state.nested_parse(self.content, self.content_offset, node)
        return [node]


def setup(app):
    app.add_node(mystery, html=(lambda self, node: None, lambda self, node: None))
    app.add_directive("mystery", MysteryDirective)
    return {"parallel_read_safe": True}
