import { describe, expect, it } from "vitest";
import { choiceCountProblem, statedChoiceCount } from "../../lib/scenario/answer-instruction";

const single = { stem: "Which route table entry sends the traffic?", multiSelect: false };
const two = { stem: "Which two statements are true? (Choose two.)", multiSelect: true };
const three = { stem: "Which changes are needed? (Choose three.)", multiSelect: true };
const all = { stem: "Which of these apply?", multiSelect: true };

describe("statedChoiceCount", () => {
  it("reads the count a stem states, 1 for single answer, none for select-all", () => {
    expect(statedChoiceCount(single)).toBe(1);
    expect(statedChoiceCount(two)).toBe(2);
    expect(statedChoiceCount(three)).toBe(3);
    expect(statedChoiceCount(all)).toBeUndefined();
  });
});

describe("choiceCountProblem", () => {
  it("asks for an answer when none is chosen", () => {
    expect(choiceCountProblem(single, [])).toBe("Choose an answer first.");
    expect(choiceCountProblem(two, [])).toBe("Choose an answer first.");
  });

  it("says how many a (Choose two.) question needs and how many were chosen", () => {
    expect(choiceCountProblem(two, ["a"])).toBe("This question asks for two answers; you chose one.");
    expect(choiceCountProblem(two, ["a", "b", "c"])).toBe(
      "This question asks for two answers; you chose three.",
    );
    expect(choiceCountProblem(two, ["a", "a"])).toBe("This question asks for two answers; you chose one.");
    expect(choiceCountProblem(two, ["a", "b"])).toBeUndefined();
    expect(choiceCountProblem(three, ["a", "b", "c"])).toBeUndefined();
  });

  it("accepts one option for a single-answer question and any non-empty pick for select-all", () => {
    expect(choiceCountProblem(single, ["a"])).toBeUndefined();
    expect(choiceCountProblem(single, ["a", "b"])).toBe("This question has one answer; choose one option.");
    expect(choiceCountProblem(all, ["a", "b", "c"])).toBeUndefined();
  });
});
