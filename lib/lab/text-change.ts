// The editor gets a new text after every form edit, fix, undo and redo. Replacing the whole document made
// CodeMirror re-parse and re-measure all of it (264 KB for 50 VPCs) on the main thread while the verdict was
// being drawn; one change spanning only what differs lets it reuse the rest (and keeps the scroll position).

export type TextChange = { readonly from: number; readonly to: number; readonly insert: string };

/** The single replacement that turns `before` into `after`: everything between their common start and end. */
export function textChange(before: string, after: string): TextChange | undefined {
  if (before === after) return undefined;
  const limit = Math.min(before.length, after.length);
  let start = 0;
  while (start < limit && before.charCodeAt(start) === after.charCodeAt(start)) start += 1;
  let end = 0;
  while (
    end < limit - start &&
    before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)
  )
    end += 1;
  return { from: start, to: before.length - end, insert: after.slice(start, after.length - end) };
}
