import { parseJsonBody } from "@/app/http/json-body";
import { jsonRoute, refuse, replyWith } from "@/app/http/json-route";
import { importSnapshot } from "@/lib/lab/import-snapshot";
import { LabImportSchema } from "../schema";

export const dynamic = "force-dynamic";

/** An uploaded AWS snapshot (the describe-* JSON files, parsed by the browser) in, topology text out. */
export const POST = jsonRoute(async (request: Request): Promise<Response> => {
  const parsed = await parseJsonBody(request, LabImportSchema);
  if (!parsed.ok) return parsed.response;
  const outcome = importSnapshot(parsed.data.files);
  return replyWith(outcome.ok ? outcome : refuse(422, `${outcome.field}: ${outcome.error}`));
});
