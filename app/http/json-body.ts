import type { z } from "zod";

type PathIssue = { readonly path: readonly PropertyKey[]; readonly message: string };

/** `response.0: expected string` — the field path first, as every 4xx message of the app. */
export function describeIssues(issues: readonly PathIssue[]): string {
  return issues
    .map((issue) => `${issue.path.length > 0 ? issue.path.map(String).join(".") : "body"}: ${issue.message}`)
    .join("; ");
}

/** A 4xx whose `error` names each field and whose `issues` list them for forms. */
export function badRequest(issues: readonly PathIssue[], status = 400): Response {
  return Response.json(
    {
      error: describeIssues(issues),
      issues: issues.map((issue) => ({ path: issue.path.map(String), message: issue.message })),
    },
    { status },
  );
}

export async function readJson(
  request: Request,
): Promise<{ ok: true; body: unknown } | { ok: false; response: Response }> {
  try {
    return { ok: true, body: await request.json() };
  } catch {
    return { ok: false, response: badRequest([{ path: [], message: "expected a JSON object" }]) };
  }
}

/** Reads a JSON body and validates it once, at the edge; the route gets typed data or the 400 to return. */
export async function parseJsonBody<Schema extends z.ZodType>(
  request: Request,
  schema: Schema,
): Promise<{ ok: true; data: z.infer<Schema> } | { ok: false; response: Response }> {
  const read = await readJson(request);
  if (!read.ok) return read;
  const parsed = schema.safeParse(read.body);
  if (!parsed.success) return { ok: false, response: badRequest(parsed.error.issues) };
  return { ok: true, data: parsed.data };
}
