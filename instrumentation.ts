/** Runs once when the server starts (Next.js instrumentation hook): install the per-request JSON log. */
export async function register(): Promise<void> {
  if (process.env["NEXT_RUNTIME"] !== "nodejs") return;
  const { installRequestLog } = await import("./app/http/request-log");
  installRequestLog();
}
