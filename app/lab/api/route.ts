import { parseJsonBody } from "@/app/http/json-body";
import { jsonRoute, refuse, replyWith } from "@/app/http/json-route";
import type { LabEdit } from "@/lib/lab/edits";
import { runLab } from "@/lib/lab/lab-run";
import type { Query } from "@/lib/net";
import { LabRequestSchema, type LabRequestInput } from "../schema";

type QueryInput = NonNullable<LabRequestInput["query"]>;

const toQuery = ({ port, ...rest }: QueryInput): Query => (port === undefined ? rest : { ...rest, port });

// A patch's list names and items are checked where it is applied: the result must parse as a topology.
function toEdit(edit: NonNullable<LabRequestInput["edit"]>): LabEdit {
  return edit.kind === "apply-fix" ? { ...edit, query: toQuery(edit.query) } : (edit as LabEdit);
}

export const dynamic = "force-dynamic";

/**
 * One lab turn: the learner's topology text (and an edit, if any) in, the validated, analysed network out.
 * Nothing is stored. Cross-site POSTs are refused by the proxy's Origin check before this runs.
 */
export const POST = jsonRoute(async (request: Request): Promise<Response> => {
  const parsed = await parseJsonBody(request, LabRequestSchema);
  if (!parsed.ok) return parsed.response;
  const { text, format, query, edit, baseText, matrix, goals } = parsed.data;
  const outcome = await runLab({
    text,
    format,
    query: query ? toQuery(query) : undefined,
    edit: edit ? toEdit(edit) : undefined,
    baseText,
    matrix,
    goals,
  });
  return replyWith(outcome.ok ? outcome : refuse(422, `${outcome.field}: ${outcome.error}`));
});
