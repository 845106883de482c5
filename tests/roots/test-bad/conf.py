project = "Bad"
extensions = ["konzept"]
language = "de"
konzept_release = {
    "version": "2026",
    "title": "Bad",
    "date": "2026-02-30",
    "status": "final",
    "decisions": [{"body": "Kreistag", "date": "2026-07-01", "kind": "vote"}],
    "colour": "red",
}
konzept_options = {
    "measure": {
        "participants": {"kind": "number", "label": "Teilnehmende"},
        "goals": {"kind": "text"},
    },
}
