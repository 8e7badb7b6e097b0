import { serverNow } from "@/app/clock";
import { viewingLearner } from "@/app/current-learner";
import { badRequest } from "@/app/http/json-body";
import { jsonRoute, replyWith } from "@/app/http/json-route";
import { questionsExport } from "../../../../export-response";
import { homeworkQuestions } from "../../../homework-service";
import { homeworkCodeSchema } from "../../../schema";

export const dynamic = "force-dynamic";

/** The assignment's questions with keys for an LMS (GIFT, Moodle XML, QTI 2.1 zip), for its teacher. */
export const GET = jsonRoute(
  async (request: Request, { params }: { params: Promise<{ code: string }> }): Promise<Response> => {
    const code = homeworkCodeSchema.safeParse((await params).code);
    if (!code.success)
      return badRequest(code.error.issues.map((issue) => ({ ...issue, path: ["code", ...issue.path] })));
    const learner = await viewingLearner(serverNow());
    const questions = await homeworkQuestions(learner.id, code.data);
    if (!questions.ok) return replyWith(questions);
    return questionsExport(
      request,
      questions.value,
      `reachable-homework-${code.data}`,
      `Reachable homework ${code.data}`,
    );
  },
);
