// Copy the pinned npm packages' distribution files into the Python package, where the web UI
// serves them from /static/vendor/. The copies are committed, so running the UI needs neither npm
// nor a network (no CDN). Re-run after changing a version in package.json:
//   cd frontend && npm ci && npm run build
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const vendor = join(here, "..", "src", "allegiance", "web", "static", "vendor");
const modules = join(here, "node_modules");

// package → [file inside the package, name under vendor/]
const FILES = {
  cytoscape: [
    ["dist/cytoscape.min.js", "cytoscape.min.js"],
    ["LICENSE", "cytoscape.LICENSE.txt"],
  ],
  "topojson-client": [
    ["dist/topojson-client.min.js", "topojson-client.min.js"],
    ["LICENSE", "topojson-client.LICENSE.txt"],
  ],
  "world-atlas": [
    ["countries-110m.json", "countries-110m.json"],
    ["LICENSE", "world-atlas.LICENSE.txt"],
  ],
  // The OpenAPI page (/docs): FastAPI's default loads Swagger UI from a CDN with an inline script.
  "swagger-ui-dist": [
    ["swagger-ui-bundle.js", "swagger-ui-bundle.js"],
    ["swagger-ui.css", "swagger-ui.css"],
    ["LICENSE", "swagger-ui.LICENSE.txt"],
  ],
};

mkdirSync(vendor, { recursive: true });
const versions = {};
for (const [pkg, files] of Object.entries(FILES)) {
  versions[pkg] = JSON.parse(readFileSync(join(modules, pkg, "package.json"), "utf8")).version;
  for (const [from, to] of files) {
    copyFileSync(join(modules, pkg, from), join(vendor, to));
    console.log(`${pkg}@${versions[pkg]} ${from} -> vendor/${to}`);
  }
}
// Record what was copied, so a reader of the Python package knows the exact versions.
writeFileSync(join(vendor, "VERSIONS.json"), JSON.stringify(versions, null, 2) + "\n");
