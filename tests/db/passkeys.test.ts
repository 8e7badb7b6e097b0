import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createAccount, NO_PASSWORD, rotateIntoSession } from "../../lib/db/accounts";
import { findOrCreateLearner, newLearnerToken } from "../../lib/db/learners";
import {
  accountOfToken,
  addPasskey,
  findPasskey,
  listPasskeys,
  markPasskeyUsed,
  removePasskey,
  saveChallenge,
  takeChallenge,
} from "../../lib/db/passkeys";
import { must } from "../support/must";
import { createTempDb } from "./support/temp-db";

const t0 = new Date("2026-11-01T10:00:00Z");
const later = (ms: number) => new Date(t0.getTime() + ms);

describe("passkeys and their ceremony challenges", () => {
  let temp: ReturnType<typeof createTempDb>;
  beforeEach(() => {
    temp = createTempDb();
  });
  afterEach(async () => {
    await temp.dispose();
  });

  it("a challenge is used once, by the browser that asked, for its purpose, before it expires", async () => {
    const token = newLearnerToken();
    const save = (purpose: "register" | "sign-in") =>
      saveChallenge(temp.db, { token, purpose, challenge: `c-${purpose}`, expiresAt: later(60_000) });
    await save("sign-in");
    expect(await takeChallenge(temp.db, newLearnerToken(), "sign-in", t0)).toBeNull();
    expect(await takeChallenge(temp.db, token, "sign-in", t0)).toBe("c-sign-in");
    expect(await takeChallenge(temp.db, token, "sign-in", t0)).toBeNull();
    await save("register");
    expect(await takeChallenge(temp.db, token, "sign-in", t0)).toBeNull();
    // A wrong-purpose read consumed it: a second try starts a new ceremony.
    expect(await takeChallenge(temp.db, token, "register", t0)).toBeNull();
    await save("register");
    expect(await takeChallenge(temp.db, token, "register", later(60_001))).toBeNull();
    await save("sign-in");
    await save("register");
    expect(await takeChallenge(temp.db, token, "register", t0)).toBe("c-register");
  });

  it("stores a passkey's public key and counter, and finds the account it signs in to", async () => {
    const anonymous = newLearnerToken();
    const learner = await findOrCreateLearner(temp.db, anonymous, t0);
    const created = await createAccount(temp.db, {
      learnerId: learner.id,
      username: "Ana",
      passwordHash: "h",
      now: t0,
    });
    if (!created.ok) throw new Error("account not created");
    const session = newLearnerToken();
    await rotateIntoSession(temp.db, {
      learnerId: learner.id,
      newToken: session,
      oldToken: anonymous,
      now: t0,
    });
    expect(await accountOfToken(temp.db, session)).toEqual({
      id: created.account.id,
      username: "ana",
      hasPassword: true,
    });
    expect(await accountOfToken(temp.db, anonymous)).toBeNull();

    const publicKey = new Uint8Array([1, 2, 3, 250]);
    await addPasskey(
      temp.db,
      {
        id: "cred-1",
        accountId: created.account.id,
        publicKey,
        counter: 0,
        transports: ["internal", "hybrid"],
        deviceType: "multiDevice",
        backedUp: true,
      },
      t0,
    );
    const stored = must(await findPasskey(temp.db, "cred-1"));
    expect(stored).toMatchObject({
      learnerId: learner.id,
      username: "ana",
      counter: 0,
      transports: ["internal", "hybrid"],
    });
    expect([...stored.publicKey]).toEqual([1, 2, 3, 250]);
    await markPasskeyUsed(temp.db, "cred-1", 7, later(1000));
    expect(must(await findPasskey(temp.db, "cred-1")).counter).toBe(7);
    expect((await listPasskeys(temp.db, created.account.id)).map((key) => key.id)).toEqual(["cred-1"]);
    expect(await findPasskey(temp.db, "cred-unknown")).toBeNull();
  });

  it("removes a passkey of the account only, and keeps the last one of an account without a password", async () => {
    const account = async (username: string, passwordHash: string) => {
      const learner = await findOrCreateLearner(temp.db, newLearnerToken(), t0);
      const created = await createAccount(temp.db, {
        learnerId: learner.id,
        username,
        passwordHash,
        now: t0,
      });
      if (!created.ok) throw new Error("account not created");
      return created.account.id;
    };
    const key = (id: string, accountId: string, at: Date) =>
      addPasskey(
        temp.db,
        {
          id,
          accountId,
          publicKey: new Uint8Array([1]),
          counter: 0,
          transports: [],
          deviceType: "singleDevice",
          backedUp: false,
        },
        at,
      );
    const withPassword = await account("ana", "scrypt$15$8$3$salt$hash");
    const passkeyOnly = await account("bo", NO_PASSWORD);
    await key("ana-1", withPassword, t0);
    await key("bo-1", passkeyOnly, t0);
    await key("bo-2", passkeyOnly, later(1000));

    // Another account's passkey is not found, and stays.
    expect(
      await removePasskey(temp.db, { accountId: withPassword, passkeyId: "bo-1", hasPassword: true }),
    ).toEqual({
      ok: false,
      reason: "not-found",
    });
    expect(
      await removePasskey(temp.db, { accountId: passkeyOnly, passkeyId: "bo-1", hasPassword: false }),
    ).toEqual({
      ok: true,
    });
    expect(
      await removePasskey(temp.db, { accountId: passkeyOnly, passkeyId: "bo-2", hasPassword: false }),
    ).toEqual({
      ok: false,
      reason: "last-way-in",
    });
    expect((await listPasskeys(temp.db, passkeyOnly)).map((k) => k.id)).toEqual(["bo-2"]);
    // With a password, the last passkey may go: the password still signs in.
    expect(
      await removePasskey(temp.db, { accountId: withPassword, passkeyId: "ana-1", hasPassword: true }),
    ).toEqual({
      ok: true,
    });
    expect(await listPasskeys(temp.db, withPassword)).toEqual([]);
  });
});
