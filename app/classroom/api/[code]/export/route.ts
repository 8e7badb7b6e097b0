import { z } from "zod";
import { serverNow } from "@/app/clock";
import { viewingLearner } from "@/app/current-learner";
import { badRequest } from "@/app/http/json-body";
import { jsonRoute, replyWith } from "@/app/http/json-route";
import { renderQuizGift } from "@/lib/scenario/export-gift";
import { renderQuizMoodleXml } from "@/lib/scenario/export-moodle-xml";
import { renderQuizQtiZip } from "@/lib/scenario/export-qti";
import { gameQuestions } from "../../../classroom-game";
import { joinCodeSchema } from "../../../schema";

export const dynamic = "force-dynamic";

const formatSchema = z.enum(["gift", "moodle-xml", "qti"]);

/**
 * The game's questions with their keys and explanations, for its teacher, in a format an LMS imports: Moodle GIFT,
 * Moodle XML, or a QTI 2.1 package (.zip: Canvas, Blackboard). The same renderers as `reachable quiz`.
 */
export const GET = jsonRoute(
  async (request: Request, { params }: { params: Promise<{ code: string }> }): Promise<Response> => {
    const code = joinCodeSchema.safeParse((await params).code);
    if (!code.success)
      return badRequest(code.error.issues.map((issue) => ({ ...issue, path: ["joinCode", ...issue.path] })));
    const format = formatSchema.safeParse(new URL(request.url).searchParams.get("format"));
    if (!format.success)
      return badRequest([{ path: ["format"], message: "expected gift, moodle-xml or qti" }]);
    const learner = await viewingLearner(serverNow());
    const questions = await gameQuestions(learner.id, code.data);
    if (!questions.ok) return replyWith(questions);
    const name = `reachable-classroom-${code.data}`;
    const headers = (type: string, file: string) => ({
      "content-type": type,
      "content-disposition": `attachment; filename="${file}"`,
      "cache-control": "no-store",
    });
    switch (format.data) {
      case "gift":
        return new Response(renderQuizGift(questions.value), {
          headers: headers("text/plain; charset=utf-8", `${name}.gift.txt`),
        });
      case "moodle-xml":
        return new Response(renderQuizMoodleXml(questions.value), {
          headers: headers("application/xml; charset=utf-8", `${name}.moodle.xml`),
        });
      case "qti":
        return new Response(
          Buffer.from(renderQuizQtiZip(questions.value, `Reachable classroom game ${code.data}`)),
          {
            headers: headers("application/zip", `${name}.qti21.zip`),
          },
        );
    }
  },
);
