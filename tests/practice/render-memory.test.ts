import { describe, expect, it } from "vitest";
import { renderMemory } from "../../app/practice/render-memory";

describe("what a page showed per server render, for Back", () => {
  it("a replayed render finds what it last showed; a new render finds nothing", () => {
    const memory = renderMemory<{ step: number }>("test-replay");
    expect(memory.recall("render-1")).toBeUndefined();
    memory.remember("render-1", { step: 1 });
    memory.remember("render-1", { step: 2 });
    expect(memory.recall("render-1")).toEqual({ step: 2 });
    expect(memory.recall("render-2")).toBeUndefined();
  });

  it("kinds of page do not see each other's notes", () => {
    const practice = renderMemory<string>("test-practice");
    const review = renderMemory<string>("test-review");
    practice.remember("same-id", "a practice view");
    expect(review.recall("same-id")).toBeUndefined();
  });

  it("forgets the oldest renders past its limit, keeping the one just noted and the recently noted", () => {
    const memory = renderMemory<number>("test-limit");
    for (let n = 0; n < 60; n += 1) memory.remember(`r${n}`, n);
    expect(memory.recall("r0")).toBeUndefined();
    expect(memory.recall("r59")).toBe(59);
    expect(memory.recall("r20")).toBe(20);
  });
});
