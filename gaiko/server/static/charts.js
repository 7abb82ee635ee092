// Charts shared by the overview, the explorer and the dyad view (vendored Chart.js).
// Colours are fixed and documented (docs/dashboard.md): cooperation greens, conflict oranges and reds, read from CSS
// custom properties so the stylesheet is the one place they are set. Conflict series are also hatched, so colour is
// never the only cue. Bars open their events; dragging across a time chart zooms the page to that period.
var gaikoCharts = (function () {
  "use strict";
  var css = getComputedStyle(document.documentElement);
  function v(name) { return css.getPropertyValue(name).trim(); }
  var QUAD = { "1": v("--q1"), "2": v("--q2"), "3": v("--q3"), "4": v("--q4") };
  var MODALITY = { actual: v("--actual"), intended: v("--intended"), hypothetical: v("--hypothetical") };
  if (typeof Chart !== "undefined") { Chart.defaults.font.size = 11; Chart.defaults.animation = false; Chart.defaults.color = v("--fg"); }

  function hatch(colour) {
    // diagonal white stripes over the colour: a second cue for conflict series
    var c = document.createElement("canvas"); c.width = c.height = 8;
    var g = c.getContext("2d"); g.fillStyle = colour; g.fillRect(0, 0, 8, 8);
    g.strokeStyle = "rgba(255,255,255,.65)"; g.lineWidth = 2; g.beginPath(); g.moveTo(0, 8); g.lineTo(8, 0); g.stroke();
    return g.createPattern(c, "repeat");
  }
  function quadFill(q) { return (q === "3" || q === "4") ? hatch(QUAD[q]) : QUAD[q]; }
  function typeFill(typeQuad, t, i) {
    // types take their quad class's colour, a little lighter or darker each so neighbours differ
    var q = String(typeQuad[t] || 1), base = QUAD[q];
    var shade = [1, 0.8, 1.15, 0.65, 1.3][i % 5];
    var col = adjust(base, shade);
    return (q === "3" || q === "4") ? hatch(col) : col;
  }
  function adjust(hex, f) {
    var n = parseInt(hex.replace("#", ""), 16), r = n >> 16, g = (n >> 8) & 255, b = n & 255;
    function c(x) { return Math.max(0, Math.min(255, Math.round(f >= 1 ? x + (255 - x) * (f - 1) : x * f))); }
    return "rgb(" + c(r) + "," + c(g) + "," + c(b) + ")";
  }
  function go(base, changes) {
    var p = new URLSearchParams();
    Object.keys(base || {}).forEach(function (k) { if (base[k] !== null && base[k] !== "") p.set(k, base[k]); });
    Object.keys(changes).forEach(function (k) { if (changes[k] === null || changes[k] === undefined) p.delete(k); else p.set(k, changes[k]); });
    return p.toString();
  }
  // drag across the x axis of a time chart: on release, reload this page for the buckets covered
  function dragZoom(chart, series, base) {
    var canvas = chart.canvas, box = canvas.parentNode, band = document.createElement("div"), x0 = null;
    band.className = "zoomband"; band.hidden = true; box.appendChild(band);
    function idx(px) {
      var v = chart.scales.x.getValueForPixel(px);
      return Math.max(0, Math.min(series.buckets.length - 1, Math.round(v)));
    }
    canvas.addEventListener("pointerdown", function (e) { x0 = e.offsetX; band.style.left = x0 + "px"; band.style.width = "0"; band.hidden = false; canvas.setPointerCapture(e.pointerId); });
    canvas.addEventListener("pointermove", function (e) {
      if (x0 === null) return;
      var a = Math.min(x0, e.offsetX), b = Math.max(x0, e.offsetX);
      band.style.left = a + "px"; band.style.width = (b - a) + "px";
    });
    canvas.addEventListener("pointerup", function (e) {
      if (x0 === null) return;
      var a = Math.min(x0, e.offsetX), b = Math.max(x0, e.offsetX); x0 = null; band.hidden = true;
      if (b - a < 8) return;  // a click: Chart.js onClick handles it
      chart.$gaikoDragged = Date.now();  // and the click that ends this drag opens no bar
      var i0 = idx(a), i1 = idx(b);
      window.location.search = "?" + go(Object.fromEntries(new URLSearchParams(window.location.search)), { since: series.starts[i0], until: series.ends[i1], offset: null });
    });
  }
  function dragged(chart) { return chart.$gaikoDragged && Date.now() - chart.$gaikoDragged < 1000; }
  function timechart(id, series, base) {
    var keys = series.keys || Object.keys(series.counts || {});
    var byModality = series.by === "modality";
    var chart = new Chart(document.getElementById(id), {
      type: "bar",
      data: { labels: series.buckets, datasets: keys.map(function (k) {
        var col = byModality ? MODALITY[k] : QUAD[k];
        return { label: byModality ? (k === "actual" ? "happened" : k) : k, data: series.counts[k], backgroundColor: k === "hypothetical" ? hatch(col) : col, key: k, stack: "main" };
      }).concat((series.coarse || []).some(function (n) { return n > 0; }) ? [{
        // beside each bar: how many of its events are dated only to a coarser unit (a year-precise date is 1 January)
        label: "of these, dated only to the " + series.coarse_precisions.join(" or "), data: series.coarse,
        backgroundColor: hatch("#8a94a0"), key: "__coarse", stack: "coarse" }] : []) },
      options: {
        maintainAspectRatio: false, interaction: { mode: "nearest", intersect: true },
        plugins: { legend: { display: keys.length > 1 || byModality } },
        scales: { x: { stacked: true, ticks: { maxRotation: 0, autoSkip: true } }, y: { stacked: true, ticks: { precision: 0 }, title: { display: true, text: "events per " + series.interval } } },
        onClick: function (evt, items) {
          if (!items.length || dragged(chart)) return;
          var i = items[0].index, k = chart.data.datasets[items[0].datasetIndex].key;
          var ch = { since: series.starts[i], until: series.ends[i], modality: byModality ? k : base.modality, offset: null };
          if (k === "__coarse") { ch.modality = base.modality; ch.precision = series.coarse_precisions.join(","); }
          window.location.href = "/events?" + go(base, ch);
        }
      }
    });
    dragZoom(chart, series, base);
    return chart;
  }
  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("script[data-chart]"), function (el) {
      var d = JSON.parse(el.textContent || "{}");
      if (d.series && d.series.buckets && d.series.buckets.length) timechart(el.getAttribute("data-chart"), d.series, d.base || {});
    });
  }
  if (typeof Chart !== "undefined") init();
  return { QUAD: QUAD, MODALITY: MODALITY, hatch: hatch, quadFill: quadFill, typeFill: typeFill, go: go, dragZoom: dragZoom, dragged: dragged, ready: function () { document.body.setAttribute("data-charts", "ready"); } };
})();
if (!document.getElementById("series-data")) gaikoCharts.ready();
