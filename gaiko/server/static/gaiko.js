// Behaviour every page shares: table rows become labelled cards on phones, filters fold away on small screens.
(function () {
  "use strict";
  // label every cell with its column's header, so a row laid out as a card (below 600 px) still says what is what
  Array.prototype.forEach.call(document.querySelectorAll("table.rtable"), function (table) {
    var heads = Array.prototype.map.call(table.querySelectorAll("thead th"), function (th) { return th.textContent.trim(); });
    Array.prototype.forEach.call(table.querySelectorAll("tbody tr"), function (tr) {
      Array.prototype.forEach.call(tr.children, function (cell, i) {
        if (heads[i] && !cell.hasAttribute("data-label")) cell.setAttribute("data-label", heads[i]);
      });
    });
  });
  if (window.matchMedia && window.matchMedia("(max-width: 600px)").matches) {
    Array.prototype.forEach.call(document.querySelectorAll("details.filterbox, details.facetbox"), function (d) { d.removeAttribute("open"); });
  }
})();
