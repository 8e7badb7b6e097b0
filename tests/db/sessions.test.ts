import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findOrCreateLearner, newLearnerToken } from "../../lib/db/learners";
import {
  createSession,
  findActiveSession,
  findSession,
  listFinishedSessions,
  updateSession,
} from "../../lib/db/sessions";
import { createTempDb } from "./support/temp-db";

const t0 = new Date("2026-11-01T10:00:00Z");
const later = (ms: number) => new Date(t0.getTime() + ms);
const envelope = (marker: string) => ({
  machine: "exam",
  version: 1,
  snapshot: { status: "active", value: marker, context: {} },
});

describe("study sessions", () => {
  let temp: ReturnType<typeof createTempDb>;
  let learnerId: string;
  beforeEach(async () => {
    temp = createTempDb();
    learnerId = (await findOrCreateLearner(temp.db, newLearnerToken(), t0)).id;
  });
  afterEach(async () => {
    await temp.dispose();
  });

  it("round-trips the snapshot, config, seed and deadline of a new session", async () => {
    const created = await createSession(temp.db, learnerId, {
      kind: "exam",
      persisted: envelope("inProgress"),
      config: { questionCount: 20 },
      seed: 4242,
      deadline: later(30 * 60_000),
      now: t0,
    });
    const found = await findActiveSession(temp.db, learnerId, "exam");
    expect(found?.id).toBe(created.id);
    expect(found?.snapshot).toEqual(envelope("inProgress"));
    expect(found?.config).toEqual({ questionCount: 20 });
    expect(found?.seed).toBe(4242);
    expect(found?.deadline?.getTime()).toBe(later(30 * 60_000).getTime());
    expect(found?.machineVersion).toBe(1);
    expect(found?.status).toBe("active");
  });

  it("keeps one active session per kind: starting another closes the older one", async () => {
    const first = await createSession(temp.db, learnerId, {
      kind: "practice",
      persisted: envelope("a"),
      config: {},
      now: t0,
    });
    const exam = await createSession(temp.db, learnerId, {
      kind: "exam",
      persisted: envelope("e"),
      config: {},
      now: t0,
    });
    const second = await createSession(temp.db, learnerId, {
      kind: "practice",
      persisted: envelope("b"),
      config: {},
      now: later(1000),
    });
    expect((await findActiveSession(temp.db, learnerId, "practice"))?.id).toBe(second.id);
    expect((await findSession(temp.db, learnerId, first.id))?.status).toBe("finished");
    expect((await findActiveSession(temp.db, learnerId, "exam"))?.id).toBe(exam.id);
  });

  it("saves snapshots while active and freezes the session once finished", async () => {
    const session = await createSession(temp.db, learnerId, {
      kind: "exam",
      persisted: envelope("a"),
      config: {},
      now: t0,
    });
    expect(
      await updateSession(temp.db, learnerId, session.id, { persisted: envelope("b"), now: later(1) }),
    ).toBe(true);
    expect(
      await updateSession(temp.db, learnerId, session.id, {
        persisted: envelope("done"),
        now: later(2),
        finished: { result: { score: 3 } },
      }),
    ).toBe(true);
    expect(
      await updateSession(temp.db, learnerId, session.id, { persisted: envelope("late"), now: later(3) }),
    ).toBe(false);
    const stored = await findSession(temp.db, learnerId, session.id);
    expect(stored?.snapshot).toEqual(envelope("done"));
    expect(stored?.result).toEqual({ score: 3 });
    expect(stored?.finishedAt?.getTime()).toBe(later(2).getTime());
    expect(await findActiveSession(temp.db, learnerId, "exam")).toBeNull();
  });

  it("refuses a save based on a snapshot that another request has replaced meanwhile", async () => {
    const session = await createSession(temp.db, learnerId, {
      kind: "practice",
      persisted: envelope("a"),
      config: {},
      now: t0,
    });
    const first = await updateSession(temp.db, learnerId, session.id, {
      persisted: envelope("b"),
      now: later(5),
      ifUpdatedAt: t0,
    });
    const racing = await updateSession(temp.db, learnerId, session.id, {
      persisted: envelope("c"),
      now: later(6),
      ifUpdatedAt: t0,
    });
    expect([first, racing]).toEqual([true, false]);
    expect((await findSession(temp.db, learnerId, session.id))?.snapshot).toEqual(envelope("b"));
  });

  it("hides one learner's sessions from another", async () => {
    const other = (await findOrCreateLearner(temp.db, newLearnerToken(), t0)).id;
    const session = await createSession(temp.db, learnerId, {
      kind: "exam",
      persisted: envelope("a"),
      config: {},
      now: t0,
    });
    expect(await findSession(temp.db, other, session.id)).toBeNull();
    expect(await updateSession(temp.db, other, session.id, { persisted: envelope("x"), now: later(1) })).toBe(
      false,
    );
    expect((await findSession(temp.db, learnerId, session.id))?.snapshot).toEqual(envelope("a"));
  });

  it("lists finished sessions with a result, newest first, by kind", async () => {
    const finish = async (kind: "practice" | "exam", at: number) => {
      const s = await createSession(temp.db, learnerId, {
        kind,
        persisted: envelope("a"),
        config: {},
        now: later(at),
      });
      await updateSession(temp.db, learnerId, s.id, {
        persisted: envelope("z"),
        now: later(at + 10),
        finished: { result: { at } },
      });
      return s.id;
    };
    const p1 = await finish("practice", 0);
    const e1 = await finish("exam", 100);
    const p2 = await finish("practice", 200);
    // A session closed by starting another has no result and is not history.
    await createSession(temp.db, learnerId, {
      kind: "practice",
      persisted: envelope("open"),
      config: {},
      now: later(300),
    });
    await createSession(temp.db, learnerId, {
      kind: "practice",
      persisted: envelope("open2"),
      config: {},
      now: later(400),
    });
    expect((await listFinishedSessions(temp.db, learnerId)).map((s) => s.id)).toEqual([p2, e1, p1]);
    expect((await listFinishedSessions(temp.db, learnerId, { kind: "exam" })).map((s) => s.id)).toEqual([e1]);
  });
});
