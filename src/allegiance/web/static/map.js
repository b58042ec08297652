// Offline world map: country outlines from world-atlas (TopoJSON, via topojson-client) drawn as
// SVG in an equirectangular projection, with located events as dots coloured by PLOVER category.
// No tile server and no CDN; all data come from this server.
"use strict";
(function () {
  var box = document.getElementById("map");
  if (!box) return;
  var svg = document.getElementById("map-svg");
  var NS = "http://www.w3.org/2000/svg";
  var W = 960, H = 500;
  // Fixed colours for the PLOVER 2.0 categories (conflict warm, cooperation cool); others cycle.
  var CATEGORY_COLOURS = {
    ASSAULT: "#c8385a", COERCE: "#d9822b", THREATEN: "#b38600", MOBILIZE: "#a0522d", SANCTION: "#9333ea",
    PROTEST: "#e0559b", ACCUSE: "#dc2626", REJECT: "#7c3aed", REQUEST: "#0284c7", RETREAT: "#64748b",
    CONCEDE: "#0f8b8d", AID: "#2f9a55", COOPERATE: "#1f5fa8", SUPPORT: "#65a30d", CONSULT: "#38bdf8",
    AGREE: "#4d7c0f"
  };
  var PALETTE = ["#c8385a", "#1f5fa8", "#2f9a55", "#d9822b", "#6a55c8", "#0f8b8d", "#a0522d", "#b38600",
                 "#e0559b", "#4d7c0f", "#7c3aed", "#334155", "#dc2626", "#0284c7", "#65a30d", "#9333ea"];
  function x(lon) { return (lon + 180) / 360 * W; }
  function y(lat) { return (90 - lat) / 180 * H; }
  function el(name, attrs) {
    var node = document.createElementNS(NS, name);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    return node;
  }
  function ringPath(ring) {
    // Unwrap rings that cross the antimeridian (Russia, Fiji): shift by 360 degrees at each jump so
    // the shape continues past the map edge (the SVG clips it) instead of striping across the map.
    var d = "", prev = null, shift = 0;
    ring.forEach(function (p) {
      if (prev !== null && p[0] - prev > 180) shift -= 360;
      if (prev !== null && p[0] - prev < -180) shift += 360;
      d += (d === "" ? "M" : "L") + x(p[0] + shift).toFixed(1) + "," + y(p[1]).toFixed(1);
      prev = p[0];
    });
    return d + "Z";
  }
  function geometryPath(g) {
    if (!g) return "";
    var polys = g.type === "Polygon" ? [g.coordinates] : g.type === "MultiPolygon" ? g.coordinates : [];
    return polys.map(function (poly) { return poly.map(ringPath).join(""); }).join("");
  }
  svg.appendChild(el("rect", { x: 0, y: 0, width: W, height: H, "class": "sphere" }));
  var status = document.getElementById("map-status");
  Promise.all([
    fetch(box.getAttribute("data-atlas"), { credentials: "same-origin" }).then(function (r) { return r.json(); }),
    fetch(box.getAttribute("data-source"), { credentials: "same-origin" }).then(function (r) { return r.json(); })
  ]).then(function (loaded) {
    var world = loaded[0], events = loaded[1].items;
    var countries = window.topojson.feature(world, world.objects.countries).features;
    var land = el("g", {});
    countries.forEach(function (f) {
      var path = el("path", { d: geometryPath(f.geometry), "class": "country" });
      var title = el("title", {});
      title.textContent = (f.properties && f.properties.name) || "";
      path.appendChild(title);
      land.appendChild(path);
    });
    svg.appendChild(land);
    var categories = Array.from(new Set(events.map(function (e) { return e.event; }))).sort();
    var colour = {};
    categories.forEach(function (c, i) { colour[c] = CATEGORY_COLOURS[c] || PALETTE[i % PALETTE.length]; });
    var dots = el("g", {});
    events.forEach(function (e) {
      var a = el("a", { href: "/documents/" + encodeURIComponent(e.document) + "?event=" + encodeURIComponent(e.id) + "#evidence" });
      var c = el("circle", { cx: x(e.lon).toFixed(1), cy: y(e.lat).toFixed(1), r: 4, fill: colour[e.event], "class": "point" });
      var t = el("title", {});
      t.textContent = e.event + " · " + (e.place || "") + " · " + (e.day || "") + " (" + e.certainty + ")";
      c.appendChild(t);
      a.appendChild(c);
      dots.appendChild(a);
    });
    svg.appendChild(dots);
    var legend = document.getElementById("map-legend");
    categories.forEach(function (c) {
      var item = document.createElement("span");
      item.className = "key";
      item.style.background = colour[c];
      item.style.color = "#fff";
      item.textContent = c;
      legend.appendChild(item);
      legend.appendChild(document.createTextNode(" "));
    });
    status.textContent = events.length + " located event(s) shown.";
    box.setAttribute("data-ready", "true");
  }).catch(function (err) { status.textContent = "Could not load the map: " + err; });
})();
