export const LEARNER_COOKIE = "reachable_learner";

export const learnerCookieOptions = {
  httpOnly: true,
  sameSite: "lax" as const,
  path: "/",
  maxAge: 60 * 60 * 24 * 400,
};
