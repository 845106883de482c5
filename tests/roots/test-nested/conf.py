project = "Nested"
extensions = ["konzept"]
language = "en"
