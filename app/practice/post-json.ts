/** POSTs JSON and returns the parsed reply, or the server's field-named error with its body (client side). */
export async function postJson<T>(
  url: string,
  body: unknown,
): Promise<{ ok: true; data: T } | { ok: false; error: string; finished: boolean }> {
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    const data = (await response.json()) as T & { error?: string; finished?: boolean };
    if (!response.ok || typeof data.error === "string") {
      return {
        ok: false,
        error: data.error ?? `the server answered ${response.status}`,
        finished: data.finished === true,
      };
    }
    return { ok: true, data };
  } catch {
    return { ok: false, error: "Could not reach the server. Nothing was lost; try again.", finished: false };
  }
}
