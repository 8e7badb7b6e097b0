import { serverNow } from "@/app/clock";
import { badRequest } from "@/app/http/json-body";
import { jsonRoute, replyWith } from "@/app/http/json-route";
import { reportGame } from "../../../classroom-game";
import { reportCsv } from "../../../export-response";
import { classroomIdentity } from "../../../identity";
import { joinCodeSchema } from "../../../schema";

export const dynamic = "force-dynamic";

/** The game's report as CSV, for its teacher: per player (totals and per concept), then per question. */
export const GET = jsonRoute(
  async (_request: Request, { params }: { params: Promise<{ code: string }> }): Promise<Response> => {
    const code = joinCodeSchema.safeParse((await params).code);
    if (!code.success)
      return badRequest(code.error.issues.map((issue) => ({ ...issue, path: ["joinCode", ...issue.path] })));
    const who = await classroomIdentity(serverNow(), "read");
    const report = await reportGame(who, code.data);
    if (!report.ok) return replyWith(report);
    return reportCsv(report.value, `reachable-classroom-${code.data}`);
  },
);
