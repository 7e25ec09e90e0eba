extension HTMLReport {
    /// Sorts a table by the column whose header is clicked: numbers as numbers (cells that are not
    /// numbers, such as "-", last), text in locale order; a second click reverses. The sort is
    /// stable, so sorting by one column then another keeps ties in the earlier order.
    ///
    /// `?sort=T:C` (or `T:C:desc`, several separated by commas) clicks column C of table T on
    /// load, so that a headless browser's dumped DOM shows a sorted table (the tests use it).
    static let sortScript = """
        (function () {
          "use strict";
          function key(cell) {
            var text = cell.textContent.trim();
            var number = /^[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?$/.test(text) ? Number(text) : NaN;
            return { text: text, number: number };
          }
          function compare(a, b) {
            var an = !isNaN(a.number), bn = !isNaN(b.number);
            if (an && bn) return a.number - b.number;
            if (an !== bn) return an ? -1 : 1;
            return a.text.localeCompare(b.text);
          }
          function sortBy(table, column, th) {
            var descending = th.getAttribute("aria-sort") === "ascending";
            var body = table.tBodies[0];
            var rows = Array.prototype.slice.call(body.rows).map(function (row, i) {
              return { row: row, key: key(row.cells[column]), i: i };
            });
            rows.sort(function (a, b) {
              var c = compare(a.key, b.key);
              if (descending && isNaN(a.key.number) === isNaN(b.key.number)) c = -c;
              return c !== 0 ? c : a.i - b.i;
            });
            rows.forEach(function (r) { body.appendChild(r.row); });
            Array.prototype.forEach.call(table.tHead.rows[0].cells, function (h) { h.setAttribute("aria-sort", "none"); });
            th.setAttribute("aria-sort", descending ? "descending" : "ascending");
          }
          var tables = document.querySelectorAll("table.sortable");
          Array.prototype.forEach.call(tables, function (table) {
            Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, column) {
              th.addEventListener("click", function () { sortBy(table, column, th); });
            });
          });
          var requested = new URLSearchParams(window.location.search).get("sort");
          if (requested) {
            requested.split(",").forEach(function (spec) {
              var parts = spec.split(":"), table = tables[Number(parts[0])];
              var th = table && table.tHead.rows[0].cells[Number(parts[1])];
              if (!th) throw new Error("?sort=" + spec + ": no such table or column");
              th.click();
              if (parts[2] === "desc") th.click();
            });
          }
        })();

        """
}
