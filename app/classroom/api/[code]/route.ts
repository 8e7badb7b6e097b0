import { serverNow } from "@/app/clock";
import { badRequest } from "@/app/http/json-body";
import { jsonRoute, replyWith } from "@/app/http/json-route";
import { clientAddress } from "@/app/security/rate-limiter";
import { viewForBrowser, viewGame } from "../../classroom-game";
import { classroomLimits, tooManyRequests } from "../../classroom-limits";
import { classroomIdentity } from "../../identity";
import { joinCodeSchema } from "../../schema";

export const dynamic = "force-dynamic";

/**
 * The poll: the caller's view of the game (teacher or player), about once a second. Codes that lead nowhere
 * (no such game, or not yours) count against the caller's address, so join codes cannot be probed quickly.
 */
export const GET = jsonRoute(
  async (request: Request, { params }: { params: Promise<{ code: string }> }): Promise<Response> => {
    const now = serverNow();
    const address = clientAddress(request.headers);
    const { misses } = classroomLimits();
    if (!misses.allows(address, now.getTime()))
      return tooManyRequests("joinCode", misses.retryAfterMs(address, now.getTime()));
    const code = joinCodeSchema.safeParse((await params).code);
    // The code comes from the URL, so its issues are named after the field it stands for.
    if (!code.success) {
      misses.hit(address, now.getTime());
      return badRequest(code.error.issues.map((issue) => ({ ...issue, path: ["joinCode", ...issue.path] })));
    }
    const who = await classroomIdentity(now, "read");
    const outcome = await viewGame(who, code.data, now);
    if (!outcome.ok && (outcome.status === 404 || outcome.status === 403)) misses.hit(address, now.getTime());
    const noStore = { headers: { "cache-control": "no-store" } };
    return replyWith(
      outcome.ok ? { ok: true, value: viewForBrowser(outcome.value, who.deviceId) } : outcome,
      noStore,
    );
  },
);
