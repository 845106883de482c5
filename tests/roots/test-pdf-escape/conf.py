project = "Escape"
author = "Typst #import \"evil.typ\": * $x$"
extensions = ["konzept"]
language = "en"
P = '#import "evil.typ": * and *bold* and _under_ and $x^2$ and ] [ \\ <lbl> @ref // no comment'
konzept_release = {
    "version": "v1 #pagebreak()",
    "title": P,
    "date": "2016-04-11",
    "status": "draft",
    "decisions": [{"body": P, "date": "2016-05-11", "kind": "resolution", "result": P, "document": P}],
}
konzept_pdf_filename = "escape"
