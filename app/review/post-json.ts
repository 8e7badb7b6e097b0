// The one way review components call /api/review/*: the server's field-named error comes back as text.
export type Posted<T> = { readonly ok: true; readonly data: T } | { readonly ok: false; readonly error: string; readonly fields: Record<string, string> };

export async function postJson<T>(url: string, method: "POST" | "PUT" | "PATCH", body?: unknown): Promise<Posted<T>> {
  try {
    const response = await fetch(url, {
      method,
      headers: { "content-type": "application/json" },
      ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
    });
    const data = (await response.json()) as T & { error?: string; issues?: { path: string[]; message: string }[] };
    if (!response.ok) {
      const fields: Record<string, string> = {};
      for (const issue of data.issues ?? []) fields[issue.path[0] ?? ""] ??= issue.message;
      return { ok: false, error: data.error ?? `the server answered ${response.status}`, fields };
    }
    return { ok: true, data };
  } catch {
    return { ok: false, error: "Could not reach the server; nothing was changed. Try again.", fields: {} };
  }
}
