project = "Changelog"
extensions = ["konzept"]
language = "de"
suppress_warnings = ["konzept.uncovered"]
konzept_release = {"version": "2", "title": "Konzept 2", "status": "adopted", "date": "2020-06-27"}
konzept_compare_to = "1"
