// The lab's question as the learner types it (From, To, Protocol, Port), checked with the same QuerySchema the
// CLI's analysis and /lab/api use, so every entry point refuses the same questions (port 99999 was analysed in
// the browser's worker, which skipped the API's schema, and blamed a security group for it). Errors read in the
// form's words ("Port: …"), not the request's field paths ("query.port: …").
import { QuerySchema, type Protocol, type Query } from "@/lib/net/query";

export type QueryField = "from" | "to" | "protocol" | "port";

export type QueryCheck =
  | { readonly ok: true; readonly query: Query }
  | { readonly ok: false; readonly field: QueryField; readonly message: string };

export const PORT_MESSAGE = "port must be a whole number from 1 to 65535";

const LABELS: Readonly<Record<QueryField, string>> = {
  from: "From",
  to: "To",
  protocol: "Protocol",
  port: "Port",
};

const isField = (value: unknown): value is QueryField =>
  value === "from" || value === "to" || value === "protocol" || value === "port";

/** Checks a query with QuerySchema; the first problem names its field. */
export function checkQuery(query: unknown): QueryCheck {
  const parsed = QuerySchema.safeParse(query);
  if (parsed.success) {
    const { port, ...rest } = parsed.data;
    return { ok: true, query: port === undefined ? rest : { ...rest, port } };
  }
  const issue = parsed.error.issues[0];
  const field = isField(issue?.path[0]) ? issue.path[0] : "from";
  if (field === "port") return { ok: false, field, message: PORT_MESSAGE };
  if (field === "from" || field === "to")
    return { ok: false, field, message: `pick a ${field === "from" ? "source" : "destination"}` };
  return { ok: false, field, message: issue?.message ?? "not a question the lab can ask" };
}

/**
 * The form's fields as a query: ICMP has no port; an empty port asks about any port. A port that is not a whole
 * number ("44.5", "443abc", "1e3") is refused, not read as its leading digits.
 */
export function queryFromFields(fields: {
  from: string;
  to: string;
  protocol: Protocol;
  port: string;
}): QueryCheck {
  const from = fields.from.trim();
  const to = fields.to.trim();
  const portText = fields.port.trim();
  const port =
    fields.protocol === "icmp" || portText === ""
      ? undefined
      : /^\d+$/.test(portText)
        ? Number(portText)
        : Number.NaN;
  return checkQuery({ from, to, protocol: fields.protocol, ...(port === undefined ? {} : { port }) });
}

/** "From: unknown source …" for the form, from the `query.from: Unknown source …` a lab turn answers with. */
export function formError(field: QueryField, message: string): string {
  const label = LABELS[field];
  if (message.toLowerCase().startsWith(`${label.toLowerCase()} `)) return label + message.slice(label.length);
  const lowered = /^[A-Z][a-z]/.test(message) ? message.charAt(0).toLowerCase() + message.slice(1) : message;
  return `${label}: ${lowered}`;
}

/** The field a lab turn's error is about, when it is one of the question's (`query.port: …`). */
export function queryErrorField(error: string): { field: QueryField; message: string } | undefined {
  const match = /^query\.(\w+): ([\s\S]*)$/.exec(error);
  const field = match?.[1];
  return match && isField(field) ? { field, message: match[2] ?? "" } : undefined;
}

/**
 * A lab turn's error in the learner's words: the question's fields by their labels, `lab: ` and `text: `
 * prefixes dropped (the text's errors are listed under the editor), an edit's fields named plainly.
 */
export function userError(error: string): string {
  const query = queryErrorField(error);
  if (query) return formError(query.field, query.message);
  const match = /^([\w.[\]]+): ([\s\S]*)$/.exec(error);
  if (!match) return error;
  const [, field = "", message = ""] = match;
  const sentence = message.charAt(0).toUpperCase() + message.slice(1);
  if (field === "lab" || field === "text" || field === "error") return sentence;
  if (field.startsWith("edit")) return `This change cannot be made: ${message}`;
  return error;
}
