project = "Nested"
extensions = ["konzept"]
language = "en"
suppress_warnings = ["konzept.uncovered"]  # coverage is tested in test_views
