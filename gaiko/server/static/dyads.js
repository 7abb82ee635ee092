// Dyad view: cooperation/conflict and mean Goldstein over time, counts by type or quad class, totals by type.
// Every bar opens its events (the bucket's dates, the page's filters); dragging across the first two charts zooms.
(function () {
  "use strict";
  var el = document.getElementById("series-data");
  if (!el || typeof Chart === "undefined") return;
  var d = JSON.parse(el.textContent || "{}"), s = d.series || {}, base = d.base || {};
  if (!s.buckets || !s.buckets.length) { gaikoCharts.ready(); return; }
  var C = gaikoCharts, typeQuad = {};
  ["AGREE", "CONSULT", "SUPPORT", "CONCEDE"].forEach(function (t) { typeQuad[t] = 1; });
  ["COOPERATE", "AID", "RETREAT"].forEach(function (t) { typeQuad[t] = 2; });
  ["REQUEST", "ACCUSE", "REJECT", "THREATEN"].forEach(function (t) { typeQuad[t] = 3; });
  ["PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"].forEach(function (t) { typeQuad[t] = 4; });
  function open(changes) { window.location.href = "/events?" + C.go(base, changes); }

  var g = new Chart(document.getElementById("goldstein-chart"), {
    data: {
      labels: s.buckets,
      datasets: [
        { type: "bar", label: "cooperation (quad 1–2)", data: s.cooperation, backgroundColor: C.QUAD["2"], yAxisID: "n", stack: "q", quads: "1,2" },
        { type: "bar", label: "conflict (quad 3–4, below 0)", data: s.conflict.map(function (v) { return -v; }), backgroundColor: C.hatch(C.QUAD["4"]), yAxisID: "n", stack: "q", quads: "3,4" },
        // no line across a period without events: spanGaps false, and empty buckets carry null
        { type: "line", label: "mean Goldstein", data: s.goldstein, borderColor: "#17324f", backgroundColor: "#17324f", yAxisID: "g", spanGaps: false, tension: 0, pointRadius: 2 }
      ]
    },
    options: {
      maintainAspectRatio: false,
      interaction: { mode: "nearest", intersect: true },
      scales: {
        n: { position: "left", title: { display: true, text: "events (conflict below 0)" }, ticks: { precision: 0, callback: function (v) { return Math.abs(v); } } },
        g: { position: "right", min: -10, max: 10, title: { display: true, text: "Goldstein" }, grid: { drawOnChartArea: false } }
      },
      plugins: { tooltip: { callbacks: { label: function (c) { var v = c.raw; return c.dataset.label + ": " + (c.dataset.yAxisID === "n" ? Math.abs(v) : v); } } } },
      onClick: function (evt, items) {
        if (!items.length || C.dragged(g)) return;
        var ds = g.data.datasets[items[0].datasetIndex], i = items[0].index;
        if (!ds.quads) return;
        open({ since: s.starts[i], until: s.ends[i], quad_class: ds.quads });
      }
    }
  });
  C.dragZoom(g, s, base);

  var keys = s.keys || Object.keys(s.counts || {});
  var quadNames = { "1": "verbal cooperation", "2": "material cooperation", "3": "verbal conflict", "4": "material conflict" };
  var c = new Chart(document.getElementById("counts-chart"), {
    type: "bar",
    data: { labels: s.buckets, datasets: keys.map(function (k, i) {
      return { label: s.by === "quad" ? (k + " " + quadNames[k]) : k, key: k, data: s.counts[k], backgroundColor: s.by === "quad" ? C.quadFill(k) : C.typeFill(typeQuad, k, i) };
    }) },
    options: {
      maintainAspectRatio: false, interaction: { mode: "nearest", intersect: true },
      scales: { x: { stacked: true }, y: { stacked: true, ticks: { precision: 0 }, title: { display: true, text: "events" } } },
      onClick: function (evt, items) {
        if (!items.length || C.dragged(c)) return;
        var k = c.data.datasets[items[0].datasetIndex].key, i = items[0].index, ch = { since: s.starts[i], until: s.ends[i] };
        ch[s.by === "quad" ? "quad_class" : "type"] = k;
        open(ch);
      }
    }
  });
  C.dragZoom(c, s, base);

  var types = Object.keys(s.by_type || {});
  new Chart(document.getElementById("types-chart"), {
    type: "bar",
    data: { labels: types, datasets: [{ label: "events", data: types.map(function (t) { return s.by_type[t]; }), backgroundColor: types.map(function (t, i) { return C.typeFill(typeQuad, t, 0); }) }] },
    options: {
      indexAxis: "y", maintainAspectRatio: false, plugins: { legend: { display: false } },
      scales: { x: { ticks: { precision: 0 } } },
      onClick: function (evt, items) { if (items.length) open({ type: types[items[0].index] }); }
    }
  });
  C.ready();
})();
