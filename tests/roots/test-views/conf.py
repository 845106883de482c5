project = "Views"
extensions = ["konzept"]
language = "de"
suppress_warnings = ["konzept.uncovered"]
konzept_release = {
    "version": "2016",
    "title": "Konzept 2016",
    "decisions": [
        {"body": "Sozialausschuss", "date": "2016-05-11", "kind": "preliminary", "result": "recommended"},
        {"body": "Kreistag", "date": "2016-07-07", "kind": "resolution",
         "result": "adopted unchanged", "document": "50/020/2016"},
    ],
}
