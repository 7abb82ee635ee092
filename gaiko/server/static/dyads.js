// Dyad view: Goldstein and cooperation/conflict over time, counts by type. Uses the vendored Chart.js.
(function () {
  "use strict";
  var el = document.getElementById("series-data");
  if (!el || typeof Chart === "undefined") return;
  var s = JSON.parse(el.textContent || "{}");
  if (!s.buckets || !s.buckets.length) return;
  var quad = JSON.parse(document.getElementById("quad-labels").textContent || "{}");
  var palette = ["#1f5fa8", "#2e8b57", "#c0392b", "#8e44ad", "#d35400", "#16a085", "#7f8c8d", "#b7950b",
                 "#2c3e50", "#e84393", "#6c5ce7", "#00b894", "#e17055", "#0984e3", "#a29bfe", "#636e72"];
  Chart.defaults.font.size = 11;
  Chart.defaults.animation = false;

  new Chart(document.getElementById("goldstein-chart"), {
    data: {
      labels: s.buckets,
      datasets: [
        { type: "bar", label: "cooperation (quad 1–2)", data: s.cooperation, backgroundColor: "rgba(46,139,87,.55)", yAxisID: "n", stack: "q" },
        { type: "bar", label: "conflict (quad 3–4)", data: s.conflict.map(function (v) { return -v; }), backgroundColor: "rgba(192,57,43,.55)", yAxisID: "n", stack: "q" },
        { type: "line", label: "mean Goldstein", data: s.goldstein, borderColor: "#17324f", backgroundColor: "#17324f", yAxisID: "g", spanGaps: true, tension: 0.2, pointRadius: 3 }
      ]
    },
    options: {
      maintainAspectRatio: false,
      interaction: { mode: "index", intersect: false },
      scales: {
        n: { position: "left", title: { display: true, text: "events (conflict below 0)" }, ticks: { precision: 0, callback: function (v) { return Math.abs(v); } } },
        g: { position: "right", min: -10, max: 10, title: { display: true, text: "Goldstein" }, grid: { drawOnChartArea: false } }
      },
      plugins: { tooltip: { callbacks: { label: function (c) { var v = c.raw; return c.dataset.label + ": " + (c.dataset.yAxisID === "n" ? Math.abs(v) : v); } } } }
    }
  });

  var keys = Object.keys(s.counts || {});
  new Chart(document.getElementById("counts-chart"), {
    type: "bar",
    data: {
      labels: s.buckets,
      datasets: keys.map(function (k, i) {
        return { label: s.by === "quad" ? (k + " " + (quad[k] || "")) : k, data: s.counts[k], backgroundColor: palette[i % palette.length] };
      })
    },
    options: { maintainAspectRatio: false, scales: { x: { stacked: true }, y: { stacked: true, ticks: { precision: 0 }, title: { display: true, text: "events" } } } }
  });

  var types = Object.keys(s.by_type || {});
  new Chart(document.getElementById("types-chart"), {
    type: "bar",
    data: { labels: types, datasets: [{ label: "events", data: types.map(function (t) { return s.by_type[t]; }), backgroundColor: "#1f5fa8" }] },
    options: {
      indexAxis: "y", maintainAspectRatio: false, plugins: { legend: { display: false } },
      scales: { x: { ticks: { precision: 0 } } },
      onClick: function (evt, items) {
        if (!items.length) return;
        var p = new URLSearchParams({ source: s.source || "", target: s.target || "", type: types[items[0].index] });
        window.location.href = "/events?" + p.toString();
      }
    }
  });
  document.body.setAttribute("data-charts", "ready");
})();
