// Offline world map: country outlines from world-atlas (TopoJSON, via topojson-client) drawn as
// SVG in an equirectangular projection, with located events as dots coloured by PLOVER category.
// Nearby events are drawn as one cluster (its count on it) that splits up as one zooms in; the
// legend switches categories on and off and a select keeps one period (mapcluster.js does the
// grouping and filtering). No tile server and no CDN; all data come from this server.
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
    events.forEach(function (e) { e.x = x(e.lon); e.y = y(e.lat); });
    var M = window.AllegianceMap;
    var hidden = {};            // categories switched off in the legend
    var view = { x: 0, y: 0, w: W, h: H };
    var RADIUS_PX = 14;         // points closer than this on screen share one cluster
    var dots = el("g", {});
    svg.appendChild(dots);
    var periodSelect = document.getElementById("map-period");
    var periodKind = periodSelect.getAttribute("data-kind") || "month";
    M.periods(events, periodKind).forEach(function (p) {
      var o = document.createElement("option");
      o.value = p;
      o.textContent = p;
      periodSelect.appendChild(o);
    });

    function zoomTo(cx, cy, factor) {
      var w = Math.max(W / 64, view.w / factor), h = w * H / W;
      view = { x: Math.min(Math.max(0, cx - w / 2), W - w), y: Math.min(Math.max(0, cy - h / 2), H - h), w: w, h: h };
      svg.setAttribute("viewBox", [view.x, view.y, view.w, view.h].map(function (v) { return v.toFixed(2); }).join(" "));
      draw();
    }

    function dot(e, scale) {
      var a = el("a", { href: "/documents/" + encodeURIComponent(e.document) + "?event=" + encodeURIComponent(e.id) + "#evidence" });
      var c = el("circle", { cx: e.x.toFixed(2), cy: e.y.toFixed(2), r: (4 * scale).toFixed(2), fill: colour[e.event],
                             "class": "point", "stroke-width": (0.8 * scale).toFixed(2) });
      var t = el("title", {});
      t.textContent = e.event + " · " + (e.place || "") + " · " + (e.day || "") + " (" + e.certainty + ")";
      c.appendChild(t);
      a.appendChild(c);
      return a;
    }

    function group(cl, scale) {
      // a cluster: a disc sized by its count, the count on it, a tooltip with the counts by
      // category; a click zooms in on it, where it splits into its points
      var g = el("g", { "class": "cluster", tabindex: 0, role: "button" });
      var n = cl.members.length;
      var byCat = {};
      cl.members.forEach(function (e) { byCat[e.event] = (byCat[e.event] || 0) + 1; });
      var top = Object.keys(byCat).sort(function (a, b) { return byCat[b] - byCat[a]; });
      g.appendChild(el("circle", { cx: cl.x.toFixed(2), cy: cl.y.toFixed(2), r: ((7 + 2.2 * Math.sqrt(n)) * scale).toFixed(2),
                                   fill: colour[top[0]], "class": "cluster-disc", "stroke-width": (1.2 * scale).toFixed(2) }));
      var label = el("text", { x: cl.x.toFixed(2), y: (cl.y + 3.6 * scale).toFixed(2), "font-size": (10 * scale).toFixed(2),
                               "class": "cluster-count", "text-anchor": "middle" });
      label.textContent = String(n);
      g.appendChild(label);
      var t = el("title", {});
      var places = Array.from(new Set(cl.members.map(function (e) { return e.place; }).filter(Boolean))).slice(0, 4);
      t.textContent = n + " events · " + top.map(function (c) { return c + " " + byCat[c]; }).join(", ") +
        (places.length ? " · " + places.join(", ") : "") + " — click to zoom in";
      g.appendChild(t);
      function open() { zoomTo(cl.x, cl.y, 4); }
      g.addEventListener("click", open);
      g.addEventListener("keydown", function (ev) { if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); open(); } });
      return g;
    }

    function sameSpot(cl) {
      return cl.members.every(function (e) { return Math.abs(e.x - cl.x) < 0.01 && Math.abs(e.y - cl.y) < 0.01; });
    }

    function spread(cl, scale) {
      // events of one place, zoomed in: laid on a small ring around it so each can be opened
      var n = cl.members.length, ring = (6 + 1.5 * n) * scale;
      dots.appendChild(el("circle", { cx: cl.x.toFixed(2), cy: cl.y.toFixed(2), r: ring.toFixed(2), "class": "spread-ring",
                                      "stroke-width": (0.6 * scale).toFixed(2) }));
      cl.members.forEach(function (e, i) {
        var angle = 2 * Math.PI * i / n;
        var at = { x: cl.x + ring * Math.cos(angle), y: cl.y + ring * Math.sin(angle) };
        dots.appendChild(dot(Object.assign({}, e, at), scale));
      });
    }

    function draw() {
      while (dots.firstChild) dots.removeChild(dots.firstChild);
      var scale = view.w / W;  // map units per screen-sized unit at this zoom
      var shown = M.keep(events, periodSelect.value, periodKind, hidden);
      var clusters = M.cluster(shown, RADIUS_PX * scale);
      clusters.forEach(function (cl) {
        if (cl.members.length === 1) dots.appendChild(dot(cl.members[0], scale));
        else if (scale <= 0.25 && sameSpot(cl)) spread(cl, scale);  // zooming cannot split these
        else dots.appendChild(group(cl, scale));
      });
      var grouped = clusters.filter(function (c) { return c.members.length > 1; }).length;
      status.textContent = shown.length + " of " + events.length + " located event(s) shown" +
        (grouped ? ", " + grouped + " cluster(s) of nearby events (click one to zoom in)" : "") + ".";
    }

    var legend = document.getElementById("map-legend");
    categories.forEach(function (c) {
      var item = document.createElement("button");
      item.type = "button";
      item.className = "key";
      item.style.background = colour[c];
      item.style.color = "#fff";
      item.textContent = c;
      item.setAttribute("aria-pressed", "true");
      item.title = "show or hide " + c;
      item.addEventListener("click", function () {
        hidden[c] = !hidden[c];
        item.setAttribute("aria-pressed", hidden[c] ? "false" : "true");
        item.classList.toggle("off", !!hidden[c]);
        draw();
      });
      legend.appendChild(item);
      legend.appendChild(document.createTextNode(" "));
    });
    periodSelect.addEventListener("change", draw);
    document.getElementById("map-reset").addEventListener("click", function () {
      view = { x: 0, y: 0, w: W, h: H };
      svg.setAttribute("viewBox", "0 0 " + W + " " + H);
      draw();
    });
    draw();
    box.setAttribute("data-ready", "true");
  }).catch(function (err) { status.textContent = "Could not load the map: " + err; });
})();
