import { expect } from "vitest";
import { must } from "../support/must";

// The fast lane's Server-Sent Events, read as a browser's EventSource would, for the classroom HTTP tests.

/** Reads SSE frames until `until` returns true for one of them. */
export async function readEvents(
  url: string,
  cookie: string,
  until: (type: string, data: unknown) => boolean,
): Promise<{ type: string; data: unknown }[]> {
  const controller = new AbortController();
  const response = await fetch(url, { headers: { cookie }, signal: controller.signal });
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
  const reader = must(response.body).getReader();
  const decoder = new TextDecoder();
  const seen: { type: string; data: unknown }[] = [];
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return seen;
    buffer += decoder.decode(value, { stream: true });
    let end;
    while ((end = buffer.indexOf("\n\n")) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const type = /^event: (.*)$/m.exec(block)?.[1];
      const data = /^data: (.*)$/m.exec(block)?.[1];
      if (type === undefined || data === undefined) continue;
      seen.push({ type, data: JSON.parse(data) as unknown });
      if (until(type, seen[seen.length - 1]?.data)) {
        controller.abort();
        return seen;
      }
    }
  }
}
