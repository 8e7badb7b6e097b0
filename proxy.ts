import { NextResponse, type NextRequest } from "next/server";
import { LEARNER_COOKIE, learnerCookieOptions } from "@/app/learner-cookie";

/**
 * Gives every visitor an anonymous learner token on first sight, so progress is saved without sign-up.
 * The learner row itself is created lazily by the first server action that needs it.
 */
export function proxy(request: NextRequest): NextResponse {
  if (request.cookies.has(LEARNER_COOKIE)) return NextResponse.next();
  const token = crypto.randomUUID() + crypto.randomUUID().replaceAll("-", "");
  // Forward the cookie on this very request too, so the first page render already sees it.
  request.cookies.set(LEARNER_COOKIE, token);
  const response = NextResponse.next({ request: { headers: request.headers } });
  response.cookies.set(LEARNER_COOKIE, token, learnerCookieOptions);
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|api/health).*)"],
};
