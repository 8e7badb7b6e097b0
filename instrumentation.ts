/** Runs once when the server starts (Next.js instrumentation hook): serve the classroom's answers and event streams
 * directly (app/classroom/fast-lane.ts) and install the per-request JSON log. */
export async function register(): Promise<void> {
  if (process.env["NEXT_RUNTIME"] !== "nodejs") return;
  // The classroom's hot doors first, so the request log (installed after, around it) still sees them.
  const { installClassroomFastLane } = await import("./app/classroom/fast-lane");
  installClassroomFastLane();
  const { installRequestLog } = await import("./app/http/request-log");
  installRequestLog();
}
