// Offline map: the world outline (Natural Earth 110m, shipped as TopoJSON) and event locations, in SVG.
(function () {
  "use strict";
  var svg = document.getElementById("map");
  if (!svg) return;
  var NS = "http://www.w3.org/2000/svg", W = 960, H = 480;
  var points = JSON.parse(document.getElementById("map-data").textContent || "[]");
  var tip = document.getElementById("map-tip");
  function x(lon) { return (lon + 180) / 360 * W; }
  function y(lat) { return (90 - lat) / 180 * H; }  // plate carrée: simple and honest about distances
  function el(name, attrs, parent) {
    var e = document.createElementNS(NS, name);
    for (var k in attrs) e.setAttribute(k, attrs[k]);
    (parent || svg).appendChild(e);
    return e;
  }
  // Decode TopoJSON arcs (quantized, delta-encoded) into lon/lat rings.
  function decodeArcs(topo) {
    var sx = topo.transform.scale[0], sy = topo.transform.scale[1];
    var tx = topo.transform.translate[0], ty = topo.transform.translate[1];
    return topo.arcs.map(function (arc) {
      var a = 0, b = 0;
      return arc.map(function (p) { a += p[0]; b += p[1]; return [a * sx + tx, b * sy + ty]; });
    });
  }
  function ring(arcs, idxs) {
    var out = [];
    idxs.forEach(function (i) {
      var arc = i < 0 ? arcs[~i].slice().reverse() : arcs[i];
      arc.forEach(function (p, k) { if (k > 0 || !out.length) out.push(p); });
    });
    return out;
  }
  function pathOf(rings) {
    return rings.map(function (r) {
      // cut rings that cross the antimeridian into pieces, one per side, instead of drawing a line
      // across the map; the piece at the end of the ring continues the piece at its start
      var pieces = [[]];
      r.forEach(function (p, k) {
        if (k > 0 && Math.abs(p[0] - r[k - 1][0]) > 180) pieces.push([]);
        pieces[pieces.length - 1].push(p);
      });
      if (pieces.length > 1) pieces[0] = pieces.pop().concat(pieces[0]);
      return pieces.map(function (piece) {
        return piece.map(function (p, k) {
          return (k ? "L" : "M") + x(p[0]).toFixed(1) + "," + y(p[1]).toFixed(1);
        }).join("") + "Z";
      }).join("");
    }).join("");
  }
  function drawWorld(topo) {
    var arcs = decodeArcs(topo), g = el("g", { "class": "world" });
    for (var lon = -180; lon <= 180; lon += 30) el("line", { "class": "graticule", x1: x(lon), x2: x(lon), y1: 0, y2: H }, g);
    for (var lat = -60; lat <= 60; lat += 30) el("line", { "class": "graticule", x1: 0, x2: W, y1: y(lat), y2: y(lat) }, g);
    topo.objects.countries.geometries.forEach(function (geo) {
      var polys = geo.type === "Polygon" ? [geo.arcs] : geo.type === "MultiPolygon" ? geo.arcs : [];
      var rings = [];
      polys.forEach(function (poly) { poly.forEach(function (r) { rings.push(ring(arcs, r)); }); });
      if (!rings.length) return;
      var p = el("path", { "class": "country", d: pathOf(rings) }, g);
      var t = el("title", {}, p); t.textContent = (geo.properties && geo.properties.name) || "";
    });
    drawPoints();
  }
  // graded mean Goldstein: six classes with fixed colours (gaiko.css --g1..--g6), legend under the map
  function grade(g) {
    if (g === null || g === undefined) return "g0";
    return g < -5 ? "g1" : g < -2 ? "g2" : g < 0 ? "g3" : g < 2 ? "g4" : g < 5 ? "g5" : "g6";
  }
  var filters = JSON.parse((document.getElementById("map-filters") || {}).textContent || "{}");
  function eventsUrl(place) {
    var p = new URLSearchParams(filters); p.set("place", place); return "/events?" + p.toString();
  }
  // zoom and pan: the view box of the whole drawing moves; points are regrouped at each zoom level
  var view = { x: 0, y: 0, w: W, h: H }, layer = null, maxEvents = Math.max.apply(null, points.map(function (p) { return p.events; }).concat([1]));
  function setView(v) {
    v.w = Math.max(W / 32, Math.min(W, v.w)); v.h = v.w * H / W;
    v.x = Math.max(0, Math.min(W - v.w, v.x)); v.y = Math.max(0, Math.min(H - v.h, v.y));
    view = v; svg.setAttribute("viewBox", [v.x, v.y, v.w, v.h].map(function (n) { return n.toFixed(2); }).join(" "));
    drawPoints();
  }
  function zoom(f, cx, cy) {
    cx = cx === undefined ? view.x + view.w / 2 : cx; cy = cy === undefined ? view.y + view.h / 2 : cy;
    var w = view.w / f; setView({ x: cx - (cx - view.x) / f, y: cy - (cy - view.y) / f, w: w, h: w * H / W });
  }
  function toMap(evt) {
    var pt = svg.createSVGPoint(); pt.x = evt.clientX; pt.y = evt.clientY;
    return pt.matrixTransform(svg.getScreenCTM().inverse());
  }
  svg.addEventListener("wheel", function (evt) { evt.preventDefault(); var p = toMap(evt); zoom(evt.deltaY < 0 ? 1.4 : 1 / 1.4, p.x, p.y); }, { passive: false });
  var pan = null;
  svg.addEventListener("pointerdown", function (evt) { if (evt.target.closest("a, .cluster")) return; pan = { x: evt.clientX, y: evt.clientY, v: view }; });
  window.addEventListener("pointermove", function (evt) {
    if (!pan) return;
    var k = view.w / svg.getBoundingClientRect().width;
    setView({ x: pan.v.x - (evt.clientX - pan.x) * k, y: pan.v.y - (evt.clientY - pan.y) * k, w: pan.v.w, h: pan.v.h });
  });
  window.addEventListener("pointerup", function () { pan = null; });
  Array.prototype.forEach.call(document.querySelectorAll("[data-zoom]"), function (b) {
    b.addEventListener("click", function () {
      var z = b.getAttribute("data-zoom");
      if (z === "in") zoom(2); else if (z === "out") zoom(0.5); else setView({ x: 0, y: 0, w: W, h: H });
    });
  });
  // points closer than ~14 screen pixels are one cluster at this zoom
  function clusters() {
    var k = view.w / (svg.getBoundingClientRect().width || W), cell = 14 * k, out = [], grid = {};
    points.forEach(function (p) {
      var px = x(p.lon), py = y(p.lat), key = Math.floor(px / cell) + ":" + Math.floor(py / cell);
      if (!grid[key]) { grid[key] = { items: [], sx: 0, sy: 0 }; out.push(grid[key]); }
      grid[key].items.push(p); grid[key].sx += px * p.events; grid[key].sy += py * p.events;
    });
    out.forEach(function (c) {
      c.events = c.items.reduce(function (a, p) { return a + p.events; }, 0);
      c.x = c.sx / c.events; c.y = c.sy / c.events;
      var gs = c.items.filter(function (p) { return p.mean_goldstein !== null; });
      c.g = gs.length ? gs.reduce(function (a, p) { return a + p.mean_goldstein * p.events; }, 0) / gs.reduce(function (a, p) { return a + p.events; }, 0) : null;
    });
    return out;
  }
  function drawPoints() {
    if (layer) layer.remove();
    layer = el("g", { "class": "points" });
    var k = view.w / W, tipText;
    clusters().forEach(function (c) {
      var r = (3 + 12 * Math.sqrt(c.events / maxEvents)) * Math.sqrt(k) * 1.2, node, label;
      if (c.items.length === 1) {
        var p = c.items[0];
        label = p.place + (p.country ? " (" + p.country + ")" : "") + (p.centroid ? ", a country drawn at its centroid" : "") + ": " + p.events + " events, mean Goldstein " + p.mean_goldstein + " — " + (p.types || []).join(", ");
        node = el("a", { href: eventsUrl(p.place), "class": "place", "data-place": p.place, "data-count": p.events, "aria-label": label + "; open them" }, layer);
        var cls = "point " + grade(p.mean_goldstein) + (p.mean_goldstein < 0 ? " neg" : "") + (p.centroid ? " centroid" : "");
        if (p.centroid) el("rect", { "class": cls, x: x(p.lon) - r, y: y(p.lat) - r, width: 2 * r, height: 2 * r, "stroke-width": 1.5 * k }, node);
        else el("circle", { "class": cls, cx: x(p.lon), cy: y(p.lat), r: r, "stroke-width": k }, node);
      } else {
        label = c.items.length + " places, " + c.events + " events: " + c.items.map(function (p) { return p.place; }).slice(0, 6).join(", ") + (c.items.length > 6 ? "…" : "") + " (zoom in)";
        node = el("g", { "class": "cluster", tabindex: "0", role: "button", "data-count": c.events, "aria-label": label }, layer);
        el("circle", { "class": "point " + grade(c.g) + (c.g < 0 ? " neg" : ""), cx: c.x, cy: c.y, r: r * 1.15, "stroke-width": k }, node);
        var t = el("text", { x: c.x, y: c.y + 3.5 * k, "font-size": 10 * k, "text-anchor": "middle" }, node);
        t.textContent = c.events;
        var zoomIn = function () { zoom(3, c.x, c.y); };
        node.addEventListener("click", zoomIn);
        node.addEventListener("keydown", function (evt) { if (evt.key === "Enter" || evt.key === " ") { evt.preventDefault(); zoomIn(); } });
      }
      el("title", {}, node).textContent = label;
      node.addEventListener("mouseenter", function (evt) {
        tip.textContent = label; tip.hidden = false;
        var box = svg.getBoundingClientRect();
        tip.style.left = (evt.clientX - box.left + 12) + "px"; tip.style.top = (evt.clientY - box.top + 12) + "px";
      });
      node.addEventListener("mouseleave", function () { tip.hidden = true; });
    });
    document.body.setAttribute("data-map", "ready");
  }
  fetch("/static/vendor/countries-110m.json")
    .then(function (r) { if (!r.ok) throw new Error("world outline: HTTP " + r.status); return r.json(); })
    .then(drawWorld)
    .catch(function (err) { drawPoints(); console.error(err); });
})();
