// Actor network: a small force layout drawn in SVG, no library.
(function () {
  "use strict";
  var svg = document.getElementById("network");
  var dataEl = document.getElementById("network-data");
  if (!svg || !dataEl) return;
  var net = JSON.parse(dataEl.textContent || "{}");
  var filters = JSON.parse(document.getElementById("network-filters").textContent || "{}");
  var W = 1200, H = 600, NS = "http://www.w3.org/2000/svg";
  var nodes = net.nodes || [], edges = net.edges || [];
  if (!nodes.length) return;
  var byId = {};
  var maxN = Math.max.apply(null, nodes.map(function (n) { return n.events; }).concat([1]));
  var maxW = Math.max.apply(null, edges.map(function (e) { return e.weight; }));
  nodes.forEach(function (n, i) {
    var a = 2 * Math.PI * i / nodes.length;
    n.x = W / 2 + Math.cos(a) * W / 3; n.y = H / 2 + Math.sin(a) * H / 3; n.vx = 0; n.vy = 0;
    n.r = 7 + 18 * Math.sqrt(n.events / maxN);
    byId[n.id] = n;
  });
  var css = getComputedStyle(document.documentElement);
  var COOP = css.getPropertyValue("--q2").trim() || "#1b7837", CONF = css.getPropertyValue("--q4").trim() || "#b2182b";
  function colour(g) {
    if (g === null || g === undefined) return "#7b8794";
    return g >= 0 ? COOP : CONF;
  }
  function opacity(g) { return g === null || g === undefined ? 0.6 : 0.35 + 0.65 * Math.min(10, Math.abs(g)) / 10; }
  function open(changes) {
    var p = new URLSearchParams(filters);
    Object.keys(changes).forEach(function (k) { p.set(k, changes[k]); });
    window.location.href = "/events?" + p.toString();
  }
  function el(name, attrs, parent) {
    var e = document.createElementNS(NS, name);
    for (var k in attrs) e.setAttribute(k, attrs[k]);
    (parent || svg).appendChild(e);
    return e;
  }
  var defs = el("defs", {});
  var marker = el("marker", { id: "arrow", viewBox: "0 0 10 10", refX: "9", refY: "5", markerWidth: "9", markerHeight: "9", markerUnits: "userSpaceOnUse", orient: "auto-start-reverse" }, defs);
  el("path", { d: "M0,0 L10,5 L0,10 z", fill: "#7b8794" }, marker);
  var gEdges = el("g", { "class": "edges" }), gNodes = el("g", { "class": "nodes" });
  edges.forEach(function (e) {
    e.s = byId[e.source]; e.t = byId[e.target];
    // conflict-leaning edges are dashed as well as red: colour is never the only cue
    e.line = el("path", { "class": "edge" + (e.mean_goldstein < 0 ? " conflict" : ""), fill: "none", stroke: colour(e.mean_goldstein), "stroke-opacity": opacity(e.mean_goldstein),
                          "stroke-dasharray": e.mean_goldstein < 0 ? "6 3" : "none", "stroke-width": 1 + 6 * e.weight / maxW, "marker-end": "url(#arrow)",
                          "data-count": e.weight }, gEdges);
    var title = el("title", {}, e.line);
    title.textContent = e.s.label + " → " + e.t.label + ": " + e.weight + " events, mean Goldstein " + e.mean_goldstein + " (" + e.types.join(", ") + "); click for them";
    e.line.addEventListener("click", function () { open({ source: e.source, target: e.target }); });
  });
  nodes.forEach(function (n) {
    var label = n.label + ": " + n.events + " events (" + n.out + " as source, " + n["in"] + " as target)";
    n.g = el("g", { "class": "node", "data-id": n.id, "data-count": n.events, tabindex: "0", role: "link", "aria-label": label + ", open them" }, gNodes);
    el("circle", { r: n.r, fill: "#1f5fa8" }, n.g);
    var t = el("text", { x: n.r + 3, y: 4 }, n.g);
    t.textContent = n.label + " " + n.events;
    var title = el("title", {}, n.g);
    title.textContent = label + "; click for them";
    n.g.addEventListener("keydown", function (evt) {
      if (evt.key === "Enter" || evt.key === " ") { evt.preventDefault(); open({ actor: n.id }); }
    });
  });
  function step(alpha) {
    var i, j, a, b, dx, dy, d2, d, f;
    for (i = 0; i < nodes.length; i++) {
      a = nodes[i];
      for (j = i + 1; j < nodes.length; j++) {
        b = nodes[j]; dx = b.x - a.x; dy = b.y - a.y; d2 = dx * dx + dy * dy + 0.01; d = Math.sqrt(d2);
        f = alpha * 2400 / d2; a.vx -= f * dx / d; a.vy -= f * dy / d; b.vx += f * dx / d; b.vy += f * dy / d;
      }
      a.vx += (W / 2 - a.x) * 0.01 * alpha; a.vy += (H / 2 - a.y) * 0.01 * alpha;
    }
    edges.forEach(function (e) {
      if (e.s === e.t) return;
      dx = e.t.x - e.s.x; dy = e.t.y - e.s.y; d = Math.sqrt(dx * dx + dy * dy) + 0.01;
      f = (d - 150) * 0.02 * alpha; e.s.vx += f * dx / d; e.s.vy += f * dy / d; e.t.vx -= f * dx / d; e.t.vy -= f * dy / d;
    });
    nodes.forEach(function (n) {
      if (n.fixed) { n.vx = n.vy = 0; return; }
      n.vx *= 0.6; n.vy *= 0.6; n.x = Math.max(n.r + 2, Math.min(W - n.r - 60, n.x + n.vx)); n.y = Math.max(n.r + 2, Math.min(H - n.r - 2, n.y + n.vy));
    });
  }
  // stretch the settled layout over the whole drawing area (labels need room on the right)
  function fit() {
    var xs = nodes.map(function (n) { return n.x; }), ys = nodes.map(function (n) { return n.y; });
    var x0 = Math.min.apply(null, xs), x1 = Math.max.apply(null, xs), y0 = Math.min.apply(null, ys), y1 = Math.max.apply(null, ys);
    var m = 50, sx = (W - 2 * m - 80) / Math.max(x1 - x0, 1), sy = (H - 2 * m) / Math.max(y1 - y0, 1);
    nodes.forEach(function (n) {
      n.x = nodes.length > 1 ? m + (n.x - x0) * sx : W / 2;
      n.y = nodes.length > 1 ? m + (n.y - y0) * sy : H / 2;
    });
  }
  function draw() {
    edges.forEach(function (e) {
      var dx = e.t.x - e.s.x, dy = e.t.y - e.s.y, d = Math.sqrt(dx * dx + dy * dy) || 1;
      if (e.s === e.t) {
        var r = e.s.r;
        e.line.setAttribute("d", "M" + (e.s.x + r * 0.7) + "," + (e.s.y - r * 0.7) + " a" + r + "," + r + " 0 1,0 " + 0.01 + "," + (r * 1.4));
        return;
      }
      // curve a little so that A→B and B→A do not overlap
      var mx = (e.s.x + e.t.x) / 2 - dy * 0.12, my = (e.s.y + e.t.y) / 2 + dx * 0.12;
      var ex = e.t.x - dx / d * (e.t.r + 2), ey = e.t.y - dy / d * (e.t.r + 2);
      e.line.setAttribute("d", "M" + e.s.x + "," + e.s.y + " Q" + mx + "," + my + " " + ex + "," + ey);
    });
    nodes.forEach(function (n) { n.g.setAttribute("transform", "translate(" + n.x.toFixed(1) + "," + n.y.toFixed(1) + ")"); });
  }
  for (var k = 0; k < 300; k++) step(1 - k / 300);
  fit();
  draw();
  // dragging and clicking
  var drag = null, moved = false;
  function point(evt) {
    var pt = svg.createSVGPoint(); pt.x = evt.clientX; pt.y = evt.clientY;
    return pt.matrixTransform(svg.getScreenCTM().inverse());
  }
  nodes.forEach(function (n) {
    n.g.addEventListener("pointerdown", function (evt) { drag = n; moved = false; n.fixed = true; n.g.setPointerCapture(evt.pointerId); });
    n.g.addEventListener("pointermove", function (evt) {
      if (drag !== n) return; var p = point(evt); n.x = p.x; n.y = p.y; moved = true;
      for (var i = 0; i < 3; i++) step(0.3); draw();
    });
    n.g.addEventListener("pointerup", function () {
      drag = null;
      if (!moved) open({ actor: n.id });
    });
  });
  document.body.setAttribute("data-network", "ready");
})();
