project = "RST"
extensions = ["konzept"]
language = "de"
