import { errorDetail, logLine } from "@/app/http/server-log";
import { db } from "@/lib/db/client";

export const dynamic = "force-dynamic";

/**
 * Liveness plus a real round trip to the database, so a broken migration shows up here first. The response
 * carries a status and a stable code only; what went wrong (paths, driver messages) goes to the server log.
 */
export async function GET(): Promise<Response> {
  try {
    await db().$queryRaw`SELECT 1`;
    return Response.json({ ok: true, database: "ok" });
  } catch (error) {
    logLine("health.database-unavailable", { detail: errorDetail(error) });
    return Response.json(
      { ok: false, database: "unavailable", code: "database-unavailable" },
      { status: 503 },
    );
  }
}
