// Swagger UI for /openapi.json, from the vendored bundle (no CDN, no inline script).
"use strict";
window.addEventListener("load", function () {
  var node = document.getElementById("swagger-ui");
  window.SwaggerUIBundle({ url: node.getAttribute("data-spec"), domNode: node, deepLinking: true });
});
