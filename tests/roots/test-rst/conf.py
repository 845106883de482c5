project = "RST"
extensions = ["konzept"]
language = "de"
suppress_warnings = ["konzept.uncovered"]  # coverage is tested in test_views
