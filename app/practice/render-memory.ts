// What a page showed after its server render, for the browser's Back and Forward.
//
// The client router keeps each page's server render (its RSC payload) and replays it on Back and Forward without
// asking the server again. A page whose state then moved on in the browser alone (a practice answer, "Next
// question", a started session: each one request whose reply the page applies in place) would come back as the
// server first rendered it: the start form, or the question before its answer. So every server render carries a
// fresh `renderId`, and the page notes here, under that id, what it shows as it changes. A replay brings the same
// id back, and the page shows what it had shown; a new server render (a reload, a navigation, a refresh) brings a
// new id and the server's state wins. This lives in the tab's memory only: a reload renders on the server anyway.

const LIMIT = 50;
const shown = new Map<string, unknown>();

/** What one kind of page showed, per render: `name` keeps kinds apart (a practice view, a review card). */
export type RenderMemory<T> = {
  /** What the page rendered as `renderId` last showed, or undefined when this render is new. */
  recall(renderId: string): T | undefined;
  /** Notes what the page rendered as `renderId` shows now; the oldest renders are forgotten past a limit. */
  remember(renderId: string, value: T): void;
};

export function renderMemory<T>(name: string): RenderMemory<T> {
  return {
    recall: (renderId) => shown.get(`${name}:${renderId}`) as T | undefined,
    remember(renderId, value) {
      const key = `${name}:${renderId}`;
      shown.delete(key);
      shown.set(key, value);
      if (shown.size > LIMIT) {
        const oldest = shown.keys().next().value;
        if (oldest !== undefined) shown.delete(oldest);
      }
    },
  };
}
