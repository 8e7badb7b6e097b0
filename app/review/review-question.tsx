import { randomInt } from "node:crypto";
import { QuestionExhibit } from "../components/question-exhibit";
import { layoutDiagram } from "@/lib/diagram/layout";
import { topologyToDiagram } from "@/lib/diagram/from-topology";
import { toClientQuestion } from "@/lib/grading/redact";
import { pickReviewQuestion } from "@/lib/review/index";
import { createRng } from "@/lib/scenario/rng";
import { FAMILIES } from "@/lib/scenario/registry";
import { parseSkillId, type SrsCard } from "@/lib/srs/index";
import { findConcept } from "@/lib/content/concepts";
import { TopologyDiagram } from "../components/topology-diagram";
import { ReviewForm } from "./review-form";

/**
 * One due card with a freshly generated variant of its skill. Rendered on the server; only the redacted
 * question reaches the browser, and the answer is graded by POST /api/review/answer.
 */
export async function ReviewQuestion({ card, seenQuestionIds }: { card: SrsCard; seenQuestionIds: readonly string[] }) {
  const skill = parseSkillId(card.skillId);
  if (!skill.ok) return <p className="error">Card {card.skillId} names no known skill: {skill.issues.map((issue) => issue.message).join("; ")}</p>;
  // A new seed per page view: the server's entropy, passed into the pure picker as an rng.
  const picked = pickReviewQuestion({ skill: skill.value, seenQuestionIds, rng: createRng(randomInt(0, 0x100000000)), families: FAMILIES });
  if (!picked.ok) return <p className="error">{picked.issues.map((issue) => issue.message).join("; ")}. Suspend the card to skip it.</p>;
  const question = toClientQuestion(picked.question);
  const placed = question.topology ? await layoutDiagram(topologyToDiagram(question.topology)) : undefined;
  const concept = findConcept(skill.value.conceptId);
  return (
    <section className="card review-card" aria-label="Review card" data-skill-id={card.skillId} data-question-id={question.id}>
      <p className="try-it-label">
        {card.skillId} · {card.state === "new" ? "new" : card.state}
        {concept ? <span className="review-concept"> — {concept.text.replaceAll("**", "")}</span> : null}
      </p>
      <p className="stem">{question.stem}</p>
      {placed ? <TopologyDiagram diagram={placed} title={`Topology for question ${question.id}`} /> : null}
      <QuestionExhibit exhibit={question.exhibit} questionId={question.id} />
      <ReviewForm key={question.id} skillId={card.skillId} question={{ id: question.id, options: question.options, ...(question.multiSelect ? { multiSelect: true } : {}) }} />
    </section>
  );
}
