import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { serverNow } from "@/app/clock";
import { viewingLearner } from "@/app/current-learner";
import { formatDateTime } from "@/app/format-date";
import {
  findAssignment,
  latestSubmission,
  listSubmissions,
  type AssignmentView,
  type SubmissionView,
} from "@/lib/db/assignments";
import { db } from "@/lib/db/client";
import { describeGoal } from "@/lib/lab/goal-text";
import { STARTER_TOPOLOGY_YAML } from "@/lib/lab/starter";
import { LabClient } from "../../lab-client";
import { GoalResults } from "../../lab-goals";
import { lessonTopologies } from "../../lesson-topologies";
import { ASSIGNMENT_ID } from "../../schema";
import { titleUnlessMissing } from "@/app/not-found-title";

export async function generateMetadata({ params }: Pick<Props, "params">): Promise<Metadata> {
  const { id } = await params;
  const assignment = ASSIGNMENT_ID.test(id) ? await findAssignment(db(), id) : null;
  return titleUnlessMissing(assignment !== null, "Lab assignment");
}
export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/**
 * `/lab/assignments/<id>`: a learner gets their own copy of the starting network (or of their last
 * submission) with the goals checked live, and submits; the instructor who made it sees every submission
 * with its per-goal grade (and `?try=1` opens it as a learner would).
 */
export default async function AssignmentPage({ params, searchParams }: Props) {
  const { id } = await params;
  if (!ASSIGNMENT_ID.test(id)) notFound();
  const query = await searchParams;
  const learner = await viewingLearner(serverNow());
  const assignment = await findAssignment(db(), id);
  if (!assignment) notFound();
  if (assignment.ownerId === learner.id && query["try"] !== "1")
    return <Submissions assignment={assignment} submissions={await listSubmissions(db(), id)} />;
  const last = await latestSubmission(db(), id, learner.id);
  const lessons = lessonTopologies();
  return (
    <>
      <h1>Lab assignment</h1>
      <LabClient
        lessons={lessons.map(({ name, description, text, label, lesson }) => ({
          name,
          description,
          text,
          label,
          lesson,
        }))}
        starter={STARTER_TOPOLOGY_YAML}
        initialName="starter"
        openedLabel={last ? "This assignment (your last submission)" : "This assignment's network"}
        initialText={last?.text ?? assignment.text}
        initialFormat={last?.format ?? assignment.format}
        assignment={{
          id: assignment.id,
          title: assignment.title,
          instructions: assignment.instructions,
          goals: [...assignment.goals],
          last: last
            ? { passed: last.passed, total: last.total, submittedAt: last.submittedAt.toISOString() }
            : undefined,
        }}
      />
    </>
  );
}

const who = (submission: SubmissionView): string =>
  submission.username ?? `anonymous learner ${submission.learnerId.slice(0, 6)}`;

function Submissions({
  assignment,
  submissions,
}: {
  assignment: AssignmentView;
  submissions: SubmissionView[];
}) {
  const link = `/lab/assignments/${encodeURIComponent(assignment.id)}`;
  const learners = new Set(submissions.map((submission) => submission.learnerId)).size;
  return (
    <>
      <h1>Assignment: {assignment.title}</h1>
      <p className="lede">
        You made this assignment. Give learners its link; each works on their own copy and submits, and the
        server grades the goals with the model. <a href={`${link}?try=1`}>Try it as a learner</a>.
      </p>
      <p>
        Link for learners:{" "}
        <span className="mono" data-testid="assignment-share">
          {link}
        </span>
      </p>
      {assignment.instructions ? (
        <>
          <h2>Instructions</h2>
          <p className="lab-instructions">{assignment.instructions}</p>
        </>
      ) : null}
      <h2>Goals</h2>
      <ol>
        {assignment.goals.map((goal, index) => (
          <li key={index}>{describeGoal(goal)}</li>
        ))}
      </ol>
      <h2>
        Submissions ({submissions.length} from {learners} learner{learners === 1 ? "" : "s"})
      </h2>
      {submissions.length === 0 ? (
        <p data-testid="assignment-no-submissions">No submissions yet.</p>
      ) : (
        <table className="stacked-table" data-testid="assignment-submissions">
          <thead>
            <tr>
              <th scope="col">Learner</th>
              <th scope="col">Submitted</th>
              <th scope="col">Goals met</th>
              <th scope="col">Per goal</th>
            </tr>
          </thead>
          <tbody>
            {submissions.map((submission) => (
              <tr key={submission.id} data-testid="assignment-submission">
                <td data-label="Learner">{who(submission)}</td>
                <td data-label="Submitted">{formatDateTime(submission.submittedAt)}</td>
                <td data-label="Goals met" data-testid="assignment-submission-score">
                  {submission.passed} / {submission.total}
                </td>
                <td data-label="Per goal">
                  <GoalResults
                    goals={submission.results.map((result) => result.goal)}
                    results={submission.results}
                    testId="assignment-submission-goals"
                  />
                  <details>
                    <summary>Submitted network</summary>
                    <pre className="lab-scroll" tabIndex={0}>
                      {submission.text}
                    </pre>
                  </details>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
