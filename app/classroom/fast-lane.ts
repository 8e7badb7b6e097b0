// The live classroom's two hot doors, served straight from Node's HTTP server instead of through Next's
// request pipeline: a player's answer (POST /classroom/api/<code>/answer) and the event stream
// (GET /classroom/api/<code>/events). Measured on this machine, a request that only reaches a route and is
// refused there cost about 7 ms of server CPU through Next (proxy, routing, web-stream response); a room of 1,000
// players answering within 3 s is then several seconds of CPU per question, and acknowledgements queued for
// tens of seconds. Here the same checks run by hand (same-site origin, a learner token the server issued, the
// join code, the sealed question id) and the game code is the same as every other classroom request's. Every
// other page and route still goes through Next. Installed once per server process from instrumentation.ts.
import http from "node:http";
import { serverNow } from "@/app/clock";
import { errorDetail, logLine } from "@/app/http/server-log";
import { INTERNAL_ERROR_CODE } from "@/app/http/json-route";
import { LEARNER_COOKIE } from "@/app/learner-cookie";
import { isIssuedLearnerToken } from "@/app/security/learner-session";
import { openQuestionId, UNKNOWN_QUESTION } from "@/app/security/question-token";
import { isForeignOrigin } from "@/app/security/request-checks";
import { learnerIdForToken } from "@/lib/db/learners";
import { answerGame, connectGame, type LiveFrame } from "./classroom-game";
import { classroomLimits } from "./classroom-limits";
import { identityOfToken } from "./token-identity";
import { AnswerBodySchema, joinCodeSchema } from "./schema";

const INSTALLED = Symbol.for("reachable.classroomFastLane");
const PATH = /^\/classroom\/api\/([^/?#]+)\/(answer|events)\/?(?:\?(.*))?$/;
/** An answer is a sealed id and a few option ids; anything much larger is not one. */
const MAX_ANSWER_BYTES = 4096;
/** Keeps proxies and load balancers from closing a quiet stream between questions. */
const HEARTBEAT_MS = 20_000;
/** How soon EventSource reconnects after a drop (it sends Last-Event-ID and gets what it missed). */
const RETRY_MS = 1_000;
/** A stream whose client stopped reading is cut past this much unsent text; it resumes from its last event. */
const MAX_UNSENT_BYTES = 1 << 20;

export type FastRoute = { readonly kind: "answer" | "events"; readonly code: string; readonly query: string };

/** Which of the two doors a request is for, from its method and URL; null for everything else. */
export function fastRouteOf(method: string | undefined, url: string | undefined): FastRoute | null {
  if (url === undefined || !url.startsWith("/classroom/api/")) return null;
  const match = PATH.exec(url);
  if (match === null) return null;
  const kind = match[2] === "answer" ? "answer" : "events";
  if ((kind === "answer" && method !== "POST") || (kind === "events" && method !== "GET")) return null;
  let code: string;
  try {
    code = decodeURIComponent(match[1] ?? "");
  } catch {
    return null; // broken %-encoding: Next's proxy refuses it
  }
  return { kind, code, query: match[3] ?? "" };
}

/** The request's headers as a fetch Headers, for the checks the proxy and routes share. */
function headersOf(request: http.IncomingMessage): Headers {
  const headers = new Headers();
  for (const name of ["origin", "sec-fetch-site", "host", "x-forwarded-host", "x-real-ip", "last-event-id"]) {
    const value = request.headers[name];
    if (typeof value === "string") headers.set(name, value);
  }
  // As Next does: the socket's address when no proxy in front set X-Forwarded-For.
  const forwarded = request.headers["x-forwarded-for"];
  const address = typeof forwarded === "string" ? forwarded : request.socket.remoteAddress;
  if (address !== undefined) headers.set("x-forwarded-for", address);
  return headers;
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  if (header === undefined) return undefined;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      const value = part.slice(eq + 1).trim();
      try {
        return decodeURIComponent(value);
      } catch {
        return value;
      }
    }
  }
  return undefined;
}

function sendJson(
  response: http.ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(text),
    "cache-control": "no-store",
    ...headers,
  });
  response.end(text);
}

function tooMany(response: http.ServerResponse, retryAfterMs: number): void {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  sendJson(
    response,
    429,
    {
      error: `joinCode: too many attempts from your address; try again in ${seconds} s`,
      code: "rate-limited",
    },
    { "retry-after": String(seconds) },
  );
}

/** The learner of the request, from a token this server issued; null for none, a forged or an unknown one. */
async function learnerOf(request: http.IncomingMessage): Promise<string | null> {
  const token = cookieValue(request.headers.cookie, LEARNER_COOKIE);
  if (token === undefined || !(await isIssuedLearnerToken(token))) return null;
  return learnerIdForToken(token);
}

function readBody(request: http.IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        resolve(null);
        request.removeAllListeners("data");
        request.resume();
      } else chunks.push(chunk);
    });
    request.on("end", () => {
      resolve(Buffer.concat(chunks).toString("utf8"));
    });
    request.on("error", reject);
  });
}

function joinCodeIssue(issues: readonly { readonly message: string }[]): string {
  return `joinCode: ${issues.map((issue) => issue.message).join("; ")}`;
}

