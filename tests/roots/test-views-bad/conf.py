project = "Views with bad options"
extensions = ["konzept"]
language = "de"
suppress_warnings = ["konzept.uncovered"]
