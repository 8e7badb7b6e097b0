import { describe, expect, it } from "vitest";
import { formatQuestionId, parseQuestionId } from "../../lib/scenario/question";

describe("question ids", () => {
  it("round-trips family, seed and difficulty", () => {
    const id = formatQuestionId("can-a-reach-c", 1234, 2);
    expect(id).toBe("can-a-reach-c.1234.2");
    expect(parseQuestionId(id)).toEqual({
      ok: true,
      value: { family: "can-a-reach-c", seed: 1234, difficulty: 2 },
    });
  });

  it("rejects malformed ids with a path", () => {
    for (const bad of [
      "",
      "x",
      "fam.12",
      "fam.12.4",
      "fam.-1.1",
      "Fam.1.1",
      "fam.01.1",
      "fam.4294967296.1",
    ]) {
      const result = parseQuestionId(bad);
      expect(result.ok, bad).toBe(false);
      if (!result.ok) expect(result.issues[0]?.path).toBe("id");
    }
  });

  it("accepts the largest seed", () => {
    expect(parseQuestionId("concept-check.4294967295.3").ok).toBe(true);
  });
});
