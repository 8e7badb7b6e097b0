#!/usr/bin/env node
// Prints one plain closing line per Vitest JSON report ("unit: 774 passed, 0 failed"), the form CI reads.
import fs from "node:fs";

let failed = 0;
for (const name of ["unit", "postgres", "e2e"]) {
  const file = `test-results/${name}.json`;
  // The PostgreSQL run only happens where a server is configured (npm run test:postgres).
  if (name === "postgres" && !fs.existsSync(file)) {
    console.log("postgres: skipped (REACHABLE_TEST_POSTGRES_URL not set)");
    continue;
  }
  if (!fs.existsSync(file)) {
    console.log(`${name}: no report at ${file}`);
    failed += 1;
    continue;
  }
  const report = JSON.parse(fs.readFileSync(file, "utf8"));
  const passed = report.numPassedTests ?? 0;
  const failing = (report.numFailedTests ?? 0) + (report.numFailedTestSuites ?? 0);
  console.log(`${name}: ${passed} passed, ${failing} failed`);
  failed += failing;
}
process.exitCode = failed === 0 ? 0 : 1;
