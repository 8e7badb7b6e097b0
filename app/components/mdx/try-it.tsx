import { topologyToDiagram } from "@/lib/diagram/from-topology";
import { QuestionExhibit } from "../question-exhibit";
import { layoutDiagram } from "@/lib/diagram/layout";
import { toClientQuestion } from "@/lib/grading/redact";
import { generateQuestion } from "@/lib/scenario/generate";
import { isDifficulty } from "@/lib/scenario/question";
import { generateQuestionForConcept } from "@/lib/scenario/targeted";
import { sealQuestionId } from "@/app/security/question-token";
import { TopologyDiagram } from "../topology-diagram";
import { TryItForm } from "../try-it-form";

/**
 * `<TryIt family="can-a-reach-c" seed={101} difficulty={1} />`, optionally `concept="F3"`: a generated question
 * rendered on the server.
 * Only the redacted question reaches the browser; the answer is checked by POST /api/answers.
 */
export async function TryIt({
  family,
  seed,
  difficulty = 1,
  concept,
  lessonSlug,
}: {
  family: string;
  seed: number;
  difficulty?: number;
  /** Aim the question at one concept of the lesson. */
  concept?: string;
  lessonSlug: string;
}) {
  if (!isDifficulty(difficulty)) throw new Error(`TryIt: difficulty ${difficulty} is not 1, 2 or 3`);
  const generated =
    concept === undefined
      ? generateQuestion(family, seed, difficulty)
      : generateQuestionForConcept(family, seed, difficulty, concept);
  if (!generated.ok)
    throw new Error(`TryIt: ${generated.issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`);
  // The browser sees a sealed id that opens only for this lesson (app/security/question-token.ts).
  const question = {
    ...toClientQuestion(generated.question),
    id: sealQuestionId(generated.question.id, { kind: "lesson", slug: lessonSlug }),
  };
  const placed = question.topology ? await layoutDiagram(topologyToDiagram(question.topology)) : undefined;
  return (
    <section className="try-it card" aria-labelledby={`${question.id}-stem`} data-question-id={question.id}>
      <p className="try-it-label">Try it</p>
      <p id={`${question.id}-stem`} className="stem">
        {question.stem}
      </p>
      {placed ? <TopologyDiagram diagram={placed} title="The network of this question" /> : null}
      <QuestionExhibit exhibit={question.exhibit} />
      <TryItForm
        question={{
          id: question.id,
          options: question.options,
          ...(question.multiSelect ? { multiSelect: true } : {}),
        }}
        context={{ kind: "lesson", slug: lessonSlug }}
      />
    </section>
  );
}
