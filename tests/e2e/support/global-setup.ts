import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import "./provided-context";


/** Asks the OS for a port nobody uses, so parallel runs and a dev server on 3000 do not collide. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

async function waitForServer(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with code ${child.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`server at ${url} did not answer within ${timeoutMs} ms`);
}

/**
 * Starts the production build (`npm run build` must have run: `npm run test:e2e` does it) on a free port with a
 * fresh SQLite file, migrated the same way `npm start` migrates.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const root = path.resolve(import.meta.dirname, "..", "..", "..");
  if (!fs.existsSync(path.join(root, ".next", "BUILD_ID"))) {
    throw new Error("no production build: run `npm run build` first (npm run test:e2e does)");
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "reachable-e2e-"));
  const databaseUrl = `file:${path.join(dir, "e2e.db")}`;
  const env = { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: "production" as const };
  execFileSync(path.join(root, "node_modules", ".bin", "prisma"), ["migrate", "deploy"], { cwd: root, env, stdio: "pipe" });

  const port = await freePort();
  const log = fs.openSync(path.join(dir, "server.log"), "a");
  const child = spawn(path.join(root, "node_modules", ".bin", "next"), ["start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    env: { ...env, PORT: String(port) },
    stdio: ["ignore", log, log],
    detached: true,
  });
  const baseURL = `http://127.0.0.1:${port}`;
  try {
    await waitForServer(`${baseURL}/api/health`, child, 60_000);
  } catch (error) {
    process.stderr.write(fs.readFileSync(path.join(dir, "server.log"), "utf8"));
    throw error;
  }
  project.provide("baseURL", baseURL);
  project.provide("databaseUrl", databaseUrl);

  return async () => {
    if (child.pid) process.kill(-child.pid, "SIGTERM");
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
