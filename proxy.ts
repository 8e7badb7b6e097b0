import { NextResponse, type NextRequest } from "next/server";
import { LEARNER_COOKIE, learnerCookieOptions } from "@/app/learner-cookie";
import { logLine } from "@/app/http/server-log";
import { isIssuedLearnerToken } from "@/app/security/learner-session";
import { mintLearnerToken } from "@/app/security/learner-token";
import { isForeignOrigin, isHttps, hasMalformedPath } from "@/app/security/request-checks";

/**
 * In front of every page and route: refuses a path with broken %-encoding (400) and a state-changing request
 * from another site (403), and makes sure the request carries a learner token the server issued. A missing,
 * empty, unknown or forged cookie is replaced by a fresh token (never adopted); the learner row itself is
 * written by the first request that saves something.
 */
export async function proxy(request: NextRequest): Promise<NextResponse> {
  if (hasMalformedPath(request.nextUrl.pathname)) {
    logLine("request.refused", { method: request.method, reason: "malformed-path-encoding", status: 400 });
    return NextResponse.json(
      { error: "path: malformed %-encoding", code: "malformed-path" },
      { status: 400 },
    );
  }
  if (isForeignOrigin(request.method, request.headers)) {
    logLine("request.refused", {
      method: request.method,
      path: request.nextUrl.pathname,
      reason: "foreign-origin",
      status: 403,
    });
    return NextResponse.json(
      { error: "origin: requests from another site are refused", code: "foreign-origin" },
      { status: 403 },
    );
  }
  if (await isIssuedLearnerToken(request.cookies.get(LEARNER_COOKIE)?.value)) return NextResponse.next();
  const token = mintLearnerToken();
  // Forward the cookie on this very request too, so the first page render already sees it.
  request.cookies.set(LEARNER_COOKIE, token);
  const response = NextResponse.next({ request: { headers: request.headers } });
  response.cookies.set(
    LEARNER_COOKIE,
    token,
    learnerCookieOptions(isHttps(request.nextUrl.protocol, request.headers)),
  );
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|api/health).*)"],
};
