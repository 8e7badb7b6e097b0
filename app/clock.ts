import { serverEnv } from "./server-env";

/** The server's notion of now. Every route passes it into lib/, which never reads the clock itself. */
export function serverNow(): Date {
  return new Date(Date.now() + serverEnv().REACHABLE_CLOCK_OFFSET_MS);
}
