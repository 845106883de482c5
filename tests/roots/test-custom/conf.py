project = "Custom"
extensions = ["konzept"]
language = "de"
konzept_options = {
    "measure": {
        "target_group": {"kind": "text", "label": "Zielgruppe", "description": "Für wen."},
        "participants": {"kind": "number", "label": "Teilnehmende"},
        "priority": {"kind": "choice", "label": "Priorität", "vocabulary": "priority", "required": True},
        "contact": {"kind": "ref", "label": "Ansprechpartner", "targets": ["actor"]},
    },
}
konzept_vocabularies = {
    "status": {"suspended": "ausgesetzt"},
    "priority": {"high": "hoch", "low": "niedrig"},
}
suppress_warnings = ["konzept.uncovered"]  # coverage is tested in test_views
