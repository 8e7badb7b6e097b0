// The production server (`next start` on the last `npm run build`) against a fresh, migrated SQLite file, for
// the suites of `npm run bench` that drive it (bench/web.ts, bench/lab-browser.ts).
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export type BenchServer = {
  baseURL: string;
  child: ChildProcess;
  /** The SQLite file the server writes. */
  file: string;
  /** Stops the server and removes its database. */
  stop(): void;
};

/** Whether `npm run build` left a production build to start (the suites skip themselves without one). */
export const hasBuild = (root: string): boolean => fs.existsSync(path.join(root, ".next", "BUILD_ID"));

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

export async function startServer(root: string, name: string): Promise<BenchServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `reachable-bench-${name}-`));
  const file = path.join(dir, "bench.db");
  const databaseUrl = `file:${file}`;
  execFileSync(path.join(root, "node_modules", ".bin", "prisma"), ["migrate", "deploy"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: "pipe",
  });
  const port = await freePort();
  const log = fs.openSync(path.join(dir, "server.log"), "a");
  const child = spawn(
    path.join(root, "node_modules", ".bin", "next"),
    ["start", "-p", String(port), "-H", "127.0.0.1"],
    {
      cwd: root,
      env: {
        ...process.env,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        DATABASE_URL: databaseUrl,
      },
      stdio: ["ignore", log, log],
      detached: true,
    },
  );
  const stop = () => {
    if (child.pid && child.exitCode === null) process.kill(-child.pid, "SIGTERM");
    fs.rmSync(dir, { recursive: true, force: true });
  };
  const baseURL = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      stop();
      throw new Error(`next start exited with code ${child.exitCode}`);
    }
    try {
      if ((await fetch(`${baseURL}/api/health`)).ok) return { baseURL, child, file, stop };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  stop();
  throw new Error("the production server did not start within 90 s");
}
