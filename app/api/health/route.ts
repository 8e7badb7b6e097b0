import { db } from "@/lib/db/client";

export const dynamic = "force-dynamic";

/** Liveness plus a real round trip to the database, so a broken migration shows up here first. */
export async function GET(): Promise<Response> {
  try {
    await db().$queryRaw`SELECT 1`;
    return Response.json({ ok: true, database: "ok" });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return Response.json({ ok: false, database: message }, { status: 503 });
  }
}
