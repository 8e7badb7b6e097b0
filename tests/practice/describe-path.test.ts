import { describe, expect, it } from "vitest";
import { describePath, practiceFeedback } from "../../app/practice/feedback";
import { analyze } from "../../lib/net/reachability";
import { familyNames, generateQuestion } from "../../lib/scenario/index";
import type { Question } from "../../lib/scenario/question";

/** An AWS-style resource id (sg-0abc…, tgw-attach-0…, acl-default-vpc-0…): never read out to a learner. */
const AWS_ID = /\b(?:[a-z]+-)+[0-9a-f]{8,17}\b/;

function questionsWithPaths(): Question[] {
  const found: Question[] = [];
  for (const family of familyNames())
    for (const seed of [1, 2, 3]) {
      const generated = generateQuestion(family, seed, 2);
      if (generated.ok && generated.question.topology && generated.question.query)
        found.push(generated.question);
    }
  return found;
}

describe("the diagram's text alternative after answering", () => {
  const questions = questionsWithPaths();

  it("names the path and the blocker by the names on the diagram, never by resource id", () => {
    let blocked = 0;
    for (const question of questions) {
      const topology = question.topology;
      const query = question.query;
      if (!topology || !query) continue;
      const analysis = analyze(topology, query);
      const text = describePath(analysis, topology);
      expect(text, question.id).not.toMatch(AWS_ID);
      expect(text).not.toMatch(/\.\.$/);
      expect(text).toMatch(/^(Path: .+\.|No path\.) /);
      const blocker = analysis.blockers[0];
      if (analysis.reachable || blocker === undefined) {
        expect(text).toMatch(/The traffic arrives\.$/);
        continue;
      }
      blocked += 1;
      expect(text).toMatch(/ Blocked at (?!a component)[^:]+: /);
    }
    expect(blocked).toBeGreaterThan(5);
  });

  it("is what practice feedback carries, and only feedback (after grading) carries it", () => {
    const question = questions.find((q) => q.topology && q.query && !analyze(q.topology, q.query).reachable);
    if (!question?.topology || !question.query) throw new Error("no blocked question generated");
    const feedback = practiceFeedback(question, []);
    expect(feedback.diagramText).toBe(
      describePath(analyze(question.topology, question.query), question.topology),
    );
    expect(feedback.diagramText).toMatch(/Blocked at /);
  });
});
