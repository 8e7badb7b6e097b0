import { serverNow } from "@/app/clock";
import { viewingLearner } from "@/app/current-learner";
import { badRequest } from "@/app/http/json-body";
import { jsonRoute, replyWith } from "@/app/http/json-route";
import { reportCsv } from "../../../../export-response";
import { reportHomework } from "../../../homework-service";
import { homeworkCodeSchema } from "../../../schema";

export const dynamic = "force-dynamic";

/** The assignment's report as CSV, for its teacher: the live game's columns, one row per student and concept. */
export const GET = jsonRoute(
  async (_request: Request, { params }: { params: Promise<{ code: string }> }): Promise<Response> => {
    const code = homeworkCodeSchema.safeParse((await params).code);
    if (!code.success)
      return badRequest(code.error.issues.map((issue) => ({ ...issue, path: ["code", ...issue.path] })));
    const learner = await viewingLearner(serverNow());
    const report = await reportHomework(learner.id, code.data);
    if (!report.ok) return replyWith(report);
    return reportCsv(report.value.report, `reachable-homework-${code.data}`);
  },
);
