import { cookies } from "next/headers";
import { serverNow } from "@/app/clock";
import { parseJsonBody } from "@/app/http/json-body";
import { jsonRoute, replyWith } from "@/app/http/json-route";
import { LEARNER_COOKIE, learnerCookieOptions } from "@/app/learner-cookie";
import { tooManyRequests } from "@/app/classroom/classroom-limits";
import { clientAddress } from "@/app/security/rate-limiter";
import { isHttps } from "@/app/security/request-checks";
import { accountLimits } from "../account-limits";
import { signIn, signOut, signUp } from "../account-service";
import { AccountRequestSchema } from "../schema";

export const dynamic = "force-dynamic";

/** Sign up, sign in, sign out. The reply names the account only; the new cookie travels in Set-Cookie. */
export const POST = jsonRoute(async (request: Request): Promise<Response> => {
  const parsed = await parseJsonBody(request, AccountRequestSchema);
  if (!parsed.ok) return parsed.response;
  const input = parsed.data;
  const now = serverNow();
  const jar = await cookies();
  const token = jar.get(LEARNER_COOKIE)?.value;
  if (!token) throw new Error("learner cookie missing: the proxy should have set it");
  const setToken = (value: string) =>
    jar.set(
      LEARNER_COOKIE,
      value,
      learnerCookieOptions(isHttps(new URL(request.url).protocol, request.headers)),
    );
  if (input.action === "sign-out") {
    setToken((await signOut(token, now)).token);
    return Response.json({ signedIn: false });
  }
  const address = clientAddress(request.headers);
  const attempts = accountLimits().attempts;
  if (!attempts.hit(address, now.getTime()))
    return tooManyRequests("password", attempts.retryAfterMs(address, now.getTime()));
  const outcome =
    input.action === "sign-up" ? await signUp(token, input, now) : await signIn(token, input, now);
  if (!outcome.ok) return replyWith(outcome);
  setToken(outcome.value.token);
  return Response.json({ signedIn: true, username: outcome.value.username });
});
