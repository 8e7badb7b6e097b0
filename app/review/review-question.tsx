import { QuestionExhibit } from "../components/question-exhibit";
import { layoutDiagram } from "@/lib/diagram/layout";
import { topologyToDiagram } from "@/lib/diagram/from-topology";
import { answerOutcome } from "@/lib/grading/outcome";
import { toClientQuestion } from "@/lib/grading/redact";
import { pickReviewQuestion } from "@/lib/review/index";
import { createRng, hashString } from "@/lib/scenario/rng";
import { FAMILIES } from "@/lib/scenario/registry";
import type { Question } from "@/lib/scenario/question";
import { allowedRatings, parseSkillId, previewIntervals, type SrsCard } from "@/lib/srs/index";
import { findConcept } from "@/lib/content/concepts";
import type { StoredReview } from "@/lib/db/srs";
import { TopologyDiagram } from "../components/topology-diagram";
import { serverNow } from "../clock";
import { viewingLearner } from "../current-learner";
import { sealQuestionId } from "../security/question-token";
import { ReviewForm } from "./review-form";
import { CardStateLabel } from "./review-live";

/**
 * The variant a card shows: drawn from a seed fixed by the card's state, so a reload shows the same question
 * and the next review of the card, after its state has changed, a new one.
 */
function cardSeed(card: SrsCard): number {
  return hashString(
    [card.learnerId, card.skillId, card.reps, card.lapses, card.lastReview ?? "new"].join("|"),
  );
}

/**
 * One card with a generated variant of its skill. Rendered on the server; only the redacted question reaches
 * the browser before the answer, which POST /api/review/answer grades. `answered`: the card was just reviewed
 * with this question and stays on screen with its feedback.
 */
export async function ReviewQuestion({
  card,
  seenQuestionIds,
  restored,
  answered,
}: {
  card: SrsCard;
  seenQuestionIds: readonly string[];
  /** The variant of the card's undone review: shown again instead of a fresh draw. */
  restored?: Question | undefined;
  answered?:
    | { readonly question: Question; readonly review: StoredReview; readonly response: readonly string[] }
    | undefined;
}) {
  const skill = parseSkillId(card.skillId);
  if (!skill.ok)
    return <p className="error">Card {card.skillId} names no known skill. Suspend it to skip it.</p>;
  const again = answered?.question ?? restored;
  const picked = again
    ? { ok: true as const, question: again }
    : pickReviewQuestion({
        skill: skill.value,
        seenQuestionIds,
        rng: createRng(cardSeed(card)),
        families: FAMILIES,
      });
  if (!picked.ok)
    return (
      <p className="error">No question could be drawn for {card.skillId} now. Suspend the card to skip it.</p>
    );
  // The browser sees a sealed id that opens only for this card and this learner (app/security/question-token.ts).
  const learner = await viewingLearner(serverNow());
  const question = {
    ...toClientQuestion(picked.question),
    id: sealQuestionId(picked.question.id, { kind: "review", skillId: card.skillId, learnerId: learner.id }),
  };
  const placed = question.topology ? await layoutDiagram(topologyToDiagram(question.topology)) : undefined;
  const concept = findConcept(skill.value.conceptId);
  const outcome = answered ? answerOutcome(answered.question, answered.response, "always") : undefined;
  const shown =
    answered && outcome
      ? {
          outcome,
          rating: answered.review.rating,
          nextDue: answered.review.nextDue,
          response: answered.response,
          // The review row keeps the settings it was scheduled with, so the buttons show what rating it gives.
          intervals: previewIntervals(
            answered.review.before,
            new Date(answered.review.reviewedAt),
            answered.review,
          ),
          allowed: allowedRatings(outcome.correct),
        }
      : undefined;
  return (
    <section
      className="card review-card"
      aria-label="Review card"
      data-skill-id={card.skillId}
      data-question-id={question.id}
    >
      <p className="try-it-label">
        {card.skillId} ·{" "}
        <CardStateLabel
          skillId={card.skillId}
          initial={answered ? `reviewed · now ${card.suspended ? "suspended" : card.state}` : card.state}
        />
        {concept ? <span className="review-concept"> — {concept.text.replaceAll("**", "")}</span> : null}
      </p>
      <p className="stem">{question.stem}</p>
      {placed ? <TopologyDiagram diagram={placed} title="Topology of the question" /> : null}
      <QuestionExhibit exhibit={question.exhibit} />
      <ReviewForm
        key={question.id}
        skillId={card.skillId}
        question={{
          id: question.id,
          options: question.options,
          ...(question.multiSelect ? { multiSelect: true } : {}),
        }}
        answered={shown}
        labFrom={question.topology ? `review:${card.skillId}` : undefined}
      />
    </section>
  );
}
