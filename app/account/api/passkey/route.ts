import { cookies } from "next/headers";
import { serverNow } from "@/app/clock";
import { parseJsonBody } from "@/app/http/json-body";
import { jsonRoute, replyWith } from "@/app/http/json-route";
import { LEARNER_COOKIE, learnerCookieOptions } from "@/app/learner-cookie";
import { tooManyRequests } from "@/app/classroom/classroom-limits";
import { clientAddress } from "@/app/security/rate-limiter";
import { isHttps } from "@/app/security/request-checks";
import { accountLimits } from "../../account-limits";
import { PasskeyRequestSchema } from "../../passkey-schema";
import {
  register,
  registrationOptions,
  relyingParty,
  removeOwnPasskey,
  signInOptions,
  signInWithPasskey,
  signUpOptions,
  signUpWithPasskey,
} from "../../passkey-service";

export const dynamic = "force-dynamic";

/** Passkey ceremonies: options (a challenge) first, then the authenticator's answer to verify. */
export const POST = jsonRoute(async (request: Request): Promise<Response> => {
  const parsed = await parseJsonBody(request, PasskeyRequestSchema);
  if (!parsed.ok) return parsed.response;
  const input = parsed.data;
  const now = serverNow();
  const jar = await cookies();
  const token = jar.get(LEARNER_COOKIE)?.value;
  if (!token) throw new Error("learner cookie missing: the proxy should have set it");
  const rp = relyingParty(request.url, request.headers);
  switch (input.action) {
    case "register-options":
      return replyWith(await registrationOptions(token, rp, now));
    case "register":
      return replyWith(await register(token, input.credential, rp, now));
    case "sign-in-options":
      return replyWith(await signInOptions(token, rp, now));
    case "sign-up-options":
      return replyWith(await signUpOptions(token, input.username, rp, now));
    case "remove":
      return replyWith(await removeOwnPasskey(token, input.id));
    case "sign-up":
    case "sign-in": {
      const address = clientAddress(request.headers);
      const attempts = accountLimits().attempts;
      if (!attempts.hit(address, now.getTime()))
        return tooManyRequests("passkey", attempts.retryAfterMs(address, now.getTime()));
      const outcome =
        input.action === "sign-up"
          ? await signUpWithPasskey(token, input, rp, now)
          : await signInWithPasskey(token, input.credential, rp, now);
      if (!outcome.ok) return replyWith(outcome);
      jar.set(
        LEARNER_COOKIE,
        outcome.value.token,
        learnerCookieOptions(isHttps(new URL(request.url).protocol, request.headers)),
      );
      return Response.json({ signedIn: true, username: outcome.value.username });
    }
  }
});
