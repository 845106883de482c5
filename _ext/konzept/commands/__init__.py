"""Sub-commands of ``konzept`` that live in their own module."""
