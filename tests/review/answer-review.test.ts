import { describe, expect, it } from "vitest";
import { answerReview, findOfferedCard, nextCard, rerateReview } from "../../lib/review/index";
import { generateQuestion } from "../../lib/scenario/generate";
import type { Question } from "../../lib/scenario/question";
import { buildQueue, createCard, DEFAULT_SRS_SETTINGS, toSkillId, type SrsCard } from "../../lib/srs/index";

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
const answer = (response: readonly string[], overrides: Partial<Parameters<typeof answerReview>[0]> = {}) =>
  answerReview({
    card,
    question,
    response,
    now: t0,
    settings: DEFAULT_SRS_SETTINGS,
    timeTakenMs: 5000,
    ...overrides,
  });

describe("answerReview", () => {
  it("rates a right answer Good and a wrong one Again, and logs the question ID as the seed", () => {
    const good = answer(right);
    const again = answer(wrong);
    expect(good.ok && [good.value.rating, good.value.entry.correct, good.value.entry.questionSeed]).toEqual([
      "good",
      true,
      question.id,
    ]);
    expect(again.ok && [again.value.rating, again.value.entry.correct]).toEqual(["again", false]);
  });

  it("always reveals the solution after a review answer, right or wrong", () => {
    const again = answer(wrong);
    expect(again.ok && again.value.outcome.solution?.key).toEqual(question.answer);
  });

  it("a wrong answer brings the card back sooner than a right one", () => {
    const good = answer(right);
    const again = answer(wrong);
    if (!good.ok || !again.ok) throw new Error("answer failed");
    expect(Date.parse(again.value.card.due)).toBeLessThan(Date.parse(good.value.card.due));
  });

  it("refuses a question that does not assess the card's skill, an empty or unknown response", () => {
    const other = answerReview({
      card: { ...card, skillId: toSkillId("P3") },
      question,
      response: right,
      now: t0,
      settings: DEFAULT_SRS_SETTINGS,
      timeTakenMs: 0,
    });
    expect(other.ok ? null : other.issues[0]?.path).toEqual(["questionId"]);
    const empty = answer([]);
    expect(empty.ok ? null : empty.issues[0]?.path).toEqual(["response"]);
    const unknown = answer(["zz"]);
    expect(unknown.ok ? null : unknown.issues[0]?.message).toMatch(/"zz" is not an option/);
  });

  it("refuses to review a suspended card", () => {
    const suspended = answer(right, { card: { ...card, suspended: true } });
    expect(suspended.ok ? null : suspended.issues[0]?.path).toEqual(["card", "suspended"]);
  });
});

describe("rerateReview", () => {
  function reviewed(response: readonly string[]): { card: SrsCard; log: ReturnType<typeof answer> } {
    const result = answer(response);
    if (!result.ok) throw new Error("answer failed");
    return { card: result.value.card, log: result };
  }

  it("replaces the automatic Good with Easy at the same review time, pushing the due date later", () => {
    const { card: afterGood, log } = reviewed(right);
    if (!log.ok) throw new Error("unreachable");
    const easy = rerateReview(afterGood, [log.value.entry], "easy", DEFAULT_SRS_SETTINGS, question.id);
    if (!easy.ok) throw new Error(JSON.stringify(easy.issues));
    expect(easy.value.entry.rating).toBe("easy");
    expect(easy.value.entry.reviewedAt).toBe(log.value.entry.reviewedAt);
    expect(easy.value.replaced).toEqual(log.value.entry);
    expect(Date.parse(easy.value.card.due)).toBeGreaterThan(Date.parse(afterGood.due));
    const hard = rerateReview(afterGood, [log.value.entry], "hard", DEFAULT_SRS_SETTINGS, question.id);
    expect(hard.ok && Date.parse(hard.value.card.due) <= Date.parse(afterGood.due)).toBe(true);
  });

  it("never turns a wrong answer into Hard or Easy", () => {
    const { card: afterAgain, log } = reviewed(wrong);
    if (!log.ok) throw new Error("unreachable");
    const hard = rerateReview(afterAgain, [log.value.entry], "hard", DEFAULT_SRS_SETTINGS, question.id);
    expect(hard.ok ? null : hard.issues[0]?.path).toEqual(["rating"]);
  });

  it("only re-rates the latest review of the card, for the question that was answered", () => {
    const { card: afterGood, log } = reviewed(right);
    if (!log.ok) throw new Error("unreachable");
    const stale = rerateReview(
      afterGood,
      [log.value.entry],
      "easy",
      DEFAULT_SRS_SETTINGS,
      "concept-check.999.1",
    );
    expect(stale.ok ? null : stale.issues[0]?.path).toEqual(["questionId"]);
    const none = rerateReview(card, [], "easy", DEFAULT_SRS_SETTINGS, question.id);
    expect(none.ok).toBe(false);
  });
});

describe("nextCard and findOfferedCard", () => {
  it("shows due cards before new ones and offers only queued cards", () => {
    const fresh = createCard({ learnerId: "l1", skillId: toSkillId("E1"), source: "lesson" }, t0);
    const learnt = answer(right);
    if (!learnt.ok) throw new Error("unreachable");
    const later = new Date(Date.parse(learnt.value.card.due) + 1000);
    const queue = buildQueue([fresh, learnt.value.card], [learnt.value.entry], later, DEFAULT_SRS_SETTINGS);
    expect(nextCard(queue)?.skillId).toBe("P1");
    expect(findOfferedCard(queue, toSkillId("E1"))?.skillId).toBe("E1");
    const noNew = buildQueue([fresh], [learnt.value.entry], later, {
      ...DEFAULT_SRS_SETTINGS,
      newCardsPerDay: 1,
    });
    expect(findOfferedCard(noNew, toSkillId("E1"))).toBeUndefined();
    expect(nextCard(noNew)).toBeUndefined();
  });
});
