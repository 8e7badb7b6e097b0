import { describe, expect, it } from "vitest";
import { SaveQueue, worthRetrying, type SaveOutcome } from "@/app/exam/save-queue";

const ok: SaveOutcome = { ok: true, finished: false };
const offline: SaveOutcome = { ok: false, finished: false, error: "unreachable", status: 0 };
const refused: SaveOutcome = { ok: false, finished: false, error: "optionIds: no", status: 400 };

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe("SaveQueue (exam saves in the background, uxr6 finding 2)", () => {
  it("sends one step at a time, in the order pushed, and reports idle once", async () => {
    const sent: string[] = [];
    const replies = [deferred<SaveOutcome>(), deferred<SaveOutcome>(), deferred<SaveOutcome>()];
    const reply = (index: number) => {
      const found = replies[index];
      if (found === undefined) throw new Error(`no reply ${index}`);
      return found;
    };
    const settled: string[] = [];
    let idle = 0;
    const queue = new SaveQueue<string>(
      (step) => {
        sent.push(step);
        return reply(sent.length - 1).promise;
      },
      { settled: (step) => settled.push(step), idle: () => (idle += 1) },
    );
    queue.push("a");
    queue.push("b");
    queue.push("c");
    expect(queue.pending).toBe(3);
    await Promise.resolve();
    expect(sent).toEqual(["a"]);
    reply(0).resolve(ok);
    await new Promise((r) => setTimeout(r, 0));
    expect(sent).toEqual(["a", "b"]);
    reply(1).resolve(ok);
    reply(2).resolve(ok);
    await queue.drained();
    expect(sent).toEqual(["a", "b", "c"]);
    expect(settled).toEqual(["a", "b", "c"]);
    expect(idle).toBe(1);
    expect(queue.pending).toBe(0);
  });

  it("a refused step does not drop the steps behind it (no tick is lost)", async () => {
    const sent: string[] = [];
    const outcomes: [string, boolean][] = [];
    const queue = new SaveQueue<string>(
      (step) => {
        sent.push(step);
        return Promise.resolve(step === "a" ? refused : ok);
      },
      { settled: (step, outcome) => outcomes.push([step, outcome.ok]), idle: () => undefined },
    );
    queue.push("a");
    queue.push("b");
    await queue.drained();
    expect(sent).toEqual(["a", "b"]);
    expect(outcomes).toEqual([
      ["a", false],
      ["b", true],
    ]);
  });

  it("retries once when the server could not be reached or failed, never when it refused", async () => {
    let calls = 0;
    const results: SaveOutcome[] = [];
    const queue = new SaveQueue<string>(
      () => {
        calls += 1;
        return Promise.resolve(calls === 1 ? offline : ok);
      },
      { settled: (_step, outcome) => results.push(outcome), idle: () => undefined },
      () => Promise.resolve(),
    );
    queue.push("a");
    await queue.drained();
    expect(calls).toBe(2);
    expect(results).toEqual([ok]);
    expect(worthRetrying(refused)).toBe(false);
    expect(worthRetrying({ ...refused, status: 503 })).toBe(true);
    expect(worthRetrying({ ...offline, finished: true })).toBe(false);
  });

  it("a send that throws settles as a failure and the queue goes on", async () => {
    const results: boolean[] = [];
    const queue = new SaveQueue<string>(
      (step) => (step === "a" ? Promise.reject(new Error("boom")) : Promise.resolve(ok)),
      { settled: (_step, outcome) => results.push(outcome.ok), idle: () => undefined },
      () => Promise.resolve(),
    );
    queue.push("a");
    queue.push("b");
    await queue.drained();
    expect(results).toEqual([false, true]);
  });
});
