/* konzept: sortable and filterable tables, as progressive enhancement.
 *
 * Every table is complete and readable without this script. With it, long
 * tables (class konzept-sortable / konzept-filterable) get a sort button in
 * each column header and a filter field above them. Served from the site
 * itself; labels come from window.KONZEPT_I18N (set by konzept per language).
 */
(function () {
  "use strict";
  var i18n = window.KONZEPT_I18N || {
    filter: "Filter table", rows: "{shown} of {total} rows",
    sortAsc: "sorted ascending", sortDesc: "sorted descending", sortBy: "Sort by {column}"
  };
  var collator = new Intl.Collator(document.documentElement.lang || undefined, {
    numeric: true, sensitivity: "base"
  });

  function cellText(row, index) {
    var cell = row.cells[index];
    var text = cell ? cell.textContent.trim() : "";
    return text === "–" ? "" : text;
  }

  function makeSortable(table) {
    var head = table.tHead;
    var body = table.tBodies[0];
    if (!head || !body || !head.rows.length) return;
    var headers = Array.prototype.slice.call(head.rows[0].cells);
    headers.forEach(function (th, index) {
      var label = th.textContent.trim();
      var button = document.createElement("button");
      button.type = "button";
      button.className = "konzept-sort";
      button.setAttribute("aria-label", i18n.sortBy.replace("{column}", label));
      if (th.querySelector("a, button, input, select, textarea")) {
        // a link in a button cannot be reached: the button goes beside it
        button.classList.add("konzept-sort-beside");
      } else {
        while (th.firstChild) button.appendChild(th.firstChild);
      }
      th.appendChild(button);
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        headers.forEach(function (other) { other.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = cellText(a, index), y = cellText(b, index);
          if (!x && y) return 1;   // empty cells last, either way
          if (x && !y) return -1;
          var order = collator.compare(x, y);
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  }

  var counter = 0;
  function makeFilterable(table) {
    var body = table.tBodies[0];
    if (!body) return;
    counter += 1;
    var id = "konzept-filter-" + counter;
    var box = document.createElement("div");
    box.className = "konzept-filter";
    var label = document.createElement("label");
    label.htmlFor = id;
    label.textContent = i18n.filter;
    var input = document.createElement("input");
    input.type = "search";
    input.id = id;
    var status = document.createElement("span");
    status.className = "konzept-filter-status";
    status.setAttribute("aria-live", "polite");
    box.appendChild(label);
    box.appendChild(input);
    box.appendChild(status);
    var anchor = table.closest(".pst-scrollable-table-container") || table;
    anchor.parentNode.insertBefore(box, anchor);
    input.addEventListener("input", function () {
      var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
      var rows = body.rows, shown = 0;
      for (var i = 0; i < rows.length; i++) {
        var text = rows[i].textContent.toLowerCase();
        var match = words.every(function (w) { return text.indexOf(w) !== -1; });
        rows[i].hidden = !match;
        if (match) shown += 1;
      }
      status.textContent = words.length
        ? i18n.rows.replace("{shown}", shown).replace("{total}", rows.length) : "";
    });
  }

  function init() {
    document.querySelectorAll("table.konzept-sortable").forEach(makeSortable);
    document.querySelectorAll("table.konzept-filterable").forEach(makeFilterable);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
