import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

export const repoRoot = path.resolve(import.meta.dirname, "..", "..", "..");

/** Asks the OS for a port nobody uses, so parallel runs and a dev server on 3000 do not collide. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
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

/** `stop("SIGKILL")` ends the server the way a crash or an OOM kill does: no shutdown code runs. */
export type RunningServer = { baseURL: string; stop: (signal?: NodeJS.Signals) => Promise<void> };

/**
 * Starts the production build on a free port against `databaseUrl` (already migrated). `env` adds variables,
 * e.g. REACHABLE_CLOCK_OFFSET_MS to run the same app "two days later".
 */
export async function startServer(options: {
  databaseUrl: string;
  logFile: string;
  env?: Record<string, string>;
}): Promise<RunningServer> {
  if (!fs.existsSync(path.join(repoRoot, ".next", "BUILD_ID"))) {
    throw new Error("no production build: run `npm run build` first (npm run test:e2e does)");
  }
  const port = await freePort();
  const log = fs.openSync(options.logFile, "a");
  const child = spawn(
    path.join(repoRoot, "node_modules", ".bin", "next"),
    ["start", "-p", String(port), "-H", "127.0.0.1"],
    {
      cwd: repoRoot,
      env: {
        ...process.env,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        DATABASE_URL: options.databaseUrl,
        PORT: String(port),
        ...options.env,
      },
      stdio: ["ignore", log, log],
      detached: true,
    },
  );
  const baseURL = `http://127.0.0.1:${port}`;
  try {
    await waitForServer(`${baseURL}/api/health`, child, 60_000);
  } catch (error) {
    if (child.pid) process.kill(-child.pid, "SIGTERM");
    process.stderr.write(fs.readFileSync(options.logFile, "utf8"));
    throw error;
  }
  return {
    baseURL,
    stop: async (signal: NodeJS.Signals = "SIGTERM") => {
      if (child.pid && child.exitCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        process.kill(-child.pid, signal);
        await exited;
      }
    },
  };
}
