import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { deleteLab, findLab, listLabs, saveLab, saveLabUnlessTaken } from "../../lib/db/labs";
import { findOrCreateLearner, newLearnerToken } from "../../lib/db/learners";
import { must } from "../support/must";
import { createTempDb } from "./support/temp-db";

const t0 = new Date("2026-12-06T10:00:00Z");
const later = (ms: number) => new Date(t0.getTime() + ms);

describe("saved labs", () => {
  let temp: ReturnType<typeof createTempDb>;
  let learnerId: string;
  let otherId: string;
  beforeEach(async () => {
    temp = createTempDb();
    learnerId = (await findOrCreateLearner(temp.db, newLearnerToken(), t0)).id;
    otherId = (await findOrCreateLearner(temp.db, newLearnerToken(), t0)).id;
  });
  afterEach(async () => {
    await temp.dispose();
  });

  it("saves under a name, replaces the text on a second save with the same id, lists newest first", async () => {
    const first = await saveLab(temp.db, learnerId, { name: "peering", format: "yaml", text: "a: 1\n" }, t0);
    const second = await saveLab(
      temp.db,
      learnerId,
      { name: "tgw", format: "json", text: "{}" },
      later(1000),
    );
    const again = await saveLab(
      temp.db,
      learnerId,
      { name: "peering", format: "yaml", text: "a: 2\n" },
      later(2000),
    );
    expect(again).toBe(first);
    expect(second).not.toBe(first);
    expect(first).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(must(await findLab(temp.db, first)).text).toBe("a: 2\n");
    expect((await listLabs(temp.db, learnerId)).map((lab) => lab.name)).toEqual(["peering", "tgw"]);
    expect(await listLabs(temp.db, otherId)).toEqual([]);
  });

  it("the same name for two learners is two labs; another learner cannot delete mine", async () => {
    const mine = await saveLab(temp.db, learnerId, { name: "x", format: "yaml", text: "a: 1\n" }, t0);
    const theirs = await saveLab(temp.db, otherId, { name: "x", format: "yaml", text: "b: 1\n" }, t0);
    expect(theirs).not.toBe(mine);
    expect(await deleteLab(temp.db, otherId, mine)).toBe(false);
    expect(must(await findLab(temp.db, mine)).learnerId).toBe(learnerId);
    expect(await deleteLab(temp.db, learnerId, mine)).toBe(true);
    expect(await findLab(temp.db, mine)).toBeNull();
  });
});

describe("saving never silently replaces a lab", () => {
  let temp: ReturnType<typeof createTempDb>;
  let learnerId: string;
  beforeEach(async () => {
    temp = createTempDb();
    learnerId = (await findOrCreateLearner(temp.db, newLearnerToken(), t0)).id;
  });
  afterEach(async () => {
    await temp.dispose();
  });

  it("refuses a taken name until replace is confirmed, but replaces the lab being saved again", async () => {
    const lab = { name: "peering", format: "yaml" as const, text: "a: 1\n" };
    const first = await saveLabUnlessTaken(temp.db, learnerId, lab, t0, {});
    if (!first.ok) throw new Error("first save refused");
    const refused = await saveLabUnlessTaken(temp.db, learnerId, { ...lab, text: "b: 1\n" }, later(1), {});
    expect(refused).toEqual({ ok: false, existingId: first.id });
    expect(must(await findLab(temp.db, first.id)).text).toBe("a: 1\n");
    const again = await saveLabUnlessTaken(temp.db, learnerId, { ...lab, text: "c: 1\n" }, later(2), {
      replaceId: first.id,
    });
    expect(again).toEqual({ ok: true, id: first.id });
    const confirmed = await saveLabUnlessTaken(temp.db, learnerId, { ...lab, text: "d: 1\n" }, later(3), {
      replace: true,
    });
    expect(confirmed).toEqual({ ok: true, id: first.id });
    expect(must(await findLab(temp.db, first.id)).text).toBe("d: 1\n");
    const otherId = await saveLabUnlessTaken(temp.db, learnerId, { ...lab, name: "peering 2" }, later(4), {
      replaceId: first.id,
    });
    expect(otherId.ok && otherId.id !== first.id).toBe(true);
  });
});
