// The signed actor graph with Cytoscape: red edges hostile, green cooperative, width = |score|.
"use strict";
(function () {
  var box = document.getElementById("network");
  if (!box) return;
  fetch(box.getAttribute("data-source"), { credentials: "same-origin" })
    .then(function (r) { return r.json(); })
    .then(function (data) {
      var summary = document.getElementById("network-summary");
      var s = data.summary;
      summary.textContent = s.actors + " actors, " + s.relations + " relations (" + s.hostile + " hostile, " +
        s.cooperative + " cooperative); triads " + s.triads + ", balanced " + s.balanced_triads + ".";
      if (!data.nodes.length) { box.textContent = "No relations yet."; box.classList.add("muted"); return; }
      // Collectives are per country or article ("x-civilians-afg", actors/scope.py) but share a
      // name: the label says whose, so two "civilians" nodes are not read as one.
      data.nodes.forEach(function (n) {
        var d = n.data;
        var m = String(d.id).match(/^x-(.*)-(doc-[0-9a-f]+|[a-z]{3})$/);
        // an unnamed participant has no stored name: its id's words are the phrase it was read from
        if (m && d.label === d.id) d.label = m[1].replace(/-/g, " ");
        var slug = String(d.label).toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
        if (m && m[1] === slug) d.label += m[2].indexOf("doc-") === 0 ? " (one article)" : " (" + m[2].toUpperCase() + ")";
      });
      var cy = window.cytoscape({
        container: box,
        elements: { nodes: data.nodes, edges: data.edges },
        style: [
          // labels on a light backing, wrapped and never below a legible size on screen
          { selector: "node", style: { "label": "data(label)", "font-size": 14, "background-color": "#1f5fa8",
            "width": "mapData(degree, 1, 10, 14, 40)", "height": "mapData(degree, 1, 10, 14, 40)",
            "text-valign": "bottom", "text-margin-y": 4, "color": "#1d232b", "text-wrap": "wrap",
            "text-max-width": 150, "text-background-color": "#ffffff", "text-background-opacity": 0.85,
            "text-background-padding": 2, "text-background-shape": "roundrectangle", "min-zoomed-font-size": 0 } },
          { selector: "edge", style: { "width": "mapData(weight, -10, 10, 6, 6)", "line-color": "#8a96a6",
            "curve-style": "bezier", "opacity": 0.8 } },
          { selector: "edge[sign < 0]", style: { "line-color": "#c8385a" } },
          { selector: "edge[sign > 0]", style: { "line-color": "#2f9a55" } },
          { selector: "edge[status = 'unknown']", style: { "line-style": "dashed" } }
        ],
        layout: { name: "cose", animate: false, padding: 40, idealEdgeLength: function () { return 110; },
                  nodeRepulsion: function () { return 120000; }, componentSpacing: 60 },
        maxZoom: 1.3,  // a graph of a few actors would otherwise be blown up to fill the box
        minZoom: 0.2
      });
      cy.edges().forEach(function (e) { e.style("width", Math.min(10, 1.5 + Math.abs(e.data("weight")))); });
      // Fitting a large graph into the box shrinks 14px labels to specks; below READABLE_ZOOM the
      // view starts on the busiest actor at a readable scale instead (scroll or pinch to see all).
      var READABLE_ZOOM = 0.8;
      if (cy.zoom() < READABLE_ZOOM) {
        var hub = cy.nodes().max(function (n) { return n.degree(); }).ele;
        cy.zoom(READABLE_ZOOM);
        cy.center(hub);
      }
      box.setAttribute("data-zoom", cy.zoom().toFixed(2));
      cy.on("tap", "node", function (evt) {
        window.location.assign("/actors/" + encodeURIComponent(evt.target.id()));
      });
      box.setAttribute("data-ready", "true");
    })
    .catch(function (err) { box.textContent = "Could not load the network: " + err; });
})();
