project = "Incremental"
extensions = ["konzept"]
language = "de"
