import { TopologyDiagram } from "@/app/components/topology-diagram";
import { QuestionExhibit } from "@/app/components/question-exhibit";
import { highlightFromAnalysis, topologyToDiagram } from "@/lib/diagram/from-topology";
import { layoutDiagram } from "@/lib/diagram/layout";
import type { Analysis } from "@/lib/net";
import { analyze } from "@/lib/net/reachability";
import type { QuestionForClient } from "@/lib/scenario/question";
import { describePath } from "./feedback";

/**
 * The stem, exhibit and topology of a question, rendered on the server. Before an answer it gets the redacted
 * question only; `highlight` (after the answer) draws the model's path and the blocker on the diagram.
 */
export async function QuestionBody({
  question,
  highlight = false,
  withDiagram = true,
  withStem = true,
  exhibitHeadingLevel = 3,
}: {
  question: QuestionForClient;
  highlight?: boolean;
  /** False: the caller draws the diagram itself (practice redraws it with the path after the answer). */
  withDiagram?: boolean;
  /** False: the caller shows the stem itself (the live classroom puts the answer tiles between the two). */
  withStem?: boolean;
  /** 2 where the question sits right under the page's h1. */
  exhibitHeadingLevel?: 2 | 3;
}) {
  const diagram = question.topology && withDiagram ? topologyToDiagram(question.topology) : undefined;
  const placed = diagram ? await layoutDiagram(diagram) : undefined;
  let analysis: Analysis | undefined;
  if (highlight && question.topology && question.query) analysis = analyze(question.topology, question.query);
  return (
    <>
      {withStem ? <QuestionStem question={question} /> : null}
      {placed && diagram ? (
        <TopologyDiagram
          diagram={placed}
          title={analysis ? "The path the model traced" : "Topology of the question"}
          description={analysis ? describePath(analysis, question.topology) : undefined}
          highlight={
            analysis && question.topology
              ? highlightFromAnalysis(question.topology, diagram, analysis)
              : undefined
          }
        />
      ) : null}
      <QuestionExhibit exhibit={question.exhibit} headingLevel={exhibitHeadingLevel} />
      {analysis && question.query ? (
        <p
          className={analysis.reachable ? "trace-verdict ok" : "trace-verdict bad"}
          data-testid="path-verdict"
        >
          {question.query.from} → {question.query.to}:{" "}
          {analysis.reachable ? "reachable" : `not reachable — ${analysis.blockers[0]?.message ?? "no path"}`}
        </p>
      ) : null}
    </>
  );
}

/** The question's text, as QuestionBody shows it first. */
export function QuestionStem({ question }: { question: Pick<QuestionForClient, "id" | "stem"> }) {
  return (
    <p id={`${question.id}-stem`} className="stem" data-testid="stem">
      {question.stem}
    </p>
  );
}
