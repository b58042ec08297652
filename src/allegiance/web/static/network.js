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
      var cy = window.cytoscape({
        container: box,
        elements: { nodes: data.nodes, edges: data.edges },
        style: [
          { selector: "node", style: { "label": "data(label)", "font-size": 11, "background-color": "#1f5fa8",
            "width": "mapData(degree, 1, 10, 14, 40)", "height": "mapData(degree, 1, 10, 14, 40)",
            "text-valign": "bottom", "text-margin-y": 4, "color": "#1d232b" } },
          { selector: "edge", style: { "width": "mapData(weight, -10, 10, 6, 6)", "line-color": "#8a96a6",
            "curve-style": "bezier", "opacity": 0.8 } },
          { selector: "edge[sign < 0]", style: { "line-color": "#c8385a" } },
          { selector: "edge[sign > 0]", style: { "line-color": "#2f9a55" } },
          { selector: "edge[status = 'unknown']", style: { "line-style": "dashed" } }
        ],
        layout: { name: "cose", animate: false, padding: 40, idealEdgeLength: function () { return 140; },
                  nodeRepulsion: function () { return 400000; } },
        maxZoom: 1.3,  // a graph of a few actors would otherwise be blown up to fill the box
        minZoom: 0.2
      });
      cy.edges().forEach(function (e) { e.style("width", Math.min(10, 1.5 + Math.abs(e.data("weight")))); });
      cy.on("tap", "node", function (evt) {
        window.location.assign("/actors/" + encodeURIComponent(evt.target.id()));
      });
      box.setAttribute("data-ready", "true");
    })
    .catch(function (err) { box.textContent = "Could not load the network: " + err; });
})();
