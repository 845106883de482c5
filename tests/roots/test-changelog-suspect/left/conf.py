project = "Changelog"
extensions = ["konzept"]
language = "de"
suppress_warnings = ["konzept.uncovered"]
konzept_release = {"version": "1", "title": "Konzept 1", "status": "adopted", "date": "2015-06-27"}
