"""The Sphinx adapter: konzept's core, exposed as a Sphinx domain."""
