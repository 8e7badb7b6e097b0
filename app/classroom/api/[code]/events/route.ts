import { serverNow } from "@/app/clock";
import { learnerIdOfRequest } from "@/app/current-learner";
import { badRequest } from "@/app/http/json-body";
import { jsonRoute, replyWith } from "@/app/http/json-route";
import { clientAddress } from "@/app/security/rate-limiter";
import { connectGame, type LiveFrame } from "../../../classroom-game";
import { classroomLimits, tooManyRequests } from "../../../classroom-limits";
import { joinCodeSchema } from "../../../schema";

export const dynamic = "force-dynamic";

/** Keeps proxies and load balancers from closing a quiet stream between questions. */
const HEARTBEAT_MS = 20_000;
/** How soon EventSource reconnects after a drop (it sends Last-Event-ID and gets what it missed). */
const RETRY_MS = 1_000;

/**
 * The game's push channel as Server-Sent Events: a "sync" view first (or, on a reconnect, exactly the events
 * missed since Last-Event-ID), then each change meant for this viewer. One-way; answers go to POST /classroom/api.
 */
export const GET = jsonRoute(
  async (request: Request, { params }: { params: Promise<{ code: string }> }): Promise<Response> => {
    const now = serverNow();
    const address = clientAddress(request.headers);
    const { misses } = classroomLimits();
    if (!misses.allows(address, now.getTime()))
      return tooManyRequests("joinCode", misses.retryAfterMs(address, now.getTime()));
    const code = joinCodeSchema.safeParse((await params).code);
    if (!code.success) {
      misses.hit(address, now.getTime());
      return badRequest(code.error.issues.map((issue) => ({ ...issue, path: ["joinCode", ...issue.path] })));
    }
    const learner = { id: await learnerIdOfRequest() };
    const lastEventId =
      request.headers.get("last-event-id") ?? new URL(request.url).searchParams.get("lastEventId");
    const encoder = new TextEncoder();
    let controller: ReadableStreamDefaultController<Uint8Array> | null = null;
    const queued: string[] = [];
    const write = (text: string) => {
      if (controller === null) queued.push(text);
      else {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          // The stream is closing: its cancel/abort handler unsubscribes.
        }
      }
    };
    const send = (frame: LiveFrame) =>
      write(`id: ${frame.id}\nevent: ${frame.type}\ndata: ${frame.json}\n\n`);
    const connected = await connectGame(learner.id, code.data, lastEventId, send, now);
    if (!connected.ok) {
      if (connected.status === 404 || connected.status === 403) misses.hit(address, now.getTime());
      return replyWith(connected);
    }
    let heartbeat: ReturnType<typeof setInterval> | null = null;
    const stop = () => {
      connected.value.unsubscribe();
      if (heartbeat !== null) clearInterval(heartbeat);
      heartbeat = null;
    };
    request.signal.addEventListener("abort", () => {
      stop();
      try {
        controller?.close();
      } catch {
        // already closed
      }
    });
    const stream = new ReadableStream<Uint8Array>({
      start(streamController) {
        controller = streamController;
        streamController.enqueue(encoder.encode(`retry: ${RETRY_MS}\n\n${queued.splice(0).join("")}`));
        heartbeat = setInterval(() => write(": ping\n\n"), HEARTBEAT_MS);
      },
      cancel() {
        stop();
      },
    });
    return new Response(stream, {
      headers: {
        "content-type": "text/event-stream; charset=utf-8",
        "cache-control": "no-store, no-transform",
        connection: "keep-alive",
        "x-accel-buffering": "no",
      },
    });
  },
);
