import { describe, expect, it } from "vitest";
import { openQuestionId, sealQuestionId, type QuestionScope } from "../../app/security/question-token";
import { deriveKeys } from "../../app/security/server-secret";

const keys = deriveKeys("a test secret that is long enough for the check");
const otherKeys = deriveKeys("another secret that is also long enough here");
const practice: QuestionScope = {
  kind: "practice",
  sessionId: "6f1c1f6e-3f0a-4b1e-9a54-5a0b1c2d3e4f",
  learnerId: "learner-a",
};
const id = "can-a-reach-c.4242.3";

describe("sealed question ids", () => {
  it("open to the question id in the scope and for the learner they were sealed for", () => {
    const token = sealQuestionId(id, practice, keys);
    expect(openQuestionId(token, practice, keys)).toEqual({ ok: true, questionId: id });
  });

  it("do not show family, seed or difficulty, and stay short enough for the request schemas", () => {
    const token = sealQuestionId(id, practice, keys);
    expect(token).not.toContain("can-a-reach");
    expect(token).not.toContain("4242");
    expect(token.length).toBeLessThanOrEqual(120);
  });

  it("are the same token for the same question in the same scope, different elsewhere", () => {
    expect(sealQuestionId(id, practice, keys)).toBe(sealQuestionId(id, practice, keys));
    expect(sealQuestionId(id, practice, keys)).not.toBe(
      sealQuestionId("can-a-reach-c.4243.3", practice, keys),
    );
    expect(sealQuestionId(id, practice, keys)).not.toBe(
      sealQuestionId(id, { ...practice, learnerId: "learner-b" }, keys),
    );
  });

  it("do not open for another learner, another session, another kind of scope or another server", () => {
    const token = sealQuestionId(id, practice, keys);
    expect(openQuestionId(token, { ...practice, learnerId: "learner-b" }, keys).ok).toBe(false);
    expect(
      openQuestionId(token, { ...practice, sessionId: "00000000-0000-4000-8000-000000000000" }, keys).ok,
    ).toBe(false);
    expect(
      openQuestionId(token, { kind: "exam", sessionId: practice.sessionId, learnerId: "learner-a" }, keys).ok,
    ).toBe(false);
    expect(openQuestionId(token, practice, otherKeys).ok).toBe(false);
    const lesson = sealQuestionId(id, { kind: "lesson", slug: "peering" }, keys);
    expect(openQuestionId(lesson, { kind: "lesson", slug: "no-such-lesson" }, keys).ok).toBe(false);
  });

  it("refuse plain ids, tampered bytes, truncations and junk without throwing", () => {
    const token = sealQuestionId(id, practice, keys);
    const flipped = token.slice(0, 10) + (token[10] === "A" ? "B" : "A") + token.slice(11);
    for (const bad of [
      id,
      "",
      "q_",
      "q_%%%",
      flipped,
      token.slice(0, -3),
      `${token}AA`,
      "q_" + "A".repeat(500),
    ]) {
      expect(openQuestionId(bad, practice, keys)).toEqual({ ok: false });
    }
  });
});
