project = "XSS"
extensions = ["konzept"]
language = "de"
P = '"><script>alert(1)</script><img src=x onerror=alert(2)>'
konzept_release = {"version": P, "title": P, "decisions": [{"body": P, "date": "2016-01-01", "kind": "resolution", "result": P, "document": P}]}
konzept_options = {"measure": {"note": {"kind": "text", "label": P}}}
konzept_vocabularies = {"status": {"paused": P}}
