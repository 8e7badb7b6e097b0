import { describe, expect, it } from "vitest";
import { conceptIdOf, formatSkillId, parseSkillId, toSkillId } from "../../lib/srs/skill-id";

describe("skill IDs", () => {
  it("parses a bare concept ID as a concept skill", () => {
    expect(parseSkillId("P3")).toEqual({ ok: true, value: { conceptId: "P3", family: null } });
  });

  it("parses a family and concept pair", () => {
    expect(parseSkillId("can-a-reach-c:P3")).toEqual({
      ok: true,
      value: { conceptId: "P3", family: "can-a-reach-c" },
    });
  });

  it("formats back to the text it was parsed from", () => {
    for (const text of ["E8", "can-a-reach-c:P3", "flow-log-verdict:F8"]) {
      const parsed = parseSkillId(text);
      expect(parsed.ok && formatSkillId(parsed.value)).toBe(text);
    }
  });

  it("rejects an unknown concept, naming the conceptId field", () => {
    const parsed = parseSkillId("family:P99");
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.issues[0]?.path).toEqual(["skillId", "conceptId"]);
  });

  it("rejects a family that is not kebab-case and a second separator", () => {
    const badFamily = parseSkillId("Can A:P3");
    expect(!badFamily.ok && badFamily.issues[0]?.path).toEqual(["skillId", "family"]);
    expect(parseSkillId("a:b:P3").ok).toBe(false);
    expect(parseSkillId(":P3").ok).toBe(false);
  });

  it("gives the concept of either form and throws for a malformed ID in trusted code", () => {
    expect(conceptIdOf(toSkillId("can-a-reach-c:P3"))).toBe("P3");
    expect(conceptIdOf(toSkillId("S2"))).toBe("S2");
    expect(() => toSkillId("nope")).toThrow(/concept/);
  });
});
