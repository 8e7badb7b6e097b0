import { z } from "zod";
import { badRequest } from "@/app/http/json-body";
import { gameReportCsv, type GameReport } from "@/lib/classroom/game-report";
import { renderQuizGift } from "@/lib/scenario/export-gift";
import { renderQuizMoodleXml } from "@/lib/scenario/export-moodle-xml";
import { renderQuizQtiZip } from "@/lib/scenario/export-qti";
import type { Question } from "@/lib/scenario/question";

// The downloads of a live game and of a homework assignment: its questions for an LMS (the same renderers as
// `reachable quiz`) and its report as CSV. One place, so both kinds of quiz export byte-for-byte alike.

const formatSchema = z.enum(["gift", "moodle-xml", "qti"]);

const headers = (type: string, file: string) => ({
  "content-type": type,
  "content-disposition": `attachment; filename="${file}"`,
  "cache-control": "no-store",
});

/** `?format=gift|moodle-xml|qti` of the request, rendered from `questions`; a missing or other format is a 400. */
export function questionsExport(
  request: Request,
  questions: readonly Question[],
  name: string,
  title: string,
): Response {
  const format = formatSchema.safeParse(new URL(request.url).searchParams.get("format"));
  if (!format.success) return badRequest([{ path: ["format"], message: "expected gift, moodle-xml or qti" }]);
  switch (format.data) {
    case "gift":
      return new Response(renderQuizGift(questions), {
        headers: headers("text/plain; charset=utf-8", `${name}.gift.txt`),
      });
    case "moodle-xml":
      return new Response(renderQuizMoodleXml(questions), {
        headers: headers("application/xml; charset=utf-8", `${name}.moodle.xml`),
      });
    case "qti":
      return new Response(Buffer.from(renderQuizQtiZip(questions, title)), {
        headers: headers("application/zip", `${name}.qti21.zip`),
      });
  }
}

/** The report as a CSV download. */
export function reportCsv(report: GameReport, name: string): Response {
  return new Response(gameReportCsv(report), { headers: headers("text/csv; charset=utf-8", `${name}.csv`) });
}
