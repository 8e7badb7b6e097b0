import http from "node:http";
import { logLine } from "./server-log";

// One JSON line per request (method, path, status, duration): installed once per server process from
// instrumentation.ts, at the HTTP server itself, so it sees every response, pages and 404s included, and the
// requests Next refuses before any route runs. The query string is left out (it may carry codes or tokens);
// no header or cookie value is logged.

const INSTALLED = Symbol.for("reachable.requestLog");

function pathOf(url: string | undefined): string {
  const path = (url ?? "").split("?")[0] ?? "";
  return path.length > 512 ? `${path.slice(0, 512)}…` : path;
}

// emit as a plain function of its server: the original is kept and called with whichever server emits.
type EmitOf = (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;

export function installRequestLog(): void {
  const proto = http.Server.prototype as unknown as { emit: EmitOf; [INSTALLED]?: true };
  if (proto[INSTALLED]) return;
  proto[INSTALLED] = true;
  const emit = proto.emit;
  proto.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]): boolean {
    if (event === "request") {
      const [request, response] = args as [http.IncomingMessage, http.ServerResponse];
      const started = process.hrtime.bigint();
      response.once("finish", () => {
        logLine("request", {
          method: request.method,
          path: pathOf(request.url),
          status: response.statusCode,
          durationMs: Math.round(Number(process.hrtime.bigint() - started) / 1e4) / 100,
        });
      });
    }
    return emit.call(this, event, ...args);
  };
}
