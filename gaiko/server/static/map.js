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
  function colour(g) {
    if (g === null || g === undefined) return "#6b7380";
    return g >= 0 ? "#2e8b57" : "#c0392b";
  }
  function drawPoints() {
    var g = el("g", { "class": "points" });
    var max = Math.max.apply(null, points.map(function (p) { return p.events; }).concat([1]));
    points.forEach(function (p) {
      var c = el("circle", { "class": "point", cx: x(p.lon), cy: y(p.lat), r: 3 + 12 * Math.sqrt(p.events / max), fill: colour(p.mean_goldstein) }, g);
      var label = p.place + (p.country ? " (" + p.country + ")" : "") + ": " + p.events + " events, mean Goldstein " + p.mean_goldstein + " — " + (p.types || []).join(", ");
      var t = el("title", {}, c); t.textContent = label;
      c.addEventListener("mouseenter", function (evt) {
        tip.textContent = label; tip.hidden = false;
        var box = svg.getBoundingClientRect();
        tip.style.left = (evt.clientX - box.left + 12) + "px"; tip.style.top = (evt.clientY - box.top + 12) + "px";
      });
      c.addEventListener("mouseleave", function () { tip.hidden = true; });
      c.addEventListener("click", function () { window.location.href = "/events/" + encodeURIComponent(p.example_event); });
    });
    document.body.setAttribute("data-map", "ready");
  }
  fetch("/static/vendor/countries-110m.json")
    .then(function (r) { if (!r.ok) throw new Error("world outline: HTTP " + r.status); return r.json(); })
    .then(drawWorld)
    .catch(function (err) { drawPoints(); console.error(err); });
})();
