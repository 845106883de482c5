project = "Basic"
extensions = ["konzept"]
language = "de"
konzept_release = {
    "version": "2016",
    "title": "Integrationskonzept Testkreis 2016",
    "date": "2016-04-11",
    "status": "adopted",
    "predecessor": "2011",
    "decisions": [
        {"body": "Sozialausschuss", "date": "2016-05-11", "kind": "preliminary"},
        {"body": "Kreistag", "date": "2016-06-27", "kind": "resolution",
         "result": "adopted unchanged", "document": "50/020/2016"},
    ],
}
