import { describe, expect, it } from "vitest";
import { answerReview, rerateReview } from "../../lib/review/index";
import { generateQuestion } from "../../lib/scenario/generate";
import type { Question } from "../../lib/scenario/question";
import { createCard, DEFAULT_SRS_SETTINGS, previewIntervals, toSkillId } from "../../lib/srs/index";

const t0 = new Date("2026-11-01T10:00:00Z");

function questionFor(conceptId: string): Question {
  for (let seed = 0; seed < 2000; seed += 1) {
    const generated = generateQuestion("concept-check", seed, 1);
    if (generated.ok && generated.question.concepts.includes(conceptId)) return generated.question;
  }
  throw new Error(`no concept-check question for ${conceptId}`);
}

const question = questionFor("P1");
const card = createCard({ learnerId: "l1", skillId: toSkillId("P1"), source: "lesson" }, t0);
const right = [...question.answer];
const wrong = [question.options.find((option) => !question.answer.includes(option.id))?.id ?? ""];

function answered(response: readonly string[]) {
  const result = answerReview({
    card,
    question,
    response,
    now: t0,
    settings: DEFAULT_SRS_SETTINGS,
    timeTakenMs: 4000,
  });
  if (!result.ok) throw new Error("answer refused");
  return result.value;
}

describe("rating after the answer", () => {
  it("lets a right answer be rated any of the four, each scheduling what its button showed", () => {
    const first = answered(right);
    const shown = previewIntervals(first.entry.before, t0, DEFAULT_SRS_SETTINGS);
    for (const rating of ["again", "hard", "good", "easy"] as const) {
      const rerated = rerateReview(first.card, [first.entry], rating, DEFAULT_SRS_SETTINGS, question.id);
      expect(rerated.ok).toBe(true);
      if (!rerated.ok) continue;
      expect(rerated.value.entry.rating).toBe(rating);
      expect(rerated.value.entry.reviewedAt).toBe(t0.toISOString());
      expect(rerated.value.card.due).toBe(shown.find((entry) => entry.rating === rating)?.due);
    }
  });

  it("keeps a wrong answer at Again", () => {
    const first = answered(wrong);
    for (const rating of ["hard", "good", "easy"] as const) {
      expect(
        rerateReview(first.card, [first.entry], rating, DEFAULT_SRS_SETTINGS, question.id),
      ).toMatchObject({
        ok: false,
        issues: [{ path: ["rating"] }],
      });
    }
    expect(rerateReview(first.card, [first.entry], "again", DEFAULT_SRS_SETTINGS, question.id).ok).toBe(true);
  });
});
