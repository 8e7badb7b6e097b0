import { describe, expect, it } from "vitest";
import { createKeyedQueue } from "../../lib/classroom/keyed-queue";

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe("createKeyedQueue", () => {
  it("runs tasks of one key one at a time, in order, even when one fails", async () => {
    const queue = createKeyedQueue();
    const log: string[] = [];
    const task =
      (name: string, fail = false) =>
      async () => {
        log.push(`start ${name}`);
        await tick();
        log.push(`end ${name}`);
        if (fail) throw new Error(name);
        return name;
      };
    const results = await Promise.allSettled([
      queue("g", task("a")),
      queue("g", task("b", true)),
      queue("g", task("c")),
    ]);
    expect(log).toEqual(["start a", "end a", "start b", "end b", "start c", "end c"]);
    expect(results.map((result) => result.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
  });

  it("runs tasks of different keys side by side", async () => {
    const queue = createKeyedQueue();
    const log: string[] = [];
    const task = (name: string) => async () => {
      log.push(`start ${name}`);
      await tick();
      log.push(`end ${name}`);
    };
    await Promise.all([queue("g1", task("a")), queue("g2", task("b"))]);
    expect(log.slice(0, 2)).toEqual(["start a", "start b"]);
  });
});
