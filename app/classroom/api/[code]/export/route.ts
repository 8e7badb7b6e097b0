import { serverNow } from "@/app/clock";
import { badRequest } from "@/app/http/json-body";
import { jsonRoute, replyWith } from "@/app/http/json-route";
import { gameQuestions } from "../../../classroom-game";
import { questionsExport } from "../../../export-response";
import { classroomIdentity } from "../../../identity";
import { joinCodeSchema } from "../../../schema";

export const dynamic = "force-dynamic";

/**
 * The game's questions with their keys and explanations, for its teacher, in a format an LMS imports: Moodle GIFT,
 * Moodle XML, or a QTI 2.1 package (.zip: Canvas, Blackboard). The same renderers as `reachable quiz`.
 */
export const GET = jsonRoute(
  async (request: Request, { params }: { params: Promise<{ code: string }> }): Promise<Response> => {
    const code = joinCodeSchema.safeParse((await params).code);
    if (!code.success)
      return badRequest(code.error.issues.map((issue) => ({ ...issue, path: ["joinCode", ...issue.path] })));
    const who = await classroomIdentity(serverNow(), "read");
    const questions = await gameQuestions(who, code.data);
    if (!questions.ok) return replyWith(questions);
    return questionsExport(
      request,
      questions.value,
      `reachable-classroom-${code.data}`,
      `Reachable classroom game ${code.data}`,
    );
  },
);
