// "Open in the lab" from an answered question's feedback: `/lab?q=<sealed id>&from=<where it was served>`.
// The sealed id opens only in the scope and for the learner it was served to, and only once that learner
// has answered it there (or, in a classroom, once the answer was revealed to the room): the lab would show
// the answer before the learner gives it.
import { viewGame } from "@/app/classroom/classroom-game";
import { joinCodeSchema } from "@/app/classroom/schema";
import { serverNow } from "@/app/clock";
import { openQuestionId, type QuestionScope } from "@/app/security/question-token";
import { hasAttempt } from "@/lib/db/attempts";
import { db } from "@/lib/db/client";
import { listReviewedQuestionIds } from "@/lib/db/srs";
import { labFromQuestion, type QuestionLab } from "@/lib/lab/from-question";
import { parseSkillId, type SkillId } from "@/lib/srs/skill-id";
import { classroomIdentity } from "@/app/classroom/identity";

const FROM = /^(practice|exam|review|classroom):(.{1,200})$/;
const SESSION_ID = /^[A-Za-z0-9_-]{1,100}$/;
const AFTER_REVEAL = new Set(["reveal", "leaderboard", "finished"]);

type Where = { scope: QuestionScope; answered: (questionId: string) => Promise<boolean> };

function whereFrom(from: string, learnerId: string): Where | undefined {
  const match = FROM.exec(from);
  const kind = match?.[1];
  const rest = match?.[2] ?? "";
  if ((kind === "practice" || kind === "exam") && SESSION_ID.test(rest))
    return {
      scope: { kind, sessionId: rest, learnerId },
      answered: (questionId) => hasAttempt(db(), learnerId, questionId, `${kind}:${rest}`),
    };
  if (kind === "review" && parseSkillId(rest).ok) {
    const skillId = rest as SkillId;
    return {
      scope: { kind, skillId, learnerId },
      answered: async (questionId) =>
        (await listReviewedQuestionIds(db(), learnerId, skillId)).includes(questionId),
    };
  }
  const joinCode = kind === "classroom" ? joinCodeSchema.safeParse(rest) : undefined;
  if (joinCode?.success)
    return {
      scope: { kind: "classroom", joinCode: joinCode.data, learnerId },
      // A player who answered, or anyone in the game (the host too) once the room has seen the answer.
      answered: async (questionId) => {
        if (await hasAttempt(db(), learnerId, questionId, `classroom:${joinCode.data}`)) return true;
        const game = await viewGame(await classroomIdentity(serverNow(), "read"), joinCode.data, serverNow());
        return game.ok && game.value.question?.id === questionId && AFTER_REVEAL.has(game.value.phase);
      },
    };
  return undefined;
}

export async function openQuestionInLab(
  token: string,
  from: string,
  learnerId: string,
): Promise<QuestionLab> {
  const where = whereFrom(from, learnerId);
  if (!where)
    return {
      ok: false,
      error:
        "This link does not say where the question was served (practice, exam, review or a classroom), so its network cannot be opened.",
    };
  const opened = openQuestionId(token, where.scope);
  if (!opened.ok)
    return {
      ok: false,
      error: "This question was not served to you there, so its network cannot be opened here.",
    };
  if (!(await where.answered(opened.questionId)))
    return {
      ok: false,
      error:
        "Its network opens once you have answered it: answer the question first, then open the lab from its feedback.",
    };
  return labFromQuestion(opened.questionId);
}
