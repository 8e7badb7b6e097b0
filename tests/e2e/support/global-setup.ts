import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import "./provided-context";
import { repoRoot, startServer } from "./server";

/**
 * One production server for the whole e2e run, on a free port with a fresh SQLite file migrated the same way
 * `npm start` migrates (`prisma migrate deploy`).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "reachable-e2e-"));
  const databaseUrl = `file:${path.join(dir, "e2e.db")}`;
  execFileSync(path.join(repoRoot, "node_modules", ".bin", "prisma"), ["migrate", "deploy"], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: "pipe",
  });
  const server = await startServer({ databaseUrl, logFile: path.join(dir, "server.log") });
  project.provide("baseURL", server.baseURL);
  project.provide("databaseUrl", databaseUrl);
  project.provide("e2eDir", dir);
  return async () => {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
