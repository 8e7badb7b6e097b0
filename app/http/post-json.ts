// The one way client components send JSON to the app's routes. The server's field-named error comes back as
// text (`error`), per field (`fields`, for forms), and sessions that ended meanwhile say so (`finished`).
export type Posted<T> =
  | { readonly ok: true; readonly data: T }
  | {
      readonly ok: false;
      readonly error: string;
      readonly fields: Record<string, string>;
      readonly finished: boolean;
      /** The HTTP status of the refusal; 0 when the server could not be reached. */
      readonly status: number;
    };

export async function postJson<T>(
  url: string,
  body?: unknown,
  options: { method?: "POST" | "PUT" | "PATCH" } = {},
): Promise<Posted<T>> {
  try {
    const response = await fetch(url, {
      method: options.method ?? "POST",
      headers: { "content-type": "application/json" },
      // A string is sent as it is: an uploaded JSON file goes through unparsed, so the server reports its errors.
      ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
    });
    const data = (await response.json()) as T & {
      error?: string;
      finished?: boolean;
      issues?: { path: string[]; message: string }[];
    };
    if (!response.ok || typeof data.error === "string") {
      const fields: Record<string, string> = {};
      for (const issue of data.issues ?? []) fields[issue.path[0] ?? ""] ??= issue.message;
      return {
        ok: false,
        error: data.error ?? `the server answered ${response.status}`,
        fields,
        finished: data.finished === true,
        status: response.status,
      };
    }
    return { ok: true, data };
  } catch {
    return {
      ok: false,
      error: "Could not reach the server. Nothing was lost; try again.",
      fields: {},
      finished: false,
      status: 0,
    };
  }
}
