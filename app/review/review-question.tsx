import { randomInt } from "node:crypto";
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
import { serverNow } from "../clock";
import { viewingLearner } from "../current-learner";
import { sealQuestionId } from "../security/question-token";

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
  // The browser sees a sealed id that opens only for this card and this learner (app/security/question-token.ts).
  const learner = await viewingLearner(serverNow());
  const question = {
    ...toClientQuestion(picked.question),
    id: sealQuestionId(picked.question.id, { kind: "review", skillId: card.skillId, learnerId: learner.id }),
  };
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
      {question.exhibit && question.exhibit.length > 0 ? (
        <pre className="exhibit">
          <code>{question.exhibit.join("\n")}</code>
        </pre>
      ) : null}
      <ReviewForm key={question.id} skillId={card.skillId} question={{ id: question.id, options: question.options, ...(question.multiSelect ? { multiSelect: true } : {}) }} />
    </section>
  );
}
