import { describe, expect, it } from "vitest";
import { seenExceptRestored } from "../../lib/review/undo-restore";

describe("undo restores the variant the card was answered with", () => {
  it("lets the undone review's question through, every time it was recorded, and nothing else", () => {
    const seen = ["can-a-reach-c.11.1", "peering-feasibility.7.2", "can-a-reach-c.11.1"];
    expect(seenExceptRestored(seen, "can-a-reach-c.11.1")).toEqual(["peering-feasibility.7.2"]);
  });
  it("with nothing undone every seen question stays seen", () => {
    const seen = ["can-a-reach-c.11.1", "peering-feasibility.7.2"];
    expect(seenExceptRestored(seen, undefined)).toEqual(seen);
  });
});
