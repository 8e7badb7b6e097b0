export const LEARNER_COOKIE = "reachable_learner";

/** HttpOnly and SameSite=Lax always; Secure when the request came over HTTPS (directly or behind a proxy). */
export function learnerCookieOptions(secure: boolean) {
  return {
    httpOnly: true,
    sameSite: "lax" as const,
    secure,
    path: "/",
    maxAge: 60 * 60 * 24 * 400,
  };
}
