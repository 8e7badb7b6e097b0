import { errorDetail, logLine } from "./server-log";

// The one convention for the app's JSON routes. A route's service returns an Outcome; `replyWith` turns it into
// the response (200 with the value, or the status with `{ error }`, the field named first); `jsonRoute` wraps
// the handler so that a bug answers 500 with a stable code and no stack, and the detail goes to the server log.

export type Refusal = {
  readonly ok: false;
  readonly status: number;
  /** `field: what is wrong`, shown to the learner as it is. */
  readonly error: string;
  /** The session ended meanwhile (practice and exam), so the page reloads instead of retrying. */
  readonly finished?: boolean;
};

export type Outcome<T> = { readonly ok: true; readonly value: T } | Refusal;

export function refuse(status: number, error: string): Refusal {
  return { ok: false, status, error };
}

export function replyWith<T>(outcome: Outcome<T>, init: ResponseInit = {}): Response {
  if (outcome.ok) return Response.json(outcome.value, init);
  return Response.json(
    { error: outcome.error, ...(outcome.finished === undefined ? {} : { finished: outcome.finished }) },
    { ...init, status: outcome.status },
  );
}

export const INTERNAL_ERROR_CODE = "internal-error";

export function jsonRoute<Args extends unknown[]>(
  handler: (request: Request, ...args: Args) => Promise<Response>,
): (request: Request, ...args: Args) => Promise<Response> {
  return async (request, ...args) => {
    try {
      return await handler(request, ...args);
    } catch (error) {
      logLine("route.error", {
        method: request.method,
        path: new URL(request.url).pathname,
        detail: errorDetail(error),
      });
      return Response.json(
        { error: "the server could not handle this request; try again", code: INTERNAL_ERROR_CODE },
        { status: 500 },
      );
    }
  };
}