/** POST /classroom/api/<code>/answer with { questionId, optionIds }: acknowledged once the answer is on disk. */
async function answer(route: FastRoute, request: http.IncomingMessage, response: http.ServerResponse) {
  const now = serverNow();
  const headers = headersOf(request);
  if (isForeignOrigin("POST", headers)) {
    sendJson(response, 403, {
      error: "origin: requests from another site are refused",
      code: "foreign-origin",
    });
    return;
  }
  const learnerId = await learnerOf(request);
  if (learnerId === null) {
    sendJson(response, 403, { error: "joinCode: join this game first (/classroom/join)" });
    return;
  }
  const code = joinCodeSchema.safeParse(route.code);
  if (!code.success) {
    sendJson(response, 400, { error: joinCodeIssue(code.error.issues) });
    return;
  }
  const text = await readBody(request, MAX_ANSWER_BYTES);
  if (text === null) {
    sendJson(response, 413, { error: "body: an answer is a question id and option ids" });
    return;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    sendJson(response, 400, { error: "body: expected a JSON object" });
    return;
  }
  const parsed = AnswerBodySchema.safeParse(json);
  if (!parsed.success) {
    const error = parsed.error.issues
      .map(
        (issue) => `${issue.path.length > 0 ? issue.path.map(String).join(".") : "body"}: ${issue.message}`,
      )
      .join("; ");
    sendJson(response, 400, { error });
    return;
  }
  // The sealed id opens only in this game and for the learner it was shown to.
  const opened = openQuestionId(parsed.data.questionId, {
    kind: "classroom",
    joinCode: code.data,
    learnerId,
  });
  if (!opened.ok) {
    sendJson(response, 409, { error: `questionId: ${UNKNOWN_QUESTION}` });
    return;
  }
  const outcome = await answerGame(
    learnerId,
    {
      action: "answer",
      joinCode: code.data,
      questionId: opened.questionId,
      optionIds: parsed.data.optionIds,
    },
    now,
  );
  if (outcome.ok) sendJson(response, 200, outcome.value);
  else sendJson(response, outcome.status, { error: outcome.error });
}

/**
 * GET /classroom/api/<code>/events: the game's push channel as Server-Sent Events, a "sync" view first (or, on
 * a reconnect, exactly the events missed since Last-Event-ID), then each change meant for this viewer.
 */
async function events(route: FastRoute, request: http.IncomingMessage, response: http.ServerResponse) {
  const now = serverNow();
  const headers = headersOf(request);
  const address = headers.get("x-forwarded-for")?.split(",")[0]?.trim() || "unknown";
  const { misses } = classroomLimits();
  if (!misses.allows(address, now.getTime())) {
    tooMany(response, misses.retryAfterMs(address, now.getTime()));
    return;
  }
  const code = joinCodeSchema.safeParse(route.code);
  if (!code.success) {
    misses.hit(address, now.getTime());
    sendJson(response, 400, { error: joinCodeIssue(code.error.issues) });
    return;
  }
  const learnerId = await learnerOf(request);
  if (learnerId === null) {
    misses.hit(address, now.getTime());
    sendJson(response, 403, { error: "joinCode: join this game first (/classroom/join)" });
    return;
  }
  const lastEventId = headers.get("last-event-id") ?? new URLSearchParams(route.query).get("lastEventId");
  let open = false;
  const queued: string[] = [];
  const write = (text: string) => {
    if (!open) {
      queued.push(text);
      return;
    }
    if (response.writableLength > MAX_UNSENT_BYTES) {
      // The client stopped reading: cut it off; its EventSource comes back with Last-Event-ID.
      response.destroy();
      return;
    }
    response.write(text);
  };
  const send = (frame: LiveFrame) => {
    write(`id: ${frame.id}\nevent: ${frame.type}\ndata: ${frame.json}\n\n`);
  };
  const token = cookieValue(request.headers.cookie, LEARNER_COOKIE) ?? "";
  const connected = await connectGame(learnerId, code.data, lastEventId, send, now, () =>
    identityOfToken(token, now),
  );
  if (!connected.ok) {
    if (connected.status === 404 || connected.status === 403) misses.hit(address, now.getTime());
    sendJson(response, connected.status, { error: connected.error });
    return;
  }
  if (response.destroyed || request.socket.destroyed) {
    connected.value.unsubscribe();
    return;
  }
  request.socket.setNoDelay(true);
  response.writeHead(200, {
    "content-type": "text/event-stream; charset=utf-8",
    "cache-control": "no-store, no-transform",
    connection: "keep-alive",
    "x-accel-buffering": "no",
  });
  open = true;
  response.write(`retry: ${RETRY_MS}\n\n${queued.splice(0).join("")}`);
  const heartbeat = setInterval(() => {
    write(": ping\n\n");
  }, HEARTBEAT_MS);
  heartbeat.unref();
  response.on("close", () => {
    clearInterval(heartbeat);
    connected.value.unsubscribe();
  });
}

async function serve(route: FastRoute, request: http.IncomingMessage, response: http.ServerResponse) {
  try {
    if (route.kind === "answer") await answer(route, request, response);
    else await events(route, request, response);
  } catch (error) {
    logLine("route.error", {
      method: request.method,
      path: `/classroom/api/${route.code}/${route.kind}`,
      detail: errorDetail(error),
    });
    if (!response.headersSent)
      sendJson(response, 500, {
        error: "the server could not handle this request; try again",
        code: INTERNAL_ERROR_CODE,
      });
    else response.destroy();
  }
}

type EmitOf = (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;

/** Serves the two doors in every HTTP server of this process; everything else goes on to Next. */
export function installClassroomFastLane(): void {
  const proto = http.Server.prototype as unknown as { emit: EmitOf; [INSTALLED]?: true };
  if (proto[INSTALLED]) return;
  proto[INSTALLED] = true;
  const emit = proto.emit;
  proto.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]): boolean {
    if (event === "request") {
      const [request, response] = args as [http.IncomingMessage, http.ServerResponse];
      const route = fastRouteOf(request.method, request.url);
      if (route !== null) {
        void serve(route, request, response);
        return true;
      }
    }
    return emit.call(this, event, ...args);
  };
}
