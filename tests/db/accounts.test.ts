import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  accountForToken,
  createAccount,
  endSession,
  findAccountByUsername,
  rotateIntoSession,
} from "../../lib/db/accounts";
import { findLearner, findOrCreateLearner, newLearnerToken, viewLearner } from "../../lib/db/learners";
import { createTempDb } from "./support/temp-db";

const t0 = new Date("2026-11-01T10:00:00Z");

describe("accounts and sign-in sessions", () => {
  let temp: ReturnType<typeof createTempDb>;
  beforeEach(() => {
    temp = createTempDb();
  });
  afterEach(async () => {
    await temp.dispose();
  });

  async function signUp(username = "Ana") {
    const anonymousToken = newLearnerToken();
    const learner = await findOrCreateLearner(temp.db, anonymousToken, t0);
    const created = await createAccount(temp.db, {
      learnerId: learner.id,
      username,
      passwordHash: "h",
      now: t0,
    });
    const sessionToken = newLearnerToken();
    await rotateIntoSession(temp.db, {
      learnerId: learner.id,
      newToken: sessionToken,
      oldToken: anonymousToken,
      now: t0,
    });
    return { learner, created, anonymousToken, sessionToken };
  }

  it("claims the cookie's learner, and the rotated token reaches it while the old one opens nothing", async () => {
    const { learner, created, anonymousToken, sessionToken } = await signUp();
    expect(created).toMatchObject({ ok: true, account: { username: "ana", learnerId: learner.id } });
    expect((await findLearner(temp.db, sessionToken))?.id).toBe(learner.id);
    expect((await findOrCreateLearner(temp.db, sessionToken, t0)).id).toBe(learner.id);
    expect(await findLearner(temp.db, anonymousToken)).toBeNull();
    expect((await viewLearner(temp.db, anonymousToken, t0)).id).not.toBe(learner.id);
    expect(await accountForToken(temp.db, sessionToken)).toEqual({ username: "ana" });
    expect(await accountForToken(temp.db, anonymousToken)).toBeNull();
    // A replayed old token that writes becomes a new, empty learner, not the account's.
    const replayed = await findOrCreateLearner(temp.db, anonymousToken, t0);
    expect(replayed.id).not.toBe(learner.id);
    expect((await findOrCreateLearner(temp.db, anonymousToken, t0)).id).toBe(replayed.id);
  });

  it("refuses a username taken in any letter case, and a second account on one learner", async () => {
    const { learner } = await signUp("Ana");
    const other = await findOrCreateLearner(temp.db, newLearnerToken(), t0);
    expect(
      await createAccount(temp.db, { learnerId: other.id, username: "ANA", passwordHash: "h", now: t0 }),
    ).toEqual({
      ok: false,
      reason: "username-taken",
    });
    expect(
      await createAccount(temp.db, { learnerId: learner.id, username: "bo", passwordHash: "h", now: t0 }),
    ).toEqual({
      ok: false,
      reason: "already-claimed",
    });
    expect((await findAccountByUsername(temp.db, " ana "))?.learnerId).toBe(learner.id);
  });

  it("signs a second browser in to the same learner, and signing one out leaves the other signed in", async () => {
    const { learner, sessionToken } = await signUp();
    const secondBrowser = newLearnerToken();
    const secondSession = newLearnerToken();
    await rotateIntoSession(temp.db, {
      learnerId: learner.id,
      newToken: secondSession,
      oldToken: secondBrowser,
      now: t0,
    });
    expect((await findLearner(temp.db, secondSession))?.id).toBe(learner.id);
    await endSession(temp.db, secondSession, t0);
    expect(await findLearner(temp.db, secondSession)).toBeNull();
    expect((await findLearner(temp.db, sessionToken))?.id).toBe(learner.id);
  });
});
